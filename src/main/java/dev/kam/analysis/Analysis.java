package dev.kam.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of the analyze stage. Later stages read ratings and tiers through {@link #rating(String)}
 * and {@link #tier(String)}.
 */
public record Analysis(List<AccountAssessment> accounts) {
    public Analysis {
        accounts = List.copyOf(accounts);
    }

    private Map<String, AccountAssessment> index() {
        Map<String, AccountAssessment> m = new HashMap<>();
        for (AccountAssessment a : accounts) m.put(a.accountId(), a);
        return m;
    }

    /** Ratings by account id (1–5). */
    public Map<String, Integer> ratings() {
        Map<String, Integer> m = new HashMap<>();
        for (AccountAssessment a : accounts) m.put(a.accountId(), a.rating());
        return m;
    }

    /** The 5A rating (1–5) of an account; 1 when unknown. */
    public int rating(String accountId) {
        AccountAssessment a = index().get(accountId);
        return a == null ? 1 : a.rating();
    }

    public Tier tier(String accountId) {
        AccountAssessment a = index().get(accountId);
        return a == null ? Tier.SMALL : a.tier();
    }
}
