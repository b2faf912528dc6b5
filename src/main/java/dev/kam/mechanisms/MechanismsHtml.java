package dev.kam.mechanisms;

import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.MechanismParams.Commission;
import dev.kam.domain.MechanismParams.Tier;
import dev.kam.i18n.Messages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.kam.mechanisms.HtmlPage.esc;
import static dev.kam.mechanisms.HtmlPage.num;
import static dev.kam.mechanisms.HtmlPage.pct;

/**
 * The mechanisms page ({@code mechanisms/index.html}): the first year's ROI, the commission scheme and PK pool, each
 * soldier's pay under the plan beside today's, the star review and the salary bands. A view of the values
 * {@link MechanismsWriter} also writes as CSV; words from the {@code mechanisms} bundle.
 */
public final class MechanismsHtml {
    private final Messages m;
    private final String currency;

    public MechanismsHtml(Messages m, String currency) {
        this.m = m;
        this.currency = currency;
    }

    public String page(String scenario, MechanismParams params, SalaryBands bands, List<StarReview.Row> stars,
                       Compensation.FirstYear f) {
        return page(scenario, params, bands, stars, f, null);
    }

    /**
     * The page; {@code simulated} (or null) adds every simulated year: compensation, ROI with its spread and the
     * leads the stars took away.
     */
    public String page(String scenario, MechanismParams params, SalaryBands bands, List<StarReview.Row> stars,
                       Compensation.FirstYear f, SimulatedCompensation.Result simulated) {
        StringBuilder h = new StringBuilder(16384);
        HtmlPage.head(h, m.lang(), m.get("mechanisms.title"));
        h.append("<header><h1>").append(esc(m.get("mechanisms.title"))).append("</h1><p>").append(esc(scenario))
                .append("</p></header>\n");

        section(h, "mechanisms.roi.title");
        kv(h, new String[][] {
                {"mechanisms.roi.uplift", money(f.grossProfitUplift())},
                {"mechanisms.roi.incremental", money(f.incrementalCompensation())},
                {"mechanisms.roi.hiring", money(f.hiringCost())},
                {"mechanisms.roi.roi", money(f.roi())},
                {"mechanisms.roi.compensation", money(f.plan().total())},
                {"mechanisms.roi.baseline", money(f.baseline().total())},
                {"mechanisms.roi.target", money(f.target())}});
        h.append("<p class=\"note\">").append(esc(m.get("mechanisms.roi.note", String.valueOf(f.year()))))
                .append("</p></section>\n");

        if (simulated != null && !simulated.figures().isEmpty()) years(h, simulated);

        section(h, "mechanisms.scheme.title");
        scheme(h, m.get("mechanisms.scheme.default"), params.commission());
        for (Map.Entry<Layer, Commission> e : params.commissionByLayer().entrySet()) {
            scheme(h, m.get("mechanisms.scheme.layer", m.get("mechanisms.layer." + e.getKey().code())), e.getValue());
        }
        MechanismParams.Pk pk = params.pk();
        h.append("<p>").append(esc(pk.on() ? m.get("mechanisms.pk.on", money(pk.amount()), pk.rate(), pk.top(),
                m.get("mechanisms.pk.split." + pk.split().code()), pk.minAttainment()) : m.get("mechanisms.pk.off")))
                .append("</p></section>\n");

        section(h, "mechanisms.pay.title");
        Map<String, Compensation.SoldierPay> today = new HashMap<>();
        for (Compensation.SoldierPay p : f.baseline().soldiers()) today.put(p.soldierId(), p);
        header(h, "soldier", "layer", "quota", "revenue", "attainment", "tier", "commission", "pk", "salary", "total",
                "todayCommission");
        for (Compensation.SoldierPay p : f.plan().soldiers()) {
            Compensation.SoldierPay b = today.get(p.soldierId());
            h.append("<tr><td>").append(esc(p.name() + " (" + p.soldierId() + ")"))
                    .append(p.hire() ? " <small>" + esc(m.get("mechanisms.pay.hire")) + "</small>" : "")
                    .append("</td><td>").append(esc(m.get("mechanisms.layer." + p.layer().code()))).append("</td>");
            cells(h, money(p.quota()), money(p.revenue()), pct(p.attainment()), String.valueOf(p.tier() + 1),
                    money(p.commission()), money(p.pk()), money(p.salary()), money(p.total()),
                    b == null ? "–" : money(b.commission()));
            h.append("</tr>");
        }
        h.append("</tbody></table></section>\n");

        section(h, "mechanisms.stars.title");
        header(h, "soldier", "listed", "computed", "score", "attainment", "performance", "process", "certification",
                "salaryComputed");
        for (StarReview.Row r : stars) {
            String cls = r.promotion() ? "up" : r.demotion() ? "down" : "";
            h.append("<tr><td>").append(esc(r.name() + " (" + r.soldierId() + ")")).append("</td>");
            cells(h, r.listed() + "★");
            h.append("<td class=\"n ").append(cls).append("\">").append(r.computed()).append("★</td>");
            cells(h, num(r.score()), pct(r.attainment()), num(r.performance()), num(r.process()), num(r.certification()),
                    money(r.salaryComputed()));
            h.append("</tr>");
        }
        h.append("</tbody></table><p class=\"note\">").append(esc(m.get("mechanisms.stars.note",
                params.stars().performance(), params.stars().process(), params.stars().certification())))
                .append("</p>");
        double[] band = bands.band();
        h.append("<p>").append(esc(m.get(bands.configured() ? "mechanisms.salary.configured"
                : bands.known() ? "mechanisms.salary.derived" : "mechanisms.salary.unknown")));
        if (bands.known()) {
            for (int k = 0; k < 5; k++) h.append(k == 0 ? " " : ", ").append(k + 1).append("★ ").append(esc(money(band[k])));
        }
        h.append("</p></section>\n");
        return h.append("</body></html>\n").toString();
    }

    /** One row per simulated year: medians over paths, the ROI's P5–P95, the leads lost at the year's end. */
    private void years(StringBuilder h, SimulatedCompensation.Result r) {
        section(h, "mechanisms.years.title");
        header(h, "year", "compensationP50", "incrementalP50", "roiP50", "roiRange", "roiCumulativeP50", "leadsLost",
                "pLeadsLost");
        java.util.Map<Integer, SimulatedCompensation.LeadsLost> lost = new java.util.HashMap<>();
        for (SimulatedCompensation.LeadsLost l : r.leadsLost()) lost.put(l.year(), l);
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        for (SimulatedCompensation.Figure fg : r.figures()) years.add(fg.year());
        for (int y : years) {
            dev.kam.simulation.Stats roi = r.figure(y, "roi").stats();
            SimulatedCompensation.LeadsLost l = lost.get(y);
            h.append("<tr><td>").append(y).append("</td>");
            cells(h, money(r.figure(y, "compensation").stats().p50()),
                    money(r.figure(y, "incrementalCompensation").stats().p50()), money(roi.p50()),
                    money(roi.p5()) + " – " + money(roi.p95()), money(r.figure(y, "roiCumulative").stats().p50()),
                    l == null || !r.takesLeads() ? "–" : num(l.mean()), l == null || !r.takesLeads() ? "–" : pct(l.pAny()));
            h.append("</tr>");
        }
        h.append("</tbody></table><p class=\"note\">").append(esc(m.get(r.takesLeads() ? "mechanisms.years.note"
                : "mechanisms.years.noteOff"))).append("</p></section>\n");
    }

    private void scheme(StringBuilder h, String title, Commission c) {
        h.append("<h3>").append(esc(title)).append("</h3><p>").append(esc(m.get("mechanisms.scheme.summary",
                m.get("mechanisms.basis." + c.basis().code()), m.get("mechanisms.method." + c.method().code()),
                c.cap() == Double.POSITIVE_INFINITY ? m.get("mechanisms.scheme.noCap") : money(c.cap()),
                c.keyAccountWeight()))).append("</p>");
        header(h, "attainment", "rate");
        double lower = 0;
        for (Tier t : c.tiers()) {
            String range = t.upTo() == Double.POSITIVE_INFINITY ? "> " + pct(lower) : pct(lower) + " – " + pct(t.upTo());
            h.append("<tr><td>").append(esc(range)).append("</td>");
            cells(h, pct(t.rate()));
            h.append("</tr>");
            lower = t.upTo();
        }
        h.append("</tbody></table>");
    }

    private void section(StringBuilder h, String key) {
        h.append("<section><h2>").append(esc(m.get(key))).append("</h2>");
    }

    private void header(StringBuilder h, String... keys) {
        h.append("<table><thead><tr>");
        for (String k : keys) h.append("<th>").append(esc(m.get("mechanisms.col." + k))).append("</th>");
        h.append("</tr></thead><tbody>");
    }

    private static void cells(StringBuilder h, String... values) {
        for (String v : values) h.append("<td class=\"n\">").append(esc(v)).append("</td>");
    }

    private void kv(StringBuilder h, String[][] rows) {
        h.append("<table class=\"kv\"><tbody>");
        for (String[] r : rows) {
            h.append("<tr><th>").append(esc(m.get(r[0]))).append("</th><td>").append(esc(r[1])).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private String money(double v) {
        return HtmlPage.money(v, currency, m.lang());
    }
}
