package dev.kam.scenario;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test workbooks built with Apache POI (an independent writer): each sheet from CSV-like text, where a
 * cell written {@code =FORMULA} becomes a formula (evaluated, so Excel's saved value is there, unless
 * {@link #uncalculated}), {@code #DIV/0!} an error cell, {@code @2025-01-03} a date cell, {@code %0.22} a
 * number formatted as a percentage, and text that parses as a number a number cell ({@code 'text} stays text).
 */
final class Books {
    private final Map<String, String> sheets = new LinkedHashMap<>();
    private boolean evaluate = true;

    Books sheet(String name, String csv) {
        sheets.put(name, csv);
        return this;
    }

    /** Formulas keep no saved value, as when a program (not Excel) wrote the file. */
    Books uncalculated() {
        evaluate = false;
        return this;
    }

    /** The POI workbook, for tests that add merges, hidden rows and the like before saving. */
    XSSFWorkbook build() {
        XSSFWorkbook wb = new XSSFWorkbook();
        CellStyle date = wb.createCellStyle();
        date.setDataFormat((short) 14);
        CellStyle pct = wb.createCellStyle();
        pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
        for (Map.Entry<String, String> s : sheets.entrySet()) {
            Sheet sheet = wb.createSheet(s.getKey());
            String[] lines = s.getValue().split("\n", -1);
            for (int r = 0; r < lines.length; r++) {
                if (lines[r].isEmpty()) continue;
                Row row = sheet.createRow(r);
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    String v = cells[c];
                    if (v.isEmpty()) continue;
                    Cell cell = row.createCell(c);
                    if (v.startsWith("=")) {
                        cell.setCellFormula(v.substring(1));
                    } else if (v.startsWith("#")) {
                        cell.setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.forString(v).getCode());
                    } else if (v.startsWith("@")) {
                        cell.setCellValue(LocalDate.parse(v.substring(1)));
                        cell.setCellStyle(date);
                    } else if (v.startsWith("%")) {
                        cell.setCellValue(Double.parseDouble(v.substring(1)));
                        cell.setCellStyle(pct);
                    } else if (v.startsWith("'")) {
                        cell.setCellValue(v.substring(1));
                    } else if (v.equals("TRUE") || v.equals("FALSE")) {
                        cell.setCellValue(v.equals("TRUE"));
                    } else if (v.matches("-?\\d+(\\.\\d+)?")) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
        }
        if (evaluate) wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return wb;
    }

    static byte[] bytes(Workbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        return bytes(build());
    }

    void write(Path file) {
        write(file, bytes());
    }

    static void write(Path file, byte[] bytes) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
