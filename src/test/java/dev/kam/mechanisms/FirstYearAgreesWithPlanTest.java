package dev.kam.mechanisms;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Plan;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.run.RunResults;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.Simulator;
import dev.kam.strategy.TargetPlanner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ROI's gross-profit uplift is the report's headline first-year uplift: the simulation's first-year expectation
 * of the plan over today's owners with the switching costs of moves and drops
 * ({@code PlanComparison.expectedFirstYearUplift}, which run.Summary shows), not the optimizer's upliftAdded.
 */
class FirstYearAgreesWithPlanTest {
    @Test
    void upliftIsTheHeadlinesOnTheDemo() {
        Scenario s = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"));
        Analysis a = Analyzer.analyze(s);
        Plan plan = Assigner.solve(s, a, AssignOptions.steps(1, 2_000, 2_000).withWhatIf(false));
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Compensation.FirstYear f = Compensation.firstYear(s, TargetPlanner.plan(s), plan.coverage(), baseline);
        PlanComparison c = Simulator.compare(s, TargetPlanner.plan(s), baseline, plan.coverage(),
                new SimulationOptions(10, 1, 1));
        assertEquals(c.expectedFirstYearUplift(), f.grossProfitUplift(), 0.0);
        RunResults r = RunResults.of(s).plan(plan).planVsBaseline(c).build();
        assertEquals(r.summary().expectedUplift(), f.grossProfitUplift(), 0.0);
        assertEquals(f.grossProfitUplift() - f.incrementalCompensation() - f.hiringCost(), f.roi(), 1e-6);
    }
}
