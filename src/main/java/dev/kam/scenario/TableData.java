package dev.kam.scenario;

import java.util.List;

/**
 * One table as read from a file, before its columns are known: a header and data rows, each row
 * located the way the user sees it. CSV and workbook sheets both read into this, so that binding,
 * aliases and lenient numbers ({@link CsvRows}) treat them alike.
 *
 * @param file       the label problems are reported under: {@code accounts.csv}, or
 *                   {@code data.xlsx[客户]} for a sheet
 * @param headerLine line (CSV) or row as Excel numbers it (sheet) of the header, 1-based
 * @param header     the header cells as written
 * @param rows       data rows; blank rows are already skipped
 * @param format     what was read: {@code UTF-8} or {@code GBK} for CSV text, {@code xlsx} for a sheet
 */
public record TableData(String file, int headerLine, String[] header, List<Row> rows, String format) {

    /** What a cell held in the file. CSV cells are all {@link #TEXT}. */
    public enum Kind {
        /** Text, or a CSV cell. */
        TEXT,
        /** A number stored as a number; the text is its exact decimal value. */
        NUMBER,
        /** A number formatted as a percentage in the workbook; the text is the fraction it holds (0.22 for 22%). */
        PERCENT,
        /** A number formatted as a date or time in the workbook; the text is its ISO-8601 form. */
        DATE,
        /** TRUE or FALSE stored as a boolean; the text is {@code true} or {@code false}. */
        BOOLEAN,
        /** An Excel error value ({@code #DIV/0!}, {@code #N/A}, ...); the text is the error. */
        ERROR,
        /** A formula whose value was never saved (written by a program, not by Excel); the text is the formula. */
        UNCALCULATED
    }

    /**
     * One data row.
     *
     * @param line   the 1-based line it starts on (CSV) or its Excel row number (sheet)
     * @param fields the cells, one per header column at most; a row may be shorter or longer (ragged)
     * @param kinds  what each cell held, same length as {@code fields}; null when every cell is text
     */
    public record Row(int line, String[] fields, Kind[] kinds) {
        public Row(int line, String[] fields) {
            this(line, fields, null);
        }

        /** The kind of cell {@code i}. */
        public Kind kind(int i) {
            return kinds == null ? Kind.TEXT : kinds[i];
        }
    }
}
