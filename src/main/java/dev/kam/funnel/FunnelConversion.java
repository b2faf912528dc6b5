package dev.kam.funnel;

import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;

/**
 * The measured funnel conversion feeding the simulation (SPEC §12): when the scenario has a pipeline and neither
 * the scenario file (or {@code --set}) nor the calibration from history sets {@code simulation.conversion.covered},
 * the simulation takes the conversion the funnel implies ({@link FunnelResult.MeasuredConversion#coveredConversion},
 * see docs/model.md), as a fixed value. Deterministic and idempotent: applying it twice gives the same scenario.
 */
public final class FunnelConversion {
    private FunnelConversion() {
    }

    /** The scenario with the measured conversion applied where nothing else sets it; else the scenario as given. */
    public static Scenario applyTo(Scenario s) {
        double c = measured(s);
        if (Double.isNaN(c)) return s;
        return s.withSimulation(s.simulation().with(Param.CONVERSION_COVERED, c));
    }

    /**
     * The covered conversion the funnel would set: NaN when there is no pipeline, when the file or the calibration
     * sets the parameter, or when the pipeline cannot measure it.
     */
    public static double measured(Scenario s) {
        SimulationParams p = s.simulation();
        if (s.pipeline().isEmpty() || p.given().contains(Param.CONVERSION_COVERED)
                || p.calibrated().contains(Param.CONVERSION_COVERED)) {
            return Double.NaN;
        }
        FunnelResult f = FunnelAnalysis.analyze(s);
        if (!f.present() || f.conversion() == null) return Double.NaN;
        double c = f.conversion().coveredConversion();
        return Double.isFinite(c) ? c : Double.NaN;
    }
}
