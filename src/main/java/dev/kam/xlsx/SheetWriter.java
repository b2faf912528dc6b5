package dev.kam.xlsx;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes typed tables as sheets of one .xlsx workbook (fastexcel): numbers as numbers with a number
 * format per column (amounts in the scenario's currency, percentages, counts, years), a bold header
 * row that stays in view (frozen) with an autofilter, column widths from the content (a CJK character
 * counts twice), and a default font that has Chinese glyphs.
 *
 * <p>{@link #FONT} is Microsoft YaHei (微软雅黑): it ships with every Windows since Vista and with
 * Office for Mac, covers Latin and CJK in one face, and Excel, LibreOffice and Numbers substitute a
 * CJK font of their own where it is missing; a Latin-only default such as Calibri would leave Chinese
 * to per-glyph fallback, which prints unevenly.
 */
public final class SheetWriter implements AutoCloseable {
    /** The workbook's default font. */
    public static final String FONT = "Microsoft YaHei";
    /** Largest column width set, in characters. */
    static final int MAX_WIDTH = 60;

    /** How a column's cells are typed and formatted. */
    public enum Type {
        /** Text. */
        TEXT(null),
        /** A whole number with thousands separators. */
        COUNT("#,##0"),
        /** A number with up to two decimals. */
        NUMBER("#,##0.00"),
        /** Hours, one decimal. */
        HOURS("#,##0.0"),
        /** A fraction shown as a percentage with one decimal. */
        PERCENT("0.0%"),
        /** An amount in the workbook's currency, whole units. */
        MONEY(null),
        /** A calendar year (no thousands separator). */
        YEAR("0"),
        /** A 0–1 score with three decimals. */
        SCORE("0.000"),
        /** Yes/no, written as Excel booleans. */
        BOOL(null);

        final String format;

        Type(String format) {
            this.format = format;
        }
    }

    /** A column: its header, its type, and a note shown on the header cell (may be null). */
    public record Column(String header, Type type, String comment) {
        public Column(String header, Type type) {
            this(header, type, null);
        }
    }

    private final Workbook workbook;
    private final String moneyFormat;

    /**
     * Starts a workbook on {@code out} (not closed here).
     *
     * @param currency the scenario currency code, for the money format (¥ for CNY, $ for USD, ...)
     */
    public SheetWriter(OutputStream out, String currency) {
        workbook = new Workbook(out, "kam", "1.0");
        workbook.setGlobalDefaultFont(FONT, 11);
        moneyFormat = moneyFormat(currency);
    }

    /** Excel's number format for whole amounts of a currency. */
    static String moneyFormat(String currency) {
        String c = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "CNY", "RMB", "" -> "\"¥\"#,##0";
            case "JPY" -> "\"¥\"#,##0";
            case "USD" -> "\"$\"#,##0";
            case "EUR" -> "\"€\"#,##0";
            case "GBP" -> "\"£\"#,##0";
            case "HKD" -> "\"HK$\"#,##0";
            default -> "#,##0 \"" + c.replace("\"", "") + "\"";
        };
    }

    /** The underlying workbook, for sheets that need more than {@link #table}. */
    Workbook workbook() {
        return workbook;
    }

    String format(Type t) {
        return t == Type.MONEY ? moneyFormat : t.format;
    }

    /**
     * Writes one sheet: the header in row 1, then one row per entry of {@code rows} (each cell a String,
     * Number, Boolean or null to leave it empty). Returns the sheet for additions (data validation).
     */
    public Worksheet table(String name, List<Column> columns, List<Object[]> rows) {
        return table(name, columns, rows, (r, c) -> columns.get(c).type());
    }

    /** Cell types for {@link #table(String, List, List, CellType)}: the type of data row r (0-based), column c. */
    public interface CellType {
        Type of(int row, int column);
    }

    /**
     * Like {@link #table(String, List, List)}, with each cell's type (hence number format) given by
     * {@code types}: for columns whose unit changes from row to row.
     */
    public Worksheet table(String name, List<Column> columns, List<Object[]> rows, CellType types) {
        if (current != null) finish(current);
        Worksheet ws = workbook.newWorksheet(name);
        current = ws;
        int n = columns.size();
        // fastexcel writes column widths and the frozen pane before the rows, so both are settled first
        double[] width = new double[n];
        for (int c = 0; c < n; c++) width[c] = Math.max(6, display(columns.get(c).header()) + 2);
        for (int r = 0; r < rows.size(); r++) {
            Object[] cells = rows.get(r);
            if (cells.length != n) {
                throw new IllegalArgumentException(name + ": row " + r + " has " + cells.length + " cells, the header " + n);
            }
            for (int c = 0; c < n; c++) {
                Object v = cells[c];
                if (v instanceof Boolean) width[c] = Math.max(width[c], 7);
                else if (v instanceof Number num) width[c] = Math.max(width[c], numberWidth(num.doubleValue(), types.of(r, c)));
                else if (v != null) width[c] = Math.max(width[c], display(v.toString()) + 1);
            }
        }
        for (int c = 0; c < n; c++) ws.width(c, Math.min(MAX_WIDTH, width[c]));
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, Math.max(rows.size(), 1), n - 1);
        for (int c = 0; c < n; c++) {
            Column col = columns.get(c);
            ws.value(0, c, col.header());
            if (col.comment() != null) ws.comment(0, c, col.comment());
        }
        ws.range(0, 0, 0, n - 1).style().bold().fillColor("FFDDEBF7").set();
        for (int r = 0; r < rows.size(); r++) {
            Object[] cells = rows.get(r);
            for (int c = 0; c < n; c++) {
                Object v = cells[c];
                if (v == null) continue;
                if (v instanceof Double d && (d.isNaN() || d.isInfinite())) continue;
                if (v instanceof Boolean b) {
                    ws.value(r + 1, c, b);
                } else if (v instanceof Number num) {
                    ws.value(r + 1, c, num);
                    // styles must be set before the row is flushed, so each number is formatted as it is written
                    String f = format(types.of(r, c));
                    if (f != null) ws.style(r + 1, c).format(f).set();
                } else {
                    ws.value(r + 1, c, v.toString());
                }
            }
            if ((r & 1023) == 1023) flush(ws);
        }
        return ws;
    }

    private Worksheet current;

    private static void finish(Worksheet ws) {
        try {
            ws.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void flush(Worksheet ws) {
        try {
            ws.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Display width of text in Excel's character units: CJK and full-width characters count two. */
    static double display(String s) {
        double w = 0;
        int line = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n') {
                w = Math.max(w, line);
                line = 0;
                continue;
            }
            line += (ch >= 0x1100 && (ch <= 0x115F || (ch >= 0x2E80 && ch <= 0xA4CF) || (ch >= 0xAC00 && ch <= 0xD7A3)
                    || (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFE30 && ch <= 0xFE4F) || (ch >= 0xFF00 && ch <= 0xFF60)
                    || (ch >= 0xFFE0 && ch <= 0xFFE6))) ? 2 : 1;
        }
        return Math.max(w, line) * 1.1;
    }

    private static double numberWidth(double v, Type t) {
        double digits = Math.abs(v) < 1 ? 1 : Math.floor(Math.log10(Math.abs(v))) + 1;
        double groups = t == Type.YEAR ? 0 : Math.floor((digits - 1) / 3);
        double extra = switch (t) {
            case PERCENT -> 4;
            case MONEY -> 3;
            case NUMBER, SCORE -> 4;
            case HOURS -> 3;
            default -> 1;
        };
        return digits + groups + extra + (v < 0 ? 1 : 0) + 2;
    }

    /** Finishes the workbook (writes everything to the stream). */
    @Override
    public void close() throws IOException {
        if (current != null) current.finish();
        workbook.finish();
    }

    /** Rows built as a list, for {@link #table}. */
    public static List<Object[]> rows() {
        return new ArrayList<>();
    }
}
