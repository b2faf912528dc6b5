package dev.kam.calibration;

import dev.kam.domain.Msg;
import dev.kam.domain.SimulationParams.Param;

/**
 * One fitted parameter of {@code kam calibrate} (one row of calibration/fit.csv).
 *
 * @param param    the simulation parameter
 * @param estimate the point estimate (NaN when history.csv does not identify it)
 * @param stderr   its standard error, by a year-block jackknife (accounts move together within a year); NaN with
 *                 fewer than two years of transitions
 * @param n        observations it rests on (account-years, prospect-years, transitions or years, see method)
 * @param clusters years of transitions (the clusters of the standard error)
 * @param ciLow    lower end of the 95% interval: estimate − t(clusters − 1)·stderr, within the valid range
 * @param ciHigh   upper end of the 95% interval
 * @param method   how it was estimated (words from the {@code calibration} bundle)
 * @param applied  whether {@code kam plan} uses it (false when the scenario sets the parameter, or it is derived)
 */
public record Estimate(Param param, double estimate, double stderr, long n, int clusters, double ciLow,
                       double ciHigh, Msg method, boolean applied) {
    /** Whether the history identifies the parameter. */
    public boolean known() {
        return Double.isFinite(estimate);
    }

    /** The standard deviation of the per-path draws that carry this estimate's error: half the 95% interval / 1.96. */
    public double drawSd() {
        if (!Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) return Double.NaN;
        return (ciHigh - ciLow) / (2 * 1.959963984540054);
    }

    /** A copy marked applied or not. */
    public Estimate withApplied(boolean a) {
        return new Estimate(param, estimate, stderr, n, clusters, ciLow, ciHigh, method, a);
    }
}
