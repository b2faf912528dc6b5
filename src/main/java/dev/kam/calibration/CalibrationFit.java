package dev.kam.calibration;

import dev.kam.domain.Msg;
import dev.kam.domain.SimulationParams.Param;

import java.util.List;

/**
 * What {@code kam calibrate} fitted from history.csv.
 *
 * @param firstYear    first calendar year of history used
 * @param lastYear     last calendar year whose transitions entered the fit (baseYear, or baseYear − 2 in the backtest)
 * @param clusters     years of transitions (the clusters of every standard error)
 * @param accountYears history rows read
 * @param estimates    one per parameter, in the order of fit.csv
 * @param notes        what the fit could not identify or had to assume
 */
public record CalibrationFit(int firstYear, int lastYear, int clusters, long accountYears, List<Estimate> estimates,
                             List<Msg> notes) {
    public CalibrationFit {
        estimates = List.copyOf(estimates);
        notes = List.copyOf(notes);
    }

    /** The estimate of a parameter, or null when it is not among the fitted ones. */
    public Estimate estimate(Param p) {
        for (Estimate e : estimates) if (e.param() == p) return e;
        return null;
    }
}
