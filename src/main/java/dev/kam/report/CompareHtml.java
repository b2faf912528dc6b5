package dev.kam.report;

import dev.kam.i18n.Lang;
import dev.kam.compare.CompareResult;
import dev.kam.compare.GoalBasis;
import dev.kam.compare.Outcome;
import dev.kam.simulation.Metric;
import dev.kam.simulation.Stats;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's scenario comparison section ({@code kam plan --compare OTHER.yaml ...}): an HTML fragment
 * {@code <section id="compare">…</section>} in the house style of {@link HtmlReport} (its CSS classes
 * {@code kpi}, {@code scroll}, {@code num}, {@code note}, {@code charts}), with the comparison table and the
 * three comparison charts inline as base64 PNG. Every user-supplied string (scenario names, plan notes) is
 * escaped with {@link HtmlReport#esc}.
 */
public final class CompareHtml {
    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("title", new String[] {"Scenario comparison", "情景对比"}),
            Map.entry("intro", new String[] {
                    "%d scenarios simulated with the same %,d paths (seed %d): path by path they see the same market, "
                            + "industry and account shocks where their inputs allow (see the last column), so the "
                            + "differences below are the scenarios' effect, not noise. The first scenario is the reference.",
                    "%d 个情景使用相同的 %,d 条路径（种子 %d）模拟：在输入允许的范围内，同一路径上的市场、行业和客户冲击相同（见最后一列），"
                            + "因此下列差异反映情景本身的影响而非随机噪声。第一个情景为基准。"}),
            Map.entry("goal", new String[] {"Goal: %d key-account revenue of at least %s %s (%s).",
                    "目标：%d 年大客户收入不低于 %s %s（%s）。"}),
            Map.entry("goal.first", new String[] {"targets of %s, applied to every scenario", "所有情景均按 %s 的目标评估"}),
            Map.entry("goal.own", new String[] {"each scenario judged by its own targets; this is the first's",
                    "各情景按自身目标评估；此处为第一个情景的目标"}),
            Map.entry("scenario", new String[] {"Scenario", "情景"}),
            Map.entry("pgoal", new String[] {"P(goal %d)", "达成 %d 目标概率"}),
            Map.entry("p10", new String[] {"KA revenue %d P10", "%d 大客户收入 P10"}),
            Map.entry("p50", new String[] {"KA revenue %d median", "%d 大客户收入中位数"}),
            Map.entry("p90", new String[] {"KA revenue %d P90", "%d 大客户收入 P90"}),
            Map.entry("diff", new String[] {"Difference vs reference (median, P10–P90)", "与基准之差（中位数，P10–P90）"}),
            Map.entry("ahead", new String[] {"Ahead on", "领先路径占比"}),
            Map.entry("plan", new String[] {"Plan", "方案"}),
            Map.entry("crn", new String[] {"Common random numbers", "共同随机数"}),
            Map.entry("reference", new String[] {"reference", "基准"}),
            Map.entry("full", new String[] {"full", "完全"}),
            Map.entry("partial", new String[] {"partial: %s", "部分：%s"}),
            Map.entry("best", new String[] {"Highest goal probability", "达成目标概率最高"}),
            Map.entry("gain", new String[] {"Largest median gain over %s", "相对 %s 的最大中位数增益"}),
            Map.entry("kpi.detail.best", new String[] {"%s; reference %s", "%s；基准 %s"}),
            Map.entry("kpi.detail.gain", new String[] {"%s, ahead on %s of paths", "%s，%s 的路径领先"}),
            Map.entry("none", new String[] {"n/a", "无"}));

    private CompareHtml() {
    }

    private static String t(Lang lang, String key, Object... args) {
        String[] v = TEXT.get(key);
        String pattern = v[lang == Lang.ZH ? 1 : 0];
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    /** The section as an HTML fragment (charts included); the lang picks the labels, numbers are formatted alike. */
    public static String section(CompareResult r, Lang lang) {
        return section(r, lang, true);
    }

    /** As {@link #section(CompareResult, Lang)}; {@code charts} false leaves the (large) charts out. */
    public static String section(CompareResult r, Lang lang, boolean charts) {
        String cur = r.first().scenario().currency();
        int last = r.last();
        int year = r.years()[last];
        Outcome ref = r.first();
        StringBuilder sb = new StringBuilder(charts ? 1 << 20 : 1 << 12);
        sb.append("<section id=\"compare\">\n<h2>").append(HtmlReport.esc(t(lang, "title"))).append("</h2>\n");
        sb.append("<p>").append(HtmlReport.esc(t(lang, "intro", r.outcomes().size(), r.paths(),
                r.options().simulation().seed()))).append("</p>\n");
        if (!Double.isNaN(ref.goal())) {
            String basis = r.options().goals() == GoalBasis.FIRST ? t(lang, "goal.first", ref.label()) : t(lang, "goal.own");
            sb.append("<p>").append(HtmlReport.esc(t(lang, "goal", year, cur, money(ref.goal(), lang), basis)))
                    .append("</p>\n");
        }
        kpis(sb, r, lang, cur);

        sb.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (String h : List.of(t(lang, "scenario"), t(lang, "pgoal", year), t(lang, "p10", year), t(lang, "p50", year),
                t(lang, "p90", year), t(lang, "diff"), t(lang, "ahead"), t(lang, "plan"), t(lang, "crn"))) {
            sb.append("<th>").append(HtmlReport.esc(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < r.outcomes().size(); i++) {
            Outcome o = r.outcomes().get(i);
            Stats ka = o.result().stats(Metric.KEY_ACCOUNT_REVENUE, last);
            sb.append("<tr><td>").append(HtmlReport.esc(o.label())).append("</td>");
            num(sb, percent(o.goalProbability(), lang));
            num(sb, money(ka.p10(), lang));
            num(sb, money(ka.p50(), lang));
            num(sb, money(ka.p90(), lang));
            if (i == 0) {
                sb.append("<td>").append(HtmlReport.esc(t(lang, "reference"))).append("</td><td></td>");
            } else {
                Stats d = r.differenceStats(i, Metric.KEY_ACCOUNT_REVENUE, last);
                num(sb, signed(d.p50(), lang) + " (" + signed(d.p10(), lang) + " … " + signed(d.p90(), lang) + ")");
                num(sb, percent(r.probabilityAhead(i, Metric.KEY_ACCOUNT_REVENUE, last), lang));
            }
            dev.kam.i18n.Messages words = dev.kam.i18n.Messages.of(lang);
            sb.append("<td>").append(HtmlReport.esc(words.render(o.planNote()))).append("</td>");
            sb.append("<td>").append(HtmlReport.esc(o.crn().full() ? t(lang, "full")
                            : t(lang, "partial", words.render(o.crn().detail()))))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody></table></div>\n");
        if (charts) {
            List<JFreeChart> list = new ArrayList<>();
            List<String> names = new ArrayList<>();
            list.add(CompareWriter.fanChart(r, cur));
            names.add("compare/ka-revenue-fan");
            list.add(CompareWriter.goalChart(r));
            names.add("compare/goal-probability");
            if (r.outcomes().size() > 1) {
                list.add(CompareWriter.differenceChart(r, cur));
                names.add("compare/difference-final-ka-revenue");
            }
            sb.append("<div class=\"charts\">\n");
            for (int i = 0; i < list.size(); i++) {
                JFreeChart c = list.get(i);
                ChartTheme.apply(c);
                String b64 = Base64.getEncoder().encodeToString(ChartFiles.png(c, ChartFiles.WIDTH, ChartFiles.HEIGHT));
                sb.append("<figure><img alt=\"").append(HtmlReport.esc(c.getTitle() == null ? names.get(i)
                                : c.getTitle().getText())).append("\" src=\"data:image/png;base64,").append(b64)
                        .append("\"><figcaption>").append(HtmlReport.esc(names.get(i) + ".png / .svg"))
                        .append("</figcaption></figure>\n");
            }
            sb.append("</div>\n");
        }
        sb.append("</section>\n");
        return sb.toString();
    }

    private static void kpis(StringBuilder sb, CompareResult r, Lang lang, String cur) {
        if (r.outcomes().size() < 2) return;
        int last = r.last();
        Outcome best = r.first();
        for (Outcome o : r.outcomes()) if (o.goalProbability() > best.goalProbability()) best = o;
        int gainIdx = 1;
        double gain = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < r.outcomes().size(); i++) {
            double d = r.differenceStats(i, Metric.KEY_ACCOUNT_REVENUE, last).p50();
            if (d > gain) {
                gain = d;
                gainIdx = i;
            }
        }
        sb.append("<div class=\"kpis\">\n");
        kpi(sb, t(lang, "best"), percent(best.goalProbability(), lang),
                t(lang, "kpi.detail.best", best.label(), percent(r.first().goalProbability(), lang)));
        kpi(sb, t(lang, "gain", r.first().label()), cur + " " + signed(gain, lang),
                t(lang, "kpi.detail.gain", r.outcomes().get(gainIdx).label(),
                        percent(r.probabilityAhead(gainIdx, Metric.KEY_ACCOUNT_REVENUE, last), lang)));
        sb.append("</div>\n");
    }

    private static void kpi(StringBuilder sb, String label, String value, String detail) {
        sb.append("<div class=\"kpi\"><div class=\"label\">").append(HtmlReport.esc(label))
                .append("</div><div class=\"value\">").append(HtmlReport.esc(value))
                .append("</div><div class=\"detail\">").append(HtmlReport.esc(detail)).append("</div></div>\n");
    }

    private static void num(StringBuilder sb, String text) {
        sb.append("<td class=\"num\">").append(HtmlReport.esc(text)).append("</td>");
    }

    private static String percent(double p, Lang lang) {
        return Double.isNaN(p) ? t(lang, "none") : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    private static String money(double v, Lang lang) {
        return Double.isNaN(v) ? t(lang, "none") : ChartTheme.compact(v, lang);
    }

    private static String signed(double v, Lang lang) {
        return (v > 0 ? "+" : "") + money(v, lang);
    }
}
