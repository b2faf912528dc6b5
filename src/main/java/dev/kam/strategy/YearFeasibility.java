package dev.kam.strategy;

/**
 * The figures behind the feasibility checks of one year.
 *
 * @param year                 calendar year
 * @param winsNeeded           new key accounts to win this year: net growth + allowed losses (at least 0), whole accounts
 * @param netGrowth            KA count target minus last year's (whole accounts)
 * @param replacements         key accounts expected to churn this year (expected churn × last year's count, unrounded)
 * @param cumulativeWins       wins needed from the first year up to this one
 * @param pipelineRemaining    candidates left at the start of the year (pipeline − earlier wins, at least 0)
 * @param expectedConversions  remaining candidates × the covered conversion rate (simulation.conversion.covered)
 * @param otherHours           selling hours on today's owned non-key accounts (constant)
 * @param hoursNeeded          selling hours: count × hours per key account + wins × hours per win + other hours
 * @param hoursAvailable       soldiers' capacity × selling time share
 * @param headcountNeeded      soldiers needed: ⌈hours needed / (hours per soldier × selling time share)⌉
 * @param headcountAvailable   soldiers today
 * @param growth               KA revenue growth over the previous year (NaN when the previous was 0)
 * @param allowedLosses        key accounts that may be lost this year: the expected churn rounded to whole accounts
 */
public record YearFeasibility(int year, int winsNeeded, double netGrowth, double replacements, int cumulativeWins,
                              double pipelineRemaining, double expectedConversions, double otherHours,
                              double hoursNeeded,
                              double hoursAvailable, int headcountNeeded, int headcountAvailable, double growth,
                              int allowedLosses) {
}
