package dev.kam.simulation;

/**
 * When the end goal is first met: the distribution over paths of the first year whose key-account
 * revenue is at or above the final year's key-account revenue target.
 *
 * @param target      the final-year key-account revenue target (currency/year)
 * @param years       calendar years of the horizon
 * @param firstMet    probability that the goal is first met in each year
 * @param metBy       probability that it has been met in or before each year (cumulative)
 * @param never       probability that it is not met within the horizon
 * @param medianYear  the median first year, or null when more than half of the paths never meet it
 */
public record GoalTiming(double target, int[] years, double[] firstMet, double[] metBy, double never,
                         Integer medianYear) {
}
