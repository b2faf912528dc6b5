package dev.kam.strategy;

import dev.kam.domain.Msg;

/**
 * One end goal (value at baseYear + horizon).
 *
 * @param value  the goal (currency per year, accounts, or share 0–1)
 * @param source {@code given} (from the YAML), {@code milestone} (from a milestone in the last year) or
 *               {@code derived}
 * @param how    for a derived goal, the formula with its numbers; null otherwise
 */
public record Goal(double value, String source, Msg how) {
    public boolean derived() {
        return source.equals("derived");
    }
}
