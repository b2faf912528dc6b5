package dev.kam.cli;

import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;
import dev.kam.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CRM-style export of issue #14 (src/test/resources/crm, made by hand): 15 accounts with Chinese
 * names in GBK, Chinese headers with one misspelt (难度系统), numbers as Excel and CRMs write them, owners
 * by name, Chinese stages, and a last-visit column kam does not read. With {@code unknownColumns: ignore}
 * it validates with notes and one warning instead of the 60 errors of wave 1.
 */
class CrmExportTest {
    static final Path CRM = Path.of("src/test/resources/crm");

    @Test
    void validatesWithNotesInsteadOfErrors() {
        CliRun r = CliRun.of("validate", CRM.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("OK src/test/resources/crm: 15 accounts (3 prospects, 2 at risk, 0 must be covered), "
                + "3 soldiers, 3 products, 0 relationships; 1 warning, "), r.out());
        String err = r.err();
        assertTrue(err.contains("客户导出.csv:1: warning: 难度系统: not a column kam reads, so it was ignored "
                + "(unknownColumns: ignore); did you mean '难度系数'?"), err);
        assertTrue(err.contains("客户导出.csv: note: read as GBK text"), err);
        assertTrue(err.contains("客户导出.csv: note: revenue: 3 values written with thousands separators, 5 with 万, 3 with a "
                + "currency sign or code, 2 in full-width characters were read as numbers"), err);
        assertTrue(err.contains("客户导出.csv: note: owner: 10 soldiers given by name were read as the soldier's id (张磊 → S03, "
                + "李娜 → S02, 王伟 → S01)"), err);
        assertTrue(err.contains("客户导出.csv:1: note: columns kam does not read were ignored: 最近拜访"), err);
        assertFalse(err.contains("revenue is 0"), err);
    }

    @Test
    void theValuesAreWhatTheExportMeans() {
        Scenario s = ScenarioReader.read(CRM.resolve("scenario.yaml"));
        Account kh001 = s.accounts().get(0);
        assertEquals("上海恒达精密制造有限公司", kh001.name());
        assertEquals(1_200_000, kh001.revenue());
        assertEquals(5_000_000, kh001.wallet());
        assertEquals(0.22, kh001.margin(), 1e-12);
        assertEquals("S01", kh001.owner());
        assertEquals(Stage.ACTIVE, kh001.stage());
        assertEquals(3_500_000, s.accounts().get(1).wallet(), "￥3500000");
        assertEquals(1_800_000, s.accounts().get(3).revenue(), "full-width digits");
        assertEquals(Stage.AT_RISK, s.accounts().get(3).stage());
        assertEquals(2e8, s.accounts().get(9).wallet(), "2亿");
        assertEquals(980_000, s.accounts().get(10).revenue(), "RMB 980000");
        assertEquals(List.of(Stage.PROSPECT, Stage.PROSPECT, Stage.PROSPECT), s.accounts().stream()
                .filter(a -> a.revenue() == 0).map(Account::stage).toList());
        assertEquals(0.5, kh001.difficulty(), "the misspelt difficulty column was ignored: the default applies");
        assertEquals(620_000, s.soldiers().get(0).annualCost());
    }

    @Test
    void withTheDefaultUnknownColumnsTheExtraColumnsAreErrorsThatSayHowToLetThemPass() {
        CliRun r = CliRun.of("validate", CRM.toString(), "--set", "unknownColumns=error");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("最近拜访: unknown column (kam's columns here: "), r.err());
        assertTrue(r.err().contains("If it is an extra column, list it under ignoreColumns or set unknownColumns: ignore)"),
                r.err());
        assertTrue(r.err().contains("难度系统: unknown column (did you mean '难度系数', the difficulty column?)"), r.err());
        assertTrue(r.err().contains("2 errors; nothing was written."), r.err());
    }
}
