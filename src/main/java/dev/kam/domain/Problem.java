package dev.kam.domain;

import java.util.Locale;

/**
 * One problem found in a scenario, located as {@code file:line: field: message}.
 *
 * @param file    file name as the user wrote it (relative to the working directory where possible)
 * @param line    1-based line, 0 when the problem concerns the whole file
 * @param field   column or YAML key path, empty when none applies
 * @param message what is wrong: the value, the rule, and a hint where one helps
 */
public record Problem(String file, int line, String field, String message, Severity severity) {
    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (severity == Severity.WARNING) sb.append("warning: ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        sb.append(message);
        return sb.toString();
    }

    /** Formats a number for a message: integers without decimals, others as written by Java. */
    public static String show(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        return Double.toString(v);
    }
}
