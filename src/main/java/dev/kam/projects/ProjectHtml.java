package dev.kam.projects;

import dev.kam.domain.Msg;
import dev.kam.i18n.Messages;
import dev.kam.projects.OperatingReport.Offer;
import dev.kam.projects.OperatingReport.OpportunityView;
import dev.kam.projects.OperatingReport.YearRevenue;
import dev.kam.mechanisms.HtmlPage;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The view of the account projects: one self-contained HTML page per operating report and an index with the
 * register (inline CSS, no script, no network). It only renders {@link OperatingReport} and
 * {@link RegisterEntry} values with words from the {@code projects} bundle; every text from the data is escaped.
 * Kept as one small renderer so that it can move onto the report's templates.
 */
public final class ProjectHtml {
    private final Messages m;
    private final String scenario;
    private final Map<String, String> files;

    /**
     * @param scenario the scenario's name (shown in the header)
     * @param files    account id → page file name ({@link #fileNames})
     */
    public ProjectHtml(Messages m, String scenario, Map<String, String> files) {
        this.m = m;
        this.scenario = scenario;
        this.files = Map.copyOf(files);
    }

    /**
     * Page file names of these accounts, unique even on a case-insensitive file system: {@link #safeName} of each
     * id, with {@code -2}, {@code -3} … before {@code .html} for a name already taken.
     */
    public static Map<String, String> fileNames(List<String> accountIds) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(Set.of("index.html"));
        for (String id : accountIds) {
            String name = safeName(id);
            String stem = name.substring(0, name.length() - ".html".length());
            for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) name = stem + "-" + k + ".html";
            out.put(id, name);
        }
        return out;
    }

    private String file(String accountId) {
        String f = files.get(accountId);
        return f != null ? f : safeName(accountId);
    }

    /** The file name of an account's page: its id when that is a safe file name, else an escaped form. */
    public static String safeName(String accountId) {
        if (accountId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,100}") && !accountId.contains("..")) return accountId + ".html";
        StringBuilder b = new StringBuilder("account-");
        for (byte x : accountId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) b.append((char) c);
            else b.append('_').append(String.format(Locale.ROOT, "%02x", c));
        }
        return b.append(".html").toString();
    }

    /** One account's operating report page. */
    public String report(OperatingReport r) {
        OperatingReport.Overall o = r.overall();
        StringBuilder h = new StringBuilder(8192);
        head(h, m.get("projects.title") + ": " + o.name());
        h.append("<header><p class=\"crumb\"><a href=\"index.html\">").append(esc(m.get("projects.index.title")))
                .append("</a></p><h1>").append(esc(m.get("projects.title"))).append(": ").append(esc(o.name()))
                .append(" <small>").append(esc(r.accountId())).append("</small></h1><p>").append(esc(scenario))
                .append("</p></header>\n");
        if (!r.processes().isEmpty()) {
            h.append("<section class=\"processes\"><h2>").append(esc(m.get("projects.processes"))).append("</h2>");
            registerTable(h, r.processes(), false, r.currency());
            h.append("</section>\n");
        }
        String cur = r.currency();

        section(h, "projects.part.overall");
        kv(h, new String[][] {
                {"projects.field.industry", o.industry()}, {"projects.field.region", o.region()},
                {"projects.field.tier", m.get("projects.tier." + o.tier().code())},
                {"projects.field.rating", o.rating() + "A"},
                {"projects.field.stage", m.get("projects.stage." + o.stage().code())},
                {"projects.field.diagnosis", m.get(o.diagnosis().key())},
                {"projects.field.keyAccount", m.get(o.keyAccount() ? "common.yes" : "common.no")},
                {"projects.field.revenue", money(o.revenue(), cur)}, {"projects.field.wallet", money(o.wallet(), cur)},
                {"projects.field.share", pct(o.share())}, {"projects.field.margin", pct(o.margin())},
                {"projects.field.grossProfit", money(o.grossProfit(), cur)}, {"projects.field.credit", num(o.credit())},
                {"projects.field.difficulty", num(o.difficulty())}});
        h.append("</section>\n");

        OperatingReport.Maintenance mt = r.maintenance();
        section(h, "projects.part.maintenance");
        kv(h, new String[][] {
                {"projects.field.lead", person(mt.leadId(), mt.leadName())},
                {"projects.field.effort", mt.effortName() == null ? "–" : mt.effortName() + " (" + num(mt.effort()) + "×)"},
                {"projects.field.hours", num(mt.hours())}, {"projects.field.relationship", num(mt.relationship())},
                {"projects.field.fit", num(mt.fit())}, {"projects.field.owner", person(mt.ownerId(), mt.ownerName())},
                {"projects.field.moved", m.get(mt.moved() ? "common.yes" : "common.no")},
                {"projects.field.reason", mt.reason() == null ? "" : m.render(mt.reason())}, {"projects.field.serviceHours", num(mt.serviceHours())},
                {"projects.field.orders", num(mt.orders())}});
        h.append("</section>\n");

        OperatingReport.Trend t = r.trend();
        section(h, "projects.part.trend");
        if (t.years().isEmpty()) {
            h.append("<p>").append(esc(m.get("projects.trend.none"))).append("</p>");
        } else {
            kv(h, new String[][] {
                    {"projects.field.direction", m.get("projects.direction." + t.direction().code())},
                    {"projects.field.change", pct(t.lastChange())}, {"projects.field.cagr", pct(t.cagr())},
                    {"projects.field.marketGrowth", pct(t.marketGrowth())}});
            h.append("<table><thead><tr><th>").append(esc(m.get("projects.field.year"))).append("</th><th>")
                    .append(esc(m.get("projects.field.revenue"))).append("</th><th>")
                    .append(esc(m.get("projects.field.owner"))).append("</th></tr></thead><tbody>");
            for (YearRevenue y : t.years()) {
                h.append("<tr><td>").append(y.year()).append("</td><td class=\"n\">").append(esc(money(y.revenue(), cur)))
                        .append("</td><td>").append(esc(y.ownerId() == null ? "–" : y.ownerId())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");

        OperatingReport.Potential p = r.potential();
        section(h, "projects.part.potential");
        kv(h, new String[][] {
                {"projects.field.ceiling", money(p.ceilingRevenue(), cur)},
                {"projects.field.gapToCeiling", money(p.gapToCeiling(), cur)},
                {"projects.field.expectedRevenue", money(p.expectedRevenue(), cur)},
                {"projects.field.expectedGrowth", pct(p.expectedGrowth())},
                {"projects.field.uplift", money(p.uplift(), cur)},
                {"projects.field.keyAccountGap", money(p.keyAccountGap(), cur)}});
        if (!p.offers().isEmpty()) {
            h.append("<table><thead><tr><th>").append(esc(m.get("projects.field.product"))).append("</th><th>")
                    .append(esc(m.get("projects.field.uplift"))).append("</th></tr></thead><tbody>");
            for (Offer of : p.offers()) {
                h.append("<tr><td>").append(esc(of.productName())).append(" <small>").append(esc(of.productId()))
                        .append("</small></td><td class=\"n\">").append(esc(money(of.uplift(), cur))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");

        section(h, "projects.part.competitors");
        kv(h, new String[][] {
                {"projects.field.shareNotOurs", pct(r.competitors().shareNotOurs())},
                {"projects.field.competitorAmount", money(r.competitors().amount(), cur)}});
        h.append("</section>\n");

        OperatingReport.Team tm = r.team();
        section(h, "projects.part.team");
        kv(h, new String[][] {
                {"projects.field.lead", person(tm.leadId(), tm.leadName())},
                {"projects.field.layer", tm.layer() == null ? "–" : m.get("projects.layer." + tm.layer())},
                {"projects.field.listedStars", tm.listedStars() == 0 ? "–" : tm.listedStars() + "★"},
                {"projects.field.computedStars", tm.computedStars() == 0 ? "–" : tm.computedStars() + "★"},
                {"projects.field.minStars", tm.minStars() + "★"},
                {"projects.field.certification", tm.leadId() == null ? "–" : String.valueOf(tm.certification())},
                {"projects.field.utilization", pct(tm.utilization())},
                {"projects.field.accountsLed", tm.leadId() == null ? "–" : String.valueOf(tm.accountsLed())}});
        if (!tm.opportunities().isEmpty()) {
            h.append("<table><thead><tr>");
            for (String k : List.of("opportunity", "soldier", "funnelStage", "value", "expectedClose")) {
                h.append("<th>").append(esc(m.get("projects.field." + k))).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (OpportunityView v : tm.opportunities()) {
                h.append("<tr><td>").append(esc(v.id())).append("</td><td>").append(esc(v.soldierId()))
                        .append("</td><td>").append(v.stage()).append(" ").append(esc(stage(v.stageName())))
                        .append("</td><td class=\"n\">").append(esc(money(v.value(), cur))).append("</td><td>")
                        .append(esc(v.expectedClose() == null ? "–" : v.expectedClose())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");

        section(h, "projects.part.next");
        h.append("<ol>");
        for (Msg step : r.nextSteps()) h.append("<li>").append(esc(words(step))).append("</li>");
        h.append("</ol></section>\n");
        return h.append("</body></html>\n").toString();
    }

    /** The index: every report linked, and the whole register. */
    public String index(List<OperatingReport> reports, List<RegisterEntry> register, String currency) {
        StringBuilder h = new StringBuilder(16384);
        head(h, m.get("projects.index.title"));
        h.append("<header><h1>").append(esc(m.get("projects.index.title"))).append("</h1><p>").append(esc(scenario))
                .append("</p></header>\n<section><h2>").append(esc(m.get("projects.register"))).append("</h2>");
        if (register.isEmpty()) h.append("<p>").append(esc(m.get("projects.register.empty"))).append("</p>");
        else registerTable(h, register, true, currency);
        h.append("</section>\n<section><h2>").append(esc(m.get("projects.reports"))).append("</h2><table><thead><tr>");
        for (String k : List.of("account", "tier", "revenue", "share", "lead", "processes")) {
            h.append("<th>").append(esc(m.get("projects.field." + k))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (OperatingReport r : reports) {
            StringBuilder procs = new StringBuilder();
            for (RegisterEntry e : r.processes()) {
                if (procs.length() > 0) procs.append(", ");
                procs.append(m.get("projects.process." + e.process().code()));
            }
            h.append("<tr><td><a href=\"").append(esc(file(r.accountId()))).append("\">")
                    .append(esc(r.overall().name())).append("</a> <small>").append(esc(r.accountId()))
                    .append("</small></td><td>").append(esc(m.get("projects.tier." + r.overall().tier().code())))
                    .append("</td><td class=\"n\">").append(esc(money(r.overall().revenue(), currency)))
                    .append("</td><td class=\"n\">").append(esc(pct(r.overall().share()))).append("</td><td>")
                    .append(esc(person(r.maintenance().leadId(), r.maintenance().leadName()))).append("</td><td>")
                    .append(esc(procs.length() == 0 ? "–" : procs.toString())).append("</td></tr>");
        }
        return h.append("</tbody></table></section>\n</body></html>\n").toString();
    }

    private void registerTable(StringBuilder h, List<RegisterEntry> rows, boolean withAccount, String currency) {
        h.append("<table><thead><tr>");
        if (withAccount) h.append("<th>").append(esc(m.get("projects.field.account"))).append("</th>");
        for (String k : List.of("process", "trigger", "projectOwner", "due", "target")) {
            h.append("<th>").append(esc(m.get("projects.field." + k))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (RegisterEntry e : rows) {
            h.append("<tr>");
            if (withAccount) {
                h.append("<td><a href=\"").append(esc(file(e.accountId()))).append("\">").append(esc(e.accountName()))
                        .append("</a> <small>").append(esc(e.accountId())).append("</small></td>");
            }
            h.append("<td>").append(esc(m.get("projects.process." + e.process().code()))).append("</td><td>")
                    .append(esc(words(e.trigger()))).append("</td><td>")
                    .append(esc(e.ownerId() == null ? m.get("projects.unassigned") : person(e.ownerId(), e.ownerName())))
                    .append("</td><td>").append(esc(e.due().toString())).append("</td><td class=\"n\">")
                    .append(esc(money(e.target(), currency))).append(" (").append(e.targetYear()).append(")</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private String words(Msg msg) {
        return m.render(msg);
    }

    /** A stage's words: the seed's stages in the reader's language, configured names as they are. */
    private String stage(String name) {
        String key = "funnel.stage." + name;
        return m.has(key) ? m.get(key) : name;
    }

    private void head(StringBuilder h, String title) {
        HtmlPage.head(h, m.lang(), title);
    }

    private void section(StringBuilder h, String key) {
        h.append("<section><h2>").append(esc(m.get(key))).append("</h2>");
    }

    private void kv(StringBuilder h, String[][] rows) {
        h.append("<table class=\"kv\"><tbody>");
        for (String[] r : rows) {
            h.append("<tr><th>").append(esc(m.get(r[0]))).append("</th><td>").append(esc(r[1] == null || r[1].isEmpty()
                    ? "–" : r[1])).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private String person(String id, String name) {
        if (id == null) return m.get("common.none");
        return name == null ? id : name + " (" + id + ")";
    }

    private String money(double v, String currency) {
        return HtmlPage.money(v, currency, m.lang());
    }

    private static String pct(double v) {
        return HtmlPage.pct(v);
    }

    private static String num(double v) {
        return HtmlPage.num(v);
    }

    private static String esc(String s) {
        return HtmlPage.esc(s);
    }
}
