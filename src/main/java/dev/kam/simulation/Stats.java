package dev.kam.simulation;

import java.util.Arrays;

/**
 * Summary statistics of one metric in one year over all paths.
 *
 * <p>Percentiles interpolate linearly between order statistics at rank h = (n − 1)·p (Hyndman and
 * Fan's definition 7, the default of R and numpy). The standard error is the sample standard deviation
 * (n − 1 denominator) over √n, the standard error of the mean; 0 for a single path.
 *
 * @param p5 … p95 percentiles
 */
public record Stats(double p5, double p10, double p25, double p50, double p75, double p90, double p95,
                    double mean, double stderr) {
    /** The probabilities of the reported percentiles, in the order of the record's fields. */
    public static final double[] LEVELS = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

    /** Statistics of the values (the array is not modified). */
    public static Stats of(double[] values) {
        double[] x = values.clone();
        Arrays.sort(x);
        double mean = mean(x);
        return new Stats(percentileSorted(x, 0.05), percentileSorted(x, 0.10), percentileSorted(x, 0.25),
                percentileSorted(x, 0.50), percentileSorted(x, 0.75), percentileSorted(x, 0.90),
                percentileSorted(x, 0.95), mean, stderr(x, mean));
    }

    /** The p-quantile (0 ≤ p ≤ 1) of ascending values, by linear interpolation (definition 7). */
    public static double percentileSorted(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Mean, summed as deviations from the first value so that identical values give that value exactly. */
    public static double mean(double[] x) {
        double k = x[0];
        double d = 0;
        for (double v : x) d += v - k;
        return k + d / x.length;
    }

    /** Standard error of the mean: sample standard deviation / √n (shifted two-pass, exact 0 for identical values). */
    public static double stderr(double[] x, double mean) {
        if (x.length < 2) return 0.0;
        double ss = 0;
        double sd = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
            sd += d;
        }
        double var = Math.max(0, (ss - sd * sd / x.length) / (x.length - 1));
        return Math.sqrt(var / x.length);
    }

    /** Fraction of values at or above the threshold. */
    public static double fractionAtLeast(double[] x, double threshold) {
        int k = 0;
        for (double v : x) if (v >= threshold) k++;
        return (double) k / x.length;
    }

    /** The percentiles as an array in the order of {@link #LEVELS}. */
    public double[] percentiles() {
        return new double[] {p5, p10, p25, p50, p75, p90, p95};
    }
}
