package dev.kam.scenario;

import dev.kam.domain.ScenarioException;
import dev.kam.domain.Problem;
import dev.kam.domain.Account;
import dev.kam.domain.Layer;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every validation rule of the tables and the YAML, with its message and line. */
class ValidationTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    private void assertProblems(String... expected) {
        assertEquals(List.of(expected), f.problems());
    }

    private void assertHasProblem(String expected) {
        List<String> ps = f.problems();
        assertTrue(ps.contains(expected), "expected " + expected + "\n in " + String.join("\n", ps));
    }

    @Test
    void theFixtureIsValidAndReadIntoRecords() {
        ScenarioReader.Result r = f.validate();
        assertEquals(List.of(), r.problems().all());
        Scenario s = r.scenario();
        assertEquals("Fixture", s.name());
        assertEquals(2026, s.baseYear());
        Account a1 = s.accounts().get(0);
        assertEquals("上海恒达精密制造有限公司", a1.name());
        assertEquals(2_000_000, a1.revenue());
        assertEquals(Set.of("automation", "maintenance"), a1.needs());
        assertEquals("S1", a1.owner());
        assertTrue(a1.mustCover());
        assertTrue(Double.isNaN(a1.baseHours()));
        Account a2 = s.accounts().get(1);
        assertEquals(Tables.DEFAULT_CREDIT, a2.credit());
        assertEquals(Tables.DEFAULT_DIFFICULTY, a2.difficulty());
        assertTrue(Double.isNaN(a2.serviceHours()));
        assertTrue(Double.isNaN(a2.orders()));
        assertEquals(Stage.ACTIVE, a2.stage(), "stage defaults to active when revenue > 0");
        assertFalse(a2.mustCover());
        assertEquals(Stage.PROSPECT, s.accounts().get(2).stage());
        assertNull(s.accounts().get(2).owner());
        Soldier s2 = s.soldiers().get(1);
        assertEquals(Layer.BASE, s2.layer());
        assertEquals(Set.of("*"), s2.industries());
        assertTrue(s2.knowsIndustry("anything"));
        assertTrue(Double.isNaN(s2.annualCost()));
        Product p2 = s.products().get(1);
        assertEquals(0, p2.serviceShare());
        assertEquals(1, p2.minRating());
        assertEquals(2, s.products().get(0).minRating());
        assertEquals(List.of(), s.relationships());
    }

    @Test
    void readThrowsWithEveryProblem() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,x,y,-1,5,2"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(f.yaml()));
        assertEquals(2, e.problems().size());
    }

    @Test
    void missingFiles() {
        f.write("scenario.yaml", Fixture.YAML.replace("soldiers.csv", "team.csv"));
        assertProblems("team.csv: file not found");
        assertEquals(List.of(dir.resolve("nope.yaml") + ": file not found"),
                ScenarioReader.validate(dir.resolve("nope.yaml"), List.of()).problems().all().stream()
                        .map(Problem::toString).toList());
    }

    @Test
    void unknownColumnWithDidYouMean() {
        f.write("accounts.csv", Fixture.ACCOUNTS.replace(",credit,", ",credt,"));
        assertProblems("accounts.csv:1: credt: unknown column (did you mean 'credit'?)");
    }

    @Test
    void columnNamesAreCaseSensitiveWithAHint() {
        f.write("accounts.csv", Fixture.ACCOUNTS.replace(",mustCover,", ",mustcover,"));
        assertProblems("accounts.csv:1: mustcover: unknown column (did you mean 'mustCover'? column names are case-sensitive)");
    }

    @Test
    void missingRequiredColumnIsReportedOnceNotPerRow() {
        f.write("products.csv", "id,name,needs,price,capacity\nP1,a,maintenance,1,1\nP2,b,digital,2,2\n");
        assertProblems("products.csv:1: margin: required column is missing (the header has: id, name, needs, price, capacity); "
                + "it may also be called 毛利率, 利润率, or be mapped under columns: in the scenario");
    }

    @Test
    void duplicateAndBlankColumnNames() {
        f.write("soldiers.csv", "id,name,stars,capacityHours,stars,,regions\nS1,a,3,1000,3,,*\nS2,b,3,1000,3,,*\n");
        assertProblems("soldiers.csv:1: stars: column appears twice in the header (columns 3 and 5)",
                "soldiers.csv:1: column 6 has no name in the header");
    }

    @Test
    void emptyRequiredCells() {
        f.write("accounts.csv", Fixture.accountsWith("A4,,manufacturing,east,1,2,"));
        assertProblems("accounts.csv:5: name: is empty; a value is required",
                "accounts.csv:5: margin: is empty; a number is required");
    }

    @Test
    void wrongTypes() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,lots,2,0.1,,,,,,,,maybe,"));
        assertProblems("accounts.csv:5: revenue: 'lots' is not a number",
                "accounts.csv:5: mustCover: 'maybe' must be true or false");
    }

    @Test
    void nanAndInfinityAreRefused() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,NaN,Infinity,0.1", "A5,E,energy,east,1,1e999,0.1"));
        assertProblems("accounts.csv:5: revenue: 'NaN' is not a finite number",
                "accounts.csv:5: wallet: 'Infinity' is not a finite number",
                "accounts.csv:6: wallet: (1e999) is too large to be a number");
    }

    @Test
    void numberFormatsWithHints() {
        // thousands separators and a percentage in a fraction column are read (with a note); a decimal comma is not
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,\"1,200\",5000,30%", "A5,E,energy,east,1,2,\"0,5\""));
        assertProblems("accounts.csv: note: margin: 1 value written as a percentage (22% = 0.22) was read as a number",
                "accounts.csv: note: revenue: 1 value written with thousands separators was read as a number",
                "accounts.csv:6: margin: '0,5' is not a number; use '.' as the decimal separator (0.5)");
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,\"1,200\",5000,30%"));
        Account a4 = f.validate().scenario().accounts().get(3);
        assertEquals(1200, a4.revenue());
        assertEquals(0.3, a4.margin(), 1e-12);
    }

    @Test
    void hexAndJavaSuffixNumbersAreNotNumbers() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,0x10,5d,0.1"));
        assertProblems("accounts.csv:5: revenue: '0x10' is a hexadecimal number; write it in decimal (16)",
                "accounts.csv:5: wallet: '5d' is not a number");
    }

    @Test
    void negativeAmountsAndCapacities() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,-5,-1,0.1,,,-3,-2,,,,,-4"));
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,c,base,2,,*,-100,0,-1\n");
        f.write("products.csv", Fixture.PRODUCTS + "P3,c,digital,-10,0.2,,-1,\n");
        assertProblems("accounts.csv:5: revenue: (-5) must be at least 0 (0 for a prospect)",
                "accounts.csv:5: wallet: (-1) must be at least 0",
                "accounts.csv:5: serviceHours: (-3) must be at least 0",
                "accounts.csv:5: orders: (-2) must be at least 0",
                "accounts.csv:5: baseHours: (-4) must be between 0 and 8760 (hours in a year)",
                "products.csv:4: price: (-10) must be at least 0",
                "products.csv:4: capacity: (-1) must be at least 0",
                "soldiers.csv:4: capacityHours: (-100) must be between 0 and 8760 (hours in a year)",
                "soldiers.csv:4: annualCost: (-1) must be at least 0");
    }

    @Test
    void zeroCapacityAndBaseHours() {
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,c,base,2,,*,0,0,\n");
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,,,,,0"));
        assertProblems("accounts.csv:5: baseHours: (0) must be more than 0; leave it empty for the tier default",
                "soldiers.csv:4: capacityHours: (0) must be more than 0: a soldier needs selling hours to lead accounts");
    }

    @Test
    void fractionsOutside0To1() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,1.7,-0.1,2"));
        f.write("products.csv", Fixture.PRODUCTS + "P3,c,digital,10,1.2,1.5,1,\n");
        assertProblems("accounts.csv:5: margin: (1.7) must be between 0 and 1 (e.g. 0.25 for 25%)",
                "accounts.csv:5: credit: (-0.1) must be between 0 and 1",
                "accounts.csv:5: difficulty: (2) must be between 0 and 1",
                "products.csv:4: margin: (1.2) must be between 0 and 1 (e.g. 0.3 for 30%)",
                "products.csv:4: serviceShare: (1.5) must be between 0 and 1");
    }

    @Test
    void integerRanges() {
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,c,base,6,,*,100,4,\nS4,d,base,2.5,,*,100,,\n");
        f.write("products.csv", Fixture.PRODUCTS + "P3,c,digital,10,0.2,,1.5,6\nP4,d,digital,10,0.2,,1,4A\n");
        assertProblems("products.csv:4: capacity: (1.5) must be a whole number",
                "products.csv:4: minRating: (6) must be a 5A rating between 1 and 5",
                "soldiers.csv:4: stars: (6) must be between 1 and 5",
                "soldiers.csv:4: certification: (4) must be between 0 and 3",
                "soldiers.csv:5: stars: (2.5) must be a whole number");
        f.write("products.csv", Fixture.PRODUCTS + "P4,d,digital,10,0.2,,1,4A\n");
        f.write("soldiers.csv", Fixture.SOLDIERS);
        assertEquals(4, f.validate().scenario().products().get(2).minRating(), "4A is read as rating 4");
    }

    @Test
    void revenueAboveWallet() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,300,200,0.1"));
        assertProblems("accounts.csv:5: wallet: (200) must be at least revenue (300): the wallet is the account's "
                + "whole yearly spend in our category");
    }

    @Test
    void duplicateIds() {
        f.write("accounts.csv", Fixture.accountsWith("A2,dup,energy,east,1,2,0.1"));
        f.write("soldiers.csv", Fixture.SOLDIERS + "S1,again,base,2,,*,100,,\n");
        f.write("products.csv", Fixture.PRODUCTS + "P2,again,digital,1,0.1,,1,\n");
        assertProblems("accounts.csv:5: id: duplicate id 'A2' (first at line 3); ids must be unique",
                "products.csv:4: id: duplicate id 'P2' (first at line 3); ids must be unique",
                "soldiers.csv:4: id: duplicate id 'S1' (first at line 2); ids must be unique");
    }

    @Test
    void unknownOwner() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,,S3", "A5,E,energy,east,1,2,0.1,,,,,,Zhang"));
        assertProblems("accounts.csv:5: owner: 'S3' is not the id or name of any soldier in soldiers.csv (did you mean "
                        + "'S1' (王伟)?)",
                "accounts.csv:6: owner: 'Zhang' is not the id or name of any soldier in soldiers.csv");
    }

    @Test
    void relationshipsAreReadAndCrossChecked() {
        f.write("relationships.csv", "soldier,account,strength,hours,value\nS1,A1,0.9,,\nS2,A3,,120,50000\n"
                + "S9,A1,0.5,,\nS1,A9,0.5,,\nS1,A1,0.2,,\nS2,A2,1.5,9999,-1\n");
        assertProblems("relationships.csv:4: soldier: 'S9' is not the id or name of any soldier in soldiers.csv (did you "
                        + "mean 'S1' (王伟)?)",
                "relationships.csv:5: account: 'A9' is not the id of any account in accounts.csv (did you mean 'A1'?)",
                "relationships.csv:6: account: the pair (S1, A1) appears twice (first at line 2)",
                "relationships.csv:7: strength: (1.5) must be between 0 and 1",
                "relationships.csv:7: hours: (9999) must be between 0 and 8760 (hours in a year)",
                "relationships.csv:7: value: (-1) must be at least 0");
        f.write("relationships.csv", "soldier,account,strength,hours,value\nS1,A1,0.9,,\nS2,A3,,120,50000\n");
        Scenario s = f.validate().scenario();
        assertEquals(2, s.relationships().size(), "relationships.csv beside the scenario is read by default");
        assertEquals(120, s.relationships().get(1).hours());
        assertTrue(Double.isNaN(s.relationships().get(1).strength()));
    }

    @Test
    void declaredRelationshipsMustExist() {
        f.write("scenario.yaml", Fixture.YAML.replace("products.csv}", "products.csv, relationships: rel.csv}"));
        assertProblems("rel.csv: file not found");
    }

    @Test
    void emptyRequiredTables() {
        f.write("soldiers.csv", "id,name,stars,regions,capacityHours\n");
        f.write("products.csv", "");
        assertProblems("products.csv: is empty; it needs a header row naming its columns",
                "soldiers.csv:1: has a header but no rows; at least one soldier is needed");
    }

    @Test
    void raggedRows() {
        f.write("accounts.csv", Fixture.ACCOUNTS + "A4,D,energy,east,1,2\nA5,\"Acme, Inc\",energy,east,1,2,0.1,,,,,,,,,,extra\n");
        assertProblems("accounts.csv:5: row has 6 fields but the header has 16",
                "accounts.csv:6: row has 17 fields but the header has 16; quote fields that contain commas");
    }

    @Test
    void lineNumbersFollowMultiLineQuotedFields() {
        f.write("accounts.csv", Fixture.accountsWith("A4,\"D\nsecond line\nthird\",energy,east,1,2,0.1", "A5,E,energy,east,1,2,9"));
        assertProblems("accounts.csv:8: margin: (9) must be between 0 and 1 (e.g. 0.25 for 25%)");
    }

    @Test
    void stageAndLayerWords() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,,,activ", "A5,E,energy,east,1,2,0.1,,,,,,,AT_RISK"));
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,c,branch,2,,*,100,,\n");
        assertProblems("accounts.csv:5: stage: 'activ' must be one of prospect, active, at-risk, or 潜在, 活跃, 风险 (did you "
                        + "mean 'active'?)",
                "soldiers.csv:4: layer: 'branch' must be one of base, project, hq, or 基层, 项目, 总部 (known: base, project, hq)");
    }

    @Test
    void stageThatContradictsRevenueIsAWarning() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,100,200,0.1,,,,,,,prospect", "A5,E,energy,east,0,2,0.1,,,,,,,at-risk"));
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors());
        assertEquals(List.of("accounts.csv:5: warning: stage: is prospect but revenue is 100; a prospect has no revenue with us yet",
                "accounts.csv:6: warning: stage: is at-risk but revenue is 0; is it a prospect?"), f.problems());
        assertEquals(Stage.PROSPECT, r.scenario().accounts().get(3).stage());
    }

    @Test
    void tagsSplitOnSemicolonsIncludingFullWidth() {
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,\"digital; cloud；safety;;\""));
        assertEquals(Set.of("digital", "cloud", "safety"), f.validate().scenario().accounts().get(3).needs());
        f.write("accounts.csv", Fixture.accountsWith("A4,D,energy,east,1,2,0.1,,,,,\"digital,cloud\""));
        assertEquals(List.of("accounts.csv:5: warning: needs: 'digital,cloud' is one tag containing a comma; separate tags with ';'"),
                f.problems());
    }

    @Test
    void soldiersWithoutRegionsAreAWarning() {
        f.write("soldiers.csv", Fixture.SOLDIERS + "S3,c,base,2,energy,,100,,\n");
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors());
        assertEquals(List.of("soldiers.csv:4: warning: regions: is empty: the soldier works in no region and may be "
                + "eligible for no account; write * for all regions"), f.problems());
        f.write("soldiers.csv", "id,name,stars,capacityHours\nS1,a,3,1000\nS2,b,3,1000\n");
        assertEquals(List.of("soldiers.csv:1: warning: regions: column is missing: soldiers work in no region and may be "
                + "eligible for no account; add it, with * for all regions"), f.problems());
    }

    @Test
    void filesThatAreNotCsvTextAreReadByWhatTheyHold() {
        // the content decides, not the name: a broken zip and a bare OLE2 header are not workbooks either
        f.bytes("accounts.csv", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        f.bytes("products.csv", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
        List<String> ps = f.problems();
        assertEquals(2, ps.size(), ps.toString());
        assertTrue(ps.get(0).startsWith("accounts.csv: is a damaged zip file or workbook and cannot be read ("), ps.get(0));
        assertEquals("products.csv: is an OLE2 compound file (an old Office format), not an .xlsx workbook", ps.get(1));
    }

    @Test
    void manyUnknownIdsStillReportEveryOneButHintOnlyTheFirst() {
        StringBuilder sb = new StringBuilder(Fixture.ACCOUNTS);
        for (int i = 0; i < 60; i++) sb.append("X").append(i).append(",n,i,r,1,2,0.1,,,,,,S").append(i + 3).append(",,,\n");
        f.write("accounts.csv", sb.toString());
        List<String> ps = f.problems();
        assertEquals(60, ps.size());
        assertTrue(ps.get(0).endsWith("(did you mean 'S1' (王伟)?)"), ps.get(0));
        assertEquals("accounts.csv:64: owner: 'S62' is not the id or name of any soldier in soldiers.csv", ps.get(59));
    }

    @Test
    void productsWhoseNeedsNoAccountHasAreAWarning() {
        f.write("products.csv", Fixture.PRODUCTS + "P3,c,maintanance,10,0.2,,1,\nP4,d,*,10,0.2,,1,\n");
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors());
        assertEquals(List.of("products.csv:4: warning: needs: no account has any of the needs maintanance, so product P3 "
                + "can never be offered (did you mean 'maintenance'?)"), f.problems());
    }

    @Test
    void allProspectsIsAWarning() {
        f.write("accounts.csv", Fixture.ACCOUNTS.replace("2000000,5000000", "0,5000000").replace("500000,900000", "0,900000"));
        assertEquals(List.of("accounts.csv: warning: revenue: every account has revenue 0: shares, the pyramid and the "
                + "key-account baseline are all zero",
                "accounts.csv:2: warning: stage: is active but revenue is 0; is it a prospect?"), f.problems());
    }

    @Test
    void productsNeedNeeds() {
        f.write("products.csv", Fixture.PRODUCTS + "P3,c,,10,0.2,,1,\n");
        assertProblems("products.csv:4: needs: is empty; a product must address at least one need tag");
    }

    @Test
    void gbkTablesAreDetectedOrDeclared() {
        Charset gbk = Charset.forName("GBK");
        f.write("accounts.csv", Fixture.ACCOUNTS, gbk);
        assertEquals("上海恒达精密制造有限公司", f.validate().scenario().accounts().get(0).name());
        f.write("scenario.yaml", Fixture.YAML + "encoding: GB18030\n");
        f.write("soldiers.csv", Fixture.SOLDIERS, gbk);
        f.write("products.csv", Fixture.PRODUCTS, gbk);
        assertEquals("王伟", f.validate().scenario().soldiers().get(0).name());
        f.write("products.csv", Fixture.PRODUCTS);
        List<String> ps = f.problems();
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).startsWith("products.csv: warning: encoding: gbk is set, but the file is valid UTF-8"), ps.get(0));
        f.bytes("products.csv", new byte[] {'i', 'd', '\n', (byte) 0xFF, '\n'});
        assertEquals("products.csv:2: is not valid GBK text (bad byte 0xFF at byte 3), though encoding: gbk was set",
                f.problems().get(0));
    }

    @Test
    void perTableEncodingAndFile() {
        Charset gbk = Charset.forName("GBK");
        f.write("team-gbk.csv", Fixture.SOLDIERS, gbk);
        f.write("scenario.yaml", Fixture.YAML.replace("soldiers: soldiers.csv", "soldiers: {file: team-gbk.csv, encoding: gbk}")
                + "encoding: utf-8\n");
        assertEquals(List.of(), f.problems());
        assertEquals("王伟", f.validate().scenario().soldiers().get(0).name());
        f.write("scenario.yaml", Fixture.YAML.replace("soldiers: soldiers.csv", "soldiers: {encoding: gbc}"));
        assertProblems("scenario.yaml:4: tables.soldiers.encoding: 'gbc' must be one of auto, utf-8, gbk (did you mean 'gbk'?)",
                "scenario.yaml:4: tables.soldiers.file: is required: the CSV file or workbook of the soldiers table");
    }

    @Test
    void tablesDefaultToFilesBesideTheScenario() {
        f.write("scenario.yaml", "name: Defaults\n");
        ScenarioReader.Result r = f.validate();
        assertEquals(List.of(), r.problems().all());
        assertEquals(3, r.scenario().accounts().size());
    }

    @Test
    void tablePathsAreRelativeToTheYaml() {
        f.write("data/accounts.csv", Fixture.ACCOUNTS);
        f.write("scenario.yaml", Fixture.YAML.replace("accounts: accounts.csv", "accounts: data/accounts.csv"));
        assertEquals(List.of(), f.problems());
        f.write("scenario.yaml", Fixture.YAML.replace("accounts: accounts.csv", "accounts: data/acc.csv"));
        assertProblems("data/acc.csv: file not found");
    }

    @Test
    void aFolderMeansItsScenarioYaml() {
        ScenarioReader.Result r = ScenarioReader.validate(dir, List.of());
        assertEquals(List.of(), r.problems().all());
        assertEquals("Fixture", r.scenario().name());
        assertEquals(dir.resolve("scenario.yaml").toString(), r.scenario().source());
    }

    @Test
    void defaultNameIsTheFolderOfScenarioYaml() {
        f.write("scenario.yaml", Fixture.YAML.replace("name: Fixture\n", ""));
        assertEquals(dir.getFileName().toString(), f.validate().scenario().name());
    }

    // ---------------------------------------------------------------- YAML

    @Test
    void unknownYamlKeysWithDidYouMean() {
        f.write("scenario.yaml", Fixture.YAML + "encodng: gbk\nsimulation:\n  churn: {coverd: 0.1}\ntables2: x\n");
        assertProblems("scenario.yaml:8: encodng: unknown key (did you mean 'encoding'?)",
                "scenario.yaml:10: simulation.churn.coverd: unknown key (did you mean 'covered'?)",
                "scenario.yaml:11: tables2: unknown key (did you mean 'tables'?)");
    }

    @Test
    void unknownTableName() {
        f.write("scenario.yaml", Fixture.YAML.replace("products: products.csv}", "products: products.csv, acounts: a.csv}"));
        assertProblems("scenario.yaml:4: tables.acounts: unknown key (did you mean 'accounts'?)");
    }

    @Test
    void yamlSyntaxErrorWithItsLine() {
        f.write("scenario.yaml", "name: x\nstrategy:\n  horizonYears: 10\n   keyAccountThreshold: 5\n");
        assertProblems("scenario.yaml:4: YAML syntax: mapping values are not allowed here");
    }

    @Test
    void yamlWrongTypesAndRanges() {
        f.write("scenario.yaml", Fixture.YAML + "simulation: {paths: -3, seed: x}\nassignment: {timeLimit: soon}\n");
        assertProblems("scenario.yaml:8: simulation.paths: (-3) must be between 1 and 100000000",
                "scenario.yaml:8: simulation.seed: 'x' is not a whole number",
                "scenario.yaml:9: assignment.timeLimit: 'soon' is not a positive duration (write e.g. 30s, 2m, 500ms)");
        f.write("scenario.yaml", Fixture.YAML + "simulation: {churn: {covered: .nan}}\n");
        assertProblems("scenario.yaml:8: simulation.churn.covered: '.nan' is not a number");
    }

    @Test
    void duplicateYamlKeys() {
        f.write("scenario.yaml", Fixture.YAML + "name: Again\n");
        assertProblems("scenario.yaml:8: name: key appears twice (first at line 1); keep one");
    }

    @Test
    void yamlMustBeAMapping() {
        f.write("scenario.yaml", "- a\n- b\n");
        assertProblems("scenario.yaml:1: the scenario must be a YAML mapping of keys to values");
    }

    @Test
    void yamlAliasBombIsRefusedQuickly() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ",").append('*').append(prev);
            y.append("]\n");
            prev = c;
        }
        f.write("scenario.yaml", y.toString());
        assertProblems("scenario.yaml: uses more than 50 aliases to lists or mappings; refused (this guards against alias bombs)");
    }

    @Test
    void yamlBinaryNonUtf8AndOversized() {
        f.bytes("scenario.yaml", new byte[] {'n', 'a', 'm', 'e', ':', 0, 1});
        assertProblems("scenario.yaml: contains binary data (a NUL byte at byte 5); a scenario must be YAML text");
        f.write("scenario.yaml", "name: 示例\n", Charset.forName("GBK"));
        assertProblems("scenario.yaml: is not UTF-8 text; save the scenario YAML as UTF-8");
        f.write("scenario.yaml", "# " + "x".repeat((int) YamlTree.MAX_BYTES) + "\n");
        assertProblems("scenario.yaml: file is 1048579 bytes; a scenario YAML may be at most 1048576 bytes (1 MiB)");
    }

    @Test
    void deeplyNestedYamlIsRefused() {
        f.write("scenario.yaml", "a: " + "[".repeat(100_000) + "\n");
        List<String> ps = f.problems();
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).startsWith("scenario.yaml"), ps.get(0));
    }

    @Test
    void yamlWithBomAndCrlf() {
        f.write("scenario.yaml", "\uFEFF" + Fixture.YAML.replace("\n", "\r\n").replace("Fixture", "示例公司"));
        ScenarioReader.Result r = f.validate();
        assertEquals(List.of(), r.problems().all());
        assertEquals("示例公司", r.scenario().name());
    }

    @Test
    void problemsPerFileAreBounded() {
        StringBuilder sb = new StringBuilder(Fixture.ACCOUNTS);
        for (int i = 0; i < Problems.MAX_PER_FILE + 50; i++) sb.append("X").append(i).append(",n,i,r,1,2,7\n");
        f.write("accounts.csv", sb.toString());
        List<String> ps = f.problems();
        assertEquals(Problems.MAX_PER_FILE + 1, ps.size());
        assertEquals("accounts.csv: ... and 50 more problems in this file, not shown (fix the ones above first)",
                ps.get(ps.size() - 1));
        assertEquals(Problems.MAX_PER_FILE + 50, f.validate().problems().errorCount());
    }
}
