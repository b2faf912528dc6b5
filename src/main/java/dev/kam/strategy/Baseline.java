package dev.kam.strategy;

/**
 * Today's figures, computed from the scenario's tables at the key-account threshold. Amounts in the
 * scenario currency per year.
 *
 * @param year                     the base year
 * @param keyAccountRevenue        revenue of today's key accounts (revenue ≥ threshold and &gt; 0)
 * @param keyAccountCount          number of today's key accounts
 * @param keyAccountShare          key-account share of total revenue, 0 when total revenue is 0
 * @param totalRevenue             revenue of all accounts
 * @param otherRevenue             revenue of the accounts that are not key accounts
 * @param ordersPerAccount         orders per key account per year (mean over key accounts with orders in
 *                                 accounts.csv, else strategy.defaultOrdersPerAccount)
 * @param orderValue               KA revenue / (count × orders per account); NaN when there is no key account
 * @param averageKeyAccountRevenue KA revenue / count; NaN when there is no key account
 * @param ordersFromData           whether orders per account came from accounts.csv
 * @param hoursPerKeyAccount       selling hours per key account per year (mean baseHours of today's key
 *                                 accounts, else strategy.productivity.keyAccountHours)
 * @param hoursFromData            whether the hours came from accounts.csv
 * @param soldiers                 number of soldiers today
 * @param soldierCapacityHours     selling hours per year of all soldiers together
 * @param hoursPerSoldier          mean capacity of one soldier (strategy.productivity.soldierHours when none)
 * @param pipelineProspects        prospects whose wallet is at least the threshold
 * @param pipelineAccounts         active or at-risk accounts below the threshold whose wallet is at least it
 * @param totalWallet              yearly spend in our category of all accounts together
 * @param otherOwnedAccounts       non-key accounts that have an owner today
 * @param otherAccountHours        selling hours a year those accounts take (their baseHours, else
 *                                 strategy.productivity.otherAccountHours each); held constant over the horizon
 */
public record Baseline(int year, double keyAccountRevenue, int keyAccountCount, double keyAccountShare,
                       double totalRevenue, double otherRevenue, double ordersPerAccount, double orderValue,
                       double averageKeyAccountRevenue, boolean ordersFromData, double hoursPerKeyAccount,
                       boolean hoursFromData, int soldiers, double soldierCapacityHours, double hoursPerSoldier,
                       int pipelineProspects, int pipelineAccounts, double totalWallet,
                       int otherOwnedAccounts, double otherAccountHours) {
    /** Accounts that could become key accounts: prospects plus smaller accounts with a large enough wallet. */
    public int pipeline() {
        return pipelineProspects + pipelineAccounts;
    }

    /** Selling hours today's key accounts and owned other accounts take together. */
    public double hoursNeededToday() {
        return keyAccountCount * hoursPerKeyAccount + otherAccountHours;
    }
}
