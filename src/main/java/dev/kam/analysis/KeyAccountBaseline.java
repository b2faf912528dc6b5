package dev.kam.analysis;

/**
 * Today's key accounts (revenue at or above {@code strategy.keyAccountThreshold}): the starting point of
 * the 10-year targets.
 *
 * @param threshold        the key-account threshold (currency/year)
 * @param count            key accounts today
 * @param revenue          their revenue (currency/year)
 * @param share            their share of total revenue (0–1; 0 when total revenue is 0)
 * @param totalRevenue     revenue of all accounts (currency/year)
 * @param accounts         all accounts
 * @param activeAccounts   accounts with revenue &gt; 0
 * @param prospects        accounts with no revenue
 * @param ordersPerAccount mean orders per year of key accounts whose orders are known (NaN when none)
 * @param orderValue       revenue per order of those key accounts (currency; NaN when none)
 */
public record KeyAccountBaseline(double threshold, int count, double revenue, double share, double totalRevenue,
                                 int accounts, int activeAccounts, int prospects, double ordersPerAccount,
                                 double orderValue) {
}
