package dev.kam.domain;

import java.util.Objects;

/**
 * One row of the optional {@code history.csv} (SPEC §8): an account's revenue with us in one past calendar
 * year, and who led it that year. Calibration reads these; an account active in year t−1 with revenue 0 in
 * year t has churned.
 *
 * @param account id of the account (it may no longer be in accounts.csv: lost accounts keep their history)
 * @param year    calendar year, at most the scenario's base year
 * @param revenue revenue with us that year (currency), at least 0
 * @param owner   id of the soldier who led it that year, null when none
 * @param line    1-based line (or spreadsheet row) the entry was read from, 0 when not read from a file
 */
public record HistoryEntry(String account, int year, double revenue, String owner, int line) {
    public HistoryEntry {
        Objects.requireNonNull(account, "account");
        if (owner != null && owner.isBlank()) owner = null;
    }

    public HistoryEntry(String account, int year, double revenue, String owner) {
        this(account, year, revenue, owner, 0);
    }

    /** Whether a soldier led the account that year. */
    public boolean covered() {
        return owner != null;
    }
}
