package dev.kam.compare;

import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.Metric;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.simulation.Stats;
import dev.kam.strategy.TargetPlanner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kam compare} compares commission schemes (SPEC §12): same plan, same paths, different pay and ROI. */
class CompareSchemesTest {
    static final SimulationOptions OPTIONS = new SimulationOptions(96, 5, 2);

    /** A plan unlike today's: the accounts of today's first soldier go unled (fits as they are, so a kept plan maps exactly). */
    static final Planner MOVED = (s, a) -> {
        Coverage today = Coverage.baseline(s, new ResponseModel(s.simulation()));
        String first = s.soldiers().get(0).id();
        Map<String, Coverage.Lead> leads = new HashMap<>(today.leads());
        leads.values().removeIf(l -> l.soldierId().equals(first));
        return new Coverage("moved", leads, today.products());
    };

    static CompareResult compare(Scenario... s) {
        List<Variant> v = new java.util.ArrayList<>();
        for (int i = 0; i < s.length; i++) v.add(new Variant("s" + i, s[i]));
        return Comparison.run(v, MOVED, new CompareOptions(OPTIONS, true, GoalBasis.FIRST), null);
    }

    @Test
    void aSteeperSchemeChangesPayAndRoiButNoRevenueFigure() {
        Scenario demo = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"));
        Scenario steep = ScenarioReader.read(Path.of("scenarios/demo-steep-commission.yaml"));
        assertNotEquals(demo.mechanisms().commission(), steep.mechanisms().commission(), "the variant's scheme differs");
        CompareResult r = compare(demo, steep);
        Outcome a = r.first();
        Outcome b = r.outcomes().get(1);
        assertTrue(b.crn().full());
        // the scheme does not move customers: every simulated figure is the same, path by path
        for (Metric m : Metric.values()) {
            for (int y = 0; y <= r.last(); y++) {
                assertArrayEquals(a.result().values(m, y), b.result().values(m, y), m + " " + y);
                assertArrayEquals(a.baseline().values(m, y), b.baseline().values(m, y), m + " " + y);
            }
        }
        assertEquals(a.goalProbability(), b.goalProbability());
        // ... while the pay does, on the same paths
        Stats pay = Stats.of(b.compensation().totalMinus(a.compensation(), "compensation"));
        assertNotEquals(0.0, pay.p50(), "a steeper scheme with a bigger PK pool pays differently");
        assertNotEquals(a.horizonRoi().p50(), b.horizonRoi().p50(), "and so the plan's ROI differs");
        assertEquals(0.0, Stats.of(b.compensation().totalMinus(a.compensation(), "grossProfitUplift")).p95(), 0.0);
        int year = demo.baseYear() + 1;
        double pkA = a.compensation().figure(year, "pkBonus").stats().p50();
        double pkB = b.compensation().figure(year, "pkBonus").stats().p50();
        assertTrue(pkB > pkA, "the bigger pool is paid out: " + pkA + " vs " + pkB);
    }

    @Test
    void withStarsOnlyWatchingTheComparisonIsBitIdenticalToPlainRuns() {
        Scenario demo = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"),
                List.of("mechanisms.stars.takeLeads=false"));
        Outcome o = compare(demo).first();
        Scenario s = o.scenario();
        Coverage owners = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationResult plain = Simulator.run(s, o.targets(), o.plan(), OPTIONS);
        SimulationResult plainBase = Simulator.run(s, o.targets(), owners, OPTIONS);
        for (Metric m : Metric.values()) {
            for (int y = 0; y < plain.horizon(); y++) {
                assertArrayEquals(plain.values(m, y), o.result().values(m, y), m + " " + y);
                assertArrayEquals(plainBase.values(m, y), o.baseline().values(m, y), m + " " + y);
            }
        }
    }

    @Test
    void theComparisonSimulatesAndPaysAsKamPlanDoes() {
        // stars taking leads (the demo's default): the same paths and pay as kam plan's watched simulation
        Scenario demo = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"));
        Outcome o = compare(demo).first();
        Scenario s = o.scenario();
        Coverage owners = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulatedCompensation.Watched watched = SimulatedCompensation.compare(s, TargetPlanner.plan(s), owners, o.plan(),
                OPTIONS, dev.kam.funnel.FunnelAnalysis.analyze(s).processScores());
        for (Metric m : Metric.values()) {
            for (int y = 0; y < o.result().horizon(); y++) {
                assertArrayEquals(watched.comparison().plan().values(m, y), o.result().values(m, y), m + " " + y);
                assertArrayEquals(watched.comparison().baseline().values(m, y), o.baseline().values(m, y));
            }
        }
        for (int k = 0; k < watched.compensation().figures().size(); k++) {
            assertEquals(watched.compensation().figures().get(k), o.compensation().figures().get(k));
        }
        assertEquals(watched.compensation().horizon(), o.horizonRoi());
        assertEquals(watched.compensation().leadsLost(), o.compensation().leadsLost());
    }
}
