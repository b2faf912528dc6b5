package dev.kam.simulation;

/**
 * A difference between two plans or scenarios simulated on the same paths (common random numbers), estimated as
 * the mean of the per-path differences: its standard error is the sample standard deviation of those differences
 * over √n (the paired standard error, smaller than that of two independent runs by the covariance the common
 * numbers create), and its 95% interval mean ± 1.96·stderr.
 *
 * @param value  mean per-path difference (a probability difference 0–1, or currency)
 * @param stderr paired standard error
 * @param ciLow  value − 1.96·stderr
 * @param ciHigh value + 1.96·stderr
 * @param paths  number of paired paths
 */
public record Difference(double value, double stderr, double ciLow, double ciHigh, int paths) {
    public static final Difference NONE = new Difference(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    /** The paired difference of per-path values a − b. */
    public static Difference paired(double[] a, double[] b) {
        int n = a.length;
        if (n == 0 || b.length != n) return NONE;
        double[] d = new double[n];
        for (int p = 0; p < n; p++) d[p] = a[p] - b[p];
        return of(d);
    }

    /** The mean of per-path differences with its standard error. */
    public static Difference of(double[] d) {
        if (d.length == 0) return NONE;
        double mean = Stats.mean(d);
        double se = Stats.stderr(d, mean);
        return new Difference(mean, se, mean - Probability.Z95 * se, mean + Probability.Z95 * se, d.length);
    }

    /** The difference of two hit indicators per path (1 when the path meets the target, else 0). */
    public static Difference ofHits(double[] a, double targetA, double[] b, double targetB) {
        int n = a.length;
        if (n == 0 || b.length != n || Double.isNaN(targetA) || Double.isNaN(targetB)) return NONE;
        double[] d = new double[n];
        for (int p = 0; p < n; p++) d[p] = (a[p] >= targetA ? 1 : 0) - (b[p] >= targetB ? 1 : 0);
        return of(d);
    }
}
