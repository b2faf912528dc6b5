package dev.kam.compare;

import dev.kam.domain.Account;
import dev.kam.domain.Scenario;

import java.util.List;

/**
 * How far two scenarios share their random numbers when simulated with the same seed.
 *
 * <p>The simulator gives path p of every run the same streams, pure functions of (seed, p). Per year the
 * main stream draws the market normal, one normal per industry, then one normal and one uniform per
 * scenario account in a fixed order; new prospects (their number, sources and draws) come from a second
 * stream and product adoption from a third. So two scenarios see identical market, industry and account
 * shocks and identical churn and conversion draws for the scenario's accounts on every path exactly when
 * the accounts are the same and in the same order (which fixes the industries). Parameters that only
 * transform the draws (growth, volatility, correlations, churn and conversion probabilities, share
 * gains, the new-prospect rate), the soldiers, the plan and the goals keep the alignment. When the
 * accounts differ the streams fall on other accounts: the pathwise difference is still a valid estimate
 * of the difference in means, but without the variance reduction of common numbers.
 *
 * @param full   true when every draw is common
 * @param detail "" when full, else why not (for the user)
 */
public record Crn(boolean full, String detail) {
    public static final Crn FULL = new Crn(true, "");

    /** The alignment of {@code other}'s random numbers with {@code reference}'s. */
    public static Crn of(Scenario reference, Scenario other) {
        if (reference == other) return FULL;
        List<Account> a = reference.accounts();
        List<Account> b = other.accounts();
        if (a.size() != b.size()) {
            return new Crn(false, "it has " + b.size() + " accounts instead of " + a.size()
                    + ", so the per-account draws fall on other accounts");
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id())) {
                return new Crn(false, "its accounts are in another order or have other ids (row " + (i + 1)
                        + ": " + b.get(i).id() + " instead of " + a.get(i).id() + ")");
            }
            if (!a.get(i).industry().equals(b.get(i).industry())) {
                return new Crn(false, "account " + a.get(i).id() + " is in industry " + b.get(i).industry()
                        + " instead of " + a.get(i).industry() + ", so the industry shocks differ");
            }
        }
        if (reference.strategy().horizonYears() != other.strategy().horizonYears()) {
            return new Crn(false, "the horizon differs");
        }
        return FULL;
    }
}
