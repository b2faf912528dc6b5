package dev.kam.mechanisms;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Plan;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.scenario.ScenarioReader;
import dev.kam.strategy.TargetPlanner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ROI's gross-profit uplift is the optimizer's: both come from ResponseModel's first-year expectation, so the
 * first-year uplift of the plan over today's owners equals {@code Plan.baseline().upliftAdded()}.
 */
class FirstYearAgreesWithPlanTest {
    @Test
    void upliftEqualsThePlansOnTheDemo() {
        Scenario s = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"));
        Analysis a = Analyzer.analyze(s);
        Plan plan = Assigner.solve(s, a, AssignOptions.steps(1, 2_000, 2_000).withWhatIf(false));
        Compensation.FirstYear f = Compensation.firstYear(s, TargetPlanner.plan(s), plan.coverage(),
                Coverage.baseline(s, new ResponseModel(s.simulation())));
        assertEquals(plan.baseline().upliftAdded(), f.grossProfitUplift(), 1e-6 * Math.abs(plan.baseline().upliftAdded()));
        assertEquals(f.grossProfitUplift() - f.incrementalCompensation() - f.hiringCost(), f.roi(), 1e-6);
    }
}
