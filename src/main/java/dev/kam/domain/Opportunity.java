package dev.kam.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One open opportunity of the optional {@code pipeline.csv} (SPEC §12, 过程管理): a soldier working an
 * account, at one step of the sales funnel.
 *
 * @param id            unique opportunity id
 * @param account       id of the account (one of accounts.csv)
 * @param soldier       id of the soldier working it (one of soldiers.csv)
 * @param stage         1-based step of the funnel ({@link MechanismParams.Funnel#stages()})
 * @param value         yearly revenue the opportunity would bring when signed (currency/year), at least 0
 * @param expectedClose when the soldier expects to sign it, null when not given
 * @param line          1-based line it was read from, 0 when not read from a file
 */
public record Opportunity(String id, String account, String soldier, int stage, double value, LocalDate expectedClose,
                          int line) {
    public Opportunity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(soldier, "soldier");
        if (stage < 1) throw new IllegalArgumentException("stage must be at least 1, got " + stage);
        if (!(value >= 0)) throw new IllegalArgumentException("value must be at least 0, got " + value);
    }

    public Opportunity(String id, String account, String soldier, int stage, double value) {
        this(id, account, soldier, stage, value, null, 0);
    }
}
