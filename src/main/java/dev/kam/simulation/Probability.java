package dev.kam.simulation;

/**
 * A probability estimated as a fraction of simulated paths, with its Wilson 95% score interval (Wilson 1927;
 * recommended over the normal "Wald" interval by Brown, Cai and DasGupta 2001, because it stays inside [0, 1] and
 * keeps its coverage near 0 and 1).
 *
 * @param value  hits / paths, 0–1 (NaN when there is nothing to measure)
 * @param ciLow  lower end of the 95% interval
 * @param ciHigh upper end of the 95% interval
 * @param paths  number of paths it was measured on
 */
public record Probability(double value, double ciLow, double ciHigh, int paths) {
    /** z of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static final Probability NONE = new Probability(Double.NaN, Double.NaN, Double.NaN, 0);

    /** The fraction hits / n with its Wilson interval: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). */
    public static Probability of(long hits, int n) {
        if (n <= 0) return NONE;
        double p = (double) hits / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        double lo = hits == 0 ? 0 : Math.max(0, Math.min(p, centre - half));
        double hi = hits == n ? 1 : Math.min(1, Math.max(p, centre + half));
        return new Probability(p, lo, hi, n);
    }

    /**
     * A fraction of {@code n} paths given as a number (hits / n, e.g. a stored hit rate) with its Wilson interval;
     * the hit count is recovered by rounding fraction·n. {@link #NONE} for NaN or no paths.
     */
    public static Probability ofFraction(double fraction, int n) {
        if (Double.isNaN(fraction) || n <= 0) return NONE;
        return of(Math.round(fraction * n), n);
    }

    /** Whether it was measured (false for a metric without a target). */
    public boolean known() {
        return !Double.isNaN(value);
    }
}
