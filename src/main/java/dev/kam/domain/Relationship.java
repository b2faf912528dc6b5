package dev.kam.domain;

import java.util.Objects;

/**
 * What a manager knows about a (soldier, account) pair, from {@code relationships.csv}.
 * Any of the numbers may be NaN when the file left it empty.
 *
 * @param strength relationship strength 0–1
 * @param hours    override of the selling hours per year the pair needs at standard effort
 * @param value    override of the pair's yearly value (currency/year) when the soldier leads it
 */
public record Relationship(String soldier, String account, double strength, double hours, double value) {
    public Relationship {
        Objects.requireNonNull(soldier, "soldier");
        Objects.requireNonNull(account, "account");
    }
}
