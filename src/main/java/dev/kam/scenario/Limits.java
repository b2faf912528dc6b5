package dev.kam.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * What the engine can compute without overflowing, checked when a scenario or an option is read, so
 * that input kam accepts at validate never crashes a later stage.
 *
 * <ul>
 *   <li>Amounts: money is scored in cents as 64-bit integers by the assignment (±9.2·10^18 cents), and
 *       grows by up to (1 + growth)^years in the simulation; any one amount, and the sum of the accounts'
 *       wallets, the relationships' values and the products' price × capacity, stay at most
 *       {@link #MAX_AMOUNT} (10^15 currency units), which with priorities and switching cost at most
 *       {@link #MAX_WEIGHT} keeps every score sum below 4·10^18 cents. Larger figures: state them in
 *       thousands (e.g. thousands of đồng).</li>
 *   <li>Time limits: from 1 ms to {@link #MAX_TIME_LIMIT} (the solver's deadlines are nanosecond longs).</li>
 *   <li>Simulation size: every path keeps each metric for each year, so paths × years is at most
 *       {@link #MAX_PATH_YEARS} (about 400 MB per simulated plan); arriving prospects over the horizon are
 *       at most {@link #MAX_ARRIVALS}.</li>
 * </ul>
 */
public final class Limits {
    /** The largest amount (currency units) of any one figure, and of the totals named above. */
    public static final double MAX_AMOUNT = 1e15;
    /** How {@link #MAX_AMOUNT} is shown in messages. */
    public static final String MAX_AMOUNT_TEXT = "1e15 (10^15)";
    /** The largest rating priority and switching cost (multipliers of money in the objective). */
    public static final double MAX_WEIGHT = 10;
    /** The longest search kam accepts. */
    public static final Duration MAX_TIME_LIMIT = Duration.ofDays(7);
    /** The most simulated path-years (paths × horizon years) of one run. */
    public static final long MAX_PATH_YEARS = 10_000_000;
    /** The most new prospects expected over the horizon (newProspectsPerYear × horizonYears). */
    public static final double MAX_ARRIVALS = 2_000_000;

    private Limits() {
    }

    /** Why {@code d} is not an allowed time limit, or null when it is (a positive duration up to {@link #MAX_TIME_LIMIT}). */
    public static String timeLimitProblem(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) return "is not a positive duration (write e.g. 30s, 2m, 500ms)";
        if (d.compareTo(MAX_TIME_LIMIT) > 0) return "is longer than 7 days: a time limit must be between 1ms and 168h";
        return null;
    }

    /**
     * Parses a command-line time limit such as {@code 30s}, {@code 2m}, {@code 1h}; throws
     * IllegalArgumentException naming the option, the value and the allowed range.
     */
    public static Duration parseTimeLimit(String option, String text) {
        Duration d = Section.parseDuration(text);
        String p = timeLimitProblem(d);
        if (p != null) throw new IllegalArgumentException(option + " '" + text + "' " + p);
        return d;
    }

    /** Why {@code paths} paths over {@code years} years are too many to keep, or null. */
    public static String pathYearsProblem(long paths, int years) {
        if (paths * years <= MAX_PATH_YEARS) return null;
        return String.format(Locale.ROOT, "%,d paths × %d years = %,d path-years; kam simulates at most %,d per run "
                + "(every path keeps each metric for each year in memory), e.g. %,d paths for %d years", paths, years,
                paths * years, MAX_PATH_YEARS, MAX_PATH_YEARS / Math.max(1, years), years);
    }

    /**
     * An amount under a YAML key ({@code strategy.goals.keyAccountRevenue}, ...): at least 0 and at most
     * {@link #MAX_AMOUNT}; {@code def} when absent or refused.
     */
    static double amount(Section s, String key, double def) {
        double v = s.nonNegative(key, def);
        if (v > MAX_AMOUNT) {
            s.error(key, "(" + dev.kam.domain.Problem.show(v) + ") is larger than " + MAX_AMOUNT_TEXT
                    + ", the largest amount kam computes with; state amounts in thousands (or millions) instead");
            return def;
        }
        return v;
    }

    /** A non-negative weight under a YAML key, at most {@code max}; {@code def} when absent or refused. */
    static double weight(Section s, String key, double def, double max) {
        double v = s.nonNegative(key, def);
        if (v > max) {
            s.error(key, "(" + dev.kam.domain.Problem.show(v) + ") must be at most " + dev.kam.domain.Problem.show(max)
                    + ": larger weights overflow the objective");
            return def;
        }
        return v;
    }

    /** A duration in the largest whole unit that shows it (e.g. 1000000h, 90s). */
    public static String show(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) return String.format(Locale.ROOT, "%dh", d.toHours());
        if (d.toMillis() % 1000 == 0) return String.format(Locale.ROOT, "%ds", d.toSeconds());
        return String.format(Locale.ROOT, "%dms", d.toMillis());
    }
}
