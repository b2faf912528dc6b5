package dev.kam.domain;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Tag sets as used for industries, regions and needs; {@code *} stands for every tag. */
public final class Tags {
    public static final String ANY = "*";

    private Tags() {
    }

    /**
     * An unmodifiable copy that iterates in sorted order ({@code Set.copyOf} iterates in an order that
     * changes between JVM runs, which would make outputs differ for the same seed).
     */
    public static Set<String> sorted(Set<String> tags) {
        return Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    /** True when {@code tags} contains {@code tag} or the wildcard. */
    public static boolean covers(Set<String> tags, String tag) {
        return tags.contains(ANY) || tags.contains(tag);
    }

    /** True when the two sets share at least one tag (the wildcard shares with anything non-empty). */
    public static boolean intersects(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return false;
        if (a.contains(ANY) || b.contains(ANY)) return true;
        for (String t : a) {
            if (b.contains(t)) return true;
        }
        return false;
    }
}
