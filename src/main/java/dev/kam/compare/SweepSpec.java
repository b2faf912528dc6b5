package dev.kam.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A one-parameter sweep, {@code key.path=from:to:step}: the values from, from + step, … up to and
 * including {@code to} (when a whole number of steps away; otherwise the last value before it). Values are
 * computed in decimal, so {@code 0.01:0.05:0.01} gives exactly 0.01, 0.02, 0.03, 0.04, 0.05. Each value
 * is applied as the override {@code key.path=value}, the same mechanism as {@code --set}, so it is
 * validated exactly like the file (an unknown key or a value outside the key's range is reported there).
 *
 * @param key    dotted YAML key path, e.g. {@code simulation.churn.covered}
 * @param values the values, in sweep order
 */
public record SweepSpec(String key, List<BigDecimal> values) {
    /** Most values one sweep may run (each is a full simulation). */
    public static final int MAX_VALUES = 101;

    /**
     * Keys a sweep cannot vary: every value runs with the same paths and seed (that is what makes their random
     * numbers common) and must share the base year and horizon (so that the years line up).
     */
    public static final java.util.Map<String, String> NOT_SWEEPABLE = java.util.Map.of(
            "simulation.paths", "every value runs with the same paths; use --paths",
            "simulation.seed", "every value runs with the same seed, which makes their random numbers common; use --seed",
            "simulation.threads", "threads never change the numbers",
            "baseYear", "the years of all values must line up",
            "strategy.horizonYears", "the years of all values must line up");

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    public SweepSpec {
        values = List.copyOf(values);
    }

    /**
     * Parses {@code key.path=from:to:step}.
     *
     * @throws IllegalArgumentException with a message naming the part that is wrong and the rule
     */
    public static SweepSpec parse(String text) {
        String example = "; write KEY.PATH=FROM:TO:STEP, e.g. simulation.churn.covered=0.01:0.05:0.01";
        if (text == null || text.isBlank()) throw new IllegalArgumentException("--sweep is empty" + example);
        int eq = text.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("--sweep '" + text + "' has no '='" + example);
        String key = text.substring(0, eq).trim();
        if (key.isEmpty()) throw new IllegalArgumentException("--sweep '" + text + "' names no key" + example);
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("--sweep key '" + key + "' is not a dotted YAML key path" + example);
        }
        if (NOT_SWEEPABLE.containsKey(key)) {
            throw new IllegalArgumentException("--sweep " + key + " cannot be swept: " + NOT_SWEEPABLE.get(key));
        }
        String range = text.substring(eq + 1).trim();
        String[] parts = range.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--sweep " + key + ": '" + range + "' must be FROM:TO:STEP (three numbers "
                    + "separated by ':')" + example);
        }
        BigDecimal from = number(key, "FROM", parts[0]);
        BigDecimal to = number(key, "TO", parts[1]);
        BigDecimal step = number(key, "STEP", parts[2]);
        if (step.signum() == 0) throw new IllegalArgumentException("--sweep " + key + ": STEP must not be 0");
        BigDecimal span = to.subtract(from);
        if (span.signum() != 0 && span.signum() != step.signum()) {
            throw new IllegalArgumentException("--sweep " + key + ": STEP (" + parts[2].trim() + ") goes away from TO ("
                    + parts[1].trim() + "); use a " + (span.signum() > 0 ? "positive" : "negative") + " step");
        }
        BigDecimal n = span.divide(step, 0, RoundingMode.FLOOR);
        if (n.compareTo(BigDecimal.valueOf(MAX_VALUES - 1)) > 0) {
            throw new IllegalArgumentException("--sweep " + key + ": " + n.add(BigDecimal.ONE).toPlainString()
                    + " values; at most " + MAX_VALUES + " (use a larger STEP)");
        }
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i <= n.intValue(); i++) values.add(from.add(step.multiply(BigDecimal.valueOf(i))).stripTrailingZeros());
        return new SweepSpec(key, values);
    }

    private static BigDecimal number(String key, String what, String text) {
        String t = text.trim();
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.abs().compareTo(new BigDecimal("1e15")) > 0) {
                throw new IllegalArgumentException("--sweep " + key + ": " + what + " (" + t + ") is too large");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep " + key + ": " + what + " '" + t + "' is not a number"
                    + " (use '.' as the decimal separator)");
        }
    }

    /** The override that sets the key to a value, as {@code --set} takes it. */
    public String override(BigDecimal value) {
        return key + "=" + value.toPlainString();
    }

    /** The values as doubles (for charts). */
    public double[] doubles() {
        double[] d = new double[values.size()];
        for (int i = 0; i < d.length; i++) d[i] = values.get(i).doubleValue();
        return d;
    }
}
