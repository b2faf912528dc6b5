package dev.kam.report;

import dev.kam.domain.Account;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The action list: one line per key account (pyramid tier KEY, or revenue at or above the key-account
 * threshold when the analysis did not run), largest first, with its owner under the plan, effort,
 * products, and the step that follows from its diagnosis (the 113 processes: assess and open, mine
 * potential, fix decline).
 */
final class Actions {
    record Item(String id, String name, String rating, double revenue, String diagnosis, String owner, String effort,
                String products, String action) {
    }

    private Actions() {
    }

    static List<Item> of(HtmlReport.Input in, Scenario sc, Text tx) {
        Path root = in.root();
        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier s : sc.soldiers()) soldiers.put(s.id(), s);
        Map<String, Product> products = new HashMap<>();
        for (Product p : sc.products()) products.put(p.id(), p);

        Map<String, Map<String, String>> analysis = new HashMap<>();
        CsvTable acc = CsvTable.read(root.resolve("analysis/accounts.csv"));
        if (acc != null) {
            String id = acc.column("id", "account", "accountId");
            for (Map<String, String> r : acc.rows()) analysis.put(CsvTable.str(r, id), r);
        }
        Map<String, Map<String, String>> plan = new HashMap<>();
        CsvTable as = CsvTable.read(root.resolve("plan/assignments.csv"));
        String soldierCol = null;
        if (as != null) {
            String id = as.column("account", "accountId", "id");
            soldierCol = as.column("soldier", "soldierId", "lead");
            for (Map<String, String> r : as.rows()) plan.put(CsvTable.str(r, id), r);
        }
        Map<String, Set<String>> offered = new HashMap<>();
        CsvTable pr = CsvTable.read(root.resolve("plan/products.csv"));
        if (pr != null && pr.column("account", "accountId") != null && pr.column("product", "productId") != null) {
            String a = pr.column("account", "accountId");
            String p = pr.column("product", "productId");
            String flag = pr.column("offered");
            for (Map<String, String> r : pr.rows()) {
                if (flag != null && !CsvTable.str(r, flag).trim().equalsIgnoreCase("true")) continue;
                String pid = CsvTable.str(r, p);
                Product prod = products.get(pid);
                offered.computeIfAbsent(CsvTable.str(r, a), k -> new LinkedHashSet<>()).add(prod == null ? pid : prod.name());
            }
        }

        List<Account> ranked = new ArrayList<>(sc.accounts());
        ranked.sort(HtmlReport.byRevenueDesc());
        List<Item> out = new ArrayList<>();
        for (Account a : ranked) {
            Map<String, String> an = analysis.get(a.id());
            boolean key = an != null ? Pyramid.code(CsvTable.str(an, "tier")).equals("KEY")
                    : a.revenue() >= sc.strategy().keyAccountThreshold() && a.revenue() > 0;
            if (!key) continue;
            String rating = an == null ? "" : Pyramid.rating(CsvTable.str(an, "rating"));
            String diagCode = an == null ? "" : Pyramid.code(CsvTable.str(an, "diagnosis"));
            String diagnosis = an == null ? "" : tx.diagnosis(diagCode);
            String reason = an == null ? "" : CsvTable.str(an, "reason");
            Map<String, String> pl = plan.get(a.id());
            String ownerId = pl != null ? CsvTable.str(pl, soldierCol) : (a.owner() == null ? "" : a.owner());
            String owner = ownerId.isBlank() ? tx.t("action.noOwner") : name(soldiers, ownerId);
            if (pl != null && a.owner() != null && !ownerId.equals(a.owner())) {
                owner += " " + tx.f("action.was", name(soldiers, a.owner()));
            }
            String effort = pl == null ? (a.owner() == null ? "" : tx.t("effort.standard"))
                    : tx.effort(CsvTable.str(pl, pl.containsKey("effortLevel") ? "effortLevel" : "effort"));
            Set<String> prods = offered.getOrDefault(a.id(), Set.of());
            StringBuilder action = new StringBuilder(tx.action(diagCode, a.stage().code()));
            if (!prods.isEmpty()) action.append(' ').append(tx.f("action.offer", String.join(", ", prods)));
            if (ownerId.isBlank()) action.append(' ').append(tx.t("action.findOwner"));
            if (!reason.isBlank()) action.append(' ').append(tx.f("action.why", reason));
            String planReason = pl == null ? "" : CsvTable.str(pl, "reason");
            if (!planReason.isBlank()) action.append(' ').append(tx.f("action.planWhy", planReason));
            out.add(new Item(a.id(), a.name(), rating, a.revenue(), diagnosis, owner, effort,
                    prods.isEmpty() ? "—" : String.join(", ", prods), action.toString().trim()));
        }
        return out;
    }

    private static String name(Map<String, Soldier> soldiers, String id) {
        Soldier s = soldiers.get(id);
        return s == null ? id : s.name();
    }
}
