package dev.kam.simulation;

/**
 * The probability of meeting one yearly target.
 *
 * @param year        calendar year
 * @param metric      {@code keyAccountRevenue}, {@code keyAccountCount}, {@code keyAccountShare},
 *                    {@code totalRevenue}, or {@code allKeyAccountTargets} (KA revenue, count and share met together)
 * @param target      the target (currency/year, a count or a share); NaN for {@code allKeyAccountTargets}
 * @param probability fraction of paths whose value that year is at or above the target
 * @param ciLow       lower end of its Wilson 95% interval
 * @param ciHigh      upper end of its Wilson 95% interval
 */
public record TargetHit(int year, String metric, double target, double probability, double ciLow, double ciHigh) {
    public static final String ALL = "allKeyAccountTargets";

    /** The probability with its interval. */
    public Probability asProbability(int paths) {
        return new Probability(probability, ciLow, ciHigh, paths);
    }
}
