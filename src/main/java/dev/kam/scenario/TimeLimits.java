package dev.kam.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * The range of a search time limit ({@code assignment.timeLimit}, {@code unimprovedTimeLimit},
 * {@code --time-limit}): from 1 ms to 7 days. Longer limits are refused where they are read, so that
 * none reaches the solver, whose deadlines are nanosecond longs (an overflow beyond 292 years).
 */
public final class TimeLimits {
    /** The longest search kam accepts. */
    public static final Duration MAX = Duration.ofDays(7);

    private TimeLimits() {
    }

    /** Why {@code d} is not an allowed time limit, or null when it is (a positive duration up to {@link #MAX}). */
    public static String problem(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) return "is not a positive duration (write e.g. 30s, 2m, 500ms)";
        if (d.compareTo(MAX) > 0) return "is longer than 7 days: a time limit must be between 1ms and 168h";
        return null;
    }

    /**
     * Parses a command-line time limit such as {@code 30s}, {@code 2m}, {@code 1h}; throws
     * IllegalArgumentException naming the option, the value and the allowed range.
     */
    public static Duration parse(String option, String text) {
        Duration d = Section.parseDuration(text);
        String p = problem(d);
        if (p != null) throw new IllegalArgumentException(option + " '" + text + "' " + p);
        return d;
    }

    /** A duration in the largest whole unit that shows it (e.g. 1000000h, 90s). */
    public static String show(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) return String.format(Locale.ROOT, "%dh", d.toHours());
        if (d.toMillis() % 1000 == 0) return String.format(Locale.ROOT, "%ds", d.toSeconds());
        return String.format(Locale.ROOT, "%dms", d.toMillis());
    }
}
