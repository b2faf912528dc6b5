package dev.kam.simulation;

import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.SimulationParams.Spread;
import dev.kam.strategy.Targets;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 item 5: the tornado moves P(goal) as well as the median, over each parameter's plausible range: its
 * calibrated 95% interval, else the distribution the scenario gives, else the documented default range.
 */
class SensitivityTest {
    private static final double Z = 1.959963984540054;

    @Test
    void rangesComeFromTheCalibrationTheScenarioOrTheDefaultAndMoveTheGoalTheRightWay() {
        SimulationParams p = SimulationParams.DEFAULT
                .withSpread(Param.CHURN_COVERED, Spread.uniform(0.01, 0.09))
                .withSpread(Param.GROWTH_MEAN, Spread.normal(0.05, 0.02))
                .withSpread(Param.GROWTH_SD, Spread.normal(0.1, 0.01));
        p = p.withProvenance(p.given(), EnumSet.of(Param.GROWTH_SD));
        Scenario s = Fixtures.scenario(p, 4);
        Targets targets = Fixtures.targets(s, 0.05);
        Coverage owners = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Sensitivity.Tornado t = Sensitivity.tornado(s, targets, owners, new SimulationOptions(400, 3, 1));
        Map<String, Sensitivity.Bar> bars = new HashMap<>();
        for (Sensitivity.Bar b : t.bars()) bars.put(b.parameter(), b);
        assertEquals(Sensitivity.parameters().size(), bars.size());

        Sensitivity.Bar churn = bars.get("churn.covered");
        assertEquals(Sensitivity.RangeSource.GIVEN, churn.source());
        assertEquals(0.01, churn.low(), 1e-12);
        assertEquals(0.09, churn.high(), 1e-12);
        Sensitivity.Bar growth = bars.get("marketGrowth.mean");
        assertEquals(Sensitivity.RangeSource.GIVEN, growth.source());
        assertEquals(0.05 - Z * 0.02, growth.low(), 1e-12);
        assertEquals(0.05 + Z * 0.02, growth.high(), 1e-12);
        Sensitivity.Bar sd = bars.get("marketGrowth.sd");
        assertEquals(Sensitivity.RangeSource.CALIBRATED, sd.source());
        assertEquals(0.1 - Z * 0.01, sd.low(), 1e-12);
        Sensitivity.Bar ceiling = bars.get("shareCeiling");
        assertEquals(Sensitivity.RangeSource.DEFAULT, ceiling.source());
        assertEquals(s.simulation().shareCeiling() - 0.15, ceiling.low(), 1e-12);
        assertEquals(Math.min(1, s.simulation().shareCeiling() + 0.15), ceiling.high(), 1e-12);

        // P(goal) is measured at each end, on the same random numbers: more churn cannot help, more growth cannot hurt
        assertTrue(!Double.isNaN(t.baseGoalProbability()) && t.baseGoalProbability() > 0 && t.baseGoalProbability() < 1,
                "a goal the base meets on some paths: " + t.baseGoalProbability());
        assertTrue(churn.lowGoalProbability() >= churn.highGoalProbability(), churn.toString());
        assertTrue(churn.lowMedian() >= churn.highMedian(), churn.toString());
        assertTrue(growth.highGoalProbability() > growth.lowGoalProbability(), growth.toString());
        assertTrue(growth.highMedian() > growth.lowMedian(), growth.toString());
        // ordered by the swing of P(goal), not of the median
        for (int i = 1; i < t.bars().size(); i++) {
            assertTrue(t.bars().get(i - 1).goalSwing() >= t.bars().get(i).goalSwing(), t.bars().toString());
        }
    }
}
