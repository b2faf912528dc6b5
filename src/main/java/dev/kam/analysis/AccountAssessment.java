package dev.kam.analysis;

import dev.kam.domain.Msg;

/**
 * The diagnosis of one account. Amounts in the scenario currency per year.
 *
 * @param accountId       the account
 * @param tier            pyramid tier
 * @param score           5A score 0–1 (weighted normalized criteria)
 * @param rating          5A rating 1–5
 * @param diagnosis       lifecycle diagnosis
 * @param reason          why: the rule that decided the diagnosis ({@code analysis.reason.*}) with its figures
 * @param rank            1-based rank by revenue (1 = largest; ties by id)
 * @param revenue         revenue today
 * @param wallet          the account's yearly spend in our category
 * @param criteria        the five criterion scores 0–1 behind {@code score}
 * @param ratedOnPotential true when the account has no revenue and was rated on its wallet potential
 */
public record AccountAssessment(String accountId, Tier tier, double score, int rating, Diagnosis diagnosis,
                                Msg reason, int rank, double revenue, double wallet, Criteria criteria,
                                boolean ratedOnPotential) {

    /**
     * An assessment with only the contract fields (for later stages' tests); the rest NaN / unknown, and a null
     * reason becomes {@code analysis.reason.unknown}.
     */
    public AccountAssessment(String accountId, Tier tier, double score, int rating, Diagnosis diagnosis,
                             Msg reason) {
        this(accountId, tier, score, rating, diagnosis, reason == null ? Msg.of("analysis.reason.unknown") : reason, 0,
                Double.NaN, Double.NaN, Criteria.UNKNOWN, false);
    }

    public AccountAssessment {
        java.util.Objects.requireNonNull(reason, "reason");
        if (rating < 1 || rating > 5) throw new IllegalArgumentException("rating must be 1–5, got " + rating);
    }

    /** The rating as written in reports and files, e.g. "4A" (the course's own notation, the same in every language). */
    public String ratingLabel() {
        return rating + "A";
    }

    /** revenue / wallet, 0 when the wallet is 0, NaN when unknown. */
    public double shareOfWallet() {
        if (Double.isNaN(wallet)) return Double.NaN;
        return wallet > 0 ? revenue / wallet : 0.0;
    }

    /**
     * The five 5A criterion scores, each 0–1 (1 best).
     *
     * @param revenue    normalized revenue (or potential revenue for a prospect)
     * @param profit     normalized gross profit = revenue × margin
     * @param credit     credit 0–1 as given (default 0.8)
     * @param efficiency normalized revenue per service hour (0.5 when service hours are unknown)
     * @param ease       1 − difficulty (difficulty default 0.5)
     */
    public record Criteria(double revenue, double profit, double credit, double efficiency, double ease) {
        public static final Criteria UNKNOWN = new Criteria(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);

        public double[] toArray() {
            return new double[] {revenue, profit, credit, efficiency, ease};
        }
    }
}
