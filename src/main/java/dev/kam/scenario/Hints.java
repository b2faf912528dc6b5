package dev.kam.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt keys and column names. */
public final class Hints {
    private Hints() {
    }

    /**
     * The closest candidate within a small edit distance (one edit for words of up to three characters,
     * else a third of the length and at least two), or null when none is close.
     */
    public static String closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        // two edits turn any two-character word into any other (李娜 into S3): short words get one
        int allowed = wrong.length() <= 3 ? 1 : Math.max(2, wrong.length() / 3);
        return bestDist <= allowed ? best : null;
    }

    /** " (did you mean 'x'?)" or the list of known names when nothing is close. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String c = closest(wrong, candidates);
        if (c != null) return " (did you mean '" + c + "'?)";
        return " (known: " + String.join(", ", candidates) + ")";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
