package dev.kam.xlsx;

import dev.kam.domain.Account;
import dev.kam.domain.HistoryEntry;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.scenario.Aliases;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kam.xlsx.SheetWriter.Type.BOOL;
import static dev.kam.xlsx.SheetWriter.Type.COUNT;
import static dev.kam.xlsx.SheetWriter.Type.HOURS;
import static dev.kam.xlsx.SheetWriter.Type.MONEY;
import static dev.kam.xlsx.SheetWriter.Type.NUMBER;
import static dev.kam.xlsx.SheetWriter.Type.TEXT;
import static dev.kam.xlsx.SheetWriter.Type.YEAR;

/**
 * A scenario's tables as one workbook that {@code workbook:} reads back: a sheet per table, kam's own
 * headers (or, with {@code chinese}, each column's first Chinese alias and the Chinese sheet names
 * 客户, 销售, 产品, 关系, 历史), typed cells. Used by {@code kam bench xlsx} and to test the reader
 * against the writer.
 */
public final class ScenarioWorkbook {
    private ScenarioWorkbook() {
    }

    /** Writes the tables of {@code s}; relationships and history only when the scenario has some. */
    public static void write(Scenario s, OutputStream out, boolean chinese) throws IOException {
        try (SheetWriter w = new SheetWriter(out, s.currency())) {
            List<Object[]> rows = new ArrayList<>();
            for (Account a : s.accounts()) {
                rows.add(new Object[] {a.id(), a.name(), a.industry(), a.region(), a.revenue(), a.wallet(), a.margin(),
                    a.credit(), a.difficulty(), a.serviceHours(), a.orders(), tags(a.needs()), a.owner(), a.stage().code(),
                    a.mustCover(), a.baseHours(), a.locked()});
            }
            sheet(w, "accounts", chinese, List.of(TEXT, TEXT, TEXT, TEXT, MONEY, MONEY, NUMBER, NUMBER, NUMBER, HOURS,
                    NUMBER, TEXT, TEXT, TEXT, BOOL, HOURS, BOOL), rows);
            rows = new ArrayList<>();
            for (Soldier so : s.soldiers()) {
                rows.add(new Object[] {so.id(), so.name(), so.layer().code(), so.stars(), tags(so.industries()),
                    tags(so.regions()), so.capacityHours(), so.certification(), so.annualCost(), so.minHours()});
            }
            sheet(w, "soldiers", chinese, List.of(TEXT, TEXT, TEXT, COUNT, TEXT, TEXT, HOURS, COUNT, MONEY, HOURS), rows);
            rows = new ArrayList<>();
            for (Product p : s.products()) {
                rows.add(new Object[] {p.id(), p.name(), tags(p.needs()), p.price(), p.margin(), p.serviceShare(),
                    p.capacity(), p.minRating()});
            }
            sheet(w, "products", chinese, List.of(TEXT, TEXT, TEXT, MONEY, NUMBER, NUMBER, COUNT, COUNT), rows);
            if (!s.relationships().isEmpty()) {
                rows = new ArrayList<>();
                for (Relationship r : s.relationships()) {
                    rows.add(new Object[] {r.soldier(), r.account(), r.strength(), r.hours(), r.value()});
                }
                sheet(w, "relationships", chinese, List.of(TEXT, TEXT, NUMBER, HOURS, MONEY), rows);
            }
            if (!s.history().isEmpty()) {
                rows = new ArrayList<>();
                for (HistoryEntry h : s.history()) rows.add(new Object[] {h.account(), h.year(), h.revenue(), h.owner()});
                sheet(w, "history", chinese, List.of(TEXT, YEAR, MONEY, TEXT), rows);
            }
        }
    }

    private static void sheet(SheetWriter w, String table, boolean chinese, List<SheetWriter.Type> types,
                              List<Object[]> rows) {
        Map<String, List<String>> aliases = Aliases.COLUMNS.get(table);
        List<SheetWriter.Column> cols = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            cols.add(new SheetWriter.Column(chinese ? e.getValue().get(0) : e.getKey(), types.get(i++)));
        }
        w.table(chinese ? Aliases.SHEETS.get(table).get(0) : table, cols, rows);
    }

    private static String tags(Set<String> tags) {
        return tags.isEmpty() ? null : String.join(";", tags);
    }
}
