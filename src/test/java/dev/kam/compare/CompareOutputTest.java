package dev.kam.compare;

import dev.kam.TestCsv;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import dev.kam.report.CompareWriter;
import dev.kam.report.HtmlReport;
import dev.kam.report.RunCharts;
import dev.kam.run.RunResults;
import dev.kam.simulation.Metric;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compare/ files (summary.csv columns and rows, charts) and the HTML report section. */
class CompareOutputTest {
    @TempDir
    Path tmp;

    static CompareResult twoScenarios(String secondName) {
        Scenario a = ComparisonTest.tiny();
        Scenario b = ComparisonTest.tiny("simulation.churn.covered=0.01", "name=" + secondName);
        return Comparison.run(List.of(new Variant(a.name(), a), new Variant(b.name(), b)), Planner.BASELINE,
                new CompareOptions(ComparisonTest.OPTIONS, false, GoalBasis.FIRST), null);
    }

    @Test
    void summaryCsvHasTheContractColumnsAndOneRowPerScenarioMetricAndYear() throws Exception {
        CompareResult r = twoScenarios("Low churn");
        Path out;
        try (OutputDir dir = OutputDir.open(tmp, "compare")) {
            CompareWriter.write(dir, new CompareWriter.Input("CNY", r, null), Messages.of(Lang.EN));
            out = dir.commit();
        }
        TestCsv t = TestCsv.read(out.resolve("summary.csv"));
        assertNotNull(t);
        assertEquals(List.of("scenario", "metric", "year", "p10", "p50", "p90", "goalProbability", "ciLow", "ciHigh"),
                t.header());
        int h = r.years().length;
        // 5 metrics per year, plus the all-three-targets probability per year, per scenario
        assertEquals(2 * (Metric.values().length + 1) * h, t.rows().size());
        Map<String, String> row = t.rows().stream().filter(x -> x.get("scenario").equals("Low churn")
                && x.get("metric").equals("keyAccountRevenue") && x.get("year").equals(String.valueOf(r.years()[h - 1])))
                .findFirst().orElseThrow();
        double p50 = TestCsv.num(row, "p50");
        assertEquals(r.outcomes().get(1).medianFinalKaRevenue(), p50, Math.abs(p50) * 1e-5);
        assertEquals(r.outcomes().get(1).goalProbability(), TestCsv.num(row, "goalProbability"), 1e-9);
        assertTrue(TestCsv.num(row, "p10") <= p50 && p50 <= TestCsv.num(row, "p90"));
        // grossProfit has no target: the probability cell is empty
        assertTrue(t.rows().stream().filter(x -> x.get("metric").equals("grossProfit"))
                .allMatch(x -> x.get("goalProbability").isEmpty()));

        TestCsv d = TestCsv.read(out.resolve("differences.csv"));
        assertEquals(CompareWriter.DIFFERENCE_COLUMNS, d.header());
        for (String chart : List.of("ka-revenue-fan", "goal-probability", "difference-final-ka-revenue")) {
            byte[] png = Files.readAllBytes(out.resolve(chart + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
            String svg = Files.readString(out.resolve(chart + ".svg"));
            assertTrue(svg.contains("<svg"), chart);
        }
        assertTrue(Files.readString(out.resolve("ka-revenue-fan.svg")).contains("Key-account revenue by scenario"));
        assertTrue(Files.readString(out.resolve("difference-final-ka-revenue.svg")).contains("Low churn"));
    }

    @Test
    void sweepCsvHasOneRowPerValue() {
        SweepSpec spec = SweepSpec.parse("simulation.churn.covered=0:0.1:0.05");
        List<Scenario> scenarios = spec.values().stream()
                .map(v -> ComparisonTest.tiny(spec.override(v))).toList();
        SweepResult s = Sweep.run(spec, scenarios, Planner.BASELINE, ComparisonTest.OPTIONS, false, null);
        String csv = CompareWriter.sweep(s).text();
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(String.join(",", CompareWriter.SWEEP_COLUMNS), lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith("simulation.churn.covered,0,"), lines[1]);
        assertTrue(lines[3].startsWith("simulation.churn.covered,0.1,"), lines[3]);
        // more churn, same draws: the median final-year KA revenue cannot rise
        assertTrue(s.finalKaRevenue(2).p50() <= s.finalKaRevenue(0).p50());
        assertEquals("simulation.churn.covered=0.05", s.outcomes().get(1).label());
    }

    @Test
    void htmlSectionEscapesScenarioNamesAndHasTheTable() {
        String evil = "<script>alert('x')</script> & \"Co\"";
        CompareResult r = twoScenarios(evil);
        RunResults results = RunResults.of(r.first().scenario()).comparison(r).build();
        String html = HtmlReport.render(results, Messages.of(Lang.EN), RunCharts.none());
        assertFalse(html.contains("<script>"), "scenario names must be escaped");
        Document doc = Jsoup.parse(html);
        Element section = doc.selectFirst("section#compare");
        assertNotNull(section);
        assertEquals("Scenario comparison", section.selectFirst("h2").text());
        assertTrue(doc.select("script").isEmpty());
        List<Element> rows = section.select("table tbody tr");
        assertEquals(2, rows.size());
        assertEquals(evil, rows.get(1).child(0).text());
        List<String> header = section.select("table thead th").eachText();
        assertEquals("reference", rows.get(0).child(header.indexOf("Difference with the reference (median, P10 to P90)")).text());
        for (Element row : rows) {
            // P(goal), its no-plan baseline and the share of paths ahead each carry a Wilson interval
            String p = row.child(header.indexOf("P(goal 2036)")).text();
            assertTrue(p.matches("\\d+\\.\\d% 95% CI \\d+\\.\\d–\\d+\\.\\d%"), p);
            String b = row.child(header.indexOf("P(goal) without the plan (today's owners)")).text();
            assertTrue(b.matches("\\d+\\.\\d% 95% CI \\d+\\.\\d–\\d+\\.\\d%"), b);
            assertTrue(row.child(header.indexOf("Plan minus no plan")).text().contains("paired standard error"));
            assertFalse(row.child(header.indexOf("Median year the goal is first met")).text().isEmpty());
        }
        String ahead = rows.get(1).child(header.indexOf("Ahead on")).text();
        assertTrue(ahead.contains("95% CI"), ahead);
        assertTrue(rows.get(1).child(header.indexOf("P(goal) minus the reference's")).text().contains("paired standard error"));
        assertTrue(section.select(".kpi").size() >= 2);

        Messages zhWords = Messages.of(Lang.ZH);
        String zh = HtmlReport.render(results, zhWords, RunCharts.of(results, zhWords));
        Document z = Jsoup.parse(zh);
        assertEquals("情景对比", z.selectFirst("section#compare h2").text());
        assertEquals(3, z.select("section#compare figure img[src^=data:image/png;base64,]").size());
    }
    /** Under --goals own the report's comparison names each scenario's own goal beside its P(goal) and no-plan P(goal). */
    @Test
    void ownGoalsArePrintedPerScenarioInTheReport() {
        Scenario a = ComparisonTest.tiny();
        Scenario b = ComparisonTest.tiny("strategy.goals.keyAccountRevenue=60000000", "name=Bolder");
        CompareResult r = Comparison.run(List.of(new Variant(a.name(), a), new Variant(b.name(), b)), Planner.BASELINE,
                new CompareOptions(ComparisonTest.OPTIONS, false, GoalBasis.OWN), null);
        RunResults results = RunResults.of(a).comparison(r).build();
        Messages en = Messages.of(Lang.EN);
        Document doc = Jsoup.parse(HtmlReport.render(results, en, RunCharts.none()));
        Element section = doc.selectFirst("section#compare");
        List<String> header = section.select("table thead th").eachText();
        int goal = header.indexOf("2036 key-account revenue goal (its own)");
        assertTrue(goal > 0, header.toString());
        List<Element> rows = section.select("table tbody tr");
        assertEquals(en.money(40_000_000, "CNY"), rows.get(0).child(goal).text());
        assertEquals(en.money(60_000_000, "CNY"), rows.get(1).child(goal).text());
        assertEquals(60_000_000, r.outcomes().get(1).goal(), 1e-6);
        String when = rows.get(1).child(header.indexOf("… without the plan")).text();
        assertFalse(when.isEmpty(), "the no-plan median year of each scenario");
    }
}
