package dev.kam.analysis;

import dev.kam.domain.Msg;

import java.util.List;

/**
 * The structure-health verdict: is the customer base key-account-led (以大客户为主), is it dependent on one
 * account, and how far is today from the strategy goals.
 *
 * @param verdict         the overall verdict
 * @param summary         the verdict as a message ({@code analysis.verdict.*}) with its figure
 * @param keyAccountLed   key accounts bring at least {@code analysis.health.keyAccountShare} of revenue
 * @param gaps            today against each goal set under {@code strategy.goals} (missing goals are left out)
 * @param findings        every finding as a message ({@code analysis.health.*}) with its figures, most important
 *                        first
 */
public record Health(Verdict verdict, Msg summary, boolean keyAccountLed, List<GoalGap> gaps,
                     List<Msg> findings) {
    public Health {
        gaps = List.copyOf(gaps);
        findings = List.copyOf(findings);
    }

    public enum Verdict {
        /** Key-account-led and no single account above the concentration limit. */
        HEALTHY,
        /** Key-account-led, but one account carries more than the healthy share. */
        CONCENTRATED,
        /** Key accounts bring less than the healthy share of revenue. */
        NOT_KEY_ACCOUNT_LED
    }

    /**
     * Today against one end-of-horizon goal.
     *
     * @param metric              keyAccountRevenueShare, keyAccountCount or keyAccountRevenue
     * @param today               value today
     * @param goal                value wanted at the end of the horizon
     * @param gap                 goal − today
     * @param requiredYearlyGrowth constant yearly growth that takes today to the goal over the horizon
     *                            (NaN when today is 0 or the metric is a share)
     */
    public record GoalGap(String metric, double today, double goal, double gap, double requiredYearlyGrowth) {
    }
}
