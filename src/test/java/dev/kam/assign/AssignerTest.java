package dev.kam.assign;

import dev.kam.domain.Coverage;
import dev.kam.domain.Msg;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignerTest {
    private static final AssignOptions STEPS = AssignOptions.steps(1, 3_000, 5_000);

    @ParameterizedTest(name = "random instance {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void reachesTheExhaustiveOptimum(long seed) {
        Instances.Instance inst = Instances.random(seed, 5, 2, 2);
        Coefficients t = inst.table();
        Exact.Optimum opt = Exact.optimum(t);
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), STEPS.withSeed(seed));
        assertEquals(0, plan.hard(), "hard");
        assertEquals(opt.medium(), plan.medium(), "medium (mustCover left uncovered)");
        assertEquals(opt.soft(), plan.soft(), "soft = optimum found by exhaustive search");
        assertEquals(plan.soft() / 100.0, plan.objective(), 1e-9);
        assertTrue(plan.bound() >= opt.soft() / 100.0 - 1e-9, "the bound is at least the optimum");
        assertTrue(plan.quality().optimal(), "a tiny instance is solved to proven optimality: " + plan.quality());
    }

    @Test
    void tinyScenarioSeededGivesTheExactBestScore() {
        Instances.Instance inst = Instances.tiny();
        Exact.Optimum opt = Exact.optimum(inst.table());
        Plan a = Assigner.solve(inst.scenario(), inst.analysis(), STEPS);
        Plan b = Assigner.solve(inst.scenario(), inst.analysis(), STEPS);
        // A5 (east) has no eligible soldier: one mustCover account stays uncovered
        assertEquals("0hard/-1medium/" + opt.soft() + "soft", a.score());
        assertEquals(26_140_824L, a.soft());
        assertEquals(a.accounts(), b.accounts(), "same seed, same plan");
        assertEquals(a.products(), b.products());
    }

    @Test
    void everyAccountGetsAReasonAndTheUnmetAreStated() {
        Instances.Instance inst = Instances.tiny();
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), STEPS);
        Messages en = Messages.of(Lang.EN);
        for (Plan.AccountPlan a : plan.accounts()) {
            assertFalse(en.render(a.reason()).isBlank(), a.accountId());
        }
        Plan.AccountPlan a5 = plan.accounts().get(4);
        assertNull(a5.soldierId());
        assertEquals("assign.uncovered.rule", a5.reason().key(), a5.reason().toString());
        assertEquals("region", a5.reason().args().get(3), "nobody works in the east: the region rule binds");
        assertEquals(1, plan.unmet().size());
        assertEquals("assign.unmet.mustCover", plan.unmet().get(0).key());
        assertEquals("A5", plan.unmet().get(0).args().get(0));
        Plan.AccountPlan a1 = plan.accounts().get(0);
        assertEquals("S1", a1.soldierId(), "the 4A account needs S1's stars and certification");
        assertTrue(en.render(a1.reason()).startsWith("S1 at "), en.render(a1.reason()));
        assertTrue(plan.reasons().contains(new Plan.ReasonCount("region", 1, List.of("A5"))), plan.reasons().toString());
    }

    @Test
    void overConstrainedInstanceStillYieldsAFeasiblePlanAndSaysWhy() {
        // three mustCover accounts of 200 h (100 h at light effort), one soldier with 250 h: one cannot be covered
        var accounts = List.of(
                Instances.account("M1", "north", 1_000_000, 2_000_000, null, true, 200, "erp"),
                Instances.account("M2", "north", 900_000, 2_000_000, null, true, 200, "erp"),
                Instances.account("M3", "north", 800_000, 2_000_000, null, true, 200, "erp"));
        var soldiers = List.of(Instances.soldier("S", dev.kam.domain.Layer.PROJECT, 5, 3, 250, "north"));
        var sc = Instances.scenario("over", accounts, soldiers, List.of(), List.of(),
                dev.kam.domain.AssignmentParams.DEFAULT);
        Plan plan = Assigner.solve(sc, Instances.ratings(accounts, 3, 3, 3), STEPS);
        assertEquals(0, plan.hard(), "capacity is never broken");
        assertEquals(-1, plan.medium(), "one mustCover account stays uncovered");
        assertEquals(1, plan.unmet().size());
        Msg why = (Msg) plan.unmet().get(0).args().get(2);
        assertEquals("assign.uncovered.full", why.key(), why.toString());
        assertTrue(plan.bound() >= plan.objective(), "the bound covers plans that lead as many mustCover accounts");
    }

    @Test
    void coverageListsLeadsAndOffers() {
        Instances.Instance inst = Instances.tiny();
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), STEPS);
        Coverage c = plan.coverage();
        for (Plan.AccountPlan a : plan.accounts()) {
            if (a.soldierId() == null) {
                assertFalse(c.leads().containsKey(a.accountId()));
            } else {
                Coverage.Lead l = c.leads().get(a.accountId());
                assertNotNull(l);
                assertEquals(a.soldierId(), l.soldierId());
                assertEquals(a.effort(), l.effort());
            }
        }
        int offers = c.products().values().stream().mapToInt(List::size).sum();
        assertEquals(plan.products().size(), offers);
    }

    @Test
    void stopSignalEndsTheSearchAndStillGivesAPlan() {
        Instances.Instance inst = Instances.random(11, 30, 4, 3);
        StopSignal stop = new StopSignal();
        stop.stop();
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(),
                AssignOptions.of(inst.scenario().assignment()).withStop(stop));
        assertEquals(0, plan.hard());
        assertEquals(30, plan.accounts().size());
    }
}
