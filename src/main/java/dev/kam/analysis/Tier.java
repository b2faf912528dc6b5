package dev.kam.analysis;

import java.util.Locale;

/**
 * Tier of the customer pyramid (客户金字塔): key, mid and small accounts by revenue contribution. The words
 * for each are in the {@code analysis} bundle under {@code analysis.tier.CODE}.
 */
public enum Tier {
    KEY, MID, SMALL;

    /** CSV/JSON spelling: {@code key}, {@code mid}, {@code small}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of its display name. */
    public String key() {
        return "analysis.tier." + code();
    }
}
