package dev.kam.report;

import dev.kam.io.Json;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;
import dev.kam.assign.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an assignment plan into the {@code plan} stage folder: assignments.csv, products.csv,
 * soldiers.csv and plan.json (read back by {@code dev.kam.assign.PlanFiles}).
 */
public final class PlanWriter {
    private PlanWriter() {
    }

    /** Writes every file of the plan into the open stage folder (commit is the caller's). */
    public static void write(Plan plan, OutputDir dir) {
        CsvOut a = new CsvOut("account", "name", "rating", "soldier", "effortLevel", "effort", "hours",
                "expectedUplift", "objectiveValue", "fit", "owner", "reason");
        for (Plan.AccountPlan p : plan.accounts()) {
            a.row(p.accountId(), p.name(), p.rating() + "A", p.soldierId(), p.effortName(),
                    p.soldierId() == null ? null : p.effort(), p.hours(), round2(p.uplift()), round2(p.value()),
                    Double.isNaN(p.fit()) ? null : round4(p.fit()), p.owner(), p.reason());
        }
        a.write(dir.file("assignments.csv"));

        CsvOut pr = new CsvOut("account", "product", "productName", "expectedUplift", "objectiveValue");
        for (Plan.ProductPlan p : plan.products()) {
            pr.row(p.accountId(), p.productId(), p.productName(), round2(p.uplift()), round2(p.value()));
        }
        pr.write(dir.file("products.csv"));

        CsvOut so = new CsvOut("soldier", "name", "hoursUsed", "capacity", "utilization", "accountsLed");
        for (Plan.SoldierPlan s : plan.soldiers()) {
            so.row(s.soldierId(), s.name(), round2(s.hoursUsed()), round2(s.capacity()), round4(s.utilization()),
                    s.accountsLed());
        }
        so.write(dir.file("soldiers.csv"));

        Json.write(dir.file("plan.json"), json(plan));
    }

    /**
     * As {@link #write(Plan, OutputDir)}; when the search was stopped early (Ctrl-C) plan.json also says
     * {@code "interrupted": true} and {@code "interruptedAt"} (ISO-8601 UTC), so a plan cut short is never
     * mistaken for one that ran its time limit.
     *
     * @param interruptedAt when the stop came, null when the search ran to its limit
     */
    public static void write(Plan plan, OutputDir dir, java.time.Instant interruptedAt) {
        write(plan, dir);
        if (interruptedAt == null) return;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json(plan).entrySet()) {
            out.put(e.getKey(), e.getValue());
            if (e.getKey().equals("seconds")) { // beside the time it ran
                out.put("interrupted", true);
                out.put("interruptedAt", interruptedAt.toString());
            }
        }
        out.putIfAbsent("interrupted", true);
        out.putIfAbsent("interruptedAt", interruptedAt.toString());
        Json.write(dir.file("plan.json"), out);
    }

    /** The plan.json document as ordered maps (no NaN: missing numbers are null). */
    public static Map<String, Object> json(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", plan.scenario());
        m.put("currency", plan.currency());
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("hard", plan.hard());
        score.put("medium", plan.medium());
        score.put("soft", plan.soft());
        score.put("text", plan.score());
        m.put("score", score);
        m.put("feasible", plan.hard() == 0);
        m.put("allMustCoverCovered", plan.medium() == 0);
        m.put("objective", plan.objective());
        m.put("objectiveScaling", "objective = LP objective of --export-lp at this plan = soft score / 100 "
                + "(money in cents, hours in centihours)");
        m.put("seconds", Math.round(plan.seconds() * 1000) / 1000.0);
        m.put("unmet", plan.unmet());
        Plan.Baseline b = plan.baseline();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("description", "today's owners at standard effort, no new products");
        base.put("objective", round2(b.objective()));
        base.put("expectedUplift", round2(b.uplift()));
        base.put("planExpectedUplift", round2(b.planUplift()));
        base.put("upliftAdded", round2(b.upliftAdded()));
        base.put("objectiveAdded", round2(plan.objective() - b.objective()));
        base.put("accountsMoved", b.accountsMoved());
        base.put("accountsDropped", b.accountsDropped());
        base.put("accountsUncovered", b.uncovered().size());
        List<Map<String, Object>> unc = new ArrayList<>();
        for (Plan.Uncovered u : b.uncovered()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("account", u.accountId());
            x.put("reason", u.reason());
            unc.add(x);
        }
        base.put("uncovered", unc);
        base.put("baselineProblems", b.baselineInfeasible());
        m.put("baseline", base);
        List<Map<String, Object>> as = new ArrayList<>();
        for (Plan.AccountPlan p : plan.accounts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("account", p.accountId());
            x.put("name", p.name());
            x.put("rating", p.rating());
            x.put("soldier", p.soldierId());
            x.put("effortLevel", p.effortName());
            x.put("effort", p.soldierId() == null ? null : p.effort());
            x.put("hours", round2(p.hours()));
            x.put("expectedUplift", round2(p.uplift()));
            x.put("objectiveValue", round2(p.value()));
            x.put("fit", Double.isNaN(p.fit()) ? null : p.fit());
            x.put("owner", p.owner());
            x.put("reason", p.reason());
            as.add(x);
        }
        m.put("assignments", as);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Plan.ProductPlan p : plan.products()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("account", p.accountId());
            x.put("product", p.productId());
            x.put("name", p.productName());
            x.put("expectedUplift", round2(p.uplift()));
            x.put("objectiveValue", round2(p.value()));
            ps.add(x);
        }
        m.put("products", ps);
        List<Map<String, Object>> ss = new ArrayList<>();
        for (Plan.SoldierPlan s : plan.soldiers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("soldier", s.soldierId());
            x.put("name", s.name());
            x.put("hoursUsed", round2(s.hoursUsed()));
            x.put("capacity", round2(s.capacity()));
            x.put("utilization", round4(s.utilization()));
            x.put("accountsLed", s.accountsLed());
            ss.add(x);
        }
        m.put("soldiers", ss);
        return m;
    }

    /** Lines for the terminal after a run. */
    public static List<String> summaryLines(Plan plan, java.nio.file.Path target) {
        List<String> out = new ArrayList<>();
        long covered = plan.accounts().stream().filter(a -> a.soldierId() != null).count();
        String cur = plan.currency() == null || plan.currency().isEmpty() ? "" : plan.currency() + " ";
        out.add(String.format(Locale.ROOT, "Plan: %d of %d accounts covered, %d products offered; score %s.",
                covered, plan.accounts().size(), plan.products().size(), plan.score()));
        Plan.Baseline b = plan.baseline();
        out.add(String.format(Locale.ROOT, "Objective %s%,.2f vs baseline %s%,.2f; expected uplift %s%,.0f vs %s%,.0f "
                        + "(+%s%,.0f); %d accounts moved, %d dropped, %d uncovered.",
                cur, plan.objective(), cur, b.objective(), cur, b.planUplift(), cur, b.uplift(), cur, b.upliftAdded(),
                b.accountsMoved(), b.accountsDropped(), b.uncovered().size()));
        if (plan.unmet().isEmpty()) {
            out.add("Every rule is met.");
        } else {
            out.add("Cannot be met (" + plan.unmet().size() + "):");
            int k = 0;
            for (String u : plan.unmet()) {
                if (k++ == 10) {
                    out.add("  ... and " + (plan.unmet().size() - 10) + " more in plan.json");
                    break;
                }
                out.add("  - " + u);
            }
        }
        out.add("Wrote " + target + "/assignments.csv, products.csv, soldiers.csv, plan.json");
        return out;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
