package dev.kam.strategy;

/**
 * The assumptions the targets were computed with (after defaults were applied).
 *
 * @param marketGrowth        yearly market growth (strategy.assumedMarketGrowth, else simulation.marketGrowth.mean)
 * @param expectedChurn       yearly KA churn (strategy.expectedChurn, else simulation.churn.covered)
 * @param conversionRate      yearly conversion of a worked candidate (simulation.conversion.covered)
 * @param shareCeiling        the largest share of wallet an account can reach (simulation.shareCeiling)
 * @param frequencyWeight     share of per-account growth carried by orders per account (log terms)
 * @param sCurveSteepness     k of the s-curve
 * @param sCurveMidpoint      m of the s-curve
 * @param hoursPerWin         selling hours to win one key account
 * @param sellingTimeShare share of soldier capacity available for key accounts
 * @param growthMargin        tolerated yearly KA growth above market growth
 */
public record Assumptions(double marketGrowth, double expectedChurn, double conversionRate, double shareCeiling,
                          double frequencyWeight, double sCurveSteepness, double sCurveMidpoint, double hoursPerWin,
                          double sellingTimeShare, double growthMargin) {
}
