package dev.kam.xlsx;

import dev.kam.scenario.Template;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workbook of {@code kam init --xlsx}: one sheet per table with kam's headers and the template's
 * example row (numbers as numbers), each header cell commented with its meaning and Chinese names, the
 * allowed values of stage, layer, yes/no and minRating as drop-down lists (Excel data validation), and a
 * 说明 README sheet that lists every column.
 */
public final class TemplateWorkbook {
    /** Name of the documentation sheet (not a table: kam does not read it). */
    public static final String README = "说明 README";
    /** Rows that get the drop-down lists (the header is row 1). */
    static final int VALIDATED_ROWS = 10_000;

    private TemplateWorkbook() {
    }

    public static void write(Map<String, List<Template.Column>> tables, OutputStream out) throws IOException {
        try (SheetWriter w = new SheetWriter(out, "CNY")) {
            for (Map.Entry<String, List<Template.Column>> t : tables.entrySet()) {
                String table = t.getKey();
                List<SheetWriter.Column> cols = new ArrayList<>();
                Object[] example = new Object[t.getValue().size()];
                int i = 0;
                for (Template.Column c : t.getValue()) {
                    List<String> zh = c.aliases(table);
                    cols.add(new SheetWriter.Column(c.name(), c.numeric(table) ? SheetWriter.Type.NUMBER : SheetWriter.Type.TEXT,
                            (c.required(table) ? "Required. " : "") + c.meaning() + (zh.isEmpty() ? "" : "\n中文表头: "
                                    + String.join(", ", zh))));
                    example[i++] = c.example().isEmpty() ? null : c.numeric(table) ? Double.valueOf(c.example()) : c.example();
                }
                List<Object[]> rows = new ArrayList<>();
                rows.add(example);
                Worksheet ws = w.table(table, cols, rows);
                for (int c = 0; c < t.getValue().size(); c++) {
                    List<String> allowed = t.getValue().get(c).allowed();
                    if (allowed.isEmpty()) continue;
                    ws.range(1, c, VALIDATED_ROWS, c).validateWithListByFormula("\"" + String.join(",", allowed) + "\"")
                            .allowBlank(true).errorStyle(DataValidationErrorStyle.STOP).showErrorMessage(true).errorTitle(t.getValue().get(c).name())
                            .error("Allowed: " + String.join(", ", allowed));
                }
            }
            List<Object[]> doc = new ArrayList<>();
            for (Map.Entry<String, List<Template.Column>> t : tables.entrySet()) {
                for (Template.Column c : t.getValue()) {
                    doc.add(new Object[] {t.getKey(), c.name(), c.required(t.getKey()) ? "yes" : "no", c.meaning(),
                        String.join(", ", c.aliases(t.getKey())), String.join(", ", c.allowed())});
                }
            }
            w.table(README, List.of(new SheetWriter.Column("table", SheetWriter.Type.TEXT),
                    new SheetWriter.Column("column", SheetWriter.Type.TEXT),
                    new SheetWriter.Column("required", SheetWriter.Type.TEXT),
                    new SheetWriter.Column("meaning", SheetWriter.Type.TEXT),
                    new SheetWriter.Column("Chinese headers 中文表头", SheetWriter.Type.TEXT),
                    new SheetWriter.Column("allowed values", SheetWriter.Type.TEXT)), doc);
        }
    }
}
