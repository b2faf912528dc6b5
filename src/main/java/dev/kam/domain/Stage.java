package dev.kam.domain;

import java.util.Locale;

/** Lifecycle stage of an account as exported from the CRM. */
public enum Stage {
    PROSPECT, ACTIVE, AT_RISK;

    /** The CSV spelling: {@code prospect}, {@code active}, {@code at-risk}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the CSV spelling; returns null when the text is not a stage. */
    public static Stage parse(String text) {
        for (Stage s : values()) {
            if (s.code().equalsIgnoreCase(text.trim())) return s;
        }
        return null;
    }
}
