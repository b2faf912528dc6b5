package dev.kam.report.html;

import dev.kam.funnel.FunnelResult;
import dev.kam.i18n.Messages;
import dev.kam.mechanisms.Compensation;
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
        List<Kpi> kpis = List.of(
                new Kpi(m.get("mechanisms.report.kpi.roi"), m.signedMoney(f.roi(), cur),
                        m.get("mechanisms.report.kpi.roi.detail", m.year(f.year()))),
                new Kpi(m.get("mechanisms.roi.incremental"), m.signedMoney(f.incrementalCompensation(), cur),
                        m.get("mechanisms.report.kpi.compensation.detail", m.money(f.plan().total(), cur),
                                m.money(f.baseline().total(), cur))),
                new Kpi(m.get("mechanisms.roi.hiring"), m.money(f.hiringCost(), cur),
                        m.get("mechanisms.report.kpi.hiring.detail", r.scenario().mechanisms().hires().size())));

        Rows comp = new Rows().text(m.get("mechanisms.report.col.figure")).num(m.get("mechanisms.report.col.expected", m.year(f.year())));
        String[][] figures = {
                {"mechanisms.roi.uplift", m.signedMoney(f.grossProfitUplift(), cur)},
                {"mechanisms.col.salary", m.money(f.plan().salary(), cur)},
                {"mechanisms.col.commission", m.money(f.plan().commission(), cur)},
                {"mechanisms.col.pk", m.money(f.plan().pk(), cur)},
                {"mechanisms.roi.compensation", m.money(f.plan().total(), cur)},
                {"mechanisms.roi.baseline", m.money(f.baseline().total(), cur)},
                {"mechanisms.roi.incremental", m.signedMoney(f.incrementalCompensation(), cur)},
                {"mechanisms.roi.hiring", m.money(f.hiringCost(), cur)},
                {"mechanisms.roi.roi", m.signedMoney(f.roi(), cur)}};
        for (String[] row : figures) comp.row(Cell.of(m.get(row[0])), Cell.num(row[1]));

        return new Page.Mechanisms(kpis, comp.open("mechanisms/compensation.csv"),
                m.get("mechanisms.report.note", m.year(f.year())), stars(x.stars(), m), funnel(x.funnel(), m),
                x.funnel().present() ? funnelFigures : List.of(), register(x, m), links(x.projects().reports()),
                PROJECTS + "index.html");
    }

    /** Soldiers per number of stars: as soldiers.csv lists them, and as recomputed on the base year. */
    static Page.Table stars(List<StarReview.Row> rows, Messages m) {
        int[] listed = new int[6];
        int[] computed = new int[6];
        for (StarReview.Row s : rows) {
            listed[s.listed()]++;
            computed[s.computed()]++;
        }
        Rows t = new Rows().text(m.get("mechanisms.report.col.stars")).num(m.get("mechanisms.col.listed"))
                .num(m.get("mechanisms.col.computed"));
        for (int k = 5; k >= 1; k--) {
            t.row(Cell.of("★".repeat(k)), Cell.num(m.integer(listed[k])), Cell.num(m.integer(computed[k])));
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
