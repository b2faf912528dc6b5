package dev.kam.domain;

import java.util.Locale;

/**
 * One problem found in a scenario, located as {@code file:line: field: message}. A note is not a
 * problem with the data but a report of what the reader did to it (e.g. "12 values written with
 * thousands separators were read as numbers"); it never fails validation.
 *
 * @param file    file name as the user wrote it (relative to the working directory where possible)
 * @param line    1-based line, 0 when the problem concerns the whole file
 * @param field   column or YAML key path, empty when none applies
 * @param message what is wrong: the value, the rule, and a hint where one helps
 */
public record Problem(String file, int line, String field, String message, Severity severity) {
    public enum Severity { ERROR, WARNING, NOTE }

    /**
     * The problem as one line for a terminal. Control characters (ESC, BEL, ...), line breaks and
     * invisible or direction-changing format characters taken from the user's files are shown as
     * Java-style escapes (backslash, u, four hex digits), so a value can neither drive the terminal nor
     * hide itself.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (severity == Severity.WARNING) sb.append("warning: ");
        if (severity == Severity.NOTE) sb.append("note: ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        sb.append(message);
        return printable(sb.toString());
    }

    /**
     * Text safe to print on a terminal: C0 and C1 control characters (tab included), DEL, and
     * Unicode format characters (zero-width spaces, byte-order marks, bidirectional overrides)
     * replaced by a backslash-u escape of their code; everything else, Chinese included, is kept.
     */
    public static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.getType(c) == Character.FORMAT
                    || c == 0x2028 || c == 0x2029;
            if (escape && sb == null) sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (escape) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Formats a number for a message: integers without decimals, others as written by Java. */
    public static String show(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        return Double.toString(v);
    }
}
