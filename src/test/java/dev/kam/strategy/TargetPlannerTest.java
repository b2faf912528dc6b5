package dev.kam.strategy;

import dev.kam.domain.Scenario;
import dev.kam.domain.StrategyParams;
import dev.kam.domain.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.kam.strategy.Fixtures.account;
import static dev.kam.strategy.Fixtures.handExample;
import static dev.kam.strategy.Fixtures.scenario;
import static dev.kam.strategy.Fixtures.junior;
import static dev.kam.strategy.Fixtures.soldier;
import static dev.kam.strategy.Fixtures.strategy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetPlannerTest {
    private static final double NAN = Double.NaN;

    private static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);

    static String en(dev.kam.domain.Msg m) {
        return EN.render(m);
    }

    static List<String> notes(Targets t) {
        return t.notes().stream().map(TargetPlannerTest::en).toList();
    }

    private static TargetWarning warning(Targets t, String check) {
        return t.warnings().stream().filter(w -> w.check().equals(check)).findFirst().orElse(null);
    }

    private static void assertFactorsMultiply(Targets t) {
        for (YearTarget y : t.years()) {
            double product = y.countPath() * y.ordersPerAccount() * y.orderValue();
            assertEquals(y.keyAccountRevenue(), product, 1e-9 * Math.max(1, y.keyAccountRevenue()), "year " + y.year());
        }
    }

    @Test
    void handComputedExample() {
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, NAN, 4, 64e6, "steady")));

        Baseline b = t.baseline();
        assertEquals(16e6, b.keyAccountRevenue());
        assertEquals(2, b.keyAccountCount());
        assertEquals(20e6, b.totalRevenue());
        assertEquals(0.8, b.keyAccountShare(), 1e-12);
        assertEquals(15, b.ordersPerAccount(), 1e-12);            // (10 + 20) / 2
        assertEquals(16e6 / 30, b.orderValue(), 1e-6);            // 16M / (2 × 15)
        assertEquals(1, b.pipelineProspects());                   // D: wallet 8M ≥ 5M
        assertEquals(1, b.pipelineAccounts());                    // E: wallet 6M; C's 3M is too small
        assertEquals(300, b.hoursPerKeyAccount());                // default, no baseHours in the data
        assertEquals(0, b.otherOwnedAccounts());                   // nobody owns the smaller accounts
        assertEquals(47e6, b.totalWallet());

        // Steady: (64 / 16)^(1/2) − 1 = 100% a year.
        assertEquals(1.0, t.goals().yearlyGrowth(), 1e-12);
        YearTarget y1 = t.year(2027);
        YearTarget y2 = t.year(2028);
        assertEquals(32e6, y1.keyAccountRevenue(), 1e-6);
        assertEquals(64e6, y2.keyAccountRevenue(), 1e-6);
        assertEquals(1.0, y1.growth(), 1e-12);
        assertEquals(1.0, y2.growth(), 1e-12);
        // Count: 2 · √2 = 2.83 on the smooth path, 3 whole accounts as the target, then the goal 4.
        assertEquals(2 * Math.sqrt(2), y1.countPath(), 1e-12);
        assertEquals(3, y1.keyAccountCount());
        assertEquals(4, y2.keyAccountCount());
        // Per-account revenue on the smooth path 32M / 2.83 against today's 8M: ratio √2, half of it (in logs) on
        // frequency; the rounding of the count does not reach the sub-targets.
        assertEquals(15 * Math.pow(2, 0.25), y1.ordersPerAccount(), 1e-9);
        assertEquals(32e6 / (2 * Math.sqrt(2) * 15 * Math.pow(2, 0.25)), y1.orderValue(), 1e-6);
        // The indexed key-account threshold: 5M grown at the market growth of 5% a year.
        assertEquals(5.25e6, y1.keyAccountThreshold(), 1e-6);
        assertEquals(5e6 * 1.05 * 1.05, y2.keyAccountThreshold(), 1e-6);
        assertEquals(15 * Math.sqrt(2), y2.ordersPerAccount(), 1e-9);
        assertEquals(64e6 / (4 * 15 * Math.sqrt(2)), y2.orderValue(), 1e-6);
        // Share derived: other revenue 4M grows with the market (5%): 64 / (64 + 4.41).
        assertEquals("derived", t.goals().keyAccountShare().source());
        assertEquals(64 / 68.41, t.goals().keyAccountShare().value(), 1e-12);
        assertEquals(64 / 68.41, y2.keyAccountShare(), 1e-12);
        assertEquals(32 / 36.2, y1.keyAccountShare(), 1e-12);
        assertEquals(36.2e6, y1.totalRevenue(), 1e-6);

        // Wins: (3 − 2) + round(3% × 2) = 1 and (4 − 3) + round(3% × 3) = 1, whole accounts.
        assertEquals(0, t.feasibility(2027).allowedLosses());
        assertEquals(1, t.feasibility(2027).winsNeeded());
        assertEquals(1, t.feasibility(2028).winsNeeded());
        // Hours: 3 × 300 + 1 × 100 = 1,000, 4 × 300 + 1 × 100 = 1,300; one soldier of 1,600 h suffices.
        assertEquals(1000, t.feasibility(2027).hoursNeeded(), 1e-9);
        assertEquals(1300, t.feasibility(2028).hoursNeeded(), 1e-9);
        assertEquals(1, t.feasibility(2028).headcountNeeded());
        assertNull(warning(t, "capacity"));

        // Pipeline: 2 wins needed against 2 candidates: enough.
        assertNull(warning(t, "pipeline"));
        TargetWarning rate = warning(t, "pipelineRate");
        assertNotNull(rate);
        assertTrue(en(rate.message()).contains("2027 needs 1 key-account win,"), en(rate.message()));
        assertTrue(en(rate.message()).contains("yields about 0.5"), en(rate.message()));
        // 100% a year against a 5% market.
        TargetWarning growth = warning(t, "marketGrowth");
        assertNotNull(growth);
        assertTrue(en(growth.message()).contains("100.0% a year"), en(growth.message()));
        assertTrue(en(growth.message()).contains("95.0 points above the assumed market growth of 5.0%"), en(growth.message()));
        // Wallet: 47M × 1.05² × 80% = 41.45M < 64M.
        TargetWarning wallet = warning(t, "wallet");
        assertNotNull(wallet);
        assertTrue(en(wallet.message()).contains("CNY 41,454,000"), en(wallet.message()));
        assertNull(warning(t, "conflict"));
        assertFactorsMultiply(t);
    }

    @Test
    void departmentTargetsAreSmartLines() {
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, NAN, 4, 64e6, "steady")));
        List<DepartmentTarget> y1 = t.departments(2027);
        assertEquals(List.of("sales", "sales", "marketing", "customerService", "customerService"),
                y1.stream().map(DepartmentTarget::department).toList());
        assertEquals(List.of("keyAccountWins", "keyAccountCount", "orderValue", "ordersPerAccount",
                "keyAccountRetention"), y1.stream().map(DepartmentTarget::metric).toList());
        for (DepartmentTarget d : t.departments()) {
            assertTrue(en(d.text()).endsWith("by 31 Dec " + d.year() + "."), en(d.text()));
        }
        DepartmentTarget wins = y1.get(0);
        assertEquals(1, wins.target());
        assertTrue(en(wins.text()).contains("win 1 new key account (each at least CNY 5,250,000 a year, that year's "
                + "key-account threshold) (+1 net), by 31 Dec 2027."), en(wins.text()));
        DepartmentTarget value = y1.get(2);
        assertEquals(16e6 / 30, value.baseline(), 1e-6);
        assertEquals(value.target() / value.baseline() - 1, value.change(), 1e-12);
        assertTrue(en(value.text()).contains("from CNY 533,333 to CNY 634,244 (+18.9%)"), en(value.text()));
        DepartmentTarget freq = y1.get(3);
        assertEquals(15, freq.baseline(), 1e-12);
        assertTrue(en(freq.text()).contains("from 15.00 to 17.84 a year (+18.9%)"), en(freq.text()));
        DepartmentTarget keep = y1.get(4);
        assertEquals(1.0, keep.target(), 1e-12);
        assertTrue(en(keep.text()).contains("keep at least 2 of the 2 key accounts of 2026 (lose at most 0)"),
                en(keep.text()));
        // Second year starts from the first year's targets.
        assertEquals(3, t.departments(2028).get(1).baseline());
    }

    @Test
    void winsBeyondThePipelineAreReportedInWholeAccounts() {
        // count 2 → 5 in two years: 2·√2.5 = 3.16 → 3, then 5; wins 1 and 2 (3% churn of 2 or 3 rounds to 0)
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, NAN, 5, 64e6, "steady")));
        assertEquals(1, t.feasibility(2027).winsNeeded());
        assertEquals(2, t.feasibility(2028).winsNeeded());
        TargetWarning pipeline = warning(t, "pipeline");
        assertNotNull(pipeline);
        assertTrue(en(pipeline.message()).startsWith("by 2028 the plan needs 3 key-account wins in total, but only 2 "
                + "accounts could become key accounts (1 prospect and 1 smaller account whose wallet is at least "
                + "CNY 5,000,000)"), en(pipeline.message()));
        assertTrue(en(pipeline.message()).endsWith("find 1 more candidate"), en(pipeline.message()));
    }

    @Test
    void steadyPathGrowsAtOneConstantRate() {
        Targets t = TargetPlanner.plan(handExample(strategy(10, 5e6, 0.9, 20, 160e6, "steady")));
        double rate = Math.pow(10, 0.1) - 1;
        for (YearTarget y : t.years()) assertEquals(rate, y.growth(), 1e-12);
        assertEquals(rate, t.goals().yearlyGrowth(), 1e-12);
        assertEquals(160e6, t.last().keyAccountRevenue(), 1e-6);
        assertEquals(20, t.last().keyAccountCount());
        assertEquals(0.9, t.last().keyAccountShare(), 1e-12);
        assertFactorsMultiply(t);
    }

    @Test
    void linearPathTakesEqualSteps() {
        Targets t = TargetPlanner.plan(handExample(strategy(4, 5e6, NAN, 6, 56e6, "linear")));
        double[] expected = {26e6, 36e6, 46e6, 56e6};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], t.years().get(i).keyAccountRevenue(), 1e-6);
        assertEquals(List.of(3.0, 4.0, 5.0, 6.0), t.years().stream().map(YearTarget::keyAccountCount).toList());
        assertFactorsMultiply(t);
    }

    @Test
    void sCurveIsSlowThenFastThenSlow() {
        Targets t = TargetPlanner.plan(handExample(strategy(10, 5e6, NAN, 20, 116e6, "s-curve")));
        List<Double> steps = new ArrayList<>();
        double prev = 16e6;
        for (YearTarget y : t.years()) {
            steps.add(y.keyAccountRevenue() - prev);
            prev = y.keyAccountRevenue();
        }
        // Midpoint 0.5 of 10 years: the largest steps are years 5 and 6, symmetric around the middle.
        assertTrue(steps.get(4) > steps.get(0) * 3, steps.toString());
        assertEquals(steps.get(0), steps.get(9), 1e-3);
        assertEquals(steps.get(4), steps.get(5), 1e-3);
        assertEquals(116e6, t.last().keyAccountRevenue(), 1e-6);
        // Logistic with k = 8, m = 0.5: p(0.1) = (σ(−3.2) − σ(−4)) / (σ(4) − σ(−4)).
        double p1 = (sig(-3.2) - sig(-4)) / (sig(4) - sig(-4));
        assertEquals(16e6 + 100e6 * p1, t.year(2027).keyAccountRevenue(), 1e-3);
        assertFactorsMultiply(t);
    }

    private static double sig(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void milestonesAreMetAndJoinedAtConstantGrowth() {
        StrategyParams p = strategy(6, 5e6, NAN, 10, 128e6, "milestones")
                .withPath("milestones", List.of(new StrategyParams.Milestone(2028, 64e6, 5, NAN),
                        new StrategyParams.Milestone(2030, NAN, NAN, 0.9)));
        Targets t = TargetPlanner.plan(handExample(p));
        assertEquals(32e6, t.year(2027).keyAccountRevenue(), 1e-6);     // 16 → 64 in two years: ×2 a year
        assertEquals(64e6, t.year(2028).keyAccountRevenue(), 1e-6);
        assertEquals(5, t.year(2028).keyAccountCount());
        // 64 → 128 over four years: one rate 2^(1/4).
        for (int y = 2029; y <= 2032; y++) assertEquals(Math.pow(2, 0.25) - 1, t.year(y).growth(), 1e-12);
        assertEquals(0.9, t.year(2030).keyAccountShare(), 1e-12);
        assertEquals(128e6, t.last().keyAccountRevenue(), 1e-6);
        assertEquals(10, t.last().keyAccountCount());
        assertFactorsMultiply(t);
    }

    @Test
    void milestoneInTheLastYearStandsInForAMissingGoal() {
        StrategyParams p = strategy(3, 5e6, NAN, NAN, NAN, "milestones")
                .withPath("milestones", List.of(new StrategyParams.Milestone(2029, 40e6, 5, NAN)));
        Targets t = TargetPlanner.plan(handExample(p));
        assertEquals("milestone", t.goals().keyAccountRevenue().source());
        assertEquals(40e6, t.last().keyAccountRevenue(), 1e-6);
        assertEquals(5, t.last().keyAccountCount());
    }

    @Test
    void milestoneConflictingWithTheGoalIsReported() {
        StrategyParams p = strategy(3, 5e6, NAN, NAN, 50e6, "milestones")
                .withPath("milestones", List.of(new StrategyParams.Milestone(2029, 40e6, NAN, NAN)));
        Targets t = TargetPlanner.plan(handExample(p));
        TargetWarning c = warning(t, "conflict");
        assertNotNull(c);
        assertEquals("the key-account revenue goal (CNY 50,000,000) differs from the milestone in 2029 "
                + "(CNY 40,000,000); the goal is used", en(c.message()));
        assertEquals(50e6, t.last().keyAccountRevenue(), 1e-6);
    }

    @Test
    void milestoneOutsideTheHorizonIsAScenarioError() {
        StrategyParams p = strategy(3, 5e6, NAN, NAN, 50e6, "milestones")
                .withPath("milestones", List.of(new StrategyParams.Milestone(2035, 40e6, NAN, NAN, 17)));
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetPlanner.plan(handExample(p)));
        assertEquals("test.yaml:17: strategy.milestones[0].year: (2035) must be between 2027 and 2029 "
                + "(baseYear + 1 … baseYear + horizonYears)", e.problems().get(0).toString());
    }

    @Test
    void missingCountIsDerivedFromRevenueAndTodaysAverage() {
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, NAN, NAN, 88.2e6, "steady")));
        Goal n = t.goals().keyAccountCount();
        assertEquals("derived", n.source());
        // 88.2M / (8M × 1.05²) = 10.0
        assertEquals(10, n.value());
        assertEquals("revenue CNY 88,200,000 / (today's average key-account revenue CNY 8,000,000 grown at the "
                + "assumed market growth of 5.0% a year for 2 years = CNY 8,820,000) = 10 key accounts", en(n.how()));
        assertTrue(notes(t).contains("derived goal: " + en(n.how())));
        assertEquals(10, t.last().keyAccountCount());
    }

    @Test
    void missingRevenueIsDerivedFromTheShare() {
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, 0.9, NAN, NAN, "steady")));
        Goal r = t.goals().keyAccountRevenue();
        assertEquals("derived", r.source());
        // 0.9 / 0.1 × 4M × 1.05² = 39.69M
        assertEquals(39.69e6, r.value(), 1e-3);
        assertTrue(en(r.how()).startsWith("share 90.0% of total revenue"), en(r.how()));
        assertEquals(0.9, t.last().keyAccountShare(), 1e-12);
        assertEquals(39.69e6 / 0.9, t.last().totalRevenue(), 1e-3);
    }

    @Test
    void missingRevenueIsDerivedFromTheCount() {
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, NAN, 5, NAN, "steady")));
        assertEquals(5 * 8e6 * 1.1025, t.goals().keyAccountRevenue().value(), 1e-3);
        assertEquals(5, t.last().keyAccountCount());
    }

    @Test
    void noGoalsFollowTheMarket() {
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, NAN, NAN, NAN, "steady")));
        assertEquals(16e6 * 1.1025, t.last().keyAccountRevenue(), 1e-3);
        assertTrue(en(t.goals().keyAccountRevenue().how()).startsWith("no revenue, count or usable share goal"));
        assertEquals(3, notes(t).stream().filter(n -> n.startsWith("derived goal:")).count());
        assertNull(warning(t, "marketGrowth"));
    }

    @Test
    void averageBelowThresholdIsAConflictWithTheNumbers() {
        Targets t = TargetPlanner.plan(handExample(strategy(5, 5e6, NAN, 100, 200e6, "steady")));
        TargetWarning c = warning(t, "conflict");
        assertNotNull(c);
        // the threshold in 2031 is indexed: 5M × 1.05⁵ = 6,381,408
        assertEquals("the goals imply an average key-account revenue of CNY 2,000,000 in 2031 (CNY 200,000,000 / "
                + "100 accounts), below that year's key-account threshold CNY 6,381,408: raise the revenue goal to at "
                + "least CNY 638,140,781 or lower the count to at most 31", en(c.message()));
        assertFactorsMultiply(t);
    }

    @Test
    void zeroShareWithRevenueIsAConflict() {
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, 0.0, NAN, 30e6, "steady")));
        assertTrue(en(warning(t, "conflict").message()).startsWith("the key-account share goal is 0"));
        assertEquals("derived", t.goals().keyAccountShare().source());
    }

    @Test
    void goalsBelowTodayDeclineSteadily() {
        Targets t = TargetPlanner.plan(handExample(strategy(4, 5e6, NAN, 2, 10e6, "steady")));
        TargetWarning w = warning(t, "belowToday");
        assertNotNull(w);
        assertTrue(en(w.message()).contains("key-account revenue CNY 10,000,000 < today's CNY 16,000,000"), en(w.message()));
        double rate = Math.pow(10.0 / 16, 0.25) - 1;
        for (YearTarget y : t.years()) assertEquals(rate, y.growth(), 1e-12);
        // Expected churn of 3% × 2 = 0.06 rounds to no whole account: no win needed to stay at 2.
        for (YearFeasibility f : t.feasibility()) assertEquals(0, f.winsNeeded());
        assertFactorsMultiply(t);
    }

    @Test
    void noKeyAccountTodayStartsLinearly() {
        Scenario s = scenario(List.of(account("A", 1e6, 20e6, 6, Double.NaN), account("B", 0, 30e6, NAN, NAN)),
                List.of(soldier("S", 1500)), strategy(5, 5e6, NAN, 5, 50e6, "steady"));
        Targets t = TargetPlanner.plan(s);
        assertEquals(0, t.baseline().keyAccountCount());
        assertTrue(Double.isNaN(t.baseline().orderValue()));
        assertTrue(Double.isNaN(t.year(2027).growth()));
        assertEquals(10e6, t.year(2027).keyAccountRevenue(), 1e-6);     // linear 0 → 50M
        assertEquals(1, t.year(2027).keyAccountCount());
        assertTrue(Double.isNaN(t.goals().yearlyGrowth()));
        assertNotNull(warning(t, "data"));
        assertTrue(notes(t).stream().anyMatch(n -> n.startsWith("key-account revenue is 0 today")), notes(t).toString());
        assertTrue(notes(t).stream().anyMatch(n -> n.startsWith("accounts.csv gives no orders")));
        // Index base is the first year: its orders are the default 12.
        assertEquals(12, t.year(2027).ordersPerAccount(), 1e-12);
        assertFactorsMultiply(t);
        for (YearTarget y : t.years()) assertTrue(y.keyAccountCount() >= 1);
    }

    @Test
    void emptyScenarioGivesZeroTargetsWithoutDividingByZero() {
        Targets t = TargetPlanner.plan(scenario(List.of(), List.of(), strategy(3, 5e6, NAN, NAN, NAN, "steady")));
        for (YearTarget y : t.years()) {
            assertEquals(0, y.keyAccountRevenue());
            assertEquals(0, y.keyAccountCount());
            assertFalse(Double.isNaN(y.keyAccountShare()));
            assertFalse(Double.isNaN(y.orderValue()));
        }
    }

    @Test
    void horizonOfOneYearIsTheGoal() {
        Targets t = TargetPlanner.plan(handExample(strategy(1, 5e6, 0.85, 3, 24e6, "s-curve")));
        assertEquals(1, t.years().size());
        YearTarget y = t.last();
        assertEquals(2027, y.year());
        assertEquals(24e6, y.keyAccountRevenue(), 1e-6);
        assertEquals(3, y.keyAccountCount());
        assertEquals(0.85, y.keyAccountShare(), 1e-12);
        assertEquals(0.5, y.growth(), 1e-12);
        assertFactorsMultiply(t);
    }

    @Test
    void capacityWarningSaysHowManyToHire() {
        List<dev.kam.domain.Account> accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) accounts.add(account("K" + i, 6e6, 12e6, 12, 300));
        Scenario s = scenario(accounts, List.of(soldier("S1", 1500), soldier("S2", 1500)),
                strategy(3, 5e6, NAN, 20, 150e6, "linear"));
        Targets t = TargetPlanner.plan(s);
        assertEquals(300, t.baseline().hoursPerKeyAccount());
        assertTrue(t.baseline().hoursFromData());
        // 2027: 13 KAs × 300 + (3 + round(0.3)) = 3 wins × 100 = 4,200 h → ⌈4200 / 1500⌉ = 3 soldiers, 2 today.
        YearFeasibility f = t.feasibility(2027);
        assertEquals(3, f.winsNeeded());
        assertEquals(4200, f.hoursNeeded(), 1e-9);
        assertEquals(3, f.headcountNeeded());
        TargetWarning c = warning(t, "capacity");
        assertNotNull(c);
        assertTrue(en(c.message()).startsWith("2027 needs 4,200 selling hours (13 key accounts × 300 h "
                + "+ 3 wins × 100 h) = 3 soldiers at 1,500 h each, but there are 2 (3,000 h): hire 1 by 2027"),
                en(c.message()));
        assertTrue(en(c.message()).endsWith("short in 3 of 3 years, at most 3 soldiers in 2029"), en(c.message()));
    }

    @Test
    void onlySoldiersWhoMayLeadAKeyAccountCountForKeyAccountHours() {
        // the same owned smaller accounts, but the second soldier may not lead the key account (base layer, 2 stars,
        // no certification): its 1,000 h absorb the 230 h of smaller accounts, the key-account work needs S1
        List<dev.kam.domain.Account> accounts = new ArrayList<>();
        accounts.add(account("K", 6e6, 12e6, 12, Double.NaN));
        accounts.add(owned(account("M1", 1e6, 2e6, 12, 150)));
        accounts.add(owned(account("M2", 1e6, 2e6, 12, Double.NaN)));
        Scenario s = scenario(accounts, List.of(soldier("S1", 1000), junior("J1", 1000)), strategy(1, 5e6, NAN, 2, 12e6, "steady"));
        Targets t = TargetPlanner.plan(s);
        assertEquals(1, t.baseline().soldiers(), "one soldier may lead a key account");
        assertEquals(1000, t.baseline().soldierCapacityHours(), 1e-9);
        assertEquals(0, t.baseline().otherAccountHours(), 1e-9, "the junior's hours cover the smaller accounts");
        assertTrue(t.notes().stream().anyMatch(n -> n.key().equals("strategy.note.leadersOnly") && n.args().get(0).equals(1)
                && n.args().get(1).equals(2)), t.notes().toString());
        // 2 KAs × 300 + 2 wins × 100 = 800 h ≤ 1,000 h: one soldier is enough
        assertEquals(1, t.feasibility(2027).headcountNeeded());
    }

    @Test
    void ownedSmallerAccountsKeepTheirHours() {
        List<dev.kam.domain.Account> accounts = new ArrayList<>();
        accounts.add(account("K", 6e6, 12e6, 12, Double.NaN));
        accounts.add(owned(account("M1", 1e6, 2e6, 12, 150)));
        accounts.add(owned(account("M2", 1e6, 2e6, 12, Double.NaN)));
        accounts.add(account("M3", 1e6, 2e6, 12, Double.NaN));                 // no owner: no hours
        Scenario s = scenario(accounts, List.of(soldier("S1", 900)), strategy(1, 5e6, NAN, 2, 12e6, "steady"));
        Targets t = TargetPlanner.plan(s);
        assertEquals(2, t.baseline().otherOwnedAccounts());
        assertEquals(150 + 80, t.baseline().otherAccountHours(), 1e-9);        // own baseHours + default 80
        assertEquals(300 + 230, t.baseline().hoursNeededToday(), 1e-9);
        // 2 KAs × 300 + (1 + round(0.03)) = 1 win × 100 + 230 = 930 h → 2 soldiers of 900 h.
        YearFeasibility f = t.feasibility(2027);
        assertEquals(230, f.otherHours(), 1e-9);
        assertEquals(930, f.hoursNeeded(), 1e-9);
        assertEquals(2, f.headcountNeeded());
        assertTrue(en(warning(t, "capacity").message()).contains("+ 230 h on 2 owned smaller accounts)"),
                en(warning(t, "capacity").message()));
    }

    @Test
    void keyAccountHoursDefaultToTheAssignmentsKeyTier() {
        dev.kam.domain.AssignmentParams d = dev.kam.domain.AssignmentParams.DEFAULT;
        dev.kam.domain.AssignmentParams a = new dev.kam.domain.AssignmentParams(d.timeLimit(),
                d.unimprovedTimeLimit(), d.seed(), d.effortLevels(), d.effortNames(), d.maxProductsPerAccount(),
                d.ratingPriority(), d.switchingCost(), d.minStars(), d.minCertification(), d.requireRegion(),
                d.layerMinRating(), d.layerMaxRating(), new double[] {250, 120, 40}, d.maxAccountsPerSoldier(),
                d.searchShare());
        Scenario s = handExample(strategy(2, 5e6, NAN, 4, 64e6, "steady")).withAssignment(a);
        Targets t = TargetPlanner.plan(s);
        assertEquals(250, t.baseline().hoursPerKeyAccount());
        assertFalse(t.baseline().hoursFromData());
        assertTrue(notes(t).contains("accounts.csv gives no baseHours for today's key accounts: each key account "
                + "needs assignment.baseHours.key = 250 selling hours a year"), notes(t).toString());
    }

    private static dev.kam.domain.Account owned(dev.kam.domain.Account a) {
        return new dev.kam.domain.Account(a.id(), a.name(), a.industry(), a.region(), a.revenue(), a.wallet(),
                a.margin(), a.credit(), a.difficulty(), a.serviceHours(), a.orders(), a.needs(), "S1", a.stage(),
                a.mustCover(), a.baseHours());
    }

    @Test
    void frequencyWeightMovesGrowthBetweenTheFactors() {
        StrategyParams allValue = strategy(2, 5e6, NAN, 2, 64e6, "steady").withAssumptions(NAN, NAN, 0.0);
        StrategyParams allFreq = strategy(2, 5e6, NAN, 2, 64e6, "steady").withAssumptions(NAN, NAN, 1.0);
        Targets v = TargetPlanner.plan(handExample(allValue));
        Targets f = TargetPlanner.plan(handExample(allFreq));
        assertEquals(15, v.last().ordersPerAccount(), 1e-12);
        assertEquals(4 * 16e6 / 30, v.last().orderValue(), 1e-6);
        assertEquals(60, f.last().ordersPerAccount(), 1e-12);
        assertEquals(16e6 / 30, f.last().orderValue(), 1e-6);
    }

    @Test
    void expectedChurnOverridesTheSimulationsChurn() {
        StrategyParams p = strategy(2, 5e6, NAN, 4, 64e6, "steady").withAssumptions(0.5, NAN, 0.5);
        Targets t = TargetPlanner.plan(handExample(p));
        assertEquals(2, t.feasibility(2027).winsNeeded());   // ⌈1 + 0.5 × 2⌉
        assertEquals(3, t.feasibility(2028).winsNeeded());   // ⌈1 + 0.5 × 3⌉ = ⌈2.5⌉
        assertEquals(0.5, t.assumptions().expectedChurn());
    }
}
