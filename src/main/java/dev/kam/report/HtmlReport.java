package dev.kam.report;

import dev.kam.i18n.Lang;
import dev.kam.io.Json;
import dev.kam.io.OutputDir;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.domain.Account;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The board-ready report: one self-contained {@code report.html} (inline CSS, charts as base64 PNG,
 * no script, no network) built from the scenario and the files the stages wrote under the run's
 * output root ({@code analysis/}, {@code targets/}, {@code plan/}, {@code simulation/}). A section
 * whose stage did not run is left out. Every text that comes from the user's data or from a stage
 * file goes through {@link #esc}.
 */
public final class HtmlReport {
    /** Stage folders in report order. */
    public static final List<String> STAGES = List.of("analysis", "targets", "plan", "simulation");

    /**
     * What the report is built from.
     *
     * @param scenario the scenario as read
     * @param root     the folder holding the stage folders of this run
     * @param lang     label language
     * @param timings  stage name → seconds it took (in run order)
     * @param notes    warnings of the run to show (may be empty)
     * @param version  kam version text
     * @param compare  the scenario-comparison section as HTML made by {@link CompareHtml} (its texts escaped
     *                 there), or null
     */
    public record Input(Scenario scenario, Path root, Lang lang, Map<String, Double> timings, List<String> notes,
                        String version, String compare) {
        public Input {
            timings = new LinkedHashMap<>(timings);
            notes = List.copyOf(notes);
        }

        public Input(Scenario scenario, Path root, Lang lang, Map<String, Double> timings, List<String> notes,
                     String version) {
            this(scenario, root, lang, timings, notes, version, null);
        }
    }

    private final Input in;
    private final Text tx;
    private final Scenario sc;
    private final StringBuilder html = new StringBuilder(1 << 16);
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Soldier> soldiers = new HashMap<>();
    private final Map<String, Product> products = new HashMap<>();
    private final List<String[]> toc = new ArrayList<>();

    private HtmlReport(Input in) {
        this.in = in;
        this.tx = Text.of(in.lang());
        this.sc = in.scenario();
        for (Account a : sc.accounts()) accounts.put(a.id(), a);
        for (Soldier s : sc.soldiers()) soldiers.put(s.id(), s);
        for (Product p : sc.products()) products.put(p.id(), p);
    }

    /** The report as HTML text. */
    public static String render(Input in) {
        return new HtmlReport(in).build();
    }

    /** Renders and writes the report atomically (temporary file, then rename). */
    public static Path write(Input in, Path file) {
        OutputDir.writeAtomically(file, render(in).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append('\uFFFD');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ data from the stage folders

    private Path dir(String stage) {
        return in.root().resolve(stage);
    }

    private boolean ran(String stage) {
        return Files.isDirectory(dir(stage));
    }

    private CsvTable csv(String stage, String file) {
        return CsvTable.read(dir(stage).resolve(file));
    }

    private JsonNode json(String stage, String file) {
        Path p = dir(stage).resolve(file);
        if (!Files.isRegularFile(p)) return null;
        try {
            return Json.MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private List<Path> charts(String stage) {
        if (!ran(stage)) return List.of();
        try (Stream<Path> s = Files.list(dir(stage))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".png"))
                    .sorted(Comparator.comparingInt((Path p) -> chartRank(p.getFileName().toString()))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Charts a reader wants first come first; any other chart follows by name. */
    private static final List<String> CHART_ORDER = List.of("pyramid", "ratings", "lorenz", "targets", "headcount",
            "fan-key-account-revenue", "fan-key-account-count", "fan-key-account-share", "target-hit-probability",
            "uplift", "tornado", "fan-total-revenue");

    static int chartRank(String file) {
        String name = file.replaceFirst("\\.png$", "");
        for (int i = 0; i < CHART_ORDER.size(); i++) if (name.startsWith(CHART_ORDER.get(i))) return i;
        return CHART_ORDER.size();
    }

    // ------------------------------------------------------------------ the document

    private String build() {
        Body body = new Body();
        body.summary();
        if (ran("analysis")) body.customers();
        if (ran("targets")) body.targets();
        if (ran("plan")) body.plan();
        if (ran("simulation")) body.simulation();
        if (in.compare() != null && !in.compare().isBlank()) {
            toc.add(new String[] {"compare", tx.t("sec.compare")});
            body.sb.append(in.compare());
        }
        body.actions();
        body.assumptions();

        html.append("<!DOCTYPE html>\n<html lang=\"").append(in.lang().code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"").append(esc(in.version())).append("\">\n")
                .append("<title>").append(esc(tx.t("title") + " — " + sc.name())).append("</title>\n<style>")
                .append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(esc(sc.name())).append("</h1>\n<p class=\"sub\">")
                .append(esc(tx.f("subtitle", sc.baseYear(), sc.baseYear() + 1, sc.baseYear() + sc.strategy().horizonYears(),
                        sc.currency(), sc.accounts().size(), sc.soldiers().size(), sc.products().size())))
                .append("</p>\n<nav><ol>");
        for (String[] e : toc) html.append("<li><a href=\"#").append(e[0]).append("\">").append(esc(e[1])).append("</a></li>");
        html.append("</ol></nav>\n</header>\n<main>\n").append(body.sb).append("</main>\n<footer>")
                .append(esc(tx.f("footer", in.version(), Text.sourceName(sc.source())))).append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private final class Body {
        final StringBuilder sb = new StringBuilder(1 << 16);

        void section(String id, String titleKey) {
            toc.add(new String[] {id, tx.t(titleKey)});
            sb.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(tx.t(titleKey))).append("</h2>\n");
        }

        void end() {
            sb.append("</section>\n");
        }

        void p(String text) {
            sb.append("<p>").append(esc(text)).append("</p>\n");
        }

        void note(String text) {
            sb.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
        }

        void h3(String text) {
            sb.append("<h3>").append(esc(text)).append("</h3>\n");
        }

        void figures(String stage) {
            List<Path> pngs = charts(stage);
            if (pngs.isEmpty()) return;
            sb.append("<div class=\"charts\">\n");
            for (Path p : pngs) {
                String name = p.getFileName().toString().replaceFirst("\\.png$", "");
                try {
                    String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(p));
                    sb.append("<figure><img alt=\"").append(esc(name)).append("\" src=\"data:image/png;base64,")
                            .append(b64).append("\"><figcaption>").append(esc(stage + "/" + name + ".png / .svg"))
                            .append("</figcaption></figure>\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            sb.append("</div>\n");
        }

        void kpi(String label, String value, String detail) {
            sb.append("<div class=\"kpi\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                    .append(esc(value)).append("</div><div class=\"detail\">").append(esc(detail)).append("</div></div>\n");
        }

        /** A table of a whole CSV file with formatted numbers; collapsed when longer than {@code open} rows. */
        void table(String stage, String file, CsvTable t, int open) {
            if (t == null) return;
            boolean collapse = t.rows().size() > open;
            if (collapse) {
                sb.append("<details><summary>").append(esc(tx.f("rows", file, t.rows().size()))).append("</summary>\n");
            }
            sb.append("<div class=\"scroll\"><table>\n<thead><tr>");
            for (String h : t.header()) sb.append("<th>").append(esc(tx.column(h))).append("</th>");
            sb.append("</tr></thead>\n<tbody>\n");
            for (Map<String, String> row : t.rows()) {
                sb.append("<tr>");
                for (String h : t.header()) cell(h, CsvTable.str(row, h));
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table></div>\n");
            if (collapse) sb.append("</details>\n");
            sb.append("<p class=\"file\"><a href=\"").append(esc(stage + "/" + file)).append("\">")
                    .append(esc(stage + "/" + file)).append("</a></p>\n");
        }

        void cell(String column, String raw) {
            String shown = Format.cell(column, raw, in.lang(), soldiers, accounts, products);
            boolean numeric = Format.isNumber(raw);
            sb.append(numeric ? "<td class=\"num\">" : "<td>").append(esc(shown)).append("</td>");
        }

        void keyValues(JsonNode node) {
            keyValues(node, null, 24);
        }

        /** A JSON object as a two-column table; collapsed under {@code file} when longer than {@code open} rows. */
        void keyValues(JsonNode node, String file, int open) {
            if (node == null) return;
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", node, flat, 0);
            if (flat.isEmpty()) return;
            boolean collapse = flat.size() > open;
            if (collapse) {
                sb.append("<details><summary>").append(esc(tx.f("values", file == null ? "" : file, flat.size())))
                        .append("</summary>\n");
            }
            sb.append("<div class=\"scroll\"><table class=\"kv\"><tbody>\n");
            for (Map.Entry<String, String> e : flat.entrySet()) {
                sb.append("<tr><th>").append(esc(e.getKey())).append("</th>");
                String leaf = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
                cell(leaf, e.getValue());
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table></div>\n");
            if (collapse) sb.append("</details>\n");
        }

        /** A JSON array of texts (or of objects with a message) as a bullet list. */
        void bullets(JsonNode array, String cls) {
            if (array == null || !array.isArray() || array.isEmpty()) return;
            sb.append("<ul class=\"").append(cls).append("\">\n");
            for (JsonNode x : array) {
                String text = x.isTextual() ? x.asText()
                        : x.has("message") ? x.get("message").asText() : x.has("text") ? x.get("text").asText() : x.toString();
                sb.append("<li>").append(esc(text)).append("</li>\n");
            }
            sb.append("</ul>\n");
        }

        void flatten(String prefix, JsonNode n, Map<String, String> out, int depth) {
            if (out.size() >= 80 || depth > 3) return;
            if (n.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, depth + 1);
                }
            } else if (n.isArray()) {
                if (n.size() <= 12 && allScalar(n)) {
                    StringBuilder b = new StringBuilder();
                    for (JsonNode x : n) b.append(b.length() > 0 ? "; " : "").append(x.asText());
                    out.put(prefix, b.toString());
                } else if (n.size() <= 12) {
                    for (int i = 0; i < n.size(); i++) flatten(prefix + "[" + i + "]", n.get(i), out, depth + 1);
                }
            } else if (!n.isNull()) {
                out.put(prefix, n.asText());
            }
        }

        boolean allScalar(JsonNode a) {
            for (JsonNode x : a) if (x.isContainerNode()) return false;
            return true;
        }

        // -------------------------------------------------------------- sections

        void summary() {
            section("summary", "sec.summary");
            Summary s = Summary.of(in, sc);
            sb.append("<div class=\"kpis\">\n");
            if (!Double.isNaN(s.goalProbability())) {
                kpi(tx.f("kpi.goal", s.goalYear()), Format.percent(s.goalProbability()),
                        s.goalBasis().equals("all") ? tx.f("kpi.goalAll", Format.percent(s.kaRevenueProbability())) : s.goalBasis());
            }
            if (!Double.isNaN(s.medianFinalKaRevenue())) {
                kpi(tx.f("kpi.median", s.finalYear()), Format.money(s.medianFinalKaRevenue(), sc.currency(), in.lang()),
                        Double.isNaN(s.finalTarget()) ? tx.f("kpi.today", Format.money(s.todayKaRevenue(), sc.currency(), in.lang()))
                                : tx.f("kpi.vsTarget", Format.money(s.finalTarget(), sc.currency(), in.lang()),
                                Format.money(s.todayKaRevenue(), sc.currency(), in.lang())));
            } else {
                kpi(tx.t("kpi.kaToday"), Format.money(s.todayKaRevenue(), sc.currency(), in.lang()),
                        tx.f("kpi.kaCount", s.todayKaCount(), Format.percent(s.todayKaShare())));
            }
            if (!Double.isNaN(s.medianFirstYear())) {
                kpi(tx.f("kpi.when", s.goalYear()), String.valueOf((int) s.medianFirstYear()),
                        tx.f("kpi.whenDetail", Format.percent(s.neverWithinHorizon())));
            }
            if (!Double.isNaN(s.uplift())) {
                kpi(tx.t("kpi.uplift"), Format.signedMoney(s.uplift(), sc.currency(), in.lang()),
                        s.upliftBasis().endsWith("upliftAdded") ? tx.t("kpi.upliftDetail") : s.upliftBasis());
            }
            if (!Double.isNaN(s.finalTarget()) && Double.isNaN(s.medianFinalKaRevenue())) {
                kpi(tx.f("kpi.target", s.finalYear()), Format.money(s.finalTarget(), sc.currency(), in.lang()),
                        tx.f("kpi.cagr", Format.percent(s.requiredGrowth())));
            }
            sb.append("</div>\n");
            h3(tx.t("risks"));
            List<Risks.Risk> risks = Risks.top(in, sc, tx, 3);
            if (risks.isEmpty()) {
                p(tx.t("risks.none"));
            } else {
                sb.append("<ol class=\"risks\">\n");
                for (Risks.Risk r : risks) {
                    sb.append("<li><strong>").append(esc(r.title())).append("</strong> — ").append(esc(r.detail())).append("</li>\n");
                }
                sb.append("</ol>\n");
            }
            List<String> missing = new ArrayList<>();
            for (String st : STAGES) if (!ran(st)) missing.add(tx.t("stage." + st));
            if (!missing.isEmpty()) note(tx.f("notRun", String.join(", ", missing)));
            for (String n : in.notes()) note(n);
            end();
        }

        void customers() {
            section("customers", "sec.customers");
            CsvTable acc = csv("analysis", "accounts.csv");
            if (acc != null) {
                Pyramid py = Pyramid.of(acc, accounts);
                h3(tx.t("pyramid"));
                sb.append("<div class=\"scroll\"><table><thead><tr><th>").append(esc(tx.t("col.tier"))).append("</th><th>")
                        .append(esc(tx.t("col.accounts"))).append("</th><th>").append(esc(tx.t("col.revenue")))
                        .append("</th><th>").append(esc(tx.t("col.revenueShare"))).append("</th></tr></thead><tbody>\n");
                for (Pyramid.Row r : py.tiers()) {
                    sb.append("<tr><td>").append(esc(tx.tier(r.key()))).append("</td><td class=\"num\">").append(r.count())
                            .append("</td><td class=\"num\">").append(esc(Format.money(r.revenue(), sc.currency(), in.lang())))
                            .append("</td><td class=\"num\">").append(esc(Format.percent(r.share()))).append("</td></tr>\n");
                }
                sb.append("</tbody></table></div>\n");
                h3(tx.t("ratings"));
                sb.append("<div class=\"scroll\"><table><thead><tr><th>").append(esc(tx.t("col.rating"))).append("</th><th>")
                        .append(esc(tx.t("col.accounts"))).append("</th><th>").append(esc(tx.t("col.revenue")))
                        .append("</th><th>").append(esc(tx.t("col.revenueShare"))).append("</th></tr></thead><tbody>\n");
                for (Pyramid.Row r : py.ratings()) {
                    sb.append("<tr><td>").append(esc(r.key())).append("</td><td class=\"num\">").append(r.count())
                            .append("</td><td class=\"num\">").append(esc(Format.money(r.revenue(), sc.currency(), in.lang())))
                            .append("</td><td class=\"num\">").append(esc(Format.percent(r.share()))).append("</td></tr>\n");
                }
                sb.append("</tbody></table></div>\n");
                h3(tx.t("diagnoses"));
                sb.append("<div class=\"scroll\"><table><thead><tr><th>").append(esc(tx.t("col.diagnosis"))).append("</th><th>")
                        .append(esc(tx.t("col.accounts"))).append("</th><th>").append(esc(tx.t("col.revenue")))
                        .append("</th><th>").append(esc(tx.t("col.revenueShare"))).append("</th></tr></thead><tbody>\n");
                for (Pyramid.Row r : py.diagnoses()) {
                    sb.append("<tr><td>").append(esc(tx.diagnosis(r.key()))).append("</td><td class=\"num\">").append(r.count())
                            .append("</td><td class=\"num\">").append(esc(Format.money(r.revenue(), sc.currency(), in.lang())))
                            .append("</td><td class=\"num\">").append(esc(Format.percent(r.share()))).append("</td></tr>\n");
                }
                sb.append("</tbody></table></div>\n");
            }
            figures("analysis");
            JsonNode summary = json("analysis", "summary.json");
            if (summary != null) {
                h3(tx.t("indicators"));
                JsonNode health = summary.get("health");
                if (health != null && health.has("summary")) p(health.get("summary").asText());
                if (health != null) bullets(health.get("findings"), "findings");
                if (summary.has("concentration")) keyValues(summary.get("concentration"), null, 24);
                keyValues(summary, "analysis/summary.json", 0);
            }
            if (acc != null) {
                h3(tx.t("accountList"));
                table("analysis", "accounts.csv", acc, 0);
            }
            end();
        }

        void targets() {
            section("targets", "sec.targets");
            CsvTable t = csv("targets", "targets.csv");
            if (t != null) {
                h3(tx.t("yearly"));
                table("targets", "targets.csv", t, 60);
            }
            CsvTable d = csv("targets", "departments.csv");
            if (d != null && !d.rows().isEmpty()) {
                String first = CsvTable.str(d.rows().get(0), "year");
                List<Map<String, String>> next = d.rows().stream().filter(r -> CsvTable.str(r, "year").equals(first)).toList();
                h3(tx.f("departmentsNext", first));
                if (d.has("text")) {
                    sb.append("<ul class=\"smart\">\n");
                    for (Map<String, String> r : next) sb.append("<li>").append(esc(CsvTable.str(r, "text"))).append("</li>\n");
                    sb.append("</ul>\n");
                }
                table("targets", "departments.csv", d, d.has("text") ? 0 : 60);
            }
            figures("targets");
            JsonNode j = json("targets", "summary.json");
            if (j != null) {
                h3(tx.t("feasibility"));
                JsonNode w = j.get("warnings");
                if (w != null && w.isArray() && w.isEmpty()) p(tx.t("noWarnings"));
                bullets(w, "warnings");
                bullets(j.get("notes"), "notes");
                keyValues(j, "targets/summary.json", 0);
            }
            end();
        }

        void plan() {
            section("plan", "sec.plan");
            JsonNode pj = json("plan", "plan.json");
            if (pj != null) {
                h3(tx.t("planSummary"));
                Map<String, String> kv = new LinkedHashMap<>();
                JsonNode b = pj.path("baseline");
                kv.put(tx.t("plan.score"), pj.path("score").path("text").asText(""));
                kv.put(tx.t("plan.objective"), Format.plain(pj.path("objective").asDouble(Double.NaN)));
                kv.put(tx.t("plan.baselineUplift"), Format.money(b.path("expectedUplift").asDouble(Double.NaN), sc.currency(), in.lang()));
                kv.put(tx.t("plan.planUplift"), Format.money(b.path("planExpectedUplift").asDouble(Double.NaN), sc.currency(), in.lang()));
                kv.put(tx.t("plan.upliftAdded"), Format.signedMoney(b.path("upliftAdded").asDouble(Double.NaN), sc.currency(), in.lang()));
                kv.put(tx.t("plan.moved"), b.path("accountsMoved").asText("–"));
                kv.put(tx.t("plan.dropped"), b.path("accountsDropped").asText("–"));
                kv.put(tx.t("plan.uncovered"), b.path("accountsUncovered").asText("–"));
                sb.append("<div class=\"scroll\"><table class=\"kv\"><tbody>\n");
                for (Map.Entry<String, String> e : kv.entrySet()) {
                    if (e.getValue().isEmpty() || e.getValue().equals("–")) continue;
                    sb.append("<tr><th>").append(esc(e.getKey())).append("</th><td class=\"num\">").append(esc(e.getValue()))
                            .append("</td></tr>\n");
                }
                sb.append("</tbody></table></div>\n");
                bullets(pj.get("unmet"), "warnings");
                bullets(b.get("baselineProblems"), "notes");
                JsonNode unc = b.get("uncovered");
                if (unc != null && unc.isArray() && !unc.isEmpty()) {
                    sb.append("<details><summary>").append(esc(tx.f("plan.uncoveredList", unc.size()))).append("</summary>\n<ul>\n");
                    for (JsonNode u : unc) {
                        String id = u.path("account").asText("");
                        Account a = accounts.get(id);
                        sb.append("<li><strong>").append(esc(a == null ? id : a.name())).append("</strong> (").append(esc(id))
                                .append("): ").append(esc(u.path("reason").asText(""))).append("</li>\n");
                    }
                    sb.append("</ul></details>\n");
                }
            }
            CsvTable so = csv("plan", "soldiers.csv");
            if (so != null) {
                h3(tx.t("perSoldier"));
                table("plan", "soldiers.csv", so, 80);
            }
            CsvTable as = csv("plan", "assignments.csv");
            if (as != null) {
                h3(tx.t("perAccount"));
                table("plan", "assignments.csv", as, 0);
            }
            CsvTable pr = csv("plan", "products.csv");
            if (pr != null) {
                h3(tx.t("perProduct"));
                table("plan", "products.csv", pr, 40);
            }
            figures("plan");
            end();
        }

        void simulation() {
            section("simulation", "sec.simulation");
            CsvTable hit = csv("simulation", "targets-hit.csv");
            if (hit != null) {
                h3(tx.t("hitProbabilities"));
                pivotHits(hit);
            }
            CsvTable pc = csv("simulation", "percentiles.csv");
            if (pc != null) {
                h3(tx.t("finalYear"));
                finalYear(pc);
            }
            figures("simulation");
            JsonNode s = json("simulation", "summary.json");
            if (s != null) {
                h3(tx.t("simSummary"));
                keyValues(s, "simulation/summary.json", 0);
            }
            if (pc != null) {
                h3(tx.t("allPercentiles"));
                table("simulation", "percentiles.csv", pc, 0);
            }
            end();
        }

        void pivotHits(CsvTable hit) {
            List<String> metrics = new ArrayList<>();
            Map<String, Map<String, String>> byYear = new LinkedHashMap<>();
            for (Map<String, String> r : hit.rows()) {
                String m = CsvTable.str(r, "metric");
                if (!metrics.contains(m)) metrics.add(m);
                byYear.computeIfAbsent(CsvTable.str(r, "year"), k -> new HashMap<>()).put(m, CsvTable.str(r, "probability"));
            }
            sb.append("<div class=\"scroll\"><table><thead><tr><th>").append(esc(tx.column("year"))).append("</th>");
            for (String m : metrics) sb.append("<th>").append(esc(tx.column(m))).append("</th>");
            sb.append("</tr></thead><tbody>\n");
            for (Map.Entry<String, Map<String, String>> e : byYear.entrySet()) {
                sb.append("<tr><td>").append(esc(e.getKey())).append("</td>");
                for (String m : metrics) {
                    double p = parse(e.getValue().get(m));
                    String cls = Double.isNaN(p) ? "num" : p >= 0.8 ? "num good" : p >= 0.5 ? "num fair" : "num bad";
                    sb.append("<td class=\"").append(cls).append("\">").append(esc(Format.percent(p))).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table></div>\n");
            sb.append("<p class=\"file\"><a href=\"simulation/targets-hit.csv\">simulation/targets-hit.csv</a></p>\n");
        }

        void finalYear(CsvTable pc) {
            int last = Integer.MIN_VALUE;
            for (Map<String, String> r : pc.rows()) last = Math.max(last, (int) CsvTable.num(r, "year"));
            List<String> cols = new ArrayList<>();
            for (String c : List.of("p5", "p10", "p25", "p50", "p75", "p90", "p95", "mean")) if (pc.has(c)) cols.add(c);
            sb.append("<div class=\"scroll\"><table><thead><tr><th>").append(esc(tx.column("metric"))).append(" (")
                    .append(last).append(")</th>");
            for (String c : cols) sb.append("<th>").append(esc(tx.column(c))).append("</th>");
            sb.append("</tr></thead><tbody>\n");
            for (Map<String, String> r : pc.rows()) {
                if ((int) CsvTable.num(r, "year") != last) continue;
                String metric = CsvTable.str(r, "metric");
                sb.append("<tr><td>").append(esc(tx.column(metric))).append("</td>");
                for (String c : cols) {
                    sb.append("<td class=\"num\">").append(esc(Format.metric(metric, CsvTable.num(r, c), sc.currency(), in.lang())))
                            .append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table></div>\n");
        }

        void actions() {
            List<Actions.Item> items = Actions.of(in, sc, tx);
            if (items.isEmpty()) return;
            section("actions", "sec.actions");
            p(tx.t("actions.intro"));
            sb.append("<div class=\"scroll\"><table class=\"actions\"><thead><tr>");
            for (String k : List.of("col.account", "col.rating", "col.revenue", "col.diagnosis", "col.owner", "col.effort",
                    "col.products", "col.action")) {
                sb.append("<th>").append(esc(tx.t(k))).append("</th>");
            }
            sb.append("</tr></thead><tbody>\n");
            for (Actions.Item it : items) {
                sb.append("<tr><td><strong>").append(esc(it.name())).append("</strong><br><span class=\"id\">")
                        .append(esc(it.id())).append("</span></td><td>").append(esc(it.rating())).append("</td><td class=\"num\">")
                        .append(esc(Format.money(it.revenue(), sc.currency(), in.lang()))).append("</td><td>")
                        .append(esc(it.diagnosis())).append("</td><td>").append(esc(it.owner())).append("</td><td>")
                        .append(esc(it.effort())).append("</td><td>").append(esc(it.products())).append("</td><td>")
                        .append(esc(it.action())).append("</td></tr>\n");
            }
            sb.append("</tbody></table></div>\n");
            end();
        }

        void assumptions() {
            section("assumptions", "sec.assumptions");
            p(tx.f("assumptions.intro", Text.sourceName(sc.source())));
            Map<String, List<Assumptions.Entry>> groups = new LinkedHashMap<>();
            for (Assumptions.Entry e : Assumptions.of(sc)) {
                int dot = e.key().indexOf('.');
                groups.computeIfAbsent(dot < 0 ? "scenario" : e.key().substring(0, dot), k -> new ArrayList<>()).add(e);
            }
            sb.append("<div class=\"params\">\n");
            for (Map.Entry<String, List<Assumptions.Entry>> g : groups.entrySet()) {
                sb.append("<div class=\"scroll\"><table class=\"kv\"><thead><tr><th colspan=\"2\">").append(esc(g.getKey()))
                        .append("</th></tr></thead><tbody>\n");
                for (Assumptions.Entry e : g.getValue()) {
                    String v = Format.isNumber(e.value()) ? Format.plain(Double.parseDouble(e.value())) : e.value();
                    if (e.key().endsWith("seed") || e.key().endsWith("Year")) v = e.value();
                    sb.append("<tr><th>").append(esc(e.key())).append("</th><td>").append(esc(v)).append("</td></tr>\n");
                }
                sb.append("</tbody></table></div>\n");
            }
            sb.append("</div>\n");
            if (!in.timings().isEmpty()) {
                h3(tx.t("timings"));
                sb.append("<div class=\"scroll\"><table class=\"kv\"><tbody>\n");
                double total = 0;
                for (Map.Entry<String, Double> e : in.timings().entrySet()) {
                    total += e.getValue();
                    sb.append("<tr><th>").append(esc(tx.t("stage." + e.getKey()))).append("</th><td class=\"num\">")
                            .append(esc(String.format(Locale.ROOT, "%.1f s", e.getValue()))).append("</td></tr>\n");
                }
                sb.append("<tr><th>").append(esc(tx.t("total"))).append("</th><td class=\"num\">")
                        .append(esc(String.format(Locale.ROOT, "%.1f s", total))).append("</td></tr>\n");
                sb.append("</tbody></table></div>\n");
            }
            end();
        }
    }

    static double parse(String s) {
        if (s == null || s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static DecimalFormat grouped(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static Comparator<Account> byRevenueDesc() {
        return Comparator.comparingDouble(Account::revenue).reversed().thenComparing(Account::id);
    }

    private static final String CSS = """
            :root{--ink:#1f2933;--muted:#52606d;--line:#e3e6ea;--accent:#1f5fad;--bg:#f7f8fa;--good:#2e9e5b;--fair:#b7791f;--bad:#c8342b}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:var(--bg)}
            header{background:#fff;border-bottom:1px solid var(--line);padding:24px 32px 8px}
            header h1{margin:0 0 4px;font-size:26px}
            .sub{margin:0 0 12px;color:var(--muted)}
            nav ol{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;margin:0;padding:0 0 8px}
            nav a{color:var(--accent);text-decoration:none}
            main{max-width:1120px;margin:0 auto;padding:8px 24px 32px}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;margin:20px 0;padding:8px 24px 20px}
            h2{font-size:21px;border-bottom:2px solid var(--accent);padding-bottom:6px}
            h3{font-size:16px;margin:22px 0 8px}
            .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:14px;margin:12px 0}
            .kpi{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:12px 14px;background:#fff}
            .kpi .label{color:var(--muted);font-size:13px}
            .kpi .value{font-size:28px;font-weight:650;margin:2px 0}
            .kpi .detail{color:var(--muted);font-size:13px}
            .risks li{margin:6px 0}
            .note{color:var(--muted);font-size:13px;border-left:3px solid var(--line);padding-left:10px}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:13px;margin:6px 0;min-width:40%}
            th,td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:left;vertical-align:top}
            thead th{background:#eef2f7;position:sticky;top:0}
            tbody tr:nth-child(even){background:#fafbfc}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.good{color:var(--good);font-weight:600} td.fair{color:var(--fair);font-weight:600} td.bad{color:var(--bad);font-weight:600}
            table.kv th{font-weight:500;color:var(--muted);white-space:nowrap}
            table.actions td{min-width:90px}
            .id{color:var(--muted);font-size:12px}
            .charts{display:grid;grid-template-columns:1fr;gap:12px;margin:12px 0}
            figure{margin:0 auto;max-width:920px;width:100%;border:1px solid var(--line);border-radius:6px;padding:6px;background:#fff}
            figure img{width:100%;height:auto;display:block}
            figcaption{color:var(--muted);font-size:12px;padding:4px 4px 0}
            details{margin:6px 0} summary{cursor:pointer;color:var(--accent)}
            .file{font-size:12px;margin:2px 0 10px} .file a{color:var(--muted)}
            ul.warnings li{color:var(--bad)} ul.smart li,ul.findings li{margin:4px 0}
            .params{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:0 24px;align-items:start}
            footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}
            @media print{body{background:#fff} section{break-inside:auto;border:none} nav{display:none} details{display:block} thead th{position:static}}
            """;
}
