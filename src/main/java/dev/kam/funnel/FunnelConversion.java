package dev.kam.funnel;

import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;

/**
 * The measured funnel conversion feeding the simulation (SPEC §12): when the scenario has a pipeline and neither
 * the scenario file (or {@code --set}) nor the calibration from history sets {@code simulation.conversion.covered},
 * the simulation takes the conversion the funnel implies ({@link FunnelResult.MeasuredConversion#coveredConversion},
 * see docs/model.md), with its sampling spread. Deterministic and idempotent: applying it twice gives the same
 * scenario.
 */
public final class FunnelConversion {
    private FunnelConversion() {
    }

    /**
     * The scenario with the measured conversion applied where nothing else sets it; else the scenario as given. The
     * conversion carries its sampling spread: a normal of sd ĉ · se(ln p̂) (the delta method on the funnel's
     * standard error of the log win probability, Poisson counts), truncated to 0–1, drawn once per path from the
     * path's own uniform for this parameter (the parameter stream draws one uniform per parameter whether it is
     * uncertain or not, so no other draw moves). Without a finite standard error the value is fixed.
     */
    public static Scenario applyTo(Scenario s) {
        double c = measured(s);
        if (Double.isNaN(c)) return s;
        SimulationParams p = s.simulation().with(Param.CONVERSION_COVERED, c);
        double sd = spread(s, c);
        if (sd > 0) p = p.withSpread(Param.CONVERSION_COVERED, SimulationParams.Spread.normal(c, sd));
        return s.withSimulation(p);
    }

    /** The sampling sd of the measured conversion c: c · se(ln p̂); 0 when the funnel gives no finite error. */
    static double spread(Scenario s, double c) {
        double se = FunnelAnalysis.analyze(s).conversion().logStderr();
        double sd = c * se;
        return Double.isFinite(sd) && sd > 0 ? sd : 0.0;
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
