package dev.kam.report.html;

import dev.kam.assign.Plan;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.i18n.Messages;
import dev.kam.report.LegacyMessages;
import dev.kam.report.html.Page.Cell;
import dev.kam.report.html.Page.Group;
import dev.kam.report.html.Page.Kpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The plan section in a manager's words: what the plan changes, each soldier's book of accounts with its
 * hours and what moves in and out, soldiers with little work and why, and the reasons behind uncovered
 * accounts and broken rules counted by rule (the detail on demand). The solver's score levels and the LP
 * objective are in the technical appendix, not here.
 */
final class PlanPart {
    /** A soldier below this utilization is listed as underused, with the reasons the data give. */
    static final double UNDERUSED = 0.5;

    private PlanPart() {
    }

    /** How an account's lead changes under the plan. */
    enum Move { KEPT, NEW, MOVED, DROPPED, UNCOVERED }

    static Move move(Plan.AccountPlan a) {
        if (a.soldierId() == null) return a.owner() == null ? Move.UNCOVERED : Move.DROPPED;
        if (a.owner() == null) return Move.NEW;
        return a.soldierId().equals(a.owner()) ? Move.KEPT : Move.MOVED;
    }

    static Page.Plan build(Plan p, Scenario sc, Messages m, PageBuilder.Names names, List<Page.Figure> figures) {
        String cur = sc.currency();
        Map<Move, Integer> moves = new LinkedHashMap<>();
        for (Move x : Move.values()) moves.put(x, 0);
        for (Plan.AccountPlan a : p.accounts()) moves.merge(move(a), 1, Integer::sum);
        int covered = moves.get(Move.KEPT) + moves.get(Move.NEW) + moves.get(Move.MOVED);
        int without = moves.get(Move.DROPPED) + moves.get(Move.UNCOVERED);
        Plan.Baseline b = p.baseline();
        String headline = m.get("report.plan.headline", covered, p.accounts().size(), moves.get(Move.KEPT),
                moves.get(Move.MOVED), moves.get(Move.NEW), without, moves.get(Move.DROPPED),
                m.signedMoney(b.upliftAdded(), cur), m.money(b.uplift(), cur), m.money(b.planUplift(), cur));

        List<Kpi> kpis = List.of(
                new Kpi(m.get("report.plan.kpi.covered"), m.get("report.plan.kpi.covered.value", covered, p.accounts().size()),
                        m.get("report.plan.kpi.covered.detail", moves.get(Move.KEPT), moves.get(Move.NEW))),
                new Kpi(m.get("report.plan.kpi.moved"), m.integer(moves.get(Move.MOVED)),
                        m.get("report.plan.kpi.moved.detail", moves.get(Move.DROPPED))),
                new Kpi(m.get("report.plan.kpi.uplift"), m.signedMoney(b.upliftAdded(), cur),
                        m.get("report.plan.kpi.uplift.detail", m.money(b.planUplift(), cur), m.money(b.uplift(), cur))));

        Map<String, List<String>> offers = new LinkedHashMap<>();
        Map<String, double[]> byProduct = new LinkedHashMap<>();
        for (Plan.ProductPlan pp : p.products()) {
            offers.computeIfAbsent(pp.accountId(), k -> new ArrayList<>()).add(names.productName(pp.productId()));
            double[] v = byProduct.computeIfAbsent(pp.productId(), k -> new double[2]);
            v[0]++;
            v[1] += pp.uplift();
        }

        Rows soldiers = new Rows().text(m.get("report.col.soldier")).num(m.get("report.col.hoursUsed"))
                .num(m.get("report.col.capacity")).num(m.get("report.col.utilization")).num(m.get("report.col.accountsLed"))
                .num(m.get("report.plan.col.kept")).num(m.get("report.plan.col.in")).num(m.get("report.plan.col.new"))
                .num(m.get("report.plan.col.out")).num(m.get("report.col.expectedUplift"));
        List<Page.Book> books = new ArrayList<>();
        List<Page.Note> underused = new ArrayList<>();
        for (Plan.SoldierPlan sp : p.soldiers()) {
            String id = sp.soldierId();
            List<Plan.AccountPlan> led = p.accounts().stream().filter(a -> id.equals(a.soldierId())).toList();
            List<Plan.AccountPlan> out = p.accounts().stream()
                    .filter(a -> id.equals(a.owner()) && !id.equals(a.soldierId())).toList();
            int kept = count(led, Move.KEPT);
            int in = count(led, Move.MOVED);
            int fresh = count(led, Move.NEW);
            double uplift = led.stream().mapToDouble(Plan.AccountPlan::uplift).sum();
            String css = sp.utilization() >= 0.95 ? "num bad" : sp.utilization() < UNDERUSED ? "num fair" : "num";
            soldiers.row(names.soldier(id), Cell.num(hours(m, sp.hoursUsed())), Cell.num(hours(m, sp.capacity())),
                    new Cell(m.percent(sp.utilization()), null, css), Cell.num(m.integer(sp.accountsLed())),
                    Cell.num(m.integer(kept)), Cell.num(m.integer(in)), Cell.num(m.integer(fresh)),
                    Cell.num(m.integer(out.size())), Cell.num(m.money(uplift, cur)));

            Rows book = new Rows().text(m.get("report.col.account")).text(m.get("report.col.rating"))
                    .text(m.get("report.col.effort")).num(m.get("report.col.hours")).num(m.get("report.col.expectedUplift"))
                    .text(m.get("report.col.products")).text(m.get("report.col.change"));
            for (Plan.AccountPlan a : led) {
                Move mv = move(a);
                Cell change = switch (mv) {
                    case KEPT -> Cell.of(m.get("report.plan.change.kept"));
                    case NEW -> new Cell(m.get("report.plan.change.new"), null, "in");
                    default -> new Cell(m.get("report.plan.change.from", names.soldierLabel(a.owner())), null, "in");
                };
                List<String> prods = offers.getOrDefault(a.accountId(), List.of());
                book.row(names.account(a.accountId()), Cell.of(a.rating() + "A"), Cell.of(effort(m, a.effortName())),
                        Cell.num(hours(m, a.hours())), Cell.num(m.money(a.uplift(), cur)),
                        Cell.of(prods.isEmpty() ? "" : String.join(m.get("common.listSeparator"), prods)), change);
            }
            List<String> movesOut = new ArrayList<>();
            for (Plan.AccountPlan a : out) {
                movesOut.add(a.soldierId() == null
                        ? m.get("report.plan.out.uncovered", names.accountLabel(a.accountId()))
                        : m.get("report.plan.out.to", names.accountLabel(a.accountId()), names.soldierLabel(a.soldierId())));
            }
            String summary = m.get("report.plan.book.summary", led.size(), hours(m, sp.hoursUsed()), hours(m, sp.capacity()),
                    m.percent(sp.utilization()), in + fresh, out.size());
            books.add(new Page.Book(names.soldierLabel(id), summary, book.open(null), movesOut));
            if (sp.utilization() < UNDERUSED) {
                Soldier soldier = names.soldierOf(id);
                List<String> reasons = new ArrayList<>();
                for (Msg x : LegacyMessages.underused(sp, soldier)) reasons.add(m.render(x));
                underused.add(new Page.Note(names.soldierLabel(id), m.get("report.plan.underused.load",
                        hours(m, sp.hoursUsed()), hours(m, sp.capacity()), m.percent(sp.utilization()), sp.accountsLed()),
                        reasons));
            }
        }

        List<Group> uncovered = groups(b.uncovered(), u -> LegacyMessages.rule(u.reason()),
                u -> names.accountLabel(u.accountId()), m);
        List<Group> todayBreaks = groups(b.baselineInfeasible(), LegacyMessages::rule, x -> null, m);
        List<Group> unmet = groups(p.unmet(), LegacyMessages::rule, x -> null, m);

        Page.Table products = null;
        if (!byProduct.isEmpty()) {
            Rows t = new Rows().text(m.get("report.col.product")).num(m.get("report.col.accountsOffered"))
                    .num(m.get("report.col.expectedUplift"));
            List<Map.Entry<String, double[]>> ranked = new ArrayList<>(byProduct.entrySet());
            ranked.sort((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1]));
            for (Map.Entry<String, double[]> e : ranked) {
                t.row(Cell.named(names.productName(e.getKey()), e.getKey()), Cell.num(m.integer((long) e.getValue()[0])),
                        Cell.num(m.money(e.getValue()[1], cur)));
            }
            products = t.open("plan/products.csv");
        }
        String quality = quality(p, m);
        return new Page.Plan(headline, quality, kpis, soldiers.open("plan/soldiers.csv"), books, underused, uncovered,
                todayBreaks, unmet, products, moves(p, m, names, cur), curve(p, m, cur), figures, recommendations(p, m));
    }

    /** How close the plan is to the best possible under the model, in a manager's words (no scores or objectives). */
    static String quality(Plan p, Messages m) {
        if (Double.isNaN(p.gapPercent())) return m.get("report.plan.quality.none");
        if (p.quality().optimal() || p.gapPercent() < 5e-5) return m.get("report.plan.quality.optimal");
        return m.get("report.plan.quality.within", p.gapPercent());
    }

    /** Most moves a report table lists; the rest are in plan/moves.csv. */
    static final int MOVES_SHOWN = 20;

    /**
     * Each priced change of lead with its value (the objective with it minus the best plan without it), most valuable
     * first; moves forced by the rules (today's owner may not lead the account any more) have no price and are
     * counted in the table's summary line instead.
     */
    static Page.Table moves(Plan p, Messages m, PageBuilder.Names names, String cur) {
        List<Plan.Move> priced = new ArrayList<>();
        int forced = 0;
        for (Plan.Move mv : p.disruption().moves()) {
            if (Double.isNaN(mv.value())) forced++;
            else priced.add(mv);
        }
        if (priced.isEmpty() && forced == 0) return null;
        priced.sort((x, y) -> Double.compare(y.value(), x.value()));
        Rows t = new Rows().text(m.get("report.col.account")).text(m.get("report.plan.col.from"))
                .text(m.get("report.plan.col.to")).num(m.get("report.plan.col.moveValue")).text(m.get("report.col.why"));
        for (Plan.Move mv : priced.subList(0, Math.min(MOVES_SHOWN, priced.size()))) {
            t.row(names.account(mv.accountId()), Cell.of(names.soldierLabel(mv.from())),
                    Cell.of(mv.to() == null ? m.get("report.plan.noLead") : names.soldierLabel(mv.to())),
                    Cell.num(m.signedMoney(mv.value(), cur)),
                    Cell.of(mv.reason() == null ? "" : m.render(mv.reason())));
        }
        Page.Table table = t.open("plan/moves.csv");
        String summary = m.get("report.plan.movesSummary", Math.min(MOVES_SHOWN, priced.size()), priced.size(), forced,
                "plan/moves.csv");
        return new Page.Table(table.header(), table.numeric(), table.rows(), summary, table.file());
    }

    /** The gain-vs-moves curve: best objective found and proven bound with at most N changes of lead. */
    static Page.Table curve(Plan p, Messages m, String cur) {
        List<Plan.CurvePoint> pts = p.disruption().curve();
        if (pts.isEmpty()) return null;
        double none = Double.NaN;
        for (Plan.CurvePoint c : pts) if (c.maxMoves() == 0) none = c.objective();
        Rows t = new Rows().text(m.get("report.plan.col.maxMoves")).num(m.get("report.plan.col.movesUsed"))
                .num(m.get("report.plan.col.gain")).num(m.get("report.plan.col.bound"));
        for (Plan.CurvePoint c : pts) {
            t.row(Cell.of(c.maxMoves() < 0 ? m.get("report.plan.unlimited") : m.integer(c.maxMoves())),
                    Cell.num(m.integer(c.movesUsed())),
                    Cell.num(Double.isNaN(none) || Double.isNaN(c.objective()) ? "–" : m.signedMoney(c.objective() - none, cur)),
                    Cell.num(Double.isNaN(c.bound()) ? "–" : m.money(c.bound(), cur)));
        }
        return t.open("plan/gain-vs-moves.csv");
    }

    /** Hire-or-certify recommendations in the seed's order (certify before you hire). */
    static List<String> recommendations(Plan p, Messages m) {
        List<String> out = new ArrayList<>();
        for (Plan.Recommendation r : p.capacity().top()) out.add(m.render(r.text()));
        return out;
    }

    /**
     * Items grouped by the rule of their reason, largest group first; each item is its subject (an account)
     * and the reason in words.
     */
    static <T> List<Group> groups(List<T> items, Function<T, LegacyMessages.Reason> reason,
                                  Function<T, String> subject, Messages m) {
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        for (T x : items) {
            LegacyMessages.Reason why = reason.apply(x);
            String who = subject.apply(x);
            String text = m.render(why.msg());
            byRule.computeIfAbsent(why.rule(), k -> new ArrayList<>()).add(who == null ? text : m.get("report.plan.item", who, text));
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byRule.entrySet()) {
            out.add(new Group(m.getOr("report.rule." + e.getKey(), m.get("report.rule.other")), e.getValue().size(),
                    e.getValue()));
        }
        out.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return out;
    }

    private static int count(List<Plan.AccountPlan> accounts, Move move) {
        return (int) accounts.stream().filter(a -> move(a) == move).count();
    }

    static String hours(Messages m, double h) {
        return m.get("report.hours", h);
    }

    /** An effort level's name for the reader ("standard", "标准"), or the configured name. */
    static String effort(Messages m, String name) {
        return name == null ? "" : m.getOr("report.effort." + name, Objects.toString(name));
    }
}
