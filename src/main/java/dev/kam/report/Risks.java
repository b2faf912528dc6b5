package dev.kam.report;

import dev.kam.i18n.Lang;
import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The biggest risks of a run, derived from the data and ranked by a severity 0–1: low odds of a
 * target, a goal that needs growth far above the market's, revenue concentration, revenue at risk of
 * churn, key accounts the plan leaves uncovered, and soldiers with no spare capacity.
 */
final class Risks {
    /** A risk: headline, the numbers behind it, severity 0–1 (for ranking only). */
    record Risk(String title, String detail, double severity) {
    }

    private Risks() {
    }

    static List<Risk> top(HtmlReport.Input in, Scenario sc, Text tx, int n) {
        List<Risk> all = all(in, sc, tx);
        all.sort(Comparator.comparingDouble(Risk::severity).reversed());
        return all.subList(0, Math.min(n, all.size()));
    }

    static List<Risk> all(HtmlReport.Input in, Scenario sc, Text tx) {
        Path root = in.root();
        String cur = sc.currency();
        Lang lang = in.lang();
        List<Risk> out = new ArrayList<>();
        double total = sc.totalRevenue();

        CsvTable hit = CsvTable.read(root.resolve("simulation/targets-hit.csv"));
        if (hit != null) {
            Map<String, String> worst = null;
            for (Map<String, String> r : hit.rows()) {
                double p = CsvTable.num(r, "probability");
                if (Double.isNaN(p)) continue;
                if (worst == null || p < CsvTable.num(worst, "probability")) worst = r;
            }
            if (worst != null) {
                double p = CsvTable.num(worst, "probability");
                String metric = CsvTable.str(worst, "metric");
                if (p < 0.8) {
                    double target = CsvTable.num(worst, "target");
                    out.add(new Risk(tx.f("risk.hit", tx.column(metric), CsvTable.str(worst, "year")),
                            Double.isNaN(target) ? tx.f("risk.hit.detail2", Format.percent(p))
                                    : tx.f("risk.hit.detail", Format.percent(p), Format.metric(metric, target, cur, lang)),
                            1 - p));
                }
            }
        }

        Summary s = Summary.of(in, sc);
        double g = sc.simulation().growthMean();
        if (!Double.isNaN(s.requiredGrowth()) && s.requiredGrowth() > g + 0.03) {
            double sev = Math.min(1, (s.requiredGrowth() - g) / 0.25);
            out.add(new Risk(tx.f("risk.growth", Format.percent(s.requiredGrowth())),
                    tx.f("risk.growth.detail", Format.money(s.todayKaRevenue(), cur, lang),
                            Format.money(s.finalTarget(), cur, lang), s.finalYear(), Format.percent(g)), sev));
        }

        List<Account> ranked = new ArrayList<>(sc.accounts());
        ranked.sort(HtmlReport.byRevenueDesc());
        if (total > 0 && !ranked.isEmpty()) {
            double top1 = ranked.get(0).revenue() / total;
            double top5 = 0;
            for (int i = 0; i < Math.min(5, ranked.size()); i++) top5 += ranked.get(i).revenue();
            top5 /= total;
            if (ranked.size() <= 10 && top1 > 0.15) {
                out.add(new Risk(tx.f("risk.concentration1", ranked.get(0).name(), Format.percent(top1)),
                        tx.t("risk.concentration1.detail"), Math.min(1, top1 * 1.5)));
            } else if (top5 > 0.3 || top1 > 0.15) {
                out.add(new Risk(tx.f("risk.concentration", Format.percent(top5)),
                        tx.f("risk.concentration.detail", ranked.get(0).name(), Format.percent(top1)),
                        Math.min(1, Math.max(top5 - 0.2, top1 * 2))));
            }
        }

        CsvTable acc = CsvTable.read(root.resolve("analysis/accounts.csv"));
        Set<String> keep = new HashSet<>();
        Set<String> key = new HashSet<>();
        if (acc != null) {
            String id = acc.column("id", "account", "accountId");
            for (Map<String, String> r : acc.rows()) {
                if (Pyramid.code(CsvTable.str(r, "diagnosis")).equals("CANNOT_KEEP")) keep.add(CsvTable.str(r, id));
                if (Pyramid.code(CsvTable.str(r, "tier")).equals("KEY")) key.add(CsvTable.str(r, id));
            }
        }
        double atRisk = 0;
        int atRiskCount = 0;
        for (Account a : sc.accounts()) {
            if (a.stage() == Stage.AT_RISK || keep.contains(a.id())) {
                atRisk += a.revenue();
                atRiskCount++;
            }
            if (acc == null && a.revenue() >= sc.strategy().keyAccountThreshold() && a.revenue() > 0) key.add(a.id());
        }
        if (total > 0 && atRisk > 0) {
            out.add(new Risk(tx.f("risk.retention", Format.percent(atRisk / total)),
                    tx.f("risk.retention.detail", atRiskCount, Format.money(atRisk, cur, lang)),
                    Math.min(1, 2 * atRisk / total)));
        }

        CsvTable as = CsvTable.read(root.resolve("plan/assignments.csv"));
        if (as != null) {
            String id = as.column("account", "accountId", "id");
            String soldier = as.column("soldier", "soldierId", "lead");
            int uncovered = 0;
            double uncoveredRevenue = 0;
            double keyRevenue = 0;
            Map<String, Account> byId = new java.util.HashMap<>();
            for (Account a : sc.accounts()) byId.put(a.id(), a);
            for (Map<String, String> r : as.rows()) {
                String aid = CsvTable.str(r, id);
                if (!key.contains(aid)) continue;
                Account a = byId.get(aid);
                double rev = a == null ? 0 : a.revenue();
                keyRevenue += rev;
                if (CsvTable.str(r, soldier).isBlank()) {
                    uncovered++;
                    uncoveredRevenue += rev;
                }
            }
            if (uncovered > 0) {
                out.add(new Risk(tx.f("risk.uncovered", uncovered),
                        tx.f("risk.uncovered.detail", Format.money(uncoveredRevenue, cur, lang)),
                        Math.min(1, 0.3 + (keyRevenue > 0 ? uncoveredRevenue / keyRevenue : 0))));
            }
        }
        CsvTable so = CsvTable.read(root.resolve("plan/soldiers.csv"));
        if (so != null && !so.rows().isEmpty()) {
            String u = so.column("utilization", "utilisation");
            int full = 0;
            for (Map<String, String> r : so.rows()) if (CsvTable.num(r, u) >= 0.95) full++;
            double frac = (double) full / so.rows().size();
            if (frac >= 0.25) {
                out.add(new Risk(tx.f("risk.capacity", full, so.rows().size()), tx.t("risk.capacity.detail"),
                        Math.min(1, frac * 0.8)));
            }
        }
        return out;
    }
}
