package dev.kam.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CSV output that Excel opens correctly: UTF-8 with a byte-order mark (so Chinese shows), CRLF,
 * numbers with {@code .} whatever the locale, and any text cell that Excel would read as a formula
 * ({@code = + - @}, tab, CR) prefixed with {@code '} unless it is a plain number.
 */
public final class CsvOut {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvOut(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; numbers are formatted with {@link #num(double)}, null becomes an empty cell. */
    public CsvOut row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) r.add(cell(c));
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size();
    }

    private static String cell(Object c) {
        if (c == null) return "";
        if (c instanceof Double d) return num(d);
        if (c instanceof Float f) return num(f);
        if (c instanceof Number n) return n.toString();
        return safe(c.toString());
    }

    /** A number as plain text: integers without decimals, others with up to 6 significant decimals; NaN empty. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** Neutralises text that a spreadsheet would execute as a formula. */
    public static String safe(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (risky && !NUMBER.matcher(s).matches()) return "'" + s;
        return s;
    }

    /** The CSV text with BOM. */
    public String text() {
        StringBuilder sb = new StringBuilder("\uFEFF");
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (List<String> r : rows) p.printRecord(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Writes to a file (inside an {@link OutputDir}, or atomically elsewhere). */
    public void write(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
