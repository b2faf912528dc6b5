package dev.kam.run;

import dev.kam.analysis.Analyzer;
import dev.kam.analysis.KeyAccountBaseline;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.report.ReportFixture;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.TargetPlanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headline figures: one definition each, taken from the stage results, NaN where a stage did not run. */
class SummaryTest {
    @TempDir
    static Path tmp;
    static RunResults r;

    @BeforeAll
    static void run() {
        Scenario s = ReportFixture.generated(tmp.resolve("g"), 40, 6, 4, 3);
        r = ReportFixture.run(s, 400);
    }

    @Test
    void pGoalIsTheFinalYearKeyAccountRevenueTargetAndTheJointProbabilityIsApart() {
        Summary s = r.summary();
        SimulationResult sim = r.simulation().orElseThrow();
        int finalYear = r.scenario().baseYear() + r.scenario().strategy().horizonYears();
        assertEquals(finalYear, s.finalYear());
        assertEquals(sim.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear), s.pGoal(), 0);
        assertEquals(sim.hitProbability(TargetHit.ALL, finalYear), s.pAllGoals(), 0);
        assertTrue(s.pAllGoals() <= s.pGoal(), "all three together cannot be likelier than one of them");
        // recomputed from the paths: the share of paths at or above the final target
        double target = r.targets().orElseThrow().last().keyAccountRevenue();
        assertEquals(target, s.finalTarget(), 0);
        double[] ka = sim.values(Metric.KEY_ACCOUNT_REVENUE, sim.horizon() - 1);
        assertEquals(Stats.fractionAtLeast(ka, target), s.pGoal(), 1e-12);
        PlanComparison c = r.planVsBaseline().orElseThrow();
        assertEquals(c.baseline().hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear), s.pGoalBaseline(), 0);
        assertEquals(400, s.paths());
    }

    @Test
    void distributionUpliftAndCountsComeFromTheirStages() {
        Summary s = r.summary();
        SimulationResult sim = r.simulation().orElseThrow();
        Stats ka = sim.stats(Metric.KEY_ACCOUNT_REVENUE, sim.horizon() - 1);
        assertEquals(ka.p50(), s.medianFinalKaRevenue(), 0);
        assertEquals(ka.p10(), s.p10FinalKaRevenue(), 0);
        assertEquals(ka.p90(), s.p90FinalKaRevenue(), 0);
        assertEquals(sim.goalTiming().medianYear(), s.medianFirstYear());
        assertEquals(sim.goalTiming().never(), s.neverWithinHorizon(), 0);
        Plan p = r.plan().orElseThrow();
        // the simulation's first-year expectation: the optimizer's uplift less the switching costs of moves and drops
        assertEquals(r.planVsBaseline().orElseThrow().expectedFirstYearUplift(), s.expectedUplift(), 0);
        Stats cum = Stats.of(r.planVsBaseline().orElseThrow().cumulativeProfitUplift());
        assertEquals(cum.mean(), s.cumulativeUpliftMean(), 0);
        assertEquals(cum.stderr(), s.cumulativeUpliftStderr(), 0);
        assertEquals(40, s.accounts());
        assertEquals(s.accounts(), s.accountsCovered() + s.accountsUncovered());
        assertEquals(p.baseline().accountsMoved(), s.accountsMoved());
        assertEquals(p.baseline().accountsDropped(), s.accountsDropped());
        KeyAccountBaseline b = r.analysis().orElseThrow().baseline();
        assertEquals(b.revenue(), s.todayKaRevenue(), 0);
        assertEquals(b.count(), s.todayKaCount());
        assertEquals(Math.pow(s.finalTarget() / s.todayKaRevenue(), 1.0 / 10) - 1, s.requiredGrowth(), 1e-12);
        assertTrue(s.simulated() && s.planned());
    }

    @Test
    void computedOnceAndKeptWhenTheMetadataChanges() {
        assertSame(r.summary(), r.summary());
        RunResults later = r.withInfo(RunInfo.of("kam later"));
        assertSame(r.summary(), later.summary(), "not computed again");
        assertEquals("kam later", later.info().version());
    }

    @Test
    void stagesThatDidNotRunAreNaN() {
        Scenario sc = r.scenario();
        Summary s = RunResults.of(sc).build().summary();
        assertFalse(s.simulated());
        assertFalse(s.planned());
        assertTrue(Double.isNaN(s.pGoal()) && Double.isNaN(s.pAllGoals()) && Double.isNaN(s.medianFinalKaRevenue()));
        assertTrue(Double.isNaN(s.expectedUplift()));
        assertEquals(-1, s.accountsCovered());
        assertNull(s.medianFirstYear());
        assertEquals(sc.strategy().goalRevenue(), s.finalTarget(), 0, "the goal when there are no targets");
        double ka = 0;
        int n = 0;
        for (Account a : sc.accounts()) {
            if (a.isKeyAccount(sc.strategy().keyAccountThreshold())) {
                ka += a.revenue();
                n++;
            }
        }
        assertEquals(ka, s.todayKaRevenue(), 1e-6);
        assertEquals(n, s.todayKaCount());
        assertEquals(Analyzer.analyze(sc).baseline().revenue(), s.todayKaRevenue(), 1e-6, "the analysis agrees");
    }

    @Test
    void theSimulationIsThePlanSideOfTheComparison() {
        Scenario sc = r.scenario();
        Coverage baseline = Coverage.baseline(sc, new ResponseModel(sc.simulation()));
        SimulationOptions o = new SimulationOptions(50, 1, 1);
        SimulationResult other = Simulator.run(sc, TargetPlanner.plan(sc), baseline, o);
        PlanComparison c = r.planVsBaseline().orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> RunResults.of(sc).simulation(other).planVsBaseline(c).build());
        assertSame(c.plan(), RunResults.of(sc).planVsBaseline(c).build().simulation().orElseThrow());
    }
}
