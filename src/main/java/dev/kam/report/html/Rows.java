package dev.kam.report.html;

import dev.kam.report.html.Page.Cell;
import dev.kam.report.html.Page.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a {@link Table} column by column, then row by row. */
final class Rows {
    private final List<String> header = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();

    /** A text column. */
    Rows text(String title) {
        header.add(title);
        numeric.add(false);
        return this;
    }

    /** A right-aligned number column. */
    Rows num(String title) {
        header.add(title);
        numeric.add(true);
        return this;
    }

    Rows row(Cell... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    int size() {
        return rows.size();
    }

    /** The table shown open. */
    Table open(String file) {
        return new Table(header, numeric, rows, null, file);
    }

    /** The table collapsed under {@code summary}. */
    Table collapsed(String summary, String file) {
        return new Table(header, numeric, rows, summary, file);
    }
}
