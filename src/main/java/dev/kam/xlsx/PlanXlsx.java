package dev.kam.xlsx;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.run.RunResults;
import dev.kam.simulation.Metric;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.DepartmentTarget;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.kam.xlsx.SheetWriter.Type.BOOL;
import static dev.kam.xlsx.SheetWriter.Type.COUNT;
import static dev.kam.xlsx.SheetWriter.Type.HOURS;
import static dev.kam.xlsx.SheetWriter.Type.MONEY;
import static dev.kam.xlsx.SheetWriter.Type.NUMBER;
import static dev.kam.xlsx.SheetWriter.Type.PERCENT;
import static dev.kam.xlsx.SheetWriter.Type.TEXT;
import static dev.kam.xlsx.SheetWriter.Type.YEAR;

/**
 * {@code plan.xlsx}: the run's results as one workbook a manager can filter and sort (SPEC §10). Sheets:
 * summary, assignments, moves, soldiers, products, targets, departments, percentiles; typed cells
 * (amounts in the scenario currency, shares as percentages), frozen header rows, autofilters, a font
 * with Chinese glyphs.
 *
 * <p>A pure function of {@link Input}: the stage results as values, never files another writer wrote.
 * The moves sheet lists every account whose lead changes against today's owner (taken, given, or
 * newly covered), from the plan's own comparison with today.
 */
public final class PlanXlsx {
    /** The file a run writes under its output folder. */
    public static final String FILE = "plan.xlsx";
    /** The sheets, in workbook order. */
    public static final List<String> SHEETS = List.of("summary", "assignments", "moves", "soldiers", "products",
            "targets", "departments", "percentiles");

    private PlanXlsx() {
    }

    /**
     * What the workbook shows: the stage results of one run.
     *
     * @param scenario   the scenario as read
     * @param analysis   its analysis (tiers and ratings)
     * @param targets    the yearly and department targets
     * @param plan       the assignment plan
     * @param simulation the simulation under the plan; null when it did not run (the sheets it feeds are empty)
     */
    public record Input(Scenario scenario, Analysis analysis, Targets targets, Plan plan, SimulationResult simulation) {
        public Input {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(analysis, "analysis");
            Objects.requireNonNull(targets, "targets");
            Objects.requireNonNull(plan, "plan");
        }

        /** The workbook's input from a run's results; empty when the run made no plan (or no analysis or targets). */
        public static Optional<Input> of(RunResults r) {
            if (r.analysis().isEmpty() || r.targets().isEmpty() || r.plan().isEmpty()) return Optional.empty();
            return Optional.of(new Input(r.scenario(), r.analysis().get(), r.targets().get(), r.plan().get(),
                    r.simulation().orElse(null)));
        }
    }

    /** Writes the workbook to {@code file} (created or replaced; the caller chooses a staging path). */
    public static void write(Input in, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(in, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the workbook to a stream (not closed). */
    public static void write(Input in, OutputStream out) throws IOException {
        Scenario s = in.scenario();
        try (SheetWriter w = new SheetWriter(out, s.currency())) {
            summary(w, in);
            assignments(w, in);
            moves(w, in);
            soldiers(w, in);
            products(w, in);
            targets(w, in);
            departments(w, in);
            percentiles(w, in);
        }
    }

    private static Map<String, String> soldierNames(Scenario s) {
        Map<String, String> m = new HashMap<>();
        for (Soldier so : s.soldiers()) m.putIfAbsent(so.id(), so.name());
        return m;
    }

    private static void summary(SheetWriter w, Input in) {
        Scenario s = in.scenario();
        Plan p = in.plan();
        Plan.Baseline b = p.baseline();
        List<Object[]> rows = new ArrayList<>();
        List<SheetWriter.Type> types = new ArrayList<>();
        add(rows, types, "Scenario", s.name(), TEXT);
        add(rows, types, "Currency", s.currency(), TEXT);
        add(rows, types, "Base year", s.baseYear(), YEAR);
        add(rows, types, "Accounts", s.accounts().size(), COUNT);
        add(rows, types, "Soldiers", s.soldiers().size(), COUNT);
        add(rows, types, "Products", s.products().size(), COUNT);
        add(rows, types, "Revenue today (per year)", s.totalRevenue(), MONEY);
        add(rows, types, "Plan keeps every rule", p.feasible(), BOOL);
        add(rows, types, "Expected gross-profit uplift of the plan (per year)", b.planUplift(), MONEY);
        add(rows, types, "Uplift with today's owners (per year)", b.uplift(), MONEY);
        add(rows, types, "Uplift added by the plan (per year)", b.upliftAdded(), MONEY);
        add(rows, types, "Accounts moved to another lead", b.accountsMoved(), COUNT);
        add(rows, types, "Accounts with an owner today left uncovered", b.accountsDropped(), COUNT);
        add(rows, types, "Accounts the plan leaves uncovered", b.uncovered().size(), COUNT);
        add(rows, types, "Rules that cannot be met", p.unmet().size(), COUNT);
        SimulationResult r = in.simulation();
        if (r != null && r.horizon() > 0) {
            int last = r.years()[r.horizon() - 1];
            int y = r.horizon() - 1;
            add(rows, types, "Simulated paths", r.paths(), COUNT);
            add(rows, types, "Goal year", last, YEAR);
            var goal = r.hit(Metric.KEY_ACCOUNT_REVENUE.code(), last);
            add(rows, types, "P(key-account revenue target met in the goal year)", goal.value(), PERCENT);
            add(rows, types, "… its 95% interval, low (Wilson)", goal.ciLow(), PERCENT);
            add(rows, types, "… its 95% interval, high (Wilson)", goal.ciHigh(), PERCENT);
            var all = r.hit(TargetHit.ALL, last);
            add(rows, types, "P(every key-account target met in the goal year)", all.value(), PERCENT);
            add(rows, types, "… its 95% interval, low", all.ciLow(), PERCENT);
            add(rows, types, "… its 95% interval, high", all.ciHigh(), PERCENT);
            add(rows, types, "Median key-account revenue in the goal year", r.stats(Metric.KEY_ACCOUNT_REVENUE, y).p50(), MONEY);
            YearTarget t = in.targets().year(last);
            if (t != null) add(rows, types, "Key-account revenue target for the goal year", t.keyAccountRevenue(), MONEY);
            add(rows, types, "Median total revenue in the goal year", r.stats(Metric.TOTAL_REVENUE, y).p50(), MONEY);
            add(rows, types, "Median key-account count in the goal year", r.stats(Metric.KEY_ACCOUNT_COUNT, y).p50(), NUMBER);
        }
        // the value column mixes types: each cell gets its own format
        w.table("summary", List.of(new SheetWriter.Column("item", TEXT), new SheetWriter.Column("value", TEXT)),
                rows, (row, c) -> c == 1 ? types.get(row) : TEXT);
    }

    private static void add(List<Object[]> rows, List<SheetWriter.Type> types, String item, Object value,
                            SheetWriter.Type type) {
        rows.add(new Object[] {item, value});
        types.add(type);
    }

    private static void assignments(SheetWriter w, Input in) {
        Map<String, String> names = soldierNames(in.scenario());
        List<Object[]> rows = new ArrayList<>();
        for (Plan.AccountPlan a : in.plan().accounts()) {
            AccountAssessment as = in.analysis().get(a.accountId());
            rows.add(new Object[] {a.accountId(), a.name(), as == null ? null : as.tier().code(),
                a.rating() + "A", a.owner(), a.owner() == null ? null : names.get(a.owner()), a.soldierId(),
                a.soldierId() == null ? null : names.get(a.soldierId()), a.effortName(), a.hours(), a.uplift(),
                a.value(), a.fit(), moved(a), (a.reason() == null ? null : EN.render(a.reason()))});
        }
        w.table("assignments", List.of(col("account", TEXT), col("name", TEXT), col("tier", TEXT), col("rating", TEXT),
                col("today's owner", TEXT), col("owner name", TEXT), col("lead", TEXT), col("lead name", TEXT),
                col("effort", TEXT), col("hours per year", HOURS), col("expected uplift per year", MONEY),
                col("objective value", MONEY), col("fit", PERCENT), col("moved", BOOL), col("reason", TEXT)), rows);
    }

    private static boolean moved(Plan.AccountPlan a) {
        return !Objects.equals(a.owner(), a.soldierId());
    }

    private static void moves(SheetWriter w, Input in) {
        Map<String, String> names = soldierNames(in.scenario());
        Map<String, Double> worth = new HashMap<>();
        for (Plan.Move mv : in.plan().disruption().moves()) worth.put(mv.accountId(), mv.value());
        List<Object[]> rows = new ArrayList<>();
        for (Plan.AccountPlan a : in.plan().accounts()) {
            if (!moved(a)) continue;
            Double value = worth.get(a.accountId());
            String change = a.owner() == null ? "newly covered" : a.soldierId() == null ? "left uncovered" : "new lead";
            rows.add(new Object[] {a.accountId(), a.name(), change, a.owner(), a.owner() == null ? null : names.get(a.owner()),
                a.soldierId(), a.soldierId() == null ? null : names.get(a.soldierId()), a.hours(), a.uplift(),
                value == null || value.isNaN() ? null : value, (a.reason() == null ? null : EN.render(a.reason()))});
        }
        w.table("moves", List.of(col("account", TEXT), col("name", TEXT), col("change", TEXT), col("from", TEXT),
                col("from name", TEXT), col("to", TEXT), col("to name", TEXT), col("hours per year", HOURS),
                col("expected uplift per year", MONEY), col("value of the move", MONEY), col("reason", TEXT)), rows);
    }

    /** The workbook's words (its headers are English; reasons rendered to match). */
    private static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);

    private static void soldiers(SheetWriter w, Input in) {
        Map<String, Soldier> byId = new HashMap<>();
        for (Soldier s : in.scenario().soldiers()) byId.putIfAbsent(s.id(), s);
        List<Object[]> rows = new ArrayList<>();
        for (Plan.SoldierPlan p : in.plan().soldiers()) {
            Soldier s = byId.get(p.soldierId());
            rows.add(new Object[] {p.soldierId(), p.name(), s == null ? null : s.layer().code(), s == null ? null : s.stars(),
                p.accountsLed(), p.hoursUsed(), p.capacity(), p.utilization(), s == null ? null : s.annualCost()});
        }
        w.table("soldiers", List.of(col("soldier", TEXT), col("name", TEXT), col("layer", TEXT), col("stars", COUNT),
                col("accounts led", COUNT), col("hours planned", HOURS), col("capacity hours", HOURS),
                col("utilization", PERCENT), col("annual cost", MONEY)), rows);
    }

    private static void products(SheetWriter w, Input in) {
        Map<String, String> accountNames = new HashMap<>();
        for (Account a : in.scenario().accounts()) accountNames.putIfAbsent(a.id(), a.name());
        List<Object[]> rows = new ArrayList<>();
        for (Plan.ProductPlan p : in.plan().products()) {
            rows.add(new Object[] {p.accountId(), accountNames.get(p.accountId()), p.productId(), p.productName(),
                p.uplift(), p.value()});
        }
        w.table("products", List.of(col("account", TEXT), col("account name", TEXT), col("product", TEXT),
                col("product name", TEXT), col("expected uplift per year", MONEY), col("objective value", MONEY)), rows);
    }

    private static void targets(SheetWriter w, Input in) {
        List<Object[]> rows = new ArrayList<>();
        for (YearTarget t : in.targets().years()) {
            rows.add(new Object[] {t.year(), t.totalRevenue(), t.keyAccountRevenue(), t.keyAccountCount(),
                t.keyAccountShare(), t.ordersPerAccount(), t.orderValue(), t.growth()});
        }
        w.table("targets", List.of(col("year", YEAR), col("total revenue", MONEY), col("key-account revenue", MONEY),
                col("key accounts", NUMBER), col("key-account share", PERCENT), col("orders per key account", NUMBER),
                col("order value", MONEY), col("growth", PERCENT)), rows);
    }

    private static void departments(SheetWriter w, Input in) {
        List<Object[]> rows = new ArrayList<>();
        for (DepartmentTarget d : in.targets().departments()) {
            rows.add(new Object[] {d.year(), d.department(), d.metric(), d.baseline(), d.target(), d.change(), d.text()});
        }
        w.table("departments", List.of(col("year", YEAR), col("department", TEXT), col("metric", TEXT),
                col("baseline", NUMBER), col("target", NUMBER), col("change", PERCENT), col("target as a sentence", TEXT)),
                rows);
    }

    private static void percentiles(SheetWriter w, Input in) {
        SimulationResult r = in.simulation();
        List<Object[]> rows = new ArrayList<>();
        List<SheetWriter.Type> kinds = new ArrayList<>();
        if (r != null) {
            int[] years = r.years();
            for (Metric m : Metric.values()) {
                for (int y = 0; y < years.length; y++) {
                    Stats st = r.stats(m, y);
                    double target = Double.NaN;
                    double p = Double.NaN;
                    double lo = Double.NaN;
                    double hi = Double.NaN;
                    for (TargetHit h : r.targetHits()) {
                        if (h.year() == years[y] && h.metric().equals(m.code())) {
                            target = h.target();
                            p = h.probability();
                            lo = h.ciLow();
                            hi = h.ciHigh();
                        }
                    }
                    rows.add(new Object[] {years[y], m.code(), st.p5(), st.p10(), st.p25(), st.p50(), st.p75(), st.p90(),
                        st.p95(), st.mean(), st.stderr(), target, p, lo, hi});
                    kinds.add(m == Metric.KEY_ACCOUNT_SHARE ? PERCENT : m == Metric.KEY_ACCOUNT_COUNT ? NUMBER : MONEY);
                }
            }
        }
        // the value columns take the metric's unit: money, a count, or a share
        w.table("percentiles", List.of(col("year", YEAR), col("metric", TEXT), col("p5", NUMBER),
                col("p10", NUMBER), col("p25", NUMBER), col("p50", NUMBER), col("p75", NUMBER), col("p90", NUMBER),
                col("p95", NUMBER), col("mean", NUMBER), col("standard error", NUMBER), col("target", NUMBER),
                col("P(target met)", PERCENT), col("95% interval, low", PERCENT), col("95% interval, high", PERCENT)), rows,
                (row, c) -> c == 0 ? YEAR : c == 1 ? TEXT : c >= 12 ? PERCENT : kinds.get(row));
    }

    private static SheetWriter.Column col(String header, SheetWriter.Type type) {
        return new SheetWriter.Column(header, type);
    }
}
