package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Coverage;
import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.simulation.Stats;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kam.mechanisms.MechanismFixtures.NA;
import static dev.kam.mechanisms.MechanismFixtures.account;
import static dev.kam.mechanisms.MechanismFixtures.soldier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Compensation per simulated path and year: hand-computed on a still world, exact against the first year, and
 * watching the simulation leaves its numbers bit for bit as they were. */
class SimulatedCompensationTest {
    /** CompensationTest's two accounts (A 1.0M with S1, B 1.5M with S2, half the wallet each) and a hire H1. */
    private static Scenario two(int horizon) {
        List<Account> accounts = List.of(account("A", 1_000_000, 2_000_000, "S1", Stage.ACTIVE),
                account("B", 1_500_000, 2_000_000, "S2", Stage.ACTIVE));
        List<Soldier> team = List.of(soldier("S1", Layer.BASE, 2, 0, NA), soldier("S2", Layer.BASE, 3, 0, NA),
                soldier("H1", Layer.BASE, 2, 0, NA));
        MechanismParams m = new MechanismParams(MechanismParams.Stars.DEFAULT, new double[] {100_000, 200_000, 300_000,
                400_000, 500_000}, MechanismParams.Commission.DEFAULT, Map.of(),
                new MechanismParams.Pk(10_000, 0, 0.5, MechanismParams.Split.EQUAL, 1.0), MechanismParams.Funnel.DEFAULT,
                MechanismParams.Projects.DEFAULT, 50_000, List.of("H1"));
        return new Scenario("Two", "CNY", 2026, "two.yaml", accounts, team, List.of(), List.of(),
                AnalysisParams.DEFAULT, new StrategyParams(horizon, 5_000_000, NA, NA, NA, "steady", List.of()),
                AssignmentParams.DEFAULT, MechanismFixtures.still(), List.of(), List.of(), m);
    }

    @Test
    void handComputedOnAStillWorld() {
        Scenario s = two(3);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        // the plan keeps the leads (no switching) and adds the hire to no account
        Coverage plan = new Coverage("plan", Map.of("A", new Coverage.Lead("S1", 1, 0.5),
                "B", new Coverage.Lead("S2", 1, 0.5)), Map.of());
        SimulatedCompensation.Watched w = SimulatedCompensation.compare(s, null, baseline, plan,
                new SimulationOptions(20, 5, 1));
        SimulatedCompensation.Result r = w.compensation();
        for (int y = 2027; y <= 2029; y++) {
            // S1 at 0.8 of 1.25M: 1% of 1M = 10,000; S2 at 1.2: 25,000 and the PK pool of 10,000; the same today
            assertEquals(35_000, p50(r, y, "commission"), 1e-6, "commission " + y);
            assertEquals(10_000, p50(r, y, "pkBonus"), 1e-6);
            // stars at the end of each year (weights 0.5/0.3/0.2, cuts 0.4/0.6/0.75/0.9, full attainment 1.5, no
            // pipeline so process 1): S1 0.5·0.8/1.5 + 0.3 = 0.567 → 2★ (kept), S2 0.5·1.2/1.5 + 0.3 = 0.7 → 3★ (kept),
            // the hire H1 with no book 0.3 → 1★: from the second year on paid the 1★ band, 100,000 instead of 200,000
            double hire = y == 2027 ? 200_000 : 100_000;
            assertEquals(200_000 + 300_000 + hire, p50(r, y, "salary"), 1e-6);
            assertEquals(545_000 + hire, p50(r, y, "compensation"), 1e-6);
            assertEquals(545_000, p50(r, y, "baselineCompensation"), 1e-6);
            assertEquals(0, p50(r, y, "incrementalCompensation"), 1e-6);
            // the hire's salary every year, the one-off 50,000 in the first
            assertEquals(y == 2027 ? 250_000 : 100_000, p50(r, y, "hiringCost"), 1e-6);
            assertEquals(0, p50(r, y, "grossProfitUplift"), 1e-6);
            assertEquals(y == 2027 ? -250_000 : -100_000, p50(r, y, "roi"), 1e-6);
            Stats roi = r.figure(y, "roi").stats();
            assertEquals(roi.p5(), roi.p95(), 1e-6, "a still world has no spread");
        }
        assertEquals(-450_000, p50(r, 2029, "roiCumulative"), 1e-6);
        assertEquals(-450_000, r.horizon().p50(), 1e-6);

        assertEquals(3 * 3, r.stars().size(), "three soldiers paid under the plan, three years");
        SimulatedCompensation.StarYear h1 = r.stars().get(2);
        assertEquals("H1", h1.soldierId());
        assertEquals(2027, h1.year());
        assertEquals(1, h1.starsP50());
        assertEquals(1.0, h1.pDemotion());
        assertEquals(0.0, h1.pPromotion());
        assertEquals(100_000, h1.salaryP50(), 1e-9);
        SimulatedCompensation.StarYear h1Later = r.stars().get(5);
        assertEquals(2028, h1Later.year());
        assertEquals(0.0, h1Later.pDemotion(), "1★ stays 1★");
        SimulatedCompensation.StarYear s2 = r.stars().get(1);
        assertEquals(3, s2.starsP50());
        assertEquals(0.0, s2.pPromotion());
        assertEquals(0.0, s2.pDemotion());
    }

    private static double p50(SimulatedCompensation.Result r, int year, String metric) {
        return r.figure(year, metric).stats().p50();
    }

    @Test
    void onExpectedRevenueAPathYearPaysExactlyTheFirstYear() {
        Scenario s = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"));
        Targets t = TargetPlanner.plan(s);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Compensation.FirstYear f = Compensation.firstYear(s, t, baseline, baseline);
        ExpectedYear e = ExpectedYear.of(s, baseline);
        SimulatedCompensation c = SimulatedCompensation.of(s, t, baseline, false, 1);
        c.worker().year(0, 0, e.revenue(), e.grossProfit());
        assertEquals(f.baseline().salary(), c.out[SimulatedCompensation.SALARY][0][0], 1e-6);
        assertEquals(f.baseline().commission(), c.out[SimulatedCompensation.COMMISSION][0][0], 1e-6);
        assertEquals(f.baseline().pk(), c.out[SimulatedCompensation.PK][0][0], 1e-6);
        assertNotEquals(0.0, f.baseline().commission());
    }

    @Test
    void watchingLeavesTheSimulationBitIdenticalAndTheSameSeedGivesTheSameFigures() {
        // the stars only watch here (LeadsLostTest has them take leads)
        Scenario s = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"), List.of("mechanisms.stars.takeLeads=false"));
        Targets t = TargetPlanner.plan(s);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        // a plan that differs from today: every account of today's first soldier goes unled
        String first = s.soldiers().get(0).id();
        Map<String, Coverage.Lead> leads = new java.util.HashMap<>(baseline.leads());
        leads.values().removeIf(l -> l.soldierId().equals(first));
        Coverage plan = new Coverage("plan", leads, baseline.products());
        SimulationOptions o = new SimulationOptions(64, 11, 2);
        PlanComparison plain = Simulator.compare(s, t, baseline, plan, o);
        SimulatedCompensation.Watched w = SimulatedCompensation.compare(s, t, baseline, plan, o);
        for (Metric m : Metric.values()) {
            for (int y = 0; y < plain.plan().horizon(); y++) {
                assertArrayEquals(plain.plan().values(m, y), w.comparison().plan().values(m, y), m + " " + y);
                assertArrayEquals(plain.baseline().values(m, y), w.comparison().baseline().values(m, y), m + " " + y);
            }
        }
        SimulatedCompensation.Result again = SimulatedCompensation.compare(s, t, baseline, plan,
                new SimulationOptions(64, 11, 1)).compensation();
        for (int k = 0; k < w.compensation().figures().size(); k++) {
            assertEquals(w.compensation().figures().get(k), again.figures().get(k), "one thread or two, same figures");
        }
        Stats roi = w.compensation().figure(s.baseYear() + 1, "roi").stats();
        assertNotEquals(roi.p5(), roi.p95(), "the demo's paths spread the ROI");
    }
}
