package dev.kam.report;

import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelResult;
import dev.kam.funnel.PipelineGenerator;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.mechanisms.StarReview;
import dev.kam.practice.MechanismsStage;
import dev.kam.projects.Process;
import dev.kam.run.RunResults;
import dev.kam.scenario.ScenarioReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's mechanisms section, rendered from results the real stages made on a generated scenario with a
 * pipeline: every figure it shows is counted again here from the run's values, and every link leads to a file the
 * run writes.
 */
class MechanismsSectionTest {
    @TempDir
    static Path tmp;
    static Scenario scenario;
    static RunResults results;

    @BeforeAll
    static void run() {
        scenario = withPipeline(tmp.resolve("g30"), 30, 5, 3, 7);
        results = ReportFixture.run(scenario, 200);
    }

    /** A generated scenario with the generator's pipeline.csv beside it (read when not declared), read back. */
    static Scenario withPipeline(Path dir, int accounts, int soldiers, int products, long seed) {
        Scenario s = ReportFixture.generated(dir, accounts, soldiers, products, seed);
        try {
            Files.writeString(dir.resolve("pipeline.csv"), PipelineGenerator.csv(s, seed), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScenarioReader.read(dir.resolve("scenario.yaml"));
    }

    private static Element section(Lang lang) {
        Document d = Jsoup.parse(HtmlReport.render(results, Messages.of(lang), RunCharts.none()));
        assertNotNull(d.selectFirst("nav a[href=#mechanisms]"), "the section is in the table of contents");
        Element s = d.selectFirst("section#mechanisms");
        assertNotNull(s, "the mechanisms section");
        return s;
    }

    /** The table whose CSV link names {@code file}. */
    private static Element tableOf(Element section, String file) {
        Element link = section.selectFirst("p.file a[href=" + file + "]");
        assertNotNull(link, "a table linked to " + file);
        Element p = link.parent();
        Element scroll = p.previousElementSibling();
        return scroll.selectFirst("table");
    }

    private static int cellInt(Element row, int col) {
        return Integer.parseInt(row.select("td").get(col).text().replace(",", ""));
    }

    @Test
    void theRunHasAFunnelSoTheSectionShowsEveryPart() {
        MechanismsStage.Result x = results.mechanisms().orElseThrow();
        assertTrue(x.funnel().present(), "the generated pipeline was read");
        assertFalse(x.projects().reports().isEmpty(), "operating reports were made");
    }

    @Test
    void compensationShowsTheExpectedFirstYearAndItsSimulatedSpread() {
        MechanismsStage.Result x = results.mechanisms().orElseThrow();
        Messages m = Messages.of(Lang.EN);
        String cur = scenario.currency();
        Element table = tableOf(section(Lang.EN), "mechanisms/compensation.csv");
        assertEquals(5, table.select("thead th").size(), "figure, expected, P5, median, P95");
        Elements rows = table.select("tbody tr");
        Element roi = rows.get(8);
        assertEquals(m.get("mechanisms.roi.roi"), roi.select("td").get(0).text());
        assertEquals(m.signedMoney(x.first().roi(), cur), roi.select("td").get(1).text());
        dev.kam.simulation.Stats st = x.simulated().figure(x.first().year(), "roi").stats();
        assertEquals(m.signedMoney(st.p5(), cur), roi.select("td").get(2).text());
        assertEquals(m.signedMoney(st.p50(), cur), roi.select("td").get(3).text());
        assertEquals(m.signedMoney(st.p95(), cur), roi.select("td").get(4).text());
        assertTrue(st.p5() < st.p95(), "the simulated paths spread the ROI");
        assertEquals(m.signedMoney(x.simulated().horizon().p50(), cur), rows.get(9).select("td").get(3).text());
        // the ROI's uplift is the headline's first-year uplift
        assertEquals(results.summary().expectedUplift(), x.first().grossProfitUplift(), 0.0);
    }

    @Test
    void starDistributionCountsEachReviewedSoldierOnceListedAndOnceRecomputed() {
        List<StarReview.Row> stars = results.mechanisms().orElseThrow().stars();
        Elements rows = tableOf(section(Lang.EN), "mechanisms/stars.csv").select("tbody tr");
        assertEquals(5, rows.size());
        int listedTotal = 0;
        for (int i = 0; i < 5; i++) {
            int k = 5 - i;
            Element row = rows.get(i);
            assertEquals("★".repeat(k), row.select("td").get(0).text());
            long listed = stars.stream().filter(r -> r.listed() == k).count();
            long computed = stars.stream().filter(r -> r.computed() == k).count();
            assertEquals(listed, cellInt(row, 1), k + " stars listed");
            assertEquals(computed, cellInt(row, 2), k + " stars recomputed");
            listedTotal += cellInt(row, 1);
        }
        assertEquals(stars.size(), listedTotal);
        // the simulated column counts each paid soldier of the plan once, by the median stars of the last year
        List<dev.kam.mechanisms.SimulatedCompensation.StarYear> sim = results.mechanisms().orElseThrow().simulated().stars();
        int lastYear = sim.stream().mapToInt(dev.kam.mechanisms.SimulatedCompensation.StarYear::year).max().orElseThrow();
        int simulatedTotal = 0;
        for (int i = 0; i < 5; i++) {
            int k = 5 - i;
            long n = sim.stream().filter(y -> y.year() == lastYear && (int) Math.floor(y.starsP50()) == k).count();
            assertEquals(n, cellInt(rows.get(i), 3), k + " stars simulated");
            simulatedTotal += cellInt(rows.get(i), 3);
        }
        assertEquals(sim.stream().filter(y -> y.year() == lastYear).count(), simulatedTotal);
    }

    @Test
    void registerIsCountedPerProcess() {
        MechanismsStage.Result x = results.mechanisms().orElseThrow();
        Elements rows = tableOf(section(Lang.EN), "projects/register.csv").select("tbody tr");
        assertEquals(Process.values().length + 1, rows.size());
        int sum = 0;
        for (int i = 0; i < Process.values().length; i++) {
            Process p = Process.values()[i];
            long n = x.projects().register().stream().filter(e -> e.process() == p).count();
            assertEquals(n, cellInt(rows.get(i), 1), p.code());
            sum += cellInt(rows.get(i), 1);
        }
        assertEquals(x.projects().register().size(), cellInt(rows.get(Process.values().length), 1));
        assertEquals(x.projects().register().size(), sum);
    }

    @Test
    void eachSoldiersFunnelIsJudgedAgainstTheRule() {
        FunnelResult f = results.mechanisms().orElseThrow().funnel();
        Elements rows = tableOf(section(Lang.EN), "pipeline/soldiers.csv").select("tbody tr");
        assertEquals(f.soldiers().size(), rows.size());
        int min = f.funnel().minProspects();
        int max = f.funnel().maxProspects();
        for (int i = 0; i < rows.size(); i++) {
            FunnelResult.SoldierPipeline p = f.soldiers().get(i);
            int n = cellInt(rows.get(i), 1);
            assertEquals(p.activeProspects(), n);
            String expected = n < min ? "too few" : n > max ? "too many" : "kept";
            assertEquals(expected, rows.get(i).select("td").get(2).text(), p.soldierId() + " with " + n + " prospects");
        }
    }

    @Test
    void everyOperatingReportIsLinkedAndTheLinksLeadToWrittenFiles() throws IOException {
        MechanismsStage.Result x = results.mechanisms().orElseThrow();
        Elements links = section(Lang.EN).select("ul.projects a");
        assertEquals(x.projects().reports().size(), links.size());
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        List<String> written = RunWriter.write(results, Messages.of(Lang.EN), out);
        assertTrue(written.containsAll(List.of("mechanisms", "pipeline", "projects")), written.toString());
        for (Element a : links) {
            String href = a.attr("href");
            assertTrue(href.startsWith("projects/") && href.endsWith(".html"), href);
            assertTrue(Files.isRegularFile(out.resolve(href)), href + " is written");
        }
        assertTrue(Files.isRegularFile(out.resolve("projects/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("pipeline/funnel.png")), "the funnel chart is drawn by report/");
        assertEquals(x.projects().reports().get(0).overall().name(), links.get(0).text());
    }

    @Test
    void theChineseSectionIsChinese() {
        String html = HtmlReport.render(results, Messages.of(Lang.ZH), RunCharts.none());
        Document d = Jsoup.parse(html);
        Element s = d.selectFirst("section#mechanisms");
        assertNotNull(s);
        Map<String, Integer> words = ChineseReportTest.englishWords("<html><body>" + s.outerHtml() + "</body></html>",
                scenario);
        // PK (PK奖金) is the seed's own Chinese term, written in Latin letters there too
        words.remove("PK");
        assertTrue(words.isEmpty(), "English words in the zh mechanisms section: " + words);
    }

    @Test
    void withoutMechanismsThereIsNoSection() {
        RunResults none = RunResults.of(results.scenario()).analysis(results.analysis().orElseThrow())
                .targets(results.targets().orElseThrow()).plan(results.plan().orElseThrow()).build();
        Document d = Jsoup.parse(HtmlReport.render(none, Messages.of(Lang.EN), RunCharts.none()));
        assertNull(d.selectFirst("section#mechanisms"));
    }
}
