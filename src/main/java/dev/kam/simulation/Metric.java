package dev.kam.simulation;

/** The yearly quantities the simulation reports per path (SPEC §5). */
public enum Metric {
    /** Revenue of all accounts, products included (currency/year). */
    TOTAL_REVENUE("totalRevenue"),
    /** Revenue of the accounts at or above the key-account threshold (currency/year). */
    KEY_ACCOUNT_REVENUE("keyAccountRevenue"),
    /** Number of accounts at or above the key-account threshold. */
    KEY_ACCOUNT_COUNT("keyAccountCount"),
    /** Key-account revenue / total revenue, 0–1 (0 when total revenue is 0). */
    KEY_ACCOUNT_SHARE("keyAccountShare"),
    /** Gross profit: account revenue × account margin + adopted products' price × product margin (currency/year). */
    GROSS_PROFIT("grossProfit");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    /** The name used in CSV and JSON outputs. */
    public String code() {
        return code;
    }
}
