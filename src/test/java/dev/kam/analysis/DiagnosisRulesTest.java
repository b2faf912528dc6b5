package dev.kam.analysis;

import dev.kam.domain.Account;
import dev.kam.domain.Stage;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import org.junit.jupiter.api.Test;

import static dev.kam.analysis.Fixtures.NA;
import static dev.kam.analysis.Fixtures.acc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each lifecycle rule with its threshold, on both sides of the line. */
class DiagnosisRulesTest {
    // big wallet 1,000; foothold below 5%; grow below 0.5 × 0.8 = 40%; credit below 0.4; orders below half the median
    static final Analyzer.Rules RULES = new Analyzer.Rules(1000, 0.05, 0.4, 0.8, 0.4, 0.5, "CNY");

    static final Messages EN = Messages.of(Lang.EN);
    static final Messages ZH = Messages.of(Lang.ZH);

    /** The reason in English words. */
    static String text(Analyzer.Verdict v) {
        return EN.render(v.reason());
    }

    static Analyzer.Verdict diagnose(Account a, double medianOrders) {
        return Analyzer.diagnose(a, medianOrders, RULES);
    }

    static Account a(double revenue, double wallet, double credit, double orders, Stage stage, String owner) {
        return acc("X", revenue, wallet, 0.2, credit, NA, NA, orders, owner, stage);
    }

    @Test
    void cannotKeepWhenAtRisk() {
        Analyzer.Verdict v = diagnose(a(500, 1000, 0.9, 10, Stage.AT_RISK, "S1"), 10);
        assertEquals(Diagnosis.CANNOT_KEEP, v.diagnosis());
        assertTrue(text(v).startsWith("stage at-risk; CNY 500 revenue at stake, owner S1"), text(v));
    }

    @Test
    void cannotKeepWhenCreditIsLow() {
        assertEquals(Diagnosis.CANNOT_KEEP, diagnose(a(500, 1000, 0.39, NA, Stage.ACTIVE, "S1"), NA).diagnosis());
        assertEquals(Diagnosis.HEALTHY, diagnose(a(500, 1000, 0.40, NA, Stage.ACTIVE, "S1"), NA).diagnosis());
        // missing credit means the default 0.8
        assertEquals(Diagnosis.HEALTHY, diagnose(a(500, 1000, NA, NA, Stage.ACTIVE, "S1"), NA).diagnosis());
    }

    @Test
    void cannotKeepWhenBuyingRarely() {
        Analyzer.Verdict v = diagnose(a(500, 1000, 0.9, 4.9, Stage.ACTIVE, null), 10);
        assertEquals(Diagnosis.CANNOT_KEEP, v.diagnosis());
        assertTrue(text(v).contains("buys 4.9 times a year, under 50.0% of the 10 of similar-sized accounts"), text(v));
        assertEquals(Diagnosis.HEALTHY, diagnose(a(500, 1000, 0.9, 5, Stage.ACTIVE, null), 10).diagnosis());
        Analyzer.Rules off = new Analyzer.Rules(1000, 0.05, 0.4, 0.8, 0.4, 0, "CNY");
        assertEquals(Diagnosis.HEALTHY, Analyzer.diagnose(a(500, 1000, 0.9, 1, Stage.ACTIVE, null), 10, off).diagnosis());
    }

    @Test
    void keepReasonsAreCombined() {
        Analyzer.Verdict v = diagnose(a(500, 1000, 0.1, 1, Stage.AT_RISK, null), 10);
        assertEquals(Diagnosis.CANNOT_KEEP, v.diagnosis());
        assertTrue(text(v).startsWith("stage at-risk; credit 0.10 below 0.40; buys 1 time a year"), text(v));
    }

    @Test
    void cannotWinAProspect() {
        Analyzer.Verdict v = diagnose(a(0, 5000, NA, NA, Stage.PROSPECT, null), NA);
        assertEquals(Diagnosis.CANNOT_WIN, v.diagnosis());
        assertEquals("prospect with a CNY 5K wallet; no owner works it", text(v));
        assertEquals("analysis.reason.prospect", v.reason().key(), "the rule is the message key");
        assertEquals("潜在客户，钱包规模 5,000元；无人开发", ZH.render(v.reason()));
        // a prospect with low credit is still a win problem: there is nothing to keep yet
        assertEquals(Diagnosis.CANNOT_WIN, diagnose(a(0, 5000, 0.1, NA, Stage.PROSPECT, "S2"), NA).diagnosis());
    }

    @Test
    void cannotWinWithAFootholdInABigWallet() {
        Analyzer.Verdict v = diagnose(a(49, 1000, 0.9, NA, Stage.ACTIVE, null), NA);   // 4.9% < 5%
        assertEquals(Diagnosis.CANNOT_WIN, v.diagnosis());
        assertEquals("foothold only: 4.9% of a CNY 1K wallet (below 5.0%); no owner", text(v));
        assertEquals(Diagnosis.CANNOT_GROW, diagnose(a(50, 1000, 0.9, NA, Stage.ACTIVE, null), NA).diagnosis());
        // the same share of a small wallet is no key-account problem
        assertEquals(Diagnosis.HEALTHY, diagnose(a(49, 999, 0.9, NA, Stage.ACTIVE, null), NA).diagnosis());
    }

    @Test
    void cannotGrowBelowTheCeilingOfABigWallet() {
        Analyzer.Verdict v = diagnose(a(399, 1000, 0.9, NA, Stage.ACTIVE, "S3"), NA);   // 39.9% < 40%
        assertEquals(Diagnosis.CANNOT_GROW, v.diagnosis());
        assertEquals("share of wallet 39.9% of CNY 1K, below 40.0%; CNY 401 headroom to the 80.0% ceiling; owner S3",
                text(v));
        assertEquals(Diagnosis.HEALTHY, diagnose(a(400, 1000, 0.9, NA, Stage.ACTIVE, "S3"), NA).diagnosis());
    }

    @Test
    void healthyReasons() {
        assertEquals("share of wallet 60.0% of CNY 1K (at least 40.0%), stage active, credit 0.90",
                text(diagnose(a(600, 1000, 0.9, NA, Stage.ACTIVE, null), NA)));
        assertEquals("small wallet (CNY 900 < CNY 1K): no key-account gap; share of wallet 10.0%",
                text(diagnose(a(90, 900, 0.9, NA, Stage.ACTIVE, null), NA)));
    }

    @Test
    void keepComesBeforeGrow() {
        // an at-risk account far below the ceiling: losing it is the more urgent problem
        assertEquals(Diagnosis.CANNOT_KEEP, diagnose(a(100, 1000, 0.9, NA, Stage.AT_RISK, null), NA).diagnosis());
    }

    @Test
    void peersAreTheTwentyNearestByRevenue() {
        // 30 accounts, revenue 30 … 1 and orders equal to revenue
        java.util.List<Account> list = new java.util.ArrayList<>();
        for (int i = 30; i >= 1; i--) list.add(acc("X" + i, i, 100, 0.2, NA, NA, NA, i, null, Stage.ACTIVE));
        list.add(acc("P", 0, 100, 0.2, NA, NA, NA, NA, null, Stage.PROSPECT));
        double[] m = Analyzer.peerMedianOrders(list);
        assertEquals(19.5, m[0], 1e-12);    // largest: the next 20 (29 … 10)
        assertEquals(15, m[15], 1e-12);     // revenue 15: 25 … 5 without itself
        assertEquals(11.5, m[29], 1e-12);   // smallest: the 20 above it (21 … 2)
        assertTrue(Double.isNaN(m[30]));    // no revenue, no orders
    }

    @Test
    void tooFewPeersTurnTheOrdersRuleOff() {
        java.util.List<Account> list = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) list.add(acc("X" + i, i, 100, 0.2, NA, NA, NA, i, null, Stage.ACTIVE));
        for (double v : Analyzer.peerMedianOrders(list)) assertTrue(Double.isNaN(v));
        list.add(acc("X6", 6, 100, 0.2, NA, NA, NA, 1, null, Stage.ACTIVE));
        assertEquals(3, Analyzer.peerMedianOrders(list)[5], 1e-12);   // peers 1 … 5
    }
}
