package dev.kam;

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

/** A CSV file a writer wrote, read back for a test: the header and the rows as maps (BOM dropped). */
public record TestCsv(List<String> header, List<Map<String, String>> rows) {
    public static TestCsv read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
            try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (CSVRecord r : p) rows.add(new LinkedHashMap<>(r.toMap()));
                return new TestCsv(List.copyOf(p.getHeaderNames()), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as a number, NaN when empty. */
    public static double num(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v);
    }
}
