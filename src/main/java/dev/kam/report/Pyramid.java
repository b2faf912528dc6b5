package dev.kam.report;

import dev.kam.domain.Account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts and revenue per pyramid tier, 5A rating and diagnosis, from {@code analysis/accounts.csv}
 * (revenue from the scenario's accounts, or the file's {@code revenue} column).
 */
record Pyramid(List<Row> tiers, List<Row> ratings, List<Row> diagnoses) {
    /** One group: key (tier code, "5A", diagnosis code), accounts, revenue, share of total revenue. */
    record Row(String key, int count, double revenue, double share) {
    }

    static Pyramid of(CsvTable t, Map<String, Account> accounts) {
        String id = t.column("id", "account", "accountId");
        String rev = t.column("revenue");
        Map<String, double[]> tiers = new LinkedHashMap<>();
        for (String k : List.of("KEY", "MID", "SMALL")) tiers.put(k, new double[2]);
        Map<String, double[]> ratings = new LinkedHashMap<>();
        for (int r = 5; r >= 1; r--) ratings.put(r + "A", new double[2]);
        Map<String, double[]> diag = new LinkedHashMap<>();
        double total = 0;
        for (Map<String, String> row : t.rows()) {
            Account a = accounts.get(CsvTable.str(row, id));
            double revenue = a != null ? a.revenue() : CsvTable.num(row, rev);
            if (Double.isNaN(revenue)) revenue = 0;
            total += revenue;
            add(tiers, code(CsvTable.str(row, "tier")), revenue);
            add(ratings, rating(CsvTable.str(row, "rating")), revenue);
            add(diag, code(CsvTable.str(row, "diagnosis")), revenue);
        }
        return new Pyramid(rows(tiers, total), rows(ratings, total), rows(diag, total));
    }

    /** Upper-case code with {@code _} for {@code -} and spaces: "cannot-win" → "CANNOT_WIN". */
    static String code(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** "4", "4A", "4.0" → "4A". */
    static String rating(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("A")) t = t.substring(0, t.length() - 1);
        try {
            return Math.round(Double.parseDouble(t)) + "A";
        } catch (NumberFormatException e) {
            return s.trim();
        }
    }

    private static void add(Map<String, double[]> m, String key, double revenue) {
        if (key.isEmpty()) return;
        double[] v = m.computeIfAbsent(key, k -> new double[2]);
        v[0]++;
        v[1] += revenue;
    }

    private static List<Row> rows(Map<String, double[]> m, double total) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : m.entrySet()) {
            if (e.getValue()[0] == 0) continue;
            out.add(new Row(e.getKey(), (int) e.getValue()[0], e.getValue()[1], total > 0 ? e.getValue()[1] / total : 0));
        }
        return out;
    }
}
