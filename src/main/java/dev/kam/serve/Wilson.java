package dev.kam.serve;

/**
 * The Wilson score interval of a probability estimated as a fraction of Monte Carlo paths (Wilson 1927;
 * recommended over the normal interval by Brown, Cai and DasGupta 2001 because it stays inside [0, 1]
 * and keeps its coverage near 0 and 1). One small function so that it can delegate to the simulation
 * stage's own interval once that stage reports one (SPEC §8).
 */
final class Wilson {
    /** z of a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /**
     * The 95% interval {low, high} of a proportion.
     *
     * @param p the observed fraction 0–1 (NaN gives NaN bounds)
     * @param n the number of paths (≥ 1)
     */
    static double[] interval(double p, int n) {
        if (Double.isNaN(p) || n < 1) return new double[] {Double.NaN, Double.NaN};
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
