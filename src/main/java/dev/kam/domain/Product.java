package dev.kam.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A product or solution that can be offered to accounts.
 *
 * @param needs        need tags it addresses
 * @param price        yearly revenue from one adopting account (currency/year)
 * @param margin       gross margin 0–1
 * @param serviceShare share of the price that is service revenue 0–1
 * @param capacity     how many accounts it can be delivered to per year
 * @param minRating    lowest 5A rating (1–5) it may be offered to
 */
public record Product(String id, String name, Set<String> needs, double price, double margin,
                      double serviceShare, int capacity, int minRating) {
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        needs = Tags.sorted(needs);
    }

    /** True when the product addresses at least one of the account's needs. */
    public boolean addresses(Account account) {
        return Tags.intersects(needs, account.needs());
    }
}
