package dev.kam.analysis;

/**
 * One tier of the customer pyramid.
 *
 * @param tier         the tier
 * @param count        accounts in the tier
 * @param revenue      their revenue (currency/year)
 * @param countShare   count / all accounts (0–1)
 * @param revenueShare revenue / total revenue (0–1; 0 when the total is 0)
 * @param minRevenue   smallest revenue in the tier (NaN when empty)
 * @param maxRevenue   largest revenue in the tier (NaN when empty)
 */
public record TierSummary(Tier tier, int count, double revenue, double countShare, double revenueShare,
                          double minRevenue, double maxRevenue) {
}
