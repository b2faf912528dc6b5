package dev.kam.strategy;

/**
 * The targets of one calendar year. Amounts in the scenario currency per year.
 *
 * @param year                calendar year (baseYear + 1 … baseYear + horizon)
 * @param totalRevenue        total revenue target (KA revenue / KA share)
 * @param keyAccountRevenue   revenue from key accounts
 * @param keyAccountCount     number of key accounts, whole accounts
 * @param keyAccountShare     key-account share of total revenue 0–1
 * @param ordersPerAccount    orders per key account per year, from the unrounded count path
 * @param orderValue          revenue per order (currency), from the unrounded count path
 * @param growth              growth of key-account revenue over the previous year (0.08 = 8%)
 * @param countPath           the unrounded count path: countPath × ordersPerAccount × orderValue = keyAccountRevenue
 * @param keyAccountThreshold the key-account threshold that year (currency/year, indexed: SPEC §8)
 */
public record YearTarget(int year, double totalRevenue, double keyAccountRevenue, double keyAccountCount,
                         double keyAccountShare, double ordersPerAccount, double orderValue, double growth,
                         double countPath, double keyAccountThreshold) {
    /** A year target whose count is its own path and whose threshold is unknown (for tests and hand-built targets). */
    public YearTarget(int year, double totalRevenue, double keyAccountRevenue, double keyAccountCount,
                      double keyAccountShare, double ordersPerAccount, double orderValue, double growth) {
        this(year, totalRevenue, keyAccountRevenue, keyAccountCount, keyAccountShare, ordersPerAccount, orderValue,
                growth, keyAccountCount, Double.NaN);
    }
}
