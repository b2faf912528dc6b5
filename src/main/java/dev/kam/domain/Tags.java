package dev.kam.domain;

import java.util.Set;

/** Tag sets as used for industries, regions and needs; {@code *} stands for every tag. */
public final class Tags {
    public static final String ANY = "*";

    private Tags() {
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
