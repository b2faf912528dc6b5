package dev.kam.domain;

import java.util.Locale;

/** Organisational layer of a sales soldier (正奇合): branch base, branch project, HQ project. */
public enum Layer {
    BASE, PROJECT, HQ;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the CSV spelling; returns null when the text is not a layer. */
    public static Layer parse(String text) {
        for (Layer l : values()) {
            if (l.code().equalsIgnoreCase(text.trim())) return l;
        }
        return null;
    }
}
