package dev.kam.funnel;

import dev.kam.calibration.Calibration;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.StrategyParams;
import dev.kam.mechanisms.MechanismFixtures;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The measured funnel conversion feeds the simulation's covered conversion unless the file or history sets it. */
class FunnelConversionTest {
    private static Scenario hand(Set<Param> given, Set<Param> calibrated) {
        SimulationParams sim = MechanismFixtures.still().withProvenance(given, calibrated);
        // the hand scenario without its history, so that nothing is fitted
        return new Scenario("Hand Co.", "CNY", 2026, "hand.yaml", MechanismFixtures.handAccounts(),
                MechanismFixtures.handSoldiers(), List.of(), List.of(), AnalysisParams.DEFAULT,
                new StrategyParams(10, 1_000_000, Double.NaN, Double.NaN, Double.NaN, "steady", List.of()),
                AssignmentParams.DEFAULT, sim, List.of(), MechanismFixtures.handPipeline(), MechanismParams.DEFAULT);
    }

    @Test
    void aSilentScenarioTakesTheMeasuredConversion() {
        Scenario s = hand(Set.of(), Set.of());
        double measured = FunnelAnalysis.analyze(s).conversion().coveredConversion();
        assertTrue(measured > 0 && measured <= 1, "the hand pipeline measures a conversion: " + measured);
        assertNotEquals(measured, s.simulation().conversionCovered(), "the test can tell the two apart");
        Scenario applied = FunnelConversion.applyTo(s);
        assertEquals(measured, applied.simulation().conversionCovered(), 0.0);
        assertEquals(applied.simulation().conversionCovered(),
                FunnelConversion.applyTo(applied).simulation().conversionCovered(), 0.0, "idempotent");
        // kam plan's entry point applies it too
        assertEquals(measured, Calibration.applyTo(s).simulation().conversionCovered(), 0.0);
        // with its sampling spread: sd = ĉ · se(ln p̂), the measured value at the centre
        double se = FunnelAnalysis.analyze(s).conversion().logStderr();
        assertTrue(Double.isFinite(se) && se > 0, "the hand pipeline has a standard error: " + se);
        SimulationParams.Spread sp = applied.simulation().spreads().get(Param.CONVERSION_COVERED);
        assertEquals(SimulationParams.Spread.normal(measured, measured * se), sp);
        assertEquals(sp, FunnelConversion.applyTo(applied).simulation().spreads().get(Param.CONVERSION_COVERED));
    }

    @Test
    void theFileOrTheCalibrationOverridesIt() {
        Scenario given = hand(EnumSet.of(Param.CONVERSION_COVERED), Set.of());
        assertSame(given, FunnelConversion.applyTo(given));
        Scenario calibrated = hand(Set.of(), EnumSet.of(Param.CONVERSION_COVERED));
        assertSame(calibrated, FunnelConversion.applyTo(calibrated));
    }

    @Test
    void withoutAPipelineNothingChanges() {
        Scenario s = MechanismFixtures.hand(MechanismFixtures.still(), MechanismParams.DEFAULT, List.of());
        assertSame(s, FunnelConversion.applyTo(s));
    }
}
