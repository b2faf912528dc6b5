package dev.kam.scenario;

import dev.kam.domain.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds a parsed {@link Csv.Table} to known columns: checks the header (unknown columns with a
 * did-you-mean hint, missing required columns, duplicates, blank names, ragged rows), then reads
 * typed cells row by row, collecting every problem as {@code file:line: column: message} and
 * returning the default in place of a bad value so that one pass reports everything.
 */
final class CsvRows {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    /** A column of a table: its name and whether it must be present (and non-empty). */
    record Column(String name, boolean required) {
    }

    private final Csv.Table table;
    private final Problems problems;
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> missingRequired = new LinkedHashSet<>();
    private Csv.Row row;

    private CsvRows(Csv.Table table, Problems problems) {
        this.table = table;
        this.problems = problems;
    }

    /** Checks the header against the columns; returns the binder (never null). */
    static CsvRows bind(Csv.Table table, List<Column> columns, Problems problems) {
        CsvRows r = new CsvRows(table, problems);
        List<String> names = new ArrayList<>();
        for (Column c : columns) names.add(c.name());
        String[] header = table.header();
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim();
            if (h.isEmpty()) {
                problems.error(table.file(), table.headerLine(), "", "column " + (i + 1) + " has no name in the header");
                continue;
            }
            if (!names.contains(h)) {
                String match = null;
                for (String n : names) {
                    if (n.equalsIgnoreCase(h)) match = n;
                }
                String hint = match != null ? " (did you mean '" + match + "'? column names are case-sensitive)"
                        : Hints.didYouMean(h, names);
                problems.error(table.file(), table.headerLine(), h, "unknown column" + hint);
                continue;
            }
            if (r.index.containsKey(h)) {
                problems.error(table.file(), table.headerLine(), h, "column appears twice in the header (columns "
                        + (r.index.get(h) + 1) + " and " + (i + 1) + ")");
                continue;
            }
            r.index.put(h, i);
        }
        for (Column c : columns) {
            if (c.required() && !r.index.containsKey(c.name())) {
                problems.error(table.file(), table.headerLine(), c.name(), "required column is missing (the header has: "
                        + String.join(", ", header) + ")");
                r.missingRequired.add(c.name());
            }
        }
        return r;
    }

    /** The data rows whose field count matches the header; ragged rows are reported and skipped. */
    List<Csv.Row> rows() {
        List<Csv.Row> ok = new ArrayList<>(table.rows().size());
        int width = table.header().length;
        for (Csv.Row row : table.rows()) {
            if (row.fields().length != width) {
                problems.error(table.file(), row.line(), "", "row has " + row.fields().length + " fields but the header has "
                        + width + (row.fields().length > width ? "; quote fields that contain commas" : ""));
            } else {
                ok.add(row);
            }
        }
        return ok;
    }

    String file() {
        return table.file();
    }

    boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** Moves to a row; the getters then read its cells. */
    void at(Csv.Row row) {
        this.row = row;
    }

    int line() {
        return row.line();
    }

    void error(String column, String message) {
        problems.error(table.file(), row.line(), column, message);
    }

    void warning(String column, String message) {
        problems.warning(table.file(), row.line(), column, message);
    }

    /** The trimmed cell, or null when the column is absent or the cell empty. */
    String cell(String column) {
        Integer i = index.get(column);
        if (i == null) return null;
        String v = row.fields()[i].trim();
        return v.isEmpty() ? null : v;
    }

    /** A required text cell; reports an empty one (unless the whole column is missing) and returns "". */
    String required(String column) {
        String v = cell(column);
        if (v == null) {
            if (!missingRequired.contains(column)) error(column, "is empty; a value is required");
            return "";
        }
        return v;
    }

    /** A number in [min, max]; {@code def} when empty (an error when required). NaN when required and bad. */
    double number(String column, boolean required, double def, double min, double max, String rule) {
        String text = cell(column);
        if (text == null) {
            if (required && !missingRequired.contains(column)) error(column, "is empty; a number is required");
            return def;
        }
        double v = parse(column, text);
        if (Double.isNaN(v)) return required ? Double.NaN : def;
        if (v < min || v > max) {
            error(column, "(" + text + ") " + rule);
            return required ? Double.NaN : def;
        }
        return v;
    }

    /** A whole number in [min, max], read like {@link #number}; {@code def} when empty or bad. */
    int integer(String column, boolean required, int def, int min, int max, String rule) {
        String text = cell(column);
        if (text == null) {
            if (required && !missingRequired.contains(column)) error(column, "is empty; a whole number is required");
            return def;
        }
        double v = parse(column, text);
        if (Double.isNaN(v)) return def;
        if (v != Math.rint(v)) {
            error(column, "(" + text + ") must be a whole number");
            return def;
        }
        if (v < min || v > max) {
            error(column, "(" + text + ") " + rule);
            return def;
        }
        return (int) v;
    }

    /** Parses a plain decimal number; reports text, NaN, infinities, grouped digits and percentages. */
    private double parse(String column, String text) {
        String t = text.replace("_", "");
        if (NUMBER.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) {
                error(column, "(" + clip(text) + ") is too large to be a number");
                return Double.NaN;
            }
            return v;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        String hint;
        if (lower.contains("nan") || lower.contains("inf") || lower.equals("∞")) {
            hint = " is not a finite number";
        } else if (GROUPED.matcher(t).matches()) {
            hint = " is not a plain number; write it without thousands separators (e.g. " + t.replace(",", "") + ")";
        } else if (t.endsWith("%") && NUMBER.matcher(t.substring(0, t.length() - 1).trim()).matches()) {
            hint = " is a percentage; write fractions as decimals (e.g. "
                    + Problem.show(Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100) + ")";
        } else if (t.indexOf(',') >= 0 && NUMBER.matcher(t.replace(',', '.')).matches()) {
            hint = " is not a number; use '.' as the decimal separator (" + t.replace(',', '.') + ")";
        } else {
            hint = " is not a number";
        }
        error(column, "'" + clip(text) + "'" + hint);
        return Double.NaN;
    }

    /** A yes/no cell: true/false, yes/no, 1/0, y/n, 是/否; {@code def} when empty. */
    boolean bool(String column, boolean def) {
        String text = cell(column);
        if (text == null) return def;
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> {
                return true;
            }
            case "false", "no", "n", "0", "否" -> {
                return false;
            }
            default -> {
                error(column, "'" + clip(text) + "' must be true or false");
                return def;
            }
        }
    }

    /** A list of tags separated by ';' (a full-width '；' also separates); empty items are dropped. */
    Set<String> tags(String column) {
        String text = cell(column);
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        for (String part : text.split("[;；]")) {
            String t = part.trim();
            if (!t.isEmpty()) out.add(t);
        }
        if (out.size() == 1 && text.indexOf(',') >= 0) {
            warning(column, "'" + clip(text) + "' is one tag containing a comma; separate tags with ';'");
        }
        return out;
    }

    static String clip(String s) {
        return Csv.clip(s);
    }
}
