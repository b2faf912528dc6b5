package dev.kam.scenario;

import dev.kam.domain.Account;
import dev.kam.domain.Layer;
import dev.kam.domain.Problem;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables as CRMs and Excel export them: every lenient number form with its note, the ambiguous forms
 * that stay errors, header aliases and units, columns:/ignoreColumns/unknownColumns, Chinese words, and
 * owners given by name.
 */
class LenientTablesTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    private static final String HEADER = "id,name,industry,region,revenue,wallet,margin";

    /** Accounts with only the required columns: id, name, industry, region, then revenue, wallet, margin cells. */
    private void accounts(String... rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String r : rows) sb.append(r).append('\n');
        f.write("accounts.csv", sb.toString());
    }

    private Account only(String revenue, String wallet, String margin) {
        accounts("A1,n,energy,east," + revenue + "," + wallet + "," + margin);
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        return r.scenario().accounts().get(0);
    }

    /** Problems of the accounts table (the fixture's products warn that no account has their needs). */
    private List<String> accountProblems() {
        return f.problems().stream().filter(p -> !p.startsWith("products.csv")).toList();
    }

    private List<String> errors() {
        return f.problems().stream().filter(p -> !p.contains(": note: ") && !p.contains(": warning: ")).toList();
    }

    private List<String> notes() {
        return f.problems().stream().filter(p -> p.contains(": note: ")).toList();
    }

    @Test
    void everyLenientNumberFormIsReadWithOneNotePerColumn() {
        Account a = only("\"1,200,000\"", "\"￥3,500,000\"", "22%");
        assertEquals(1_200_000, a.revenue());
        assertEquals(3_500_000, a.wallet());
        assertEquals(0.22, a.margin(), 1e-12);
        assertEquals(1_200_000, only("120万", "3.5亿", "0.2").revenue());
        assertEquals(3.5e8, only("120万", "3.5亿", "0.2").wallet());
        assertEquals(1_200_000, only("１２０００００", "ＣＮＹ３５０００００", "２２％").revenue(), "full-width digits");
        assertEquals(0.22, only("１２０００００", "3500000", "２２％").margin(), 1e-12);
        assertEquals(3_500_000, only("1", "RMB 3500000", "0.2").wallet());
        assertEquals(3_500_000, only("1", "3500000元", "0.2").wallet());
        assertEquals(1_200_000, only("120万元", "3500000", "0.2").revenue());
        assertEquals(3_500_000, only("1", "¥3500000", "0.2").wallet());
        assertEquals(1_000_000, only("1_000_000", "3500000", "0.2").revenue());
        assertEquals(1_200_000.5, only("\"1,200,000.5\"", "3500000", "0.2").revenue());

        accounts("A1,n,energy,east,\"1,200,000\",3500000,22%", "A2,n,energy,east,120万,\"￥3,500,000\",0.3",
                "A3,n,energy,east,\"2,000\",5000,25%");
        assertEquals(List.of("accounts.csv: note: margin: 2 values written as percentages (22% = 0.22) were read as numbers",
                "accounts.csv: note: revenue: 2 values written with thousands separators, 1 with 万 were read as numbers",
                "accounts.csv: note: wallet: 1 value written with thousands separators, 1 with a currency sign or code were "
                        + "read as numbers"), notes());
    }

    @Test
    void whatStaysAmbiguousIsAnError() {
        accounts("A1,n,energy,east,\"1,5\",\"1.200.000\",0.2", "A2,n,energy,east,\"1.200,50\",\"12,00,000\",0.2",
                "A3,n,energy,east,1 200 000,_1000,0.2", "A4,n,energy,east,1000_,0x10,0.2");
        assertEquals(List.of("accounts.csv:2: revenue: '1,5' is not a number; use '.' as the decimal separator (1.5)",
                "accounts.csv:2: wallet: '1.200.000' is ambiguous: kam reads '.' as the decimal point; write thousands "
                        + "without separators (1200000) or with commas",
                "accounts.csv:3: revenue: '1.200,50' is ambiguous: it uses '.' for thousands and ',' as the decimal point; "
                        + "write 1200.50",
                "accounts.csv:3: wallet: '12,00,000' is not a number (a ',' may only group thousands, as in 1,200,000)",
                "accounts.csv:4: revenue: '1 200 000' is not a number; write it without spaces (1200000)",
                "accounts.csv:4: wallet: '_1000' is not a number ('_' may only stand between digits, as in 1_000)",
                "accounts.csv:5: revenue: '1000_' is not a number ('_' may only stand between digits, as in 1_000)",
                "accounts.csv:5: wallet: '0x10' is a hexadecimal number; write it in decimal (16)"), errors());
    }

    @Test
    void formsThatDoNotFitTheColumnAreErrors() {
        accounts("A1,n,energy,east,22%,$3500000,5万", "A2,n,energy,east,1,2,#DIV/0!", "A3,n,energy,east,2025-01-03,2,0.1");
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,c,base,2,,*,￥100,0,\n");
        assertEquals(List.of("accounts.csv:2: revenue: '22%' is a percentage, but revenue is not a fraction; write the number "
                        + "itself",
                "accounts.csv:2: wallet: '$3500000' is in USD, but the scenario's currency is CNY; convert it (every amount is "
                        + "in one currency)",
                "accounts.csv:2: margin: '5万' uses 万, but margin is a fraction between 0 and 1",
                "accounts.csv:3: margin: '#DIV/0!' is an Excel error value, not a number; fix the formula in Excel",
                "accounts.csv:4: revenue: '2025-01-03' is a date, not a number",
                "soldiers.csv:4: capacityHours: '￥100' has a currency sign, but capacityHours is not an amount"), errors());
        f.write("scenario.yaml", Fixture.YAML.replace("currency: CNY", "currency: USD"));
        accounts("A1,n,energy,east,1,$3500000,0.1");
        f.write("soldiers.csv", Fixture.SOLDIERS);
        assertEquals(List.of(), errors());
    }

    @Test
    void aConvertedValueOutOfRangeShowsBothForms() {
        accounts("A1,n,energy,east,1,2,150%");
        assertEquals(List.of("accounts.csv:2: margin: (150% = 1.5) must be between 0 and 1 (e.g. 0.25 for 25%)"), errors());
    }

    @Test
    void anUnreadableRevenueRaisesNoRevenueIsZeroWarnings() {
        accounts("A1,n,energy,east,lots,2,0.1");
        f.write("accounts.csv", "id,name,industry,region,revenue,wallet,margin,stage\nA1,n,energy,east,lots,2,0.1,active\n");
        assertEquals(List.of("accounts.csv:2: revenue: 'lots' is not a number"), accountProblems());
    }

    @Test
    void chineseHeadersAreReadAsTheirColumns() {
        f.write("accounts.csv", "客户编号,客户名称,行业,区域,收入,钱包规模,毛利率,信用,难度,服务工时,订单数,需求,负责人,阶段,必须覆盖,基础工时,锁定\n"
                + "A1,上海恒达,manufacturing,east,2000000,5000000,0.3,0.9,0.4,100,12,automation,S1,活跃,是,,否\n");
        f.write("soldiers.csv", "员工编号,姓名,层级,星级,擅长行业,负责区域,可用工时,通关,年成本,最低工时\n"
                + "S1,王伟,项目,4,manufacturing;energy,east,1500,2,500000,\nS2,Li Na,基层,3,*,*,1600,1,,\n");
        f.write("products.csv", "产品编号,产品名称,满足需求,价格,毛利率,服务占比,交付能力,最低评级\nP1,平台,automation,300000,0.4,0.2,5,2A\n");
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        Scenario s = r.scenario();
        Account a = s.accounts().get(0);
        assertEquals(Stage.ACTIVE, a.stage());
        assertTrue(a.mustCover());
        assertEquals(0.9, a.credit());
        assertEquals(Layer.PROJECT, s.soldiers().get(0).layer());
        assertEquals(Layer.BASE, s.soldiers().get(1).layer());
        assertEquals(2, s.products().get(0).minRating());
        assertTrue(f.problems().contains("accounts.csv:1: note: headers read as kam columns: 客户编号 → id, 客户名称 → name, "
                + "行业 → industry, 区域 → region, 收入 → revenue, 钱包规模 → wallet, 毛利率 → margin, 信用 → credit, 难度 → "
                + "difficulty, 服务工时 → serviceHours, 订单数 → orders, 需求 → needs, 负责人 → owner, 阶段 → stage, 必须覆盖 → "
                + "mustCover, 基础工时 → baseHours, 锁定 → locked"), f.problems().toString());
    }

    @Test
    void everyAliasOfEveryColumnIsRead() {
        // each alias alone as the header of its column, in a table otherwise under kam's names
        for (Map.Entry<String, Map<String, List<String>>> t : Aliases.COLUMNS.entrySet()) {
            for (Map.Entry<String, List<String>> c : t.getValue().entrySet()) {
                for (String alias : c.getValue()) {
                    CsvRows r = CsvRows.bind(new TableData("t.csv", 1, new String[] {alias}, List.of(), "UTF-8"),
                            Tables.COLUMNS.get(t.getKey()), TableOptions.defaults(t.getKey(), "CNY"), new Problems());
                    assertTrue(r.hasColumn(c.getKey()), t.getKey() + ": " + alias + " should read as " + c.getKey());
                }
            }
        }
    }

    @Test
    void headerUnitsScaleTheColumn() {
        f.write("accounts.csv", "id,name,industry,region,收入（万元）,钱包(亿元),毛利率(%),服务工时(小时)\nA1,n,energy,east,120,0.5,22,100\n");
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        Account a = r.scenario().accounts().get(0);
        assertEquals(1_200_000, a.revenue(), 1e-6);
        assertEquals(5e7, a.wallet(), 1e-6);
        assertEquals(0.22, a.margin(), 1e-12);
        assertEquals(100, a.serviceHours());
        assertEquals(List.of("accounts.csv:1: note: margin: the header gives the unit %: every value was read as a percentage "
                        + "(22 = 0.22)",
                "accounts.csv:1: note: revenue: the header gives the unit 万元: every value was multiplied by 10,000",
                "accounts.csv:1: note: wallet: the header gives the unit 亿元: every value was multiplied by 100,000,000"),
                notes().stream().filter(n -> n.contains("unit")).toList());
        f.write("accounts.csv", "id,name,industry,region,收入（万元）,wallet,毛利率(万元)\nA1,n,energy,east,120万,2000000,0.2\n");
        assertEquals(List.of("accounts.csv:1: margin: the unit '万元' in the header '毛利率(万元)' does not fit margin (a "
                        + "fraction 0–1); write the header without it, or with a unit kam knows (docs/scenario-format.md)",
                "accounts.csv:1: margin: required column is missing (the header has: id, name, industry, region, 收入（万元）, "
                        + "wallet, 毛利率(万元)); it may also be called 毛利率, 利润率, or be mapped under columns: in the scenario",
                "accounts.csv:2: revenue: '120万' has its own unit, but the header already says 万元; write the number alone"),
                errors());
    }

    @Test
    void columnsMapAnyHeader() {
        f.write("scenario.yaml", Fixture.YAML + "columns:\n  accounts: {\"客户全称\": name, 年销售额: revenue, 钱: wallett}\n");
        f.write("accounts.csv", "id,客户全称,industry,region,年销售额,wallet,margin\nA1,n,energy,east,100,200,0.1\n");
        assertEquals(List.of("scenario.yaml:9: columns.accounts.钱: 'wallett' is not a column of the accounts table (did you "
                + "mean 'wallet'?)"), errors());
        f.write("scenario.yaml", Fixture.YAML + "columns:\n  accounts: {\"客户全称\": name, 年销售额: 收入, 不在: wallet}\n");
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        assertEquals("n", r.scenario().accounts().get(0).name());
        assertEquals(100, r.scenario().accounts().get(0).revenue());
        assertTrue(f.problems().contains("scenario.yaml:9: warning: columns.accounts.不在: no header '不在' in accounts.csv (the "
                + "header has: id, 客户全称, industry, region, 年销售额, wallet, margin)"), f.problems().toString());
    }

    @Test
    void unknownColumnsAreErrorsByDefaultAndCanBeIgnored() {
        f.write("accounts.csv", "id,name,industry,region,revenue,wallet,margin,最近拜访,credt\nA1,n,energy,east,100,200,0.1,"
                + "2025-01-03,0.5\n");
        assertEquals(List.of("accounts.csv:1: 最近拜访: unknown column (kam's columns here: id, name, industry, region, revenue, "
                        + "wallet, margin, credit, difficulty, serviceHours, orders, needs, owner, stage, mustCover, baseHours, "
                        + "locked; Chinese names are listed in docs/scenario-format.md. If it is an extra column, list it under "
                        + "ignoreColumns or set unknownColumns: ignore)",
                "accounts.csv:1: credt: unknown column (did you mean 'credit'?)"), errors());
        f.write("scenario.yaml", Fixture.YAML + "ignoreColumns: [最近拜访]\n");
        assertEquals(List.of("accounts.csv:1: credt: unknown column (did you mean 'credit'?)"), errors());
        f.write("scenario.yaml", Fixture.YAML + "unknownColumns: ignore\n");
        assertEquals(List.of("accounts.csv:1: warning: credt: not a column kam reads, so it was ignored (unknownColumns: "
                        + "ignore); did you mean 'credit'? If so, rename it or map it under columns:",
                "accounts.csv:1: note: columns kam does not read were ignored: 最近拜访"), accountProblems());
        f.write("scenario.yaml", Fixture.YAML.replace("accounts: accounts.csv", "accounts: {file: accounts.csv, ignoreColumns: "
                + "[最近拜访, credt]}"));
        assertEquals(List.of("accounts.csv:1: note: columns kam does not read were ignored: 最近拜访, credt"), accountProblems());
        f.write("scenario.yaml", Fixture.YAML + "unknownColumns: sometimes\n");
        assertTrue(f.problems().contains("scenario.yaml:8: unknownColumns: 'sometimes' must be one of error, ignore (known: "
                + "error, ignore)"), f.problems().toString());
    }

    @Test
    void aShareOfWalletIsNotTheWallet() {
        f.write("accounts.csv", "id,name,industry,region,revenue,钱包份额,margin\nA1,n,energy,east,100,22%,0.1\n");
        assertTrue(errors().contains("accounts.csv:1: 钱包份额: unknown column: a share of wallet (revenue ÷ wallet) is not the "
                + "wallet; kam needs the account's whole yearly spend in our category (钱包 / 钱包规模 / 采购总额). If the column "
                + "is extra, list it under ignoreColumns"), errors().toString());
    }

    @Test
    void chineseStageLayerAndYesNoWords() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,,,风险,对", "A5,E,energy,east,0,2,0.1,,,,,,,潜在,×",
                "A6,F,energy,east,1,2,0.1,,,,,,,合作中,√"));
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,c,总部,2,,*,100,,\nS4,d,奇,2,,*,100,,\n");
        Scenario s = f.validate().scenario();
        assertEquals(List.of(Stage.AT_RISK, Stage.PROSPECT, Stage.ACTIVE),
                s.accounts().subList(3, 6).stream().map(Account::stage).toList());
        assertEquals(List.of(true, false, true), s.accounts().subList(3, 6).stream().map(Account::mustCover).toList());
        assertEquals(List.of(Layer.HQ, Layer.PROJECT), s.soldiers().subList(2, 4).stream().map(x -> x.layer()).toList());
    }

    @Test
    void ownersByUniqueNameAmbiguousNamesAndNearMisses() {
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,李娜,base,3,*,*,1600,1,\nS4,张伟,base,3,*,*,1600,1,\nS5,张伟,base,3,*,*,"
                + "1600,1,\n");
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,,王伟", "A5,E,energy,east,1,2,0.1,,,,,,李娜"));
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        assertEquals("S1", r.scenario().accounts().get(3).owner());
        assertEquals("S3", r.scenario().accounts().get(4).owner());
        assertEquals(List.of("accounts.csv: note: owner: 2 soldiers given by name were read as the soldier's id (李娜 → S3, "
                + "王伟 → S1)"), f.problems());
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,,张伟", "A5,E,energy,east,1,2,0.1,,,,,,王玮",
                "A6,F,energy,east,1,2,0.1,,,,,,李那", "A7,G,energy,east,1,2,0.1,,,,,,赵六"));
        assertEquals(List.of("accounts.csv:5: owner: '张伟' is the name of 2 soldiers (S4, S5); write the id of the one you mean",
                "accounts.csv:6: owner: '王玮' is not the id or name of any soldier in soldiers.csv (did you mean '王伟' (S1)?)",
                "accounts.csv:7: owner: '李那' is not the id or name of any soldier in soldiers.csv (did you mean '李娜' (S3)?)",
                "accounts.csv:8: owner: '赵六' is not the id or name of any soldier in soldiers.csv"),
                f.problems());
    }

    @Test
    void relationshipSoldiersMayBeNamesToo() {
        f.write("relationships.csv", "销售,客户,关系强度\n王伟,A1,0.9\n");
        Scenario s = f.validate().scenario();
        assertEquals("S1", s.relationships().get(0).soldier());
    }

    @Test
    void problemNotesNeverFailValidation() {
        accounts("A1,n,energy,east,\"1,200\",3000,22%");
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors());
        assertEquals(2, r.problems().all().stream().filter(p -> p.severity() == Problem.Severity.NOTE).count());
    }
}
