package dev.kam.domain;

/**
 * An amount of money as a {@link Msg} argument: the words at the edge choose how it reads (compact
 * {@code CNY 12.5M} in English, {@code 1,250万元} in Chinese), so a stage hands over the figure, not its text.
 *
 * @param amount   the amount (currency units; NaN when unknown)
 * @param currency ISO code as the scenario names it, e.g. {@code CNY}; empty when none
 */
public record Money(double amount, String currency) {
    public Money {
        if (currency == null) currency = "";
    }
}
