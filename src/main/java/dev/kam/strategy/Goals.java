package dev.kam.strategy;

/**
 * The end goals used for the path, given or derived.
 *
 * @param keyAccountRevenue KA revenue in the last year (currency per year)
 * @param keyAccountCount   KA count in the last year
 * @param keyAccountShare   KA share of total revenue in the last year
 * @param totalRevenue      total revenue in the last year implied by revenue and share
 * @param yearlyGrowth      constant yearly KA revenue growth from today to the goal, NaN when today's is 0
 */
public record Goals(Goal keyAccountRevenue, Goal keyAccountCount, Goal keyAccountShare, double totalRevenue,
                    double yearlyGrowth) {
}
