package dev.kam.domain;

import java.util.List;

/**
 * The long-term key-account strategy (keys under {@code strategy:}). Goals the YAML leaves out are NaN
 * and derived by the targets stage.
 *
 * @param horizonYears        years from the base year to the goal
 * @param keyAccountThreshold yearly revenue (currency) at or above which an account is a key account
 * @param goalShare           key-account share of total revenue at the end of the horizon, NaN if not set
 * @param goalCount           number of key accounts at the end of the horizon, NaN if not set
 * @param goalRevenue         key-account revenue (currency/year) at the end of the horizon, NaN if not set
 * @param path                steady | linear | s-curve | milestones
 * @param milestones          user milestones (only for path milestones)
 */
public record StrategyParams(int horizonYears, double keyAccountThreshold, double goalShare, double goalCount,
                             double goalRevenue, String path, List<Milestone> milestones) {
    public StrategyParams {
        milestones = List.copyOf(milestones);
    }

    /** A user milestone: a year and the key-account revenue wanted then (other fields NaN if not set). */
    public record Milestone(int year, double keyAccountRevenue, double keyAccountCount, double keyAccountShare) {
    }

    public static final StrategyParams DEFAULT =
            new StrategyParams(10, 5_000_000, Double.NaN, Double.NaN, Double.NaN, "steady", List.of());
}
