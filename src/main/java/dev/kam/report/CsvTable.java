package dev.kam.report;

import dev.kam.io.CsvOut;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file written by a stage, read back for the HTML report: header and rows as maps. The BOM is
 * dropped and the {@code '} that {@link CsvOut#safe} puts before formula-like text is removed, so the
 * report shows the user's text as it was.
 */
public record CsvTable(List<String> header, List<Map<String, String>> rows) {
    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads a CSV file; null when it does not exist. */
    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static CsvTable parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).build())) {
            List<String> header = new ArrayList<>(p.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < rec.size(); i++) m.put(header.get(i), unsafe(rec.get(i)));
                rows.add(m);
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Undoes {@link CsvOut#safe}: {@code '=x} back to {@code =x}. */
    static String unsafe(String s) {
        if (s.length() >= 2 && s.charAt(0) == '\'') {
            char c = s.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return s.substring(1);
        }
        return s;
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** The first of the given columns that exists, or null. */
    public String column(String... candidates) {
        for (String c : candidates) if (header.contains(c)) return c;
        return null;
    }

    /** A cell as a number; NaN when empty or not a number. */
    public static double num(Map<String, String> row, String column) {
        if (column == null) return Double.NaN;
        String v = row.get(column);
        if (v == null || v.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A cell as text; empty when missing. */
    public static String str(Map<String, String> row, String column) {
        if (column == null) return "";
        String v = row.get(column);
        return v == null ? "" : v;
    }
}
