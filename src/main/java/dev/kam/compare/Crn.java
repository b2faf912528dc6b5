package dev.kam.compare;

import dev.kam.domain.Account;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;

import java.util.List;

/**
 * How far two scenarios share their random numbers when simulated with the same seed (SPEC §8 exact common random
 * numbers).
 *
 * <p>The simulator gives path p of every run the same streams, pure functions of (seed, p, stream). Per year the
 * main stream draws the market normal, one normal per industry, then one normal and one uniform per scenario account
 * in a fixed order; the parameter draws, product adoption (keyed by path, account id and product id) and arrivals
 * (keyed by path and year, the count by inversion) come from sub-streams of their own. So two scenarios see
 * identical market, industry and account shocks, identical churn, conversion and adoption draws, identical parameter
 * uniforms and aligned arrivals on every path exactly when the accounts are the same and in the same order (which
 * fixes the industries) and the horizon is the same. Parameters (as numbers or distributions), the soldiers, the
 * plan, the products offered, the arrival rate and the goals keep the alignment. When the accounts differ the
 * streams fall on other accounts: the pathwise difference is still a valid estimate of the difference in means, but
 * without the variance reduction of common numbers.
 *
 * @param full   true when every draw is common
 * @param detail null when full, else why not (words from the {@code compare} bundle)
 */
public record Crn(boolean full, Msg detail) {
    public static final Crn FULL = new Crn(true, null);

    /** The alignment of {@code other}'s random numbers with {@code reference}'s. */
    public static Crn of(Scenario reference, Scenario other) {
        if (reference == other) return FULL;
        List<Account> a = reference.accounts();
        List<Account> b = other.accounts();
        if (a.size() != b.size()) return new Crn(false, Msg.of("compare.crn.accountCount", b.size(), a.size()));
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id())) {
                return new Crn(false, Msg.of("compare.crn.order", i + 1, b.get(i).id(), a.get(i).id()));
            }
            if (!a.get(i).industry().equals(b.get(i).industry())) {
                return new Crn(false, Msg.of("compare.crn.industry", a.get(i).id(), b.get(i).industry(),
                        a.get(i).industry()));
            }
        }
        if (reference.strategy().horizonYears() != other.strategy().horizonYears()) {
            return new Crn(false, Msg.of("compare.crn.horizon"));
        }
        return FULL;
    }
}
