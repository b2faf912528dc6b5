package dev.kam.report;

import dev.kam.assign.Plan;
import dev.kam.domain.Msg;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.CsvOut;
import dev.kam.io.Json;
import dev.kam.io.OutputDir;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an assignment plan into the {@code plan} stage folder: assignments.csv, products.csv,
 * soldiers.csv, moves.csv, gain-vs-moves.csv (+ chart), capacity-value.csv and plan.json (read back by
 * {@code dev.kam.assign.PlanFiles}). Reasons are rendered in the given language.
 */
public final class PlanWriter {
    /** Every file this writer may produce, for the terminal summary. */
    public static final List<String> FILES = List.of("assignments.csv", "products.csv", "soldiers.csv", "moves.csv",
            "gain-vs-moves.csv", "capacity-value.csv", "plan.json");

    private PlanWriter() {
    }

    /** Writes every file of the plan into the open stage folder, in English (commit is the caller's). */
    public static void write(Plan plan, OutputDir dir) {
        write(plan, dir, Messages.of(Lang.EN));
    }

    /** Writes every file of the plan into the open stage folder (commit is the caller's). */
    public static void write(Plan plan, OutputDir dir, Messages words) {
        CsvOut a = new CsvOut("account", "name", "rating", "soldier", "effortLevel", "effort", "hours",
                "expectedUplift", "objectiveValue", "fit", "owner", "reason", "status");
        for (Plan.AccountPlan p : plan.accounts()) {
            a.row(p.accountId(), p.name(), p.rating() + "A", p.soldierId(), p.effortName(),
                    p.soldierId() == null ? null : p.effort(), p.hours(), money(p.uplift()), money(p.value()),
                    Double.isNaN(p.fit()) ? null : round4(p.fit()), p.owner(), words.render(p.reason()), p.status());
        }
        a.write(dir.file("assignments.csv"));

        CsvOut pr = new CsvOut("account", "product", "productName", "expectedUplift", "objectiveValue");
        for (Plan.ProductPlan p : plan.products()) {
            pr.row(p.accountId(), p.productId(), p.productName(), money(p.uplift()), money(p.value()));
        }
        pr.write(dir.file("products.csv"));

        CsvOut so = new CsvOut("soldier", "name", "hoursUsed", "capacity", "utilization", "accountsLed", "minHours",
                "hourValue", "note");
        for (Plan.SoldierPlan s : plan.soldiers()) {
            so.row(s.soldierId(), s.name(), money(s.hoursUsed()), money(s.capacity()), round4(s.utilization()),
                    s.accountsLed(), money(s.minHours()), money((s.hourValue())),
                    s.note() == null ? null : words.render(s.note()));
        }
        so.write(dir.file("soldiers.csv"));

        CsvOut mv = new CsvOut("account", "from", "to", "effortLevel", "value", "method", "reason");
        for (Plan.Move m : plan.disruption().moves()) {
            mv.row(m.accountId(), m.from(), m.to(), m.effortName(), money((m.value())), m.method(), words.render(m.reason()));
        }
        mv.write(dir.file("moves.csv"));

        CsvOut cv = new CsvOut("maxMoves", "objective", "bound", "movesUsed", "gainOverNoMoves");
        double none = Double.NaN;
        for (Plan.CurvePoint c : plan.disruption().curve()) if (c.maxMoves() == 0) none = c.objective();
        for (Plan.CurvePoint c : plan.disruption().curve()) {
            cv.row(c.maxMoves() < 0 ? "unlimited" : Integer.toString(c.maxMoves()), money((c.objective())),
                    money((c.bound())), c.movesUsed(), money((c.objective() - none)));
        }
        cv.write(dir.file("gain-vs-moves.csv"));
        if (!plan.disruption().curve().isEmpty()) {
            ChartFiles.write(curveChart(plan, words), dir, "gain-vs-moves");
        }

        Map<String, Plan.HireValue> hireOf = new HashMap<>();
        for (Plan.HireValue h : plan.capacity().hires()) hireOf.put(h.likeSoldier(), h);
        Map<String, Plan.HireValue> byProfile = new HashMap<>();
        for (Plan.HireValue h : plan.capacity().hires()) byProfile.put(h.profile(), h);
        CsvOut cap = new CsvOut("soldier", "name", "hourValueLp", "hourValueResolve", "resolveHours", "certificationTo",
                "certificationGain", "starsTo", "starGain", "hireGain", "hireCost", "hireNet", "hireProfile");
        for (Plan.SoldierValue v : plan.capacity().soldiers()) {
            Plan.HireValue h = hireOf.get(v.soldierId());
            cap.row(v.soldierId(), v.name(), money((v.hourValueLp())), money((v.hourValueResolve())),
                    money(v.resolveHours()), v.certificationTo() < 0 ? null : v.certificationTo(),
                    money((v.certificationGain())), v.starsTo() < 0 ? null : v.starsTo(), money((v.starGain())),
                    h == null ? null : money((h.gain())), h == null ? null : money((h.annualCost())),
                    h == null ? null : money((h.net())), h == null ? null : h.profile());
        }
        cap.write(dir.file("capacity-value.csv"));

        Json.write(dir.file("plan.json"), json(plan, words));
    }

    /** The gain-vs-moves curve: best objective against the move cap (unlimited drawn at the moves the plan uses). */
    static JFreeChart curveChart(Plan plan, Messages words) {
        XYSeries found = new XYSeries(words.get("assign.chart.objective"));
        XYSeries bound = new XYSeries(words.get("assign.chart.bound"));
        int maxCap = 0;
        for (Plan.CurvePoint c : plan.disruption().curve()) if (c.maxMoves() > maxCap) maxCap = c.maxMoves();
        for (Plan.CurvePoint c : plan.disruption().curve()) {
            double x = c.maxMoves() < 0 ? Math.max(maxCap, c.movesUsed()) * 1.2 + 1 : c.maxMoves();
            if (!Double.isNaN(c.objective())) found.add(x, c.objective());
            if (!Double.isNaN(c.bound())) bound.add(x, c.bound());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(found);
        data.addSeries(bound);
        String cur = plan.currency() == null ? "" : plan.currency();
        JFreeChart chart = ChartFactory.createXYLineChart(words.get("assign.chart.title"),
                words.get("assign.chart.x"), words.get("assign.chart.y", cur), data, PlotOrientation.VERTICAL,
                true, false, false);
        ChartTheme.moneyAxis(chart.getXYPlot().getRangeAxis(), words);
        return chart;
    }

    /** The plan.json document as ordered maps, in English (no NaN: missing numbers are null). */
    public static Map<String, Object> json(Plan plan) {
        return json(plan, Messages.of(Lang.EN));
    }

    /**
     * As {@link #write(Plan, OutputDir)}; when the search was stopped early (Ctrl-C) plan.json also says
     * {@code "interrupted": true} and {@code "interruptedAt"} (ISO-8601 UTC), so a plan cut short is never
     * mistaken for one that ran its time limit.
     *
     * @param interruptedAt when the stop came, null when the search ran to its limit
     */
    public static void write(Plan plan, OutputDir dir, java.time.Instant interruptedAt) {
        write(plan, dir, Messages.of(Lang.EN), interruptedAt);
    }

    /** As {@link #write(Plan, OutputDir, java.time.Instant)}, reasons and notes in the given language. */
    public static void write(Plan plan, OutputDir dir, Messages words, java.time.Instant interruptedAt) {
        write(plan, dir, words);
        if (interruptedAt == null) return;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json(plan, words).entrySet()) {
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
    public static Map<String, Object> json(Plan plan, Messages words) {
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
        m.put("bound", nan(round2(plan.bound())));
        m.put("gapPercent", nan(round6(plan.gapPercent())));
        m.put("objectiveScaling", "objective = LP objective of --export-lp at this plan = soft score / 100 "
                + "(money in cents, hours in centihours); bound = an upper bound on the objective of any feasible plan, "
                + "rounding slack included");
        Plan.Quality q = plan.quality();
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("solver", q.solver());
        quality.put("engine", q.engine());
        quality.put("boundMethod", q.boundMethod());
        quality.put("provenOptimal", q.optimal());
        quality.put("lpObjective", nan(round2(q.lpObjective())));
        quality.put("heuristicObjective", nan(round2(q.heuristicObjective())));
        quality.put("heuristicSeconds", round3(q.heuristicSeconds()));
        quality.put("exactSeconds", round3(q.exactSeconds()));
        quality.put("nativeLoadSeconds", nan(round3(q.nativeLoadSeconds())));
        quality.put("steps", q.steps());
        quality.put("roundingSlack", round6(q.roundingSlack()));
        quality.put("neighbourhoods", q.neighbourhoods());
        quality.put("summary", words.render(qualityLine(plan)));
        m.put("quality", quality);
        m.put("seconds", Math.round(plan.seconds() * 1000) / 1000.0);
        m.put("unmet", render(plan.unmet(), words));
        m.put("warnings", render(plan.warnings(), words));
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
            x.put("reason", words.render(u.reason()));
            unc.add(x);
        }
        base.put("uncovered", unc);
        base.put("baselineProblems", render(b.baselineInfeasible(), words));
        m.put("baseline", base);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (Plan.ReasonCount r : plan.reasons()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("reason", r.code());
            x.put("count", r.count());
            x.put("accounts", r.accounts());
            rs.add(x);
        }
        m.put("uncoveredByReason", rs);
        List<Map<String, Object>> ep = new ArrayList<>();
        for (Plan.EffortPattern e : plan.effort()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("rating", e.rating());
            x.put("covered", e.covered());
            x.put("byLevel", e.byLevel());
            x.put("retentionShare", round4(e.retentionShare()));
            x.put("note", words.render(e.note()));
            ep.add(x);
        }
        m.put("effortPattern", ep);
        List<Map<String, Object>> curve = new ArrayList<>();
        for (Plan.CurvePoint c : plan.disruption().curve()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("maxMoves", c.maxMoves() < 0 ? null : c.maxMoves());
            x.put("objective", nan(round2(c.objective())));
            x.put("bound", nan(round2(c.bound())));
            x.put("movesUsed", c.movesUsed());
            curve.add(x);
        }
        m.put("gainVsMoves", curve);
        m.put("moves", plan.disruption().moves().size());
        List<Map<String, Object>> rec = new ArrayList<>();
        for (Plan.Recommendation r : plan.capacity().top()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", r.kind());
            x.put("soldier", r.soldierId());
            x.put("gain", round2(r.gain()));
            x.put("net", nan(round2(r.net())));
            x.put("text", words.render(r.text()));
            rec.add(x);
        }
        m.put("recommendations", rec);
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
            x.put("status", p.status());
            x.put("reason", words.render(p.reason()));
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
            x.put("minHours", round2(s.minHours()));
            x.put("hourValue", nan(round2(s.hourValue())));
            x.put("note", s.note() == null ? null : words.render(s.note()));
            ss.add(x);
        }
        m.put("soldiers", ss);
        return m;
    }

    /** "Within X% of the best possible plan under this model" (or proven optimal, or no bound). */
    public static Msg qualityLine(Plan plan) {
        String cur = plan.currency() == null ? "" : plan.currency();
        if (Double.isNaN(plan.gapPercent())) return Msg.of("assign.quality.none");
        if (plan.quality().optimal()) return Msg.of("assign.quality.optimal", plan.bound(), cur);
        return Msg.of("assign.quality.within", plan.gapPercent(), plan.bound(), cur);
    }

    private static List<String> render(List<Msg> msgs, Messages words) {
        List<String> out = new ArrayList<>();
        for (Msg x : msgs) out.add(words.render(x));
        return out;
    }

    /** Lines for the terminal after a run, in English. */
    public static List<String> summaryLines(Plan plan, java.nio.file.Path target) {
        return summaryLines(plan, target, Messages.of(Lang.EN));
    }

    /** Lines for the terminal after a run. */
    public static List<String> summaryLines(Plan plan, java.nio.file.Path target, Messages words) {
        List<String> out = new ArrayList<>();
        long covered = plan.accounts().stream().filter(a -> a.soldierId() != null).count();
        String cur = plan.currency() == null || plan.currency().isEmpty() ? "" : plan.currency() + " ";
        out.add(String.format(Locale.ROOT, "Plan: %d of %d accounts covered, %d products offered; score %s.",
                covered, plan.accounts().size(), plan.products().size(), plan.score()));
        out.add(words.render(qualityLine(plan)) + " (" + plan.quality().solver() + ", " + plan.quality().engine() + ", "
                + plan.quality().boundMethod() + ")");
        Plan.Baseline b = plan.baseline();
        out.add(String.format(Locale.ROOT, "Objective %s%,.2f vs baseline %s%,.2f; expected uplift %s%,.0f vs %s%,.0f "
                        + "(+%s%,.0f); %d accounts moved, %d dropped, %d uncovered.",
                cur, plan.objective(), cur, b.objective(), cur, b.planUplift(), cur, b.uplift(), cur, b.upliftAdded(),
                b.accountsMoved(), b.accountsDropped(), b.uncovered().size()));
        for (Plan.Recommendation r : plan.capacity().top()) out.add("  * " + words.render(r.text()));
        if (plan.unmet().isEmpty()) {
            out.add("Every rule is met.");
        } else {
            out.add("Cannot be met (" + plan.unmet().size() + "):");
            int k = 0;
            for (Msg u : plan.unmet()) {
                if (k++ == 10) {
                    out.add("  ... and " + (plan.unmet().size() - 10) + " more in plan.json");
                    break;
                }
                out.add("  - " + words.render(u));
            }
        }
        for (Msg w : plan.warnings()) out.add("Note: " + words.render(w));
        out.add("Wrote " + target + "/" + String.join(", ", FILES));
        return out;
    }

    /** A money or hours amount for a CSV cell: two decimals, plain digits (no exponent), empty when unknown. */
    private static String money(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static Double nan(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static double round2(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    private static double round3(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }

    private static double round4(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0;
    }

    private static double round6(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
