package dev.kam.analysis;

import java.util.Locale;

/** Tier of the customer pyramid (客户金字塔): key, mid and small accounts by revenue contribution. */
public enum Tier {
    KEY("Key"), MID("Mid"), SMALL("Small");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    /** Display name, e.g. "Key". */
    public String label() {
        return label;
    }

    /** CSV/JSON spelling: {@code key}, {@code mid}, {@code small}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
