package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Coverage;
import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.simulation.YearHook;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.kam.mechanisms.MechanismFixtures.NA;
import static dev.kam.mechanisms.MechanismFixtures.account;
import static dev.kam.mechanisms.MechanismFixtures.soldier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stars take leads away in the simulation (SPEC §12: the year's stars set next year's eligibility). */
class LeadsLostTest {
    private static final double WALLET = 2_000_000;
    /** S1 has no pipeline activity (process 0), S2 a full one. */
    private static final Map<String, Double> PROCESS = Map.of("S1", 0.0, "S2", 1.0);

    /**
     * A still world (no growth, shocks, churn, conversion or arrivals; erosion 0) in which covered accounts gain
     * share and uncovered ones gain 5% of their room: A (200,000 of 2M) led by S1 (2★), B (1.5M of 2M) by S2 (3★);
     * every rating needs 2★.
     */
    private static Scenario world(MechanismParams.Stars stars, int minStars) {
        List<Account> accounts = List.of(account("A", 200_000, WALLET, "S1", Stage.ACTIVE),
                account("B", 1_500_000, WALLET, "S2", Stage.ACTIVE));
        List<Soldier> team = List.of(soldier("S1", Layer.BASE, 2, 0, NA), soldier("S2", Layer.BASE, 3, 0, NA));
        MechanismParams m = new MechanismParams(stars, new double[] {100_000, 200_000, 300_000, 400_000, 500_000},
                MechanismParams.Commission.DEFAULT, Map.of(), MechanismParams.Pk.OFF, MechanismParams.Funnel.DEFAULT,
                MechanismParams.Projects.DEFAULT, 0, List.of());
        SimulationParams sim = MechanismFixtures.still().with(Param.GAIN_COVERED, 0.3).with(Param.GAIN_UNCOVERED, 0.05)
                .with(Param.SHARE_EROSION, 0.0);
        AssignmentParams d = AssignmentParams.DEFAULT;
        int[] min = {minStars, minStars, minStars, minStars, minStars};
        return new Scenario("Leads", "CNY", 2026, "leads.yaml", accounts, team, List.of(), List.of(),
                AnalysisParams.DEFAULT, new StrategyParams(3, 5_000_000, NA, NA, NA, "steady", List.of()),
                d.withEligibility(min, d.minCertification(), d.requireRegion(), d.layerMinRating(), d.layerMaxRating()),
                sim, List.of(), List.of(), m);
    }

    /** A hook that only records each path's per-account revenue ({@code [year][account]}) of path 0. */
    private static final class Recorder implements YearHook {
        final double[][] revenue = new double[3][2];

        @Override
        public Worker worker() {
            return (path, year, r, gp) -> {
                if (path == 0) System.arraycopy(r, 0, revenue[year], 0, r.length);
            };
        }
    }

    private record Run(SimulatedCompensation pay, SimulationResult result, double[][] revenue) {
    }

    private static Run run(Scenario s) {
        Coverage today = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulatedCompensation pay = SimulatedCompensation.of(s, null, today, false, 4, PROCESS);
        Recorder rec = new Recorder();
        SimulationResult r = Simulator.run(s, null, today, new SimulationOptions(4, 3, 1), YearHook.both(pay, rec));
        return new Run(pay, r, rec.revenue);
    }

    @Test
    void aSoldierPushedBelowTheCutLosesTheAccountTheNextYearAndItFollowsTheUncoveredResponse() {
        Run steered = run(world(MechanismParams.Stars.DEFAULT.withTakesLeads(true), 2));
        Run watched = run(world(MechanismParams.Stars.DEFAULT, 2));
        // S1: process 0, certification 0, attainment far below 1 (A's revenue against half the status quo's
        // revenue): score 0.5·attainment/1.5 < 0.4 → 1★, below the 2★ every rating needs; S2 reaches 4★ and keeps B
        double a1 = steered.revenue[0][0];
        assertEquals(watched.revenue[0][0], a1, 0.0, "the first year is simulated with the lead");
        double s1 = a1 / WALLET;
        assertTrue(s1 > 0.1, "covered, A gained share in the first year: " + s1);
        // from the second year on A is uncovered: s' = s + 0.05·(0.8 − s) − 0·s, by hand
        double s2 = s1 + 0.05 * (0.8 - s1);
        double s3 = s2 + 0.05 * (0.8 - s2);
        assertEquals(WALLET * s2, steered.revenue[1][0], 1e-6);
        assertEquals(WALLET * s3, steered.revenue[2][0], 1e-6);
        // under the plain watcher A stays covered: its covered gain k, read off the first year (0.1 → s1), again
        double k = (s1 - 0.1) / (0.8 - 0.1);
        assertTrue(k > 0.05);
        assertEquals(WALLET * (s1 + k * (0.8 - s1)), watched.revenue[1][0], 1e-6);
        // B keeps its lead: the same revenue in both
        for (int y = 0; y < 3; y++) assertEquals(watched.revenue[y][1], steered.revenue[y][1], 0.0);

        List<SimulatedCompensation.LeadsLost> lost = steered.pay.leadsLost(2026);
        assertEquals(2, lost.size(), "the final year's stars take nothing: there is no next year");
        assertEquals(2027, lost.get(0).year());
        assertEquals(2, lost.get(0).leads());
        assertEquals(1.0, lost.get(0).byEligibility());
        assertEquals(0.0, lost.get(0).byElimination());
        assertEquals(1.0, lost.get(0).pAny());
        assertEquals(0.0, lost.get(1).mean(), "a lead is lost once");
        assertEquals(1.0, lost.get(1).cumulative());
        for (var l : watched.pay.leadsLost(2026)) assertEquals(0.0, l.mean());
    }

    @Test
    void anchoredStarsMoveFromTheListedOnesSoASoldierPerformingAsInTheBaseYearKeepsTheLead() {
        // S1 is listed at 2★; the formula gives 1★ in the base year (attainment about 0.24: score 0.08) and again in
        // the first simulated year; anchored, the re-rating is 2 + 1 − 1 = 2★, the 2★ A needs, so A keeps S1
        MechanismParams.Stars d = MechanismParams.Stars.DEFAULT;
        MechanismParams.Stars anchored = new MechanismParams.Stars(d.performance(), d.process(), d.certification(), d.cuts(),
                d.fullAttainment(), d.eliminationStars(), d.eliminationYears(), true, true);
        Run kept = run(world(anchored, 2));
        Run watched = run(world(d, 2));
        for (int y = 0; y < 3; y++) assertArrayEquals(watched.revenue[y], kept.revenue[y], 0.0, "year " + y);
        for (var l : kept.pay.leadsLost(2026)) assertEquals(0.0, l.mean(), "no lead is lost: " + l);
        Run formula = run(world(d.withTakesLeads(true), 2));
        assertEquals(1.0, formula.pay.leadsLost(2026).get(0).byEligibility(), "unanchored, the formula's 1★ takes A");
    }

    @Test
    void eliminationTakesEveryLeadOfASoldierLowForTheGivenYears() {
        // no eligibility cut (1★ leads anything), elimination at 1★ for 1 year: S1 ends the first year at 1★
        MechanismParams.Stars rules = new MechanismParams.Stars(0.5, 0.3, 0.2, new double[] {0.4, 0.6, 0.75, 0.9}, 1.5,
                1, 1, true);
        Run r = run(world(rules, 1));
        List<SimulatedCompensation.LeadsLost> lost = r.pay.leadsLost(2026);
        assertEquals(1.0, lost.get(0).byElimination());
        assertEquals(0.0, lost.get(0).byEligibility());
        double s1 = r.revenue[0][0] / WALLET;
        assertEquals(WALLET * (s1 + 0.05 * (0.8 - s1)), r.revenue[1][0], 1e-6);
        // the eliminated S1 is paid nothing from the second year on: only S2's band (100,000 a star) remains
        assertEquals(200_000 + 300_000, r.pay.out[SimulatedCompensation.SALARY][0][0], 1e-9, "listed 2★ and 3★");
        assertEquals(100_000.0 * r.pay.stars[0][1][0], r.pay.out[SimulatedCompensation.SALARY][1][0], 1e-9);
        assertEquals(1, r.pay.stars[1][0][0], "S1's stars stay where they ended");
        // two low years needed: S1 is eliminated only after the second, so A is lost after 2028
        Run later = run(world(new MechanismParams.Stars(0.5, 0.3, 0.2, new double[] {0.4, 0.6, 0.75, 0.9}, 1.5, 1, 2,
                true), 1));
        List<SimulatedCompensation.LeadsLost> l2 = later.pay.leadsLost(2026);
        assertEquals(0.0, l2.get(0).mean());
        assertEquals(1.0, l2.get(1).byElimination());
    }

    @Test
    void whenNoLeadIsLostTheResultsAreBitIdenticalToAPlainRun() {
        // takeLeads on, but nobody can lose: every rating needs 1★ and elimination is off
        Scenario s = world(new MechanismParams.Stars(0.5, 0.3, 0.2, new double[] {0.4, 0.6, 0.75, 0.9}, 1.5, 1, 0,
                true), 1);
        Coverage today = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Run r = run(s);
        SimulationResult plain = Simulator.run(s, null, today, new SimulationOptions(4, 3, 1));
        for (Metric m : Metric.values()) {
            for (int y = 0; y < 3; y++) assertArrayEquals(plain.values(m, y), r.result.values(m, y), m + " " + y);
        }
        for (var l : r.pay.leadsLost(2026)) assertEquals(0.0, l.mean());
    }

    @Test
    void onTheDemoLeadsAreLostIndependentlyOfThreadsAndWithoutThemNothingChanges() {
        Scenario s = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"));
        assertTrue(s.mechanisms().stars().takesLeads(), "a scenario with mechanisms: takes leads by default");
        Targets t = TargetPlanner.plan(s);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        String first = s.soldiers().get(0).id();
        Map<String, Coverage.Lead> leads = new HashMap<>(baseline.leads());
        leads.values().removeIf(l -> l.soldierId().equals(first));
        Coverage plan = new Coverage("plan", leads, baseline.products());
        SimulatedCompensation.Watched one = SimulatedCompensation.compare(s, t, baseline, plan, new SimulationOptions(48, 9, 1));
        SimulatedCompensation.Watched two = SimulatedCompensation.compare(s, t, baseline, plan, new SimulationOptions(48, 9, 2));
        PlanComparison plain = Simulator.compare(s, t, baseline, plan, new SimulationOptions(48, 9, 2));
        boolean differs = false;
        for (Metric m : Metric.values()) {
            for (int y = 0; y < plain.plan().horizon(); y++) {
                assertArrayEquals(one.comparison().plan().values(m, y), two.comparison().plan().values(m, y));
                assertArrayEquals(one.comparison().baseline().values(m, y), two.comparison().baseline().values(m, y));
                differs |= !java.util.Arrays.equals(plain.plan().values(m, y), two.comparison().plan().values(m, y));
            }
        }
        assertTrue(differs, "the demo's stars take leads, so the simulation differs from a plain one");
        // one coverage alone (kam simulate without a plan, kam plan without one) is steered the same way
        SimulationResult alone = SimulatedCompensation.run(s, t, baseline, new SimulationOptions(48, 9, 2),
                dev.kam.funnel.FunnelAnalysis.analyze(s).processScores());
        SimulatedCompensation.Watched scored = SimulatedCompensation.compare(s, t, baseline, plan,
                new SimulationOptions(48, 9, 2), dev.kam.funnel.FunnelAnalysis.analyze(s).processScores());
        for (int y = 0; y < alone.horizon(); y++) {
            assertArrayEquals(scored.comparison().baseline().values(Metric.KEY_ACCOUNT_REVENUE, y),
                    alone.values(Metric.KEY_ACCOUNT_REVENUE, y));
        }
        assertEquals(one.compensation().leadsLost(), two.compensation().leadsLost());
        assertNotEquals(0.0, two.compensation().leadsLost().get(0).mean());
        // the same scenario with mechanisms.stars.takeLeads=false: bit-identical to the plain run
        Scenario off = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"),
                List.of("mechanisms.stars.takeLeads=false"));
        assertFalse(off.mechanisms().stars().takesLeads());
        SimulatedCompensation.Watched w = SimulatedCompensation.compare(off, t, baseline, plan, new SimulationOptions(48, 9, 2));
        for (Metric m : Metric.values()) {
            for (int y = 0; y < plain.plan().horizon(); y++) {
                assertArrayEquals(plain.plan().values(m, y), w.comparison().plan().values(m, y));
                assertArrayEquals(plain.baseline().values(m, y), w.comparison().baseline().values(m, y));
                assertArrayEquals(plain.baseline().values(m, y), SimulatedCompensation.run(off, t, baseline,
                        new SimulationOptions(48, 9, 2), Map.of()).values(m, y));
            }
        }
    }
}
