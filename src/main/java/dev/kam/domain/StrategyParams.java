package dev.kam.domain;

import java.util.List;

/**
 * The long-term key-account strategy (keys under {@code strategy:}). Goals the YAML leaves out are NaN
 * and derived by the targets stage; assumptions left NaN take their documented default from the
 * simulation parameters.
 *
 * @param horizonYears        years from the base year to the goal
 * @param keyAccountThreshold yearly revenue (currency) at or above which an account is a key account
 * @param goalShare           key-account share of total revenue at the end of the horizon, NaN if not set
 * @param goalCount           number of key accounts at the end of the horizon, NaN if not set
 * @param goalRevenue         key-account revenue (currency/year) at the end of the horizon, NaN if not set
 * @param path                steady | linear | s-curve | milestones
 * @param milestones          user milestones (only for path milestones)
 * @param sCurveSteepness     k of the logistic s-curve path (per horizon; larger = sharper middle)
 * @param sCurveMidpoint      m of the s-curve: the fraction of the horizon where growth is fastest, 0–1
 * @param frequencyWeight     share (0–1, in log terms) of the per-account revenue growth carried by orders
 *                            per account; the rest is carried by order value
 * @param expectedChurn       yearly share of key accounts expected to be lost (replaced by extra wins);
 *                            NaN = simulation.churn.covered
 * @param assumedMarketGrowth yearly growth assumed for non-key revenue and per-account revenue when a goal
 *                            is derived, and the yardstick of the growth check; NaN = simulation.marketGrowth.mean
 * @param growthMargin        implied key-account growth above market growth by more than this (per year) is
 *                            reported
 * @param defaultOrdersPerAccount orders per key account per year when accounts.csv has no orders
 * @param keyAccountHours     selling hours per year per key account when accounts.csv has no baseHours for
 *                            today's key accounts; NaN = assignment.baseHours.key
 * @param hoursPerWin         selling hours to win one new key account
 * @param soldierHours        selling hours per year of one soldier when soldiers.csv is empty
 * @param sellingTimeShare share of a soldier's capacity that is selling time on accounts (the rest goes to training, admin, travel), 0–1
 * @param otherAccountHours   selling hours per year of a non-key account that has an owner and no baseHours
 * @param keyAccountThresholdGrowth yearly growth of the key-account threshold (SPEC §8); NaN =
 *                            simulation.marketGrowth.mean (see {@link Scenario#keyAccountThreshold(int)})
 */
public record StrategyParams(int horizonYears, double keyAccountThreshold, double goalShare, double goalCount,
                             double goalRevenue, String path, List<Milestone> milestones,
                             double sCurveSteepness, double sCurveMidpoint, double frequencyWeight,
                             double expectedChurn, double assumedMarketGrowth, double growthMargin,
                             double defaultOrdersPerAccount, double keyAccountHours, double hoursPerWin,
                             double soldierHours, double sellingTimeShare, double otherAccountHours,
                             double keyAccountThresholdGrowth) {
    public StrategyParams {
        milestones = List.copyOf(milestones);
    }

    /** Every field but the threshold growth, which takes its default (the market growth mean). */
    public StrategyParams(int horizonYears, double keyAccountThreshold, double goalShare, double goalCount,
                          double goalRevenue, String path, List<Milestone> milestones,
                          double sCurveSteepness, double sCurveMidpoint, double frequencyWeight,
                          double expectedChurn, double assumedMarketGrowth, double growthMargin,
                          double defaultOrdersPerAccount, double keyAccountHours, double hoursPerWin,
                          double soldierHours, double sellingTimeShare, double otherAccountHours) {
        this(horizonYears, keyAccountThreshold, goalShare, goalCount, goalRevenue, path, milestones, sCurveSteepness,
                sCurveMidpoint, frequencyWeight, expectedChurn, assumedMarketGrowth, growthMargin,
                defaultOrdersPerAccount, keyAccountHours, hoursPerWin, soldierHours, sellingTimeShare, otherAccountHours,
                Double.NaN);
    }

    /** The contract constructor: goals and path, every assumption at its default. */
    public StrategyParams(int horizonYears, double keyAccountThreshold, double goalShare, double goalCount,
                          double goalRevenue, String path, List<Milestone> milestones) {
        this(horizonYears, keyAccountThreshold, goalShare, goalCount, goalRevenue, path, milestones,
                8.0, 0.5, 0.5, Double.NaN, Double.NaN, 0.05, 12.0, Double.NaN, 100.0, 1600.0, 1.0, 80.0);
    }

    /**
     * A user milestone: a year and what is wanted then; fields not set are NaN.
     *
     * @param line 1-based line of the milestone in the scenario file (0 when not read from a file)
     */
    public record Milestone(int year, double keyAccountRevenue, double keyAccountCount, double keyAccountShare,
                            int line) {
        public Milestone(int year, double keyAccountRevenue, double keyAccountCount, double keyAccountShare) {
            this(year, keyAccountRevenue, keyAccountCount, keyAccountShare, 0);
        }
    }

    public static final StrategyParams DEFAULT =
            new StrategyParams(10, 5_000_000, Double.NaN, Double.NaN, Double.NaN, "steady", List.of());

    /** A copy with other goals (NaN = derive). */
    public StrategyParams withGoals(double share, double count, double revenue) {
        return new StrategyParams(horizonYears, keyAccountThreshold, share, count, revenue, path, milestones,
                sCurveSteepness, sCurveMidpoint, frequencyWeight, expectedChurn, assumedMarketGrowth, growthMargin,
                defaultOrdersPerAccount, keyAccountHours, hoursPerWin, soldierHours, sellingTimeShare, otherAccountHours,
                keyAccountThresholdGrowth);
    }

    /** A copy with another path and milestones. */
    public StrategyParams withPath(String newPath, List<Milestone> newMilestones) {
        return new StrategyParams(horizonYears, keyAccountThreshold, goalShare, goalCount, goalRevenue, newPath,
                newMilestones, sCurveSteepness, sCurveMidpoint, frequencyWeight, expectedChurn, assumedMarketGrowth,
                growthMargin, defaultOrdersPerAccount, keyAccountHours, hoursPerWin, soldierHours,
                sellingTimeShare, otherAccountHours, keyAccountThresholdGrowth);
    }

    /** A copy with another horizon and threshold. */
    public StrategyParams withHorizon(int years, double threshold) {
        return new StrategyParams(years, threshold, goalShare, goalCount, goalRevenue, path, milestones,
                sCurveSteepness, sCurveMidpoint, frequencyWeight, expectedChurn, assumedMarketGrowth, growthMargin,
                defaultOrdersPerAccount, keyAccountHours, hoursPerWin, soldierHours, sellingTimeShare, otherAccountHours,
                keyAccountThresholdGrowth);
    }

    /** A copy with other assumptions (NaN churn / market growth = take the simulation's). */
    public StrategyParams withAssumptions(double churn, double marketGrowth, double freqWeight) {
        return new StrategyParams(horizonYears, keyAccountThreshold, goalShare, goalCount, goalRevenue, path,
                milestones, sCurveSteepness, sCurveMidpoint, freqWeight, churn, marketGrowth, growthMargin,
                defaultOrdersPerAccount, keyAccountHours, hoursPerWin, soldierHours, sellingTimeShare, otherAccountHours,
                keyAccountThresholdGrowth);
    }

    /** A copy with another yearly growth of the key-account threshold (NaN = the market growth mean). */
    public StrategyParams withThresholdGrowth(double growth) {
        return new StrategyParams(horizonYears, keyAccountThreshold, goalShare, goalCount, goalRevenue, path,
                milestones, sCurveSteepness, sCurveMidpoint, frequencyWeight, expectedChurn, assumedMarketGrowth,
                growthMargin, defaultOrdersPerAccount, keyAccountHours, hoursPerWin, soldierHours, sellingTimeShare,
                otherAccountHours, growth);
    }
}
