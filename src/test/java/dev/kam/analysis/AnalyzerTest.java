package dev.kam.analysis;

import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kam.analysis.Fixtures.NA;
import static dev.kam.analysis.Fixtures.active;
import static dev.kam.analysis.Fixtures.scenario;
import static dev.kam.analysis.Fixtures.strategy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-computed example of {@link Fixtures#handExample()}: revenue A 50, B 25, C 15, D 10, prospect E
 * (wallet 200); threshold 40; default weights 0.30/0.25/0.15/0.15/0.15 and cuts 0.2/0.4/0.6/0.8.
 */
class AnalyzerTest {
    static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);
    static final dev.kam.i18n.Messages ZH = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.ZH);
    static final double EPS = 1e-9;
    final Analysis a = Analyzer.analyze(Fixtures.handScenario());

    @Test
    void pyramidCutsByCumulativeShareBeforeEachAccount() {
        // cumulative share before: A 0 → key; B 0.50 (not < 0.5) → mid; C 0.75 → mid; D 0.90 → small; E no revenue
        assertEquals(Tier.KEY, a.tier("A"));
        assertEquals(Tier.MID, a.tier("B"));
        assertEquals(Tier.MID, a.tier("C"));
        assertEquals(Tier.SMALL, a.tier("D"));
        assertEquals(Tier.SMALL, a.tier("E"));
        List<TierSummary> p = a.pyramid();
        assertTier(p.get(0), Tier.KEY, 1, 50, 0.2, 0.5);
        assertTier(p.get(1), Tier.MID, 2, 40, 0.4, 0.4);
        assertTier(p.get(2), Tier.SMALL, 2, 10, 0.4, 0.1);
        assertEquals(15, p.get(1).minRevenue(), EPS);
        assertEquals(25, p.get(1).maxRevenue(), EPS);
        assertEquals(1, a.get("A").rank());
        assertEquals(5, a.get("E").rank());
    }

    private static void assertTier(TierSummary t, Tier tier, int count, double revenue, double countShare,
                                   double revenueShare) {
        assertEquals(tier, t.tier());
        assertEquals(count, t.count());
        assertEquals(revenue, t.revenue(), EPS);
        assertEquals(countShare, t.countShare(), EPS);
        assertEquals(revenueShare, t.revenueShare(), EPS);
    }

    @Test
    void concentrationOverActiveAccounts() {
        Concentration c = a.concentration();
        assertEquals(4, c.activeAccounts());
        assertEquals(0.5, c.top1Share(), EPS);
        assertEquals(1.0, c.top5Share(), EPS);
        assertEquals(1, c.top10PctCount());          // ⌈0.1 · 4⌉
        assertEquals(0.5, c.top10PctShare(), EPS);
        // shares .10 .15 .25 .50 → HHI = .01 + .0225 + .0625 + .25
        assertEquals(0.345, c.hhi(), EPS);
        assertEquals(1 / 0.345, c.effectiveNumber(), EPS);
        // Σ i·x(i) = 10 + 30 + 75 + 200 = 315; G = 2·315/(4·100) − 5/4
        assertEquals(0.325, c.gini(), EPS);
        assertEquals(List.of(new Concentration.Point(0, 0), new Concentration.Point(0.25, 0.1),
                new Concentration.Point(0.5, 0.25), new Concentration.Point(0.75, 0.5),
                new Concentration.Point(1, 1)), c.lorenz());
    }

    @Test
    void keyAccountBaselineAtTheThreshold() {
        KeyAccountBaseline b = a.baseline();
        assertEquals(1, b.count());
        assertEquals(50, b.revenue(), EPS);
        assertEquals(0.5, b.share(), EPS);
        assertEquals(100, b.totalRevenue(), EPS);
        assertEquals(5, b.accounts());
        assertEquals(4, b.activeAccounts());
        assertEquals(1, b.prospects());
        assertEquals(12, b.ordersPerAccount(), EPS);
        assertEquals(50.0 / 12, b.orderValue(), EPS);
    }

    @Test
    void criterionScoresByPercentileRank() {
        // revenue 10 15 25 50 → mid-rank / (n − 1): D 0, C 1/3, B 2/3, A 1; prospect E potential 200 × 0.5 = 100 → 1
        // profit A 10, B 10 (tie), C 4.5, D 1 → A and B (2 + 0.5)/3; E 100 × 0.25 = 25 → 1
        // efficiency A 5, B 2.5, C 3 (D and E without hours → 0.5)
        assertCriteria("A", 1, 2.5 / 3, 0.9, 1, 0.8);
        assertCriteria("B", 2.0 / 3, 2.5 / 3, 0.5, 0, 0.5);
        assertCriteria("C", 1.0 / 3, 1.0 / 3, 0.8, 0.5, 0.6);
        assertCriteria("D", 0, 0, 0.3, 0.5, 0.2);
        assertCriteria("E", 1, 1, 0.8, 0.5, 0.5);
        assertTrue(a.get("E").ratedOnPotential());
        assertFalse(a.get("A").ratedOnPotential());
    }

    private void assertCriteria(String id, double rev, double profit, double credit, double eff, double ease) {
        AccountAssessment.Criteria c = a.get(id).criteria();
        assertEquals(rev, c.revenue(), EPS, id + " revenue");
        assertEquals(profit, c.profit(), EPS, id + " profit");
        assertEquals(credit, c.credit(), EPS, id + " credit");
        assertEquals(eff, c.efficiency(), EPS, id + " efficiency");
        assertEquals(ease, c.ease(), EPS, id + " ease");
    }

    @Test
    void scoresAndRatings() {
        // A .3·1 + .25·.8333 + .15·.9 + .15·1 + .15·.8 = .913333 → 5A
        // B .2 + .208333 + .075 + 0 + .075 = .558333 → 3A; C .1 + .083333 + .12 + .075 + .09 = .468333 → 3A
        // D .045 + .075 + .03 = .15 → 1A; E .3 + .25 + .12 + .075 + .075 = .82 → 5A
        assertEquals(0.3 + 0.25 * 2.5 / 3 + 0.135 + 0.15 + 0.12, a.get("A").score(), EPS);
        assertEquals(0.2 + 0.25 * 2.5 / 3 + 0.075 + 0.075, a.get("B").score(), EPS);
        assertEquals(0.1 + 0.25 / 3 + 0.12 + 0.075 + 0.09, a.get("C").score(), EPS);
        assertEquals(0.15, a.get("D").score(), EPS);
        assertEquals(0.82, a.get("E").score(), EPS);
        assertEquals(5, a.rating("A"));
        assertEquals(3, a.rating("B"));
        assertEquals(3, a.rating("C"));
        assertEquals(1, a.rating("D"));
        assertEquals(5, a.rating("E"));
        assertEquals(1, a.rating("nobody"));
        assertEquals(Tier.SMALL, a.tier("nobody"));
        assertEquals("5A", a.get("A").ratingLabel());
        int[] counts = a.ratingCounts();
        assertEquals(List.of(1, 0, 2, 0, 2), List.of(counts[0], counts[1], counts[2], counts[3], counts[4]));
        double[] rev = a.ratingRevenue();
        assertEquals(10, rev[0], EPS);
        assertEquals(40, rev[2], EPS);
        assertEquals(50, rev[4], EPS);
        assertEquals(5, a.ratings().size());
    }

    @Test
    void diagnosesOfTheExample() {
        assertEquals(Diagnosis.HEALTHY, a.get("A").diagnosis());
        assertEquals(Diagnosis.HEALTHY, a.get("B").diagnosis());
        assertEquals(Diagnosis.CANNOT_GROW, a.get("C").diagnosis());   // 5% of a 300 wallet (≥ 40), below 40%
        assertEquals(Diagnosis.CANNOT_KEEP, a.get("D").diagnosis());   // credit 0.3 < 0.4
        assertEquals(Diagnosis.CANNOT_WIN, a.get("E").diagnosis());    // prospect
        assertTrue(EN.render(a.get("C").reason()).contains("CNY 225 headroom"), EN.render(a.get("C").reason()));
        assertTrue(EN.render(a.get("D").reason()).contains("credit 0.30 below 0.40"), EN.render(a.get("D").reason()));
        assertTrue(EN.render(a.get("E").reason()).contains("no owner"), EN.render(a.get("E").reason()));
        assertEquals("analysis.reason.grow", a.get("C").reason().key());
        assertEquals(2, a.diagnosisCounts().get(Diagnosis.HEALTHY));
    }

    @Test
    void healthAgainstTheGoals() {
        Health h = a.health();
        // KA share 0.5 ≥ 0.5 → key-account-led; top account 50% > 20% → concentrated
        assertTrue(h.keyAccountLed());
        assertEquals(Health.Verdict.CONCENTRATED, h.verdict());
        assertEquals(3, h.gaps().size());
        Health.GoalGap share = h.gaps().get(0);
        assertEquals("keyAccountRevenueShare", share.metric());
        assertEquals(0.1, share.gap(), EPS);
        Health.GoalGap count = h.gaps().get(1);
        assertEquals(3, count.gap(), EPS);
        assertEquals(Math.pow(4, 0.1) - 1, count.requiredYearlyGrowth(), EPS);   // 1 → 4 in 10 years: 14.87%
        Health.GoalGap rev = h.gaps().get(2);
        assertEquals(150, rev.gap(), EPS);
        assertEquals(Math.pow(4, 0.1) - 1, rev.requiredYearlyGrowth(), EPS);
        List<String> findings = h.findings().stream().map(EN::render).toList();
        assertTrue(findings.stream().anyMatch(f -> f.contains("14.9% a year")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("Dependence on one account: Name A")), findings.toString());
        assertEquals("Key-account-led but concentrated: the largest account brings 50.0% of revenue.", EN.render(h.summary()));
        assertTrue(h.findings().stream().map(ZH::render).anyMatch(f -> f.startsWith("依赖单一客户：Name A")));
    }

    @Test
    void healthVerdictsAndMissingGoals() {
        // ten equal customers of 10, threshold 10: all key, top account 10% → healthy
        List<dev.kam.domain.Account> equal = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) equal.add(active("X" + i, 10, 20));
        Analysis healthy = Analyzer.analyze(scenario(equal, AnalysisParams.DEFAULT, strategy(10, NA, NA, NA)));
        assertEquals(Health.Verdict.HEALTHY, healthy.health().verdict());
        assertEquals(0, healthy.concentration().gini(), EPS);
        assertEquals(0.1, healthy.concentration().hhi(), EPS);
        assertTrue(healthy.health().gaps().isEmpty());
        assertTrue(healthy.health().findings().contains(dev.kam.domain.Msg.of("analysis.health.noGoals")));
        // threshold above everyone: no key accounts → not key-account-led
        Analysis led = Analyzer.analyze(scenario(equal, AnalysisParams.DEFAULT, strategy(11, NA, 5, NA)));
        assertEquals(Health.Verdict.NOT_KEY_ACCOUNT_LED, led.health().verdict());
        assertEquals(0, led.baseline().count());
        assertTrue(Double.isNaN(led.health().gaps().get(0).requiredYearlyGrowth()));
    }

    @Test
    void thresholdMakesKeyWhateverTheRank() {
        // ranks 50, 25, 15, 10: with keyShare 0 only the threshold (20) makes key accounts: A and B
        List<dev.kam.domain.Account> acc = List.of(active("A", 50, 60), active("B", 25, 60), active("C", 15, 60),
                active("D", 10, 60));
        AnalysisParams thresholdOnly = new AnalysisParams(0, 0.8, true, AnalysisParams.DEFAULT.ratingWeights(),
                AnalysisParams.DEFAULT.ratingCuts());
        Analysis t = Analyzer.analyze(scenario(acc, thresholdOnly, strategy(20, NA, NA, NA)));
        assertEquals(List.of(Tier.KEY, Tier.KEY, Tier.MID, Tier.SMALL),
                List.of(t.tier("A"), t.tier("B"), t.tier("C"), t.tier("D")));
        // share only (useThreshold false), keyShare 0.6: A (before 0) and B (before 0.5) are key
        AnalysisParams shareOnly = new AnalysisParams(0.6, 0.9, false, AnalysisParams.DEFAULT.ratingWeights(),
                AnalysisParams.DEFAULT.ratingCuts());
        Analysis s = Analyzer.analyze(scenario(acc, shareOnly, strategy(1, NA, NA, NA)));
        assertEquals(List.of(Tier.KEY, Tier.KEY, Tier.MID, Tier.SMALL),
                List.of(s.tier("A"), s.tier("B"), s.tier("C"), s.tier("D")));
    }

    @Test
    void logMinMaxNormalization() {
        AnalysisParams d = AnalysisParams.DEFAULT;
        AnalysisParams p = new AnalysisParams(d.keyShare(), d.midShare(), d.useThreshold(), d.ratingWeights(),
                d.ratingCuts(), AnalysisParams.LOG_MINMAX, 0.5, d.healthKeyShare(), d.healthMaxTop1(), d.bigWallet(),
                d.winFootholdShare(), d.growCeilingRatio(), d.keepMinCredit(), d.keepOrdersRatio());
        Analysis l = Analyzer.analyze(scenario(Fixtures.handExample(), p, strategy(40, NA, NA, NA)));
        // revenue: (ln 26 − ln 11) / (ln 51 − ln 11) for B; E's potential 100 is clamped to 1
        assertEquals((Math.log(26) - Math.log(11)) / (Math.log(51) - Math.log(11)), l.get("B").criteria().revenue(), EPS);
        assertEquals(0, l.get("D").criteria().revenue(), EPS);
        assertEquals(1, l.get("A").criteria().revenue(), EPS);
        assertEquals(1, l.get("E").criteria().revenue(), EPS);
        // profit: C 4.5 between D 1 and A/B 10
        assertEquals((Math.log(5.5) - Math.log(2)) / (Math.log(11) - Math.log(2)), l.get("C").criteria().profit(), EPS);
    }

    @Test
    void ratingCutsAreInclusive() {
        double[] cuts = {0.2, 0.4, 0.6, 0.8};
        assertEquals(1, Analyzer.rating(0.1999, cuts));
        assertEquals(2, Analyzer.rating(0.2, cuts));
        assertEquals(4, Analyzer.rating(0.1 + 0.2 + 0.3, cuts));   // 0.6000000000000001 and 0.6 alike
        assertEquals(5, Analyzer.rating(1.0, cuts));
        assertEquals(1, Analyzer.rating(0.0, cuts));
    }

    @Test
    void emptyAndAllProspectBasesDoNotBreak() {
        Analysis empty = Analyzer.analyze(scenario(List.of(), AnalysisParams.DEFAULT, strategy(10, 0.5, 3, NA)));
        assertEquals(0, empty.concentration().activeAccounts());
        assertEquals(Health.Verdict.NOT_KEY_ACCOUNT_LED, empty.health().verdict());
        Analysis prospects = Analyzer.analyze(scenario(List.of(
                Fixtures.acc("P1", 0, 100, 0.2, NA, NA, NA, NA, null, dev.kam.domain.Stage.PROSPECT),
                Fixtures.acc("P2", 0, 300, 0.2, NA, NA, NA, NA, "S1", dev.kam.domain.Stage.PROSPECT)),
                AnalysisParams.DEFAULT, strategy(10, NA, NA, NA)));
        // no reference distribution: every money criterion is neutral
        assertEquals(0.5, prospects.get("P2").criteria().revenue(), EPS);
        assertEquals(Diagnosis.CANNOT_WIN, prospects.get("P2").diagnosis());
        assertTrue(EN.render(prospects.get("P2").reason()).contains("owner S1 has not won it yet"));
    }

    @Test
    void contractConstructorForLaterStages() {
        Analysis small = new Analysis(List.of(new AccountAssessment("X", Tier.KEY, 0.7, 4, Diagnosis.HEALTHY, null)));
        assertEquals(4, small.rating("X"));
        assertEquals(Tier.KEY, small.tier("X"));
        assertNull(small.pyramid());
    }

    @Test
    void sameScenarioSameAnalysis() {
        Scenario s = Fixtures.synthetic(200, 7);
        Analysis x = Analyzer.analyze(s);
        Analysis y = Analyzer.analyze(s);
        assertEquals(x.accounts(), y.accounts());
        assertEquals(x.concentration(), y.concentration());
    }
}
