package dev.kam.compare;

import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.Metric;
import dev.kam.simulation.SimulationOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {
    static final Path TINY = Path.of("scenarios/tiny/scenario.yaml");
    static final SimulationOptions OPTIONS = new SimulationOptions(64, 7, 2);

    static String en(dev.kam.domain.Msg m) {
        return dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN).render(m);
    }

    static Scenario tiny(String... overrides) {
        return ScenarioReader.read(TINY, List.of(overrides));
    }

    static CompareResult compare(GoalBasis goals, boolean keepPlan, Scenario... scenarios) {
        List<Variant> v = new java.util.ArrayList<>();
        for (int i = 0; i < scenarios.length; i++) v.add(new Variant("s" + i, scenarios[i]));
        return Comparison.run(v, Planner.BASELINE, new CompareOptions(OPTIONS, keepPlan, goals), null);
    }

    @Test
    void aScenarioComparedWithItselfDiffersByZeroOnEveryPath() {
        // read twice: equal inputs, distinct objects, so nothing is shared but the seed
        CompareResult r = compare(GoalBasis.FIRST, false, tiny(), tiny());
        assertTrue(r.outcomes().get(1).crn().full());
        for (Metric m : Metric.values()) {
            for (int y = 0; y <= r.last(); y++) {
                double[] d = r.difference(1, m, y);
                assertEquals(OPTIONS.paths(), d.length);
                for (double v : d) assertEquals(0.0, v, 0.0, m + " year " + y);
                assertEquals(0.0, r.probabilityAhead(1, m, y));
            }
        }
        assertEquals(r.first().goalProbability(), r.outcomes().get(1).goalProbability());
    }

    @Test
    void lowerChurnIsAheadOrEqualOnEveryPathWithCommonRandomNumbers() {
        // same draws, a churn threshold that is lower: an account that survives in the first survives in the
        // second, and wallets and shares are the same, so key-account revenue can only be higher or equal
        CompareResult r = compare(GoalBasis.FIRST, false, tiny(), tiny("simulation.churn.covered=0.0",
                "simulation.churn.uncovered=0.0"));
        assertTrue(r.outcomes().get(1).crn().full());
        double[] d = r.difference(1, Metric.TOTAL_REVENUE, r.last());
        boolean someAhead = false;
        for (double v : d) {
            assertTrue(v >= -1e-6, "no churn must never lose revenue on a common path: " + v);
            someAhead |= v > 0;
        }
        assertTrue(someAhead);
    }

    @Test
    void commonRandomNumbersStayFullWhenOnlyTheProspectRateDiffers() {
        // arrivals draw from their own stream, so the scenario's accounts keep their draws
        Scenario a = tiny();
        Scenario b = tiny("simulation.newProspectsPerYear=35");
        assertTrue(Crn.of(a, b).full());
        assertTrue(Crn.of(a, tiny("simulation.marketGrowth.mean=0.08", "simulation.churn.covered=0.2")).full());
    }

    @Test
    void commonRandomNumbersAreFlaggedPartialWhenTheAccountsDiffer() {
        Scenario a = tiny();
        List<dev.kam.domain.Account> reversed = new java.util.ArrayList<>(a.accounts());
        java.util.Collections.reverse(reversed);
        Crn order = Crn.of(a, withAccounts(a, reversed));
        assertFalse(order.full());
        assertTrue(en(order.detail()).contains("another order"), en(order.detail()));
        Crn fewer = Crn.of(a, withAccounts(a, a.accounts().subList(1, a.accounts().size())));
        assertFalse(fewer.full());
        assertTrue(en(fewer.detail()).contains("accounts instead of"), en(fewer.detail()));
        // and the comparison says so
        CompareResult r = compare(GoalBasis.FIRST, false, a, withAccounts(a, reversed));
        assertFalse(r.fullyCommon());
    }

    static Scenario withAccounts(Scenario s, List<dev.kam.domain.Account> accounts) {
        return new Scenario(s.name(), s.currency(), s.baseYear(), s.source(), accounts, s.soldiers(), s.products(),
                s.relationships(), s.analysis(), s.strategy(), s.assignment(), s.simulation());
    }

    @Test
    void goalBasisFirstJudgesEveryScenarioByTheFirstsTargets() {
        Scenario a = tiny();
        Scenario b = tiny("strategy.goals.keyAccountRevenue=80000000");
        CompareResult first = compare(GoalBasis.FIRST, false, a, b);
        CompareResult own = compare(GoalBasis.OWN, false, a, b);
        assertEquals(40_000_000, first.outcomes().get(1).goal(), 1e-6);
        assertEquals(80_000_000, own.outcomes().get(1).goal(), 1e-6);
        assertTrue(own.outcomes().get(1).goalProbability() <= first.outcomes().get(1).goalProbability());
    }

    @Test
    void keepPlanUsesTheFirstScenariosPlanForEveryScenario() {
        Scenario a = tiny();
        // the second scenario has no owners: on its own it is planned uncovered, with --keep-plan it keeps a's owners
        Scenario b = withoutOwners(a);
        CompareResult replanned = compare(GoalBasis.FIRST, false, a, b);
        CompareResult kept = compare(GoalBasis.FIRST, true, a, b);
        assertTrue(replanned.outcomes().get(1).plan().leads().isEmpty());
        assertEquals(kept.first().plan().leads().keySet(), kept.outcomes().get(1).plan().leads().keySet());
        assertFalse(kept.first().plan().leads().isEmpty());
        assertTrue(en(kept.outcomes().get(1).planNote()).startsWith("kept from"), en(kept.outcomes().get(1).planNote()));
        // covered (with the fit recomputed: no longer the owner) beats uncovered on average
        int last = kept.last();
        assertTrue(kept.outcomes().get(1).result().stats(Metric.KEY_ACCOUNT_REVENUE, last).mean()
                > replanned.outcomes().get(1).result().stats(Metric.KEY_ACCOUNT_REVENUE, last).mean());
        // kept onto an identical scenario: the same plan, so identical outcomes on every path
        CompareResult same = compare(GoalBasis.FIRST, true, a, tiny());
        for (double v : same.difference(1, Metric.KEY_ACCOUNT_REVENUE, last)) assertEquals(0.0, v, 0.0);
    }

    @Test
    void planMappingDropsLeadsWhoseSoldierOrAccountIsMissing() {
        Scenario a = tiny();
        Coverage plan = Planner.BASELINE.plan(a, null);
        String someAccount = new java.util.TreeSet<>(plan.leads().keySet()).first();
        Coverage.Lead lead = plan.leads().get(someAccount);
        String other = a.accounts().stream().map(x -> x.id()).filter(id -> !id.equals(someAccount)).findFirst().orElseThrow();
        Coverage withGhost = new Coverage("x", Map.of(someAccount, lead, "GHOST", lead,
                other, new Coverage.Lead("NOBODY", 1.0, 0.5)), Map.of("GHOST", List.of("P1")));
        PlanMapping.Mapped m = PlanMapping.map(withGhost, a, "kept");
        assertEquals(2, m.droppedLeads());
        assertEquals(1, m.droppedOffers());
        assertEquals(1, m.coverage().leads().size());
        assertEquals(lead.fit(), m.coverage().leads().get(someAccount).fit(), 1e-12);
    }

    @Test
    void scenariosWithAnotherHorizonAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> compare(GoalBasis.FIRST, false, tiny(), tiny("strategy.horizonYears=5")));
        assertTrue(e.getMessage().contains("horizonYears"), e.getMessage());
    }

    @Test
    void labelsAreMadeUnique() {
        assertEquals(List.of("A", "B", "A #2", "A #3"), Comparison.uniqueLabels(List.of("A", "B", "A", "A")));
    }

    @Test
    void sameSeedGivesTheSameComparison() {
        CompareResult a = compare(GoalBasis.FIRST, false, tiny(), tiny("simulation.churn.covered=0.1"));
        CompareResult b = compare(GoalBasis.FIRST, false, tiny(), tiny("simulation.churn.covered=0.1"));
        assertEquals(a.differenceStats(1, Metric.KEY_ACCOUNT_REVENUE, a.last()),
                b.differenceStats(1, Metric.KEY_ACCOUNT_REVENUE, b.last()));
        assertNotEquals(0.0, a.differenceStats(1, Metric.KEY_ACCOUNT_REVENUE, a.last()).mean());
    }

    static Scenario withoutOwners(Scenario s) {
        List<dev.kam.domain.Account> accounts = s.accounts().stream().map(a -> new dev.kam.domain.Account(a.id(),
                a.name(), a.industry(), a.region(), a.revenue(), a.wallet(), a.margin(), a.credit(), a.difficulty(),
                a.serviceHours(), a.orders(), a.needs(), null, a.stage(), false, a.baseHours())).toList();
        return new Scenario(s.name(), s.currency(), s.baseYear(), s.source(), accounts, s.soldiers(), s.products(),
                s.relationships(), s.analysis(), s.strategy(), s.assignment(), s.simulation());
    }
}
