package dev.kam.analysis;

/**
 * The diagnosis of one account.
 *
 * @param accountId the account
 * @param tier      pyramid tier
 * @param score     5A score 0–1 (weighted normalized criteria)
 * @param rating    5A rating 1–5
 * @param diagnosis lifecycle diagnosis
 * @param reason    one line explaining the diagnosis
 */
public record AccountAssessment(String accountId, Tier tier, double score, int rating, Diagnosis diagnosis,
                                String reason) {
}
