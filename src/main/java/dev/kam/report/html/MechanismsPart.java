package dev.kam.report.html;

import dev.kam.funnel.FunnelResult;
import dev.kam.i18n.Messages;
import dev.kam.mechanisms.Compensation;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.mechanisms.StarReview;
import dev.kam.practice.MechanismsStage;
import dev.kam.projects.OperatingReport;
import dev.kam.projects.ProjectHtml;
import dev.kam.projects.Process;
import dev.kam.report.html.Page.Cell;
import dev.kam.report.html.Page.FileLink;
import dev.kam.report.html.Page.Figure;
import dev.kam.report.html.Page.Kpi;
import dev.kam.run.RunResults;
import dev.kam.simulation.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mechanisms section of the report (SPEC §12): what the plan costs in compensation and whether it pays, the
 * stars soldiers hold and would hold on the base year's results, each soldier's funnel against the 3–5 rule, the
 * processes the register opened and a link to each account's operating report. Words from the
 * {@code mechanisms} bundle, figures from the run's {@link MechanismsStage.Result}.
 */
final class MechanismsPart {
    /** Where the operating reports are, relative to report.html. */
    static final String PROJECTS = "projects/";

    private MechanismsPart() {
    }

    static Page.Mechanisms build(MechanismsStage.Result x, RunResults r, Messages m, List<Figure> funnelFigures) {
        String cur = r.scenario().currency();
        Compensation.FirstYear f = x.first();
        SimulatedCompensation.Result sim = x.simulated();
        String roiDetail = m.get("mechanisms.report.kpi.roi.detail", m.year(f.year()));
        if (sim != null) {
            Stats roi = sim.figure(f.year(), "roi").stats();
            roiDetail = m.get("mechanisms.report.kpi.roi.spread", m.year(f.year()), m.signedMoney(roi.p5(), cur),
                    m.signedMoney(roi.p95(), cur), r.scenario().strategy().horizonYears(),
                    m.signedMoney(sim.horizon().p50(), cur));
        }
        List<Kpi> kpis = new java.util.ArrayList<>(List.of(
                new Kpi(m.get("mechanisms.report.kpi.roi"), m.signedMoney(f.roi(), cur), roiDetail),
                new Kpi(m.get("mechanisms.roi.incremental"), m.signedMoney(f.incrementalCompensation(), cur),
                        m.get("mechanisms.report.kpi.compensation.detail", m.money(f.plan().total(), cur),
                                m.money(f.baseline().total(), cur))),
                new Kpi(m.get("mechanisms.roi.hiring"), m.money(f.hiringCost(), cur),
                        m.get("mechanisms.report.kpi.hiring.detail", r.scenario().mechanisms().hires().size()))));
        if (sim != null && !sim.leadsLost().isEmpty()) kpis.add(leadsLost(sim, m));

        Rows comp = new Rows().text(m.get("mechanisms.report.col.figure")).num(m.get("mechanisms.report.col.expected", m.year(f.year())));
        if (sim != null) {
            comp.num(m.get("mechanisms.report.col.p5")).num(m.get("mechanisms.report.col.p50"))
                    .num(m.get("mechanisms.report.col.p95"));
        }
        // label key, simulated metric, expected value, signed
        Object[][] figures = {
                {"mechanisms.roi.uplift", "grossProfitUplift", f.grossProfitUplift(), true},
                {"mechanisms.col.salary", "salary", f.plan().salary(), false},
                {"mechanisms.col.commission", "commission", f.plan().commission(), false},
                {"mechanisms.col.pk", "pkBonus", f.plan().pk(), false},
                {"mechanisms.roi.compensation", "compensation", f.plan().total(), false},
                {"mechanisms.roi.baseline", "baselineCompensation", f.baseline().total(), false},
                {"mechanisms.roi.incremental", "incrementalCompensation", f.incrementalCompensation(), true},
                {"mechanisms.roi.hiring", "hiringCost", f.hiringCost(), false},
                {"mechanisms.roi.roi", "roi", f.roi(), true}};
        for (Object[] row : figures) {
            boolean signed = (Boolean) row[3];
            Cell label = Cell.of(m.get((String) row[0]));
            Cell expected = Cell.num(amount(m, (Double) row[2], cur, signed));
            if (sim == null) {
                comp.row(label, expected);
                continue;
            }
            Stats st = sim.figure(f.year(), (String) row[1]).stats();
            comp.row(label, expected, Cell.num(amount(m, st.p5(), cur, signed)), Cell.num(amount(m, st.p50(), cur, signed)),
                    Cell.num(amount(m, st.p95(), cur, signed)));
        }
        if (sim != null) {
            Stats h = sim.horizon();
            comp.row(Cell.of(m.get("mechanisms.report.horizonRoi", r.scenario().strategy().horizonYears())),
                    Cell.num("–"), Cell.num(m.signedMoney(h.p5(), cur)), Cell.num(m.signedMoney(h.p50(), cur)),
                    Cell.num(m.signedMoney(h.p95(), cur)));
        }

        return new Page.Mechanisms(kpis, comp.open("mechanisms/compensation.csv"),
                m.get(sim == null ? "mechanisms.report.note" : "mechanisms.report.note.simulated", m.year(f.year()),
                        sim == null ? 0 : r.simulation().map(x2 -> x2.paths()).orElse(0)), stars(x.stars(), sim, m), funnel(x.funnel(), m),
                x.funnel().present() ? funnelFigures : List.of(), register(x, m), links(x.projects().reports()),
                PROJECTS + "index.html");
    }

    /** The leads the simulated stars took away (or that they only watch: mechanisms.stars.takeLeads false). */
    static Kpi leadsLost(SimulatedCompensation.Result sim, Messages m) {
        List<SimulatedCompensation.LeadsLost> lost = sim.leadsLost();
        SimulatedCompensation.LeadsLost first = lost.get(0);
        SimulatedCompensation.LeadsLost last = lost.get(lost.size() - 1);
        if (!sim.takesLeads()) {
            return new Kpi(m.get("mechanisms.report.kpi.leadsLost"), m.get("mechanisms.report.kpi.leadsLost.off"),
                    m.get("mechanisms.report.kpi.leadsLost.offDetail"));
        }
        return new Kpi(m.get("mechanisms.report.kpi.leadsLost"), m.number(last.cumulative(), 1),
                m.get("mechanisms.report.kpi.leadsLost.detail", first.leads(), m.year(last.year() + 1),
                        m.number(last.cumulative() / lost.size(), 1), m.percent1(first.pAny()), m.year(first.year()),
                        m.number(sumOf(lost, true), 1), m.number(sumOf(lost, false), 1)));
    }

    private static double sumOf(List<SimulatedCompensation.LeadsLost> lost, boolean eligibility) {
        double t = 0;
        for (SimulatedCompensation.LeadsLost l : lost) t += eligibility ? l.byEligibility() : l.byElimination();
        return t;
    }

    private static String amount(Messages m, double v, String cur, boolean signed) {
        return signed ? m.signedMoney(v, cur) : m.money(v, cur);
    }

    /**
     * Soldiers per number of stars: as soldiers.csv lists them, as recomputed on the base year and, when simulated,
     * by their median stars at the end of the horizon's last year (a median between two levels counts as the lower).
     */
    static Page.Table stars(List<StarReview.Row> rows, SimulatedCompensation.Result sim, Messages m) {
        int[] listed = new int[6];
        int[] computed = new int[6];
        for (StarReview.Row s : rows) {
            listed[s.listed()]++;
            computed[s.computed()]++;
        }
        int[] last = new int[6];
        int lastYear = Integer.MIN_VALUE;
        if (sim != null) {
            for (SimulatedCompensation.StarYear y : sim.stars()) lastYear = Math.max(lastYear, y.year());
            for (SimulatedCompensation.StarYear y : sim.stars()) {
                if (y.year() == lastYear) last[Math.max(1, Math.min(5, (int) Math.floor(y.starsP50())))]++;
            }
        }
        boolean simulated = sim != null && !sim.stars().isEmpty();
        Rows t = new Rows().text(m.get("mechanisms.report.col.stars")).num(m.get("mechanisms.col.listed"))
                .num(m.get("mechanisms.col.computed"));
        if (simulated) t.num(m.get("mechanisms.report.col.starsSimulated", m.year(lastYear)));
        for (int k = 5; k >= 1; k--) {
            if (simulated) {
                t.row(Cell.of("★".repeat(k)), Cell.num(m.integer(listed[k])), Cell.num(m.integer(computed[k])),
                        Cell.num(m.integer(last[k])));
            } else {
                t.row(Cell.of("★".repeat(k)), Cell.num(m.integer(listed[k])), Cell.num(m.integer(computed[k])));
            }
        }
        return t.open("mechanisms/stars.csv");
    }

    /** Each soldier's pipeline against the rule; null without a pipeline. */
    static Page.Table funnel(FunnelResult f, Messages m) {
        if (!f.present()) return null;
        Rows t = new Rows().text(m.get("mechanisms.col.soldier")).num(m.get("mechanisms.report.col.prospects"))
                .text(m.get("mechanisms.report.col.rule", f.funnel().minProspects(), f.funnel().maxProspects()))
                .num(m.get("mechanisms.report.col.opportunities")).num(m.get("mechanisms.col.process"));
        for (FunnelResult.SoldierPipeline p : f.soldiers()) {
            t.row(Cell.named(p.name(), p.soldierId()), Cell.num(m.integer(p.activeProspects())),
                    new Cell(m.get("mechanisms.report.rule." + p.rule().code()), null,
                            p.rule() == FunnelResult.Rule.WITHIN ? "good" : "bad"),
                    Cell.num(m.integer(p.opportunities())), Cell.num(m.percent(p.processScore())));
        }
        return t.open("pipeline/soldiers.csv");
    }

    /** The register's processes, counted per process. */
    static Page.Table register(MechanismsStage.Result x, Messages m) {
        Rows t = new Rows().text(m.get("mechanisms.report.col.process")).num(m.get("mechanisms.report.col.count"));
        for (Process p : Process.values()) {
            t.row(Cell.of(m.get("projects.process." + p.code())), Cell.num(m.integer(x.projects().count(p))));
        }
        t.row(Cell.of(m.get("mechanisms.report.total")), Cell.num(m.integer(x.projects().register().size())));
        return t.open(PROJECTS + "register.csv");
    }

    /** A link to each account's operating report, under the file name the projects folder gives it. */
    static List<FileLink> links(List<OperatingReport> reports) {
        Map<String, String> files = ProjectHtml.fileNames(reports.stream().map(OperatingReport::accountId).toList());
        List<FileLink> out = new ArrayList<>();
        for (OperatingReport o : reports) {
            String name = o.overall().name();
            out.add(new FileLink(PROJECTS + files.get(o.accountId()), name,
                    name.equals(o.accountId()) ? null : o.accountId()));
        }
        return out;
    }
}
