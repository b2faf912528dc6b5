package dev.kam.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of the analyze stage: one assessment per account (in the scenario's account order) and the
 * summaries of the customer base. Later stages read ratings and tiers through {@link #rating(String)} and
 * {@link #tier(String)}. Built by {@link Analyzer}; an analysis built from assessments only (for later
 * stages' tests) has null summaries.
 */
public final class Analysis {
    private final List<AccountAssessment> accounts;
    private final Map<String, AccountAssessment> byId;
    private final List<TierSummary> pyramid;
    private final Concentration concentration;
    private final KeyAccountBaseline baseline;
    private final Health health;

    public Analysis(List<AccountAssessment> accounts, List<TierSummary> pyramid, Concentration concentration,
                    KeyAccountBaseline baseline, Health health) {
        this.accounts = List.copyOf(accounts);
        Map<String, AccountAssessment> m = new HashMap<>(accounts.size() * 2);
        for (AccountAssessment a : this.accounts) m.put(a.accountId(), a);
        this.byId = Collections.unmodifiableMap(m);
        this.pyramid = pyramid == null ? null : List.copyOf(pyramid);
        this.concentration = concentration;
        this.baseline = baseline;
        this.health = health;
    }

    /** An analysis holding only assessments (summaries null). */
    public Analysis(List<AccountAssessment> accounts) {
        this(accounts, null, null, null, null);
    }

    /** Every assessment, in the scenario's account order. */
    public List<AccountAssessment> accounts() {
        return accounts;
    }

    /** The assessment of an account, or null when unknown. */
    public AccountAssessment get(String accountId) {
        return byId.get(accountId);
    }

    /** Ratings by account id (1–5). */
    public Map<String, Integer> ratings() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (AccountAssessment a : accounts) m.put(a.accountId(), a.rating());
        return m;
    }

    /** The 5A rating (1–5) of an account; 1 when unknown. */
    public int rating(String accountId) {
        AccountAssessment a = byId.get(accountId);
        return a == null ? 1 : a.rating();
    }

    /** The pyramid tier of an account; SMALL when unknown. */
    public Tier tier(String accountId) {
        AccountAssessment a = byId.get(accountId);
        return a == null ? Tier.SMALL : a.tier();
    }

    /** The pyramid, one summary per tier in the order key, mid, small (null when not computed). */
    public List<TierSummary> pyramid() {
        return pyramid;
    }

    public Concentration concentration() {
        return concentration;
    }

    /** Today's key accounts at the threshold: the baseline of the targets. */
    public KeyAccountBaseline baseline() {
        return baseline;
    }

    public Health health() {
        return health;
    }

    /** Number of accounts per rating; index 0 is 1A, 4 is 5A. */
    public int[] ratingCounts() {
        int[] c = new int[5];
        for (AccountAssessment a : accounts) c[a.rating() - 1]++;
        return c;
    }

    /** Revenue per rating (currency/year); index 0 is 1A. */
    public double[] ratingRevenue() {
        double[] r = new double[5];
        for (AccountAssessment a : accounts) {
            if (!Double.isNaN(a.revenue())) r[a.rating() - 1] += a.revenue();
        }
        return r;
    }

    /** Number of accounts per diagnosis, in the enum's order. */
    public Map<Diagnosis, Integer> diagnosisCounts() {
        Map<Diagnosis, Integer> m = new EnumMap<>(Diagnosis.class);
        for (Diagnosis d : Diagnosis.values()) m.put(d, 0);
        for (AccountAssessment a : accounts) m.merge(a.diagnosis(), 1, Integer::sum);
        return m;
    }
}
