package dev.kam.scenario;

import dev.kam.domain.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a {@link TableData} (a CSV file or a workbook sheet) to known columns and reads typed cells.
 *
 * <p>The header: each cell is matched to a column by the scenario's {@code columns:} mapping, by the
 * column's own name (case-sensitive), or by one of its {@link Aliases} (Chinese names; a unit in
 * brackets such as {@code 收入（万元）} or {@code 毛利率(%)} scales the column). A header that is none
 * of these is an error with a did-you-mean hint, or, with {@code unknownColumns: ignore} or listed in
 * {@code ignoreColumns}, is skipped with a note. Missing required columns, duplicates, blank names and
 * ragged rows are reported.
 *
 * <p>The cells: numbers are read as CRM exports write them ({@code 1,200,000}, {@code 22%} in fraction
 * columns, {@code 120万}, {@code ￥3500000}, full-width digits), each conversion counted and reported
 * once per column as a note by {@link #finish()}; what stays ambiguous ({@code 1,5}, {@code 1.200.000})
 * is an error. Invisible characters (zero-width spaces, byte-order marks, no-break spaces) are removed
 * from every cell, with a note. Every problem is collected as {@code file:line: column: message} and
 * the default returned in place of a bad value, so that one pass reports everything.
 */
final class CsvRows {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern EUROPEAN = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3})+,\\d+");
    private static final Pattern HEX = Pattern.compile("[-+]?0[xX]([0-9a-fA-F]+)");
    private static final Pattern UNDERSCORED = Pattern.compile("[-+]?\\d+(_\\d+)+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern SPACED = Pattern.compile("[-+]?\\d{1,3}( \\d{3})+(\\.\\d+)?");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}[-/.年]\\d{1,2}([-/.月]\\d{1,2}日?)?.*");
    private static final Pattern UNIT = Pattern.compile("^(.*?)[(（\\[【]\\s*([^)）\\]】]*)\\s*[)）\\]】]$");
    private static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?",
            "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!");

    /** What a column holds; decides which lenient forms its cells may take. */
    enum Kind {
        /** Free text (names). */
        TEXT,
        /** An identifier or a reference to one: control characters are errors. */
        ID,
        /** A list of tags. */
        TAGS,
        /** Money per year: currency signs, 万/亿 and thousands separators are accepted. */
        AMOUNT,
        /** A fraction 0–1: {@code 22%} is read as 0.22. */
        FRACTION,
        /** Hours per year. */
        HOURS,
        /** A count or another plain number. */
        QUANTITY,
        /** Yes/no. */
        BOOL,
        /** One word of a fixed set (stage, layer, rating). */
        WORD,
        /** A calendar date (YYYY-MM-DD); a cell Excel stores as a date is read as that text. */
        DATE
    }

    /** A column of a table: its name, whether it must be present (and non-empty), and what it holds. */
    record Column(String name, boolean required, Kind kind) {
        Column(String name, boolean required) {
            this(name, required, Kind.TEXT);
        }
    }

    /** A conversion of a lenient number, counted per column for the note. */
    private enum Conversion {
        GROUPING("written with thousands separators"),
        PERCENT("written as percentages"),
        WAN("with 万"),
        YI("with 亿"),
        CURRENCY("with a currency sign or code"),
        FULL_WIDTH("in full-width characters"),
        UNDERSCORE("with '_' between digits");

        final String words;

        Conversion(String words) {
            this.words = words;
        }
    }

    private final TableData table;
    private final Problems problems;
    private final TableOptions options;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, Double> headerScale = new HashMap<>();
    private final Map<String, String> headerUnit = new HashMap<>();
    private final Set<String> missingRequired = new LinkedHashSet<>();
    private final Map<String, EnumMap<Conversion, Integer>> conversions = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> invisible = new TreeMap<>();
    private final Map<String, List<Integer>> controlLines = new TreeMap<>();
    private final Map<String, String> controlFirst = new HashMap<>();
    private final Map<String, List<Integer>> dateLines = new TreeMap<>();
    private final Set<String> reported = new HashSet<>();
    private TableData.Row row;

    private CsvRows(TableData table, Problems problems, TableOptions options) {
        this.table = table;
        this.problems = problems;
        this.options = options;
    }

    /** Checks the header against the columns, with no aliases or mapping; returns the binder (never null). */
    static CsvRows bind(TableData table, List<Column> columns, Problems problems) {
        return bind(table, columns, TableOptions.defaults("", "CNY"), problems);
    }

    /** Checks the header against the columns under the table's options; returns the binder (never null). */
    static CsvRows bind(TableData table, List<Column> columns, TableOptions options, Problems problems) {
        CsvRows r = new CsvRows(table, problems, options);
        r.bindHeader(columns);
        return r;
    }

    private void bindHeader(List<Column> list) {
        List<String> names = new ArrayList<>();
        for (Column c : list) {
            names.add(c.name());
            columns.put(c.name(), c);
        }
        String[] header = table.header();
        String file = table.file();
        int line = table.headerLine();
        Map<String, String> aliasUsed = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        Set<String> mappedSeen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String h = clean(header[i]);
            if (h.isEmpty()) {
                if (columnHasValues(i)) {
                    problems.error(file, line, "", "column " + (i + 1) + columnLetter(i) + " has no name in the header");
                }
                continue;
            }
            String folded = Aliases.fold(h);
            if (options.ignore().contains(folded)) {
                ignored.add(h);
                continue;
            }
            String col = null;
            String unit = null;
            TableOptions.Mapping m = options.mapped().get(folded);
            if (m != null) {
                col = m.column();
                mappedSeen.add(folded);
            } else if (names.contains(h)) {
                col = h;
            } else {
                Matcher um = UNIT.matcher(h);
                String base = h;
                if (um.matches() && !um.group(1).isBlank()) {
                    base = um.group(1).trim();
                    unit = um.group(2).trim();
                } else if (h.length() > 1 && (h.endsWith("%") || h.endsWith("％"))) {
                    base = h.substring(0, h.length() - 1).trim();
                    unit = "%";
                }
                TableOptions.Mapping mb = options.mapped().get(Aliases.fold(base));
                if (mb != null) {
                    col = mb.column();
                    mappedSeen.add(Aliases.fold(base));
                } else if (names.contains(base)) {
                    col = base;
                } else {
                    col = Aliases.column(options.table(), base);
                }
                if (col != null && !col.equals(h) && m == null) aliasUsed.put(h, col);
                if (col != null && unit != null && !unit(col, unit, h)) continue;
            }
            if (col == null) {
                unknown(h, folded, names, ignored);
                continue;
            }
            if (index.containsKey(col)) {
                String first = header[index.get(col)].trim();
                problems.error(file, line, col, first.equals(h)
                        ? "column appears twice in the header (columns " + (index.get(col) + 1) + " and " + (i + 1) + ")"
                        : "'" + first + "' (column " + (index.get(col) + 1) + ") and '" + h + "' (column " + (i + 1)
                        + ") both name " + col + "; keep one");
                continue;
            }
            index.put(col, i);
        }
        for (Map.Entry<String, TableOptions.Mapping> e : options.mapped().entrySet()) {
            if (!mappedSeen.contains(e.getKey())) {
                TableOptions.Mapping mp = e.getValue();
                problems.warning(mp.file(), mp.line(), "columns." + options.table() + "." + mp.header(), "no header '"
                        + mp.header() + "' in " + file + " (the header has: " + String.join(", ", header) + ")");
            }
        }
        for (Column c : list) {
            if (c.required() && !index.containsKey(c.name())) {
                problems.error(file, line, c.name(), "required column is missing (the header has: "
                        + String.join(", ", header) + ")" + aliasHint(c.name()));
                missingRequired.add(c.name());
            }
        }
        if (!aliasUsed.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<String, String> e : aliasUsed.entrySet()) pairs.add(e.getKey() + " → " + e.getValue());
            note(line, "", "headers read as kam columns: " + String.join(", ", pairs));
        }
        if (!ignored.isEmpty()) {
            note(line, "", "columns kam does not read were ignored: " + String.join(", ", ignored));
        }
    }

    /** " (it may be under another name: 毛利率, 利润率)" when the table has aliases for a missing column. */
    private String aliasHint(String column) {
        Map<String, List<String>> cols = Aliases.COLUMNS.get(options.table());
        if (cols == null || cols.get(column) == null) return "";
        return "; it may also be called " + String.join(", ", cols.get(column))
                + ", or be mapped under columns: in the scenario";
    }

    /** For CSV every blank header cell counts; a sheet's blank header cell only when values stand below it. */
    private boolean columnHasValues(int i) {
        if (!table.format().equals("xlsx")) return true;
        for (TableData.Row r : table.rows()) {
            if (i < r.fields().length && r.fields()[i] != null && !r.fields()[i].isBlank()) return true;
        }
        return false;
    }

    private String columnLetter(int i) {
        return table.format().equals("xlsx") ? " (" + XlsxBook.columnName(i) + ")" : "";
    }

    /** A header that names no column: an error, or skipped by ignoreColumns / unknownColumns: ignore. */
    private void unknown(String h, String folded, List<String> names, List<String> ignored) {
        String file = table.file();
        int line = table.headerLine();
        String match = null;
        for (String n : names) {
            if (n.equalsIgnoreCase(h)) match = n;
        }
        String close = match != null ? match : Hints.closest(h, candidates(names));
        String special = special(h);
        if (options.ignoreUnknown() && special == null) {
            if (close != null) {
                problems.warning(file, line, h, "not a column kam reads, so it was ignored (unknownColumns: ignore); did you "
                        + "mean '" + close + "'? If so, rename it or map it under columns:");
            } else {
                ignored.add(h);
            }
            return;
        }
        String hint;
        if (special != null) {
            hint = special;
        } else if (match != null) {
            hint = " (did you mean '" + match + "'? column names are case-sensitive)";
        } else if (close != null) {
            String col = Aliases.column(options.table(), close);
            hint = " (did you mean '" + close + "'" + (col == null || col.equals(close) ? "" : ", the " + col + " column")
                    + "?)";
        } else {
            hint = " (kam's columns here: " + String.join(", ", names) + "; Chinese names are listed in "
                    + "docs/scenario-format.md. If it is an extra column, list it under ignoreColumns or set "
                    + "unknownColumns: ignore)";
        }
        problems.error(file, line, h, "unknown column" + hint);
    }

    /** Column names and aliases, for did-you-mean. */
    private List<String> candidates(List<String> names) {
        List<String> out = new ArrayList<>(names);
        Map<String, List<String>> cols = Aliases.COLUMNS.get(options.table());
        if (cols != null) for (List<String> a : cols.values()) out.addAll(a);
        return out;
    }

    /** A message for headers that look like a column but mean something else. */
    private String special(String h) {
        String f = Aliases.fold(h);
        if (options.table().equals("accounts") && (f.contains("钱包份额") || f.equals("shareofwallet") || f.equals("sow"))) {
            return ": a share of wallet (revenue ÷ wallet) is not the wallet; kam needs the account's whole yearly spend "
                    + "in our category (钱包 / 钱包规模 / 采购总额). If the column is extra, list it under ignoreColumns";
        }
        return null;
    }

    /** Whether a unit in a header fits the column; records its scale. Reports a unit that does not fit. */
    private boolean unit(String col, String unit, String header) {
        Kind kind = columns.containsKey(col) ? columns.get(col).kind() : Kind.TEXT;
        String u = Aliases.fold(unit);
        Double scale = null;
        switch (kind) {
            case AMOUNT -> scale = switch (u) {
                case "元", "人民币", "cny", "rmb", "¥", "￥", "$", "usd", "€", "eur" -> 1.0;
                case "千元", "千" -> 1e3;
                case "万元", "万", "萬元", "萬" -> 1e4;
                case "百万", "百万元" -> 1e6;
                case "亿元", "亿", "億元", "億" -> 1e8;
                default -> null;
            };
            case FRACTION -> scale = u.equals("%") ? 0.01 : null;
            case HOURS -> scale = switch (u) {
                case "小时", "时", "h", "hours", "hrs", "工时", "小时/年", "h/年", "hours/year" -> 1.0;
                default -> null;
            };
            case QUANTITY -> scale = switch (u) {
                case "次", "个", "家", "单", "笔", "次/年", "单/年" -> 1.0;
                case "万" -> 1e4;
                default -> null;
            };
            default -> scale = null;
        }
        if (scale == null) {
            problems.error(table.file(), table.headerLine(), col, "the unit '" + unit + "' in the header '" + header
                    + "' does not fit " + col + " (" + kindWords(kind) + "); write the header without it, or with a unit "
                    + "kam knows (docs/scenario-format.md)");
            return false;
        }
        if (scale != 1.0) {
            headerScale.put(col, scale);
            headerUnit.put(col, unit);
        }
        return true;
    }

    private static String kindWords(Kind k) {
        return switch (k) {
            case AMOUNT -> "an amount per year";
            case FRACTION -> "a fraction 0–1";
            case HOURS -> "hours per year";
            case QUANTITY -> "a number";
            default -> "not a number";
        };
    }

    /** The data rows whose field count matches the header; ragged rows are reported and skipped. */
    List<TableData.Row> rows() {
        List<TableData.Row> ok = new ArrayList<>(table.rows().size());
        int width = table.header().length;
        boolean sheet = table.format().equals("xlsx");
        for (TableData.Row r : table.rows()) {
            int n = r.fields().length;
            if (n == width) {
                ok.add(r);
            } else if (sheet) {
                int extra = -1;
                for (int i = width; i < n; i++) if (extra < 0 && !r.fields()[i].isBlank()) extra = i;
                if (extra < 0) {
                    ok.add(r);
                } else {
                    problems.error(table.file(), r.line(), "", "has a value in column " + XlsxBook.columnName(extra)
                            + ", which has no header; give the column a header or delete the value");
                }
            } else {
                problems.error(table.file(), r.line(), "", "row has " + n + " fields but the header has "
                        + width + (n > width ? "; quote fields that contain commas" : ""));
            }
        }
        return ok;
    }

    String file() {
        return table.file();
    }

    int headerLine() {
        return table.headerLine();
    }

    boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** Moves to a row; the getters then read its cells. */
    void at(TableData.Row row) {
        this.row = row;
        reported.clear();
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

    private void note(int line, String column, String message) {
        problems.add(new Problem(table.file(), line, column, message, Problem.Severity.NOTE));
    }

    /**
     * The cell, cleaned (invisible characters removed, no-break spaces made spaces, trimmed), or null when
     * the column is absent, the cell empty, or the cell cannot be used (an Excel error value or an
     * uncalculated formula, reported once here).
     */
    String cell(String column) {
        Integer i = index.get(column);
        if (i == null || i >= row.fields().length) return null;
        String raw = row.fields()[i];
        if (raw == null) return null;
        TableData.Kind k = row.kind(i);
        if (k == TableData.Kind.ERROR) {
            once(column, "holds the Excel error " + raw.trim() + "; fix the formula in Excel or clear the cell");
            return null;
        }
        if (k == TableData.Kind.UNCALCULATED) {
            once(column, "is a formula (" + Csv.clip(raw) + ") whose value was never calculated; open the workbook in "
                    + "Excel and save it (kam reads the values Excel saves)");
            return null;
        }
        String v = clean(raw, column);
        if (v.isEmpty()) return null;
        Kind kind = columns.containsKey(column) ? columns.get(column).kind() : Kind.TEXT;
        if (k == TableData.Kind.DATE && (kind == Kind.ID || kind == Kind.TEXT || kind == Kind.TAGS)) {
            dateLines.computeIfAbsent(column, x -> new ArrayList<>()).add(row.line());
        }
        if (hasControl(v)) {
            if (kind == Kind.ID) {
                once(column, "'" + Csv.clip(v) + "' contains a control character; an id must be printable text");
                return null;
            }
            boolean strange = v.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F));
            if (kind != Kind.TEXT || strange) {
                controlLines.computeIfAbsent(column, x -> new ArrayList<>()).add(row.line());
                controlFirst.putIfAbsent(column, v);
            }
        }
        return v;
    }

    private void once(String column, String message) {
        if (reported.add(column)) error(column, message);
    }

    private boolean bad(String column) {
        return reported.contains(column);
    }

    private static boolean hasControl(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        }
        return false;
    }

    /** A header cell cleaned like a data cell (without counting). */
    private static String clean(String raw) {
        return strip(raw, null);
    }

    private String clean(String raw, String column) {
        Map<Integer, Integer> seen = new TreeMap<>();
        String v = strip(raw, seen);
        if (!seen.isEmpty()) {
            Map<Integer, Integer> per = invisible.computeIfAbsent(column, x -> new TreeMap<>());
            for (Map.Entry<Integer, Integer> e : seen.entrySet()) per.merge(e.getKey(), e.getValue(), Integer::sum);
        }
        return v;
    }

    /**
     * Removes format characters (zero-width spaces and joiners, byte-order marks, direction marks, soft
     * hyphens), turns no-break spaces into spaces, and trims; counts what it removed into {@code seen}.
     */
    static String strip(String raw, Map<Integer, Integer> seen) {
        StringBuilder sb = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean drop = Character.getType(c) == Character.FORMAT;
            boolean space = c == '\u00A0' || c == '\u2007' || c == '\u202F';
            if ((drop || space) && sb == null) sb = new StringBuilder(raw.length()).append(raw, 0, i);
            if (drop || space) {
                if (seen != null) seen.merge((int) c, 1, Integer::sum);
                if (space) sb.append(' ');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return (sb == null ? raw : sb.toString()).strip();
    }

    /** A required text cell; reports an empty one (unless the whole column is missing) and returns "". */
    String required(String column) {
        String v = cell(column);
        if (v == null) {
            if (!missingRequired.contains(column) && !bad(column)) error(column, "is empty; a value is required");
            return "";
        }
        return v;
    }

    /** A number in [min, max]; {@code def} when empty (an error when required). NaN when required and bad. */
    double number(String column, boolean required, double def, double min, double max, String rule) {
        String text = cell(column);
        if (text == null) {
            if (bad(column)) return required ? Double.NaN : def;
            if (required && !missingRequired.contains(column)) error(column, "is empty; a number is required");
            return def;
        }
        double v = parse(column, text);
        if (Double.isNaN(v)) return required ? Double.NaN : def;
        if (v < min || v > max) {
            error(column, "(" + shown(text, v) + ") " + rule);
            return required ? Double.NaN : def;
        }
        return v;
    }

    /** The value as written, or as written and read when a conversion happened: "22% = 0.22". */
    private static String shown(String text, double v) {
        String plain = Problem.show(v);
        return NUMBER.matcher(text).matches() ? text : text + " = " + plain;
    }

    /** A whole number in [min, max], read like {@link #number}; {@code def} when empty or bad. */
    int integer(String column, boolean required, int def, int min, int max, String rule) {
        String text = cell(column);
        if (text == null) {
            if (bad(column)) return def;
            if (required && !missingRequired.contains(column)) error(column, "is empty; a whole number is required");
            return def;
        }
        double v = parse(column, text);
        if (Double.isNaN(v)) return def;
        if (v != Math.rint(v)) {
            error(column, "(" + shown(text, v) + ") must be a whole number");
            return def;
        }
        if (v < min || v > max) {
            error(column, "(" + shown(text, v) + ") " + rule);
            return def;
        }
        return (int) v;
    }

    /**
     * Reads a number as CRMs and Excel write them; NaN (with the problem reported) when the text is not
     * one, or is ambiguous. A cell that Excel stored as a number is taken as is.
     */
    private double parse(String column, String text) {
        Integer i = index.get(column);
        TableData.Kind k = i == null ? TableData.Kind.TEXT : row.kind(i);
        Kind kind = columns.containsKey(column) ? columns.get(column).kind() : Kind.QUANTITY;
        double scale = headerScale.getOrDefault(column, 1.0);
        if (k == TableData.Kind.NUMBER) return Double.parseDouble(text) * scale;
        if (k == TableData.Kind.PERCENT) return Double.parseDouble(text);
        if (k == TableData.Kind.DATE) {
            error(column, "is a date in Excel (" + text + "), not a number; format the column as a number in Excel");
            return Double.NaN;
        }
        if (k == TableData.Kind.BOOLEAN) {
            error(column, "is " + text.toUpperCase(Locale.ROOT) + " in Excel, not a number");
            return Double.NaN;
        }
        EnumMap<Conversion, Integer> used = new EnumMap<>(Conversion.class);
        String t = halfWidth(text);
        if (!t.equals(text)) used.put(Conversion.FULL_WIDTH, 1);
        t = t.strip();
        if (ERROR_VALUES.contains(t.toUpperCase(Locale.ROOT))) {
            error(column, "'" + t + "' is an Excel error value, not a number; fix the formula in Excel");
            return Double.NaN;
        }
        String currency = null;
        for (String[] c : CURRENCIES) {
            String sign = c[0];
            if (t.regionMatches(true, 0, sign, 0, sign.length()) && t.length() > sign.length()) {
                t = t.substring(sign.length()).strip();
                currency = c[1];
                break;
            }
            if (t.length() > sign.length() && t.regionMatches(true, t.length() - sign.length(), sign, 0, sign.length())
                    && !(sign.equals("元") && (t.endsWith("万元") || t.endsWith("亿元") || t.endsWith("萬元") || t.endsWith("億元")
                    || t.endsWith("千元")))) {
                t = t.substring(0, t.length() - sign.length()).strip();
                currency = c[1];
                break;
            }
        }
        if (t.endsWith("万元") || t.endsWith("亿元") || t.endsWith("萬元") || t.endsWith("億元")) {
            t = t.substring(0, t.length() - 1);
            currency = currency == null ? "CNY" : currency;
        }
        if (currency != null) {
            if (kind != Kind.AMOUNT) {
                error(column, "'" + Csv.clip(text) + "' has a currency sign, but " + column + " is not an amount");
                return Double.NaN;
            }
            if (!sameCurrency(currency, options.currency())) {
                error(column, "'" + Csv.clip(text) + "' is in " + currency + ", but the scenario's currency is "
                        + options.currency() + "; convert it (every amount is in one currency)");
                return Double.NaN;
            }
            used.put(Conversion.CURRENCY, 1);
        }
        double mult = 1;
        if (t.length() > 1 && (t.endsWith("万") || t.endsWith("萬"))) {
            mult = 1e4;
            used.put(Conversion.WAN, 1);
        } else if (t.length() > 1 && (t.endsWith("亿") || t.endsWith("億"))) {
            mult = 1e8;
            used.put(Conversion.YI, 1);
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1).strip();
            if (kind == Kind.FRACTION) {
                error(column, "'" + Csv.clip(text) + "' uses " + (mult == 1e4 ? "万" : "亿") + ", but " + column
                        + " is a fraction between 0 and 1");
                return Double.NaN;
            }
            if (scale != 1) {
                error(column, "'" + Csv.clip(text) + "' has its own unit, but the header already says "
                        + headerUnit.get(column) + "; write the number alone");
                return Double.NaN;
            }
        }
        boolean percent = false;
        if (t.length() > 1 && t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
            if (kind != Kind.FRACTION) {
                error(column, "'" + Csv.clip(text) + "' is a percentage, but " + column + " is not a fraction; write "
                        + "the number itself");
                return Double.NaN;
            }
            percent = true;
            if (scale == 1) used.put(Conversion.PERCENT, 1);
        }
        if (t.indexOf('_') >= 0) {
            if (!UNDERSCORED.matcher(t).matches()) {
                error(column, "'" + Csv.clip(text) + "' is not a number ('_' may only stand between digits, as in 1_000)");
                return Double.NaN;
            }
            t = t.replace("_", "");
            used.put(Conversion.UNDERSCORE, 1);
        }
        if (t.indexOf(',') >= 0) {
            if (GROUPED.matcher(t).matches()) {
                t = t.replace(",", "");
                used.put(Conversion.GROUPING, 1);
            } else {
                String hint;
                if (EUROPEAN.matcher(t).matches()) {
                    hint = " is ambiguous: it uses '.' for thousands and ',' as the decimal point; write "
                            + t.replace(".", "").replace(',', '.');
                } else if (t.indexOf(',') == t.lastIndexOf(',') && NUMBER.matcher(t.replace(',', '.')).matches()) {
                    hint = " is not a number; use '.' as the decimal separator (" + t.replace(',', '.') + ")";
                } else {
                    hint = " is not a number (a ',' may only group thousands, as in 1,200,000)";
                }
                error(column, "'" + Csv.clip(text) + "'" + hint);
                return Double.NaN;
            }
        }
        if (SPACED.matcher(t).matches()) {
            error(column, "'" + Csv.clip(text) + "' is not a number; write it without spaces (" + t.replace(" ", "") + ")");
            return Double.NaN;
        }
        if (t.indexOf('.') != t.lastIndexOf('.')) {
            error(column, "'" + Csv.clip(text) + "' is ambiguous: kam reads '.' as the decimal point; write thousands "
                    + "without separators (" + t.replace(".", "") + ") or with commas");
            return Double.NaN;
        }
        if (NUMBER.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) {
                error(column, "(" + Csv.clip(text) + ") is too large to be a number");
                return Double.NaN;
            }
            v *= mult;
            if (percent) v /= 100;
            else v *= scale;
            if (Double.isInfinite(v)) {
                error(column, "(" + Csv.clip(text) + ") is too large to be a number");
                return Double.NaN;
            }
            EnumMap<Conversion, Integer> total = conversions.computeIfAbsent(column, x -> new EnumMap<>(Conversion.class));
            for (Conversion c : used.keySet()) total.merge(c, 1, Integer::sum);
            return v;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        Matcher hex = HEX.matcher(t);
        String hint;
        if (lower.contains("nan") || lower.contains("inf") || lower.equals("∞")) {
            hint = " is not a finite number";
        } else if (hex.matches()) {
            String digits = hex.group(1);
            hint = " is a hexadecimal number; write it in decimal"
                    + (digits.length() <= 12 ? " (" + (t.startsWith("-") ? "-" : "") + Long.parseLong(digits, 16) + ")" : "");
        } else if (DATE_TEXT.matcher(t).matches()) {
            hint = " is a date, not a number";
        } else {
            hint = " is not a number";
        }
        error(column, "'" + Csv.clip(text) + "'" + hint);
        return Double.NaN;
    }

    /** Currency signs and codes as written in cells, with the currency each stands for (longest first). */
    private static final String[][] CURRENCIES = {
        {"人民币", "CNY"}, {"RMB", "CNY"}, {"CNY", "CNY"}, {"US$", "USD"}, {"USD", "USD"}, {"HK$", "HKD"},
        {"HKD", "HKD"}, {"港币", "HKD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"JPY", "JPY"}, {"￥", "¥"}, {"¥", "¥"},
        {"元", "CNY"}, {"円", "JPY"}, {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}};

    /** Whether a currency found in a cell is the scenario's ("¥" is both the yuan's and the yen's sign). */
    private static boolean sameCurrency(String found, String scenario) {
        String s = scenario == null ? "CNY" : scenario.trim().toUpperCase(Locale.ROOT);
        if (s.equals("RMB")) s = "CNY";
        if (found.equals("¥")) return s.equals("CNY") || s.equals("JPY");
        return found.equals(s);
    }

    /** Full-width ASCII forms to ASCII; the ideographic space and the Unicode minus signs too. */
    static String halfWidth(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = c;
            if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFFE5) r = (char) (c - 0xFEE0);
            else if (c == '\u3000') r = ' ';
            else if (c == '\u2212' || c == '\uFE63') r = '-';
            if (r != c && sb == null) sb = new StringBuilder(text.length()).append(text, 0, i);
            if (sb != null) sb.append(r);
        }
        return sb == null ? text : sb.toString();
    }

    /** A yes/no cell: true/false, yes/no, 1/0, y/n, 是/否, 对/错, √/× (see {@link Aliases#YES}); {@code def} when empty. */
    boolean bool(String column, boolean def) {
        String text = cell(column);
        if (text == null) return def;
        Boolean b = Aliases.yesNo(text);
        if (b == null) {
            error(column, "'" + Csv.clip(text) + "' must be true or false");
            return def;
        }
        return b;
    }

    /** A list of tags separated by ';' (a full-width '；' or the enumeration comma '、' also separates); empty items are dropped. */
    Set<String> tags(String column) {
        String text = cell(column);
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        for (String part : text.split("[;；、]")) {
            String t = strip(part, null);
            if (!t.isEmpty()) out.add(t);
        }
        if (out.size() == 1 && (text.indexOf(',') >= 0 || text.indexOf('，') >= 0)) {
            warning(column, "'" + clip(text) + "' is one tag containing a comma; separate tags with ';'");
        }
        return out;
    }

    /**
     * Reports what was converted or cleaned in each column, once per column: the notes of lenient
     * numbers and invisible characters, and warnings for control characters and dates in text columns.
     * Call after the last row.
     */
    void finish() {
        for (Map.Entry<String, EnumMap<Conversion, Integer>> e : conversions.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            int most = 0;
            for (Map.Entry<Conversion, Integer> c : e.getValue().entrySet()) {
                int n = c.getValue();
                most = Math.max(most, n);
                if (c.getKey() == Conversion.PERCENT) {
                    parts.add(n + (parts.isEmpty() ? (n == 1 ? " value" : " values") : "") + " written as "
                            + (n == 1 ? "a percentage" : "percentages") + " (22% = 0.22)");
                } else {
                    parts.add(n + (parts.isEmpty() ? (n == 1 ? " value " : " values ") : " ") + c.getKey().words);
                }
            }
            boolean one = e.getValue().size() == 1 && most == 1;
            note(0, e.getKey(), String.join(", ", parts) + (one ? " was read as a number" : " were read as numbers"));
        }
        for (Map.Entry<String, Double> e : new TreeMap<>(headerScale).entrySet()) {
            double s = e.getValue();
            note(table.headerLine(), e.getKey(), "the header gives the unit " + headerUnit.get(e.getKey()) + ": "
                    + (s < 1 ? "every value was read as a percentage (22 = 0.22)"
                    : String.format(Locale.ROOT, "every value was multiplied by %,.0f", s)));
        }
        for (Map.Entry<String, Map<Integer, Integer>> e : invisible.entrySet()) {
            int total = 0;
            List<String> kinds = new ArrayList<>();
            for (Map.Entry<Integer, Integer> c : e.getValue().entrySet()) {
                total += c.getValue();
                kinds.add(String.format(Locale.ROOT, "U+%04X %s ×%d", c.getKey(), invisibleName(c.getKey()), c.getValue()));
            }
            note(0, e.getKey(), total + " invisible " + (total == 1 ? "character was" : "characters were")
                    + " removed or made plain spaces (" + String.join(", ", kinds) + ")");
        }
        for (Map.Entry<String, List<Integer>> e : controlLines.entrySet()) {
            String first = "'" + Csv.clip(controlFirst.get(e.getKey())) + "'";
            problems.warning(table.file(), e.getValue().get(0), e.getKey(), e.getValue().size() == 1
                    ? first + " contains a control character (shown escaped); remove it"
                    : first + " and " + (e.getValue().size() - 1) + " more cells contain control characters (shown "
                    + "escaped); remove them");
        }
        for (Map.Entry<String, List<Integer>> e : dateLines.entrySet()) {
            problems.warning(table.file(), e.getValue().get(0), e.getKey(), (e.getValue().size() == 1 ? "a cell is"
                    : e.getValue().size() + " cells are") + " a date in Excel, read as text such as 2025-01-03; if it "
                    + "was typed as something else (e.g. 1-3), Excel converted it: format the column as Text and retype it");
        }
    }

    private static String invisibleName(int c) {
        return switch (c) {
            case 0xFEFF -> "byte-order mark";
            case 0x200B -> "zero-width space";
            case 0x200C -> "zero-width non-joiner";
            case 0x200D -> "zero-width joiner";
            case 0x2060 -> "word joiner";
            case 0x00AD -> "soft hyphen";
            case 0x00A0 -> "no-break space";
            case 0x202F -> "narrow no-break space";
            case 0x2007 -> "figure space";
            case 0x200E, 0x200F -> "direction mark";
            default -> "format character";
        };
    }

    static String clip(String s) {
        return Csv.clip(s);
    }
}
