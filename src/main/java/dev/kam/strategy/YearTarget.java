package dev.kam.strategy;

/**
 * The targets of one calendar year. Amounts in the scenario currency per year.
 *
 * @param year              calendar year (baseYear + 1 … baseYear + horizon)
 * @param totalRevenue      total revenue target (KA revenue / KA share)
 * @param keyAccountRevenue revenue from key accounts
 * @param keyAccountCount   number of key accounts
 * @param keyAccountShare   key-account share of total revenue 0–1
 * @param ordersPerAccount  orders per key account per year
 * @param orderValue        revenue per order (currency)
 * @param growth            growth of key-account revenue over the previous year (0.08 = 8%)
 */
public record YearTarget(int year, double totalRevenue, double keyAccountRevenue, double keyAccountCount,
                         double keyAccountShare, double ordersPerAccount, double orderValue, double growth) {
}
