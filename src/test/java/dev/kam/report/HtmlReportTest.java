package dev.kam.report;

import dev.kam.i18n.Lang;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    @TempDir
    Path dir;

    private Document render(Lang lang) {
        return Jsoup.parse(HtmlReport.render(new HtmlReport.Input(ReportFixture.scenario(), dir, lang,
                Map.of("validate", 0.2), List.of(), "kam test")));
    }

    @Test
    void allSectionsPresentWhenEveryStageRan() {
        ReportFixture.writeStages(dir);
        Document d = render(Lang.EN);
        for (String id : List.of("summary", "customers", "targets", "plan", "simulation", "actions", "assumptions")) {
            assertNotNull(d.getElementById(id), "section " + id);
            assertNotNull(d.selectFirst("nav a[href=#" + id + "]"), "toc entry " + id);
        }
        assertEquals(3, d.select("ol.risks li").size());
        assertTrue(d.getElementById("summary").text().contains("Probability of reaching the 2029 goal"));
        assertTrue(d.getElementById("summary").text().contains("30%"), "final-year KA revenue hit probability");
        assertTrue(d.getElementById("summary").text().contains("+CNY 95K"), "uplift from plan.json");
    }

    @Test
    void chartsAreInlineAndNothingIsFetched() {
        ReportFixture.writeStages(dir);
        Document d = render(Lang.EN);
        List<Element> imgs = d.select("img");
        assertEquals(2, imgs.size());
        for (Element img : imgs) assertTrue(img.attr("src").startsWith("data:image/png;base64,iVBOR"), img.attr("src"));
        assertTrue(d.select("script, link, iframe, object, embed").isEmpty());
        for (Element e : d.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertFalse(url.startsWith("http") || url.startsWith("//"), url);
        }
    }

    @Test
    void userTextIsEscapedEverywhere() {
        ReportFixture.writeStages(dir);
        String html = HtmlReport.render(new HtmlReport.Input(ReportFixture.scenario(), dir, Lang.EN, Map.of(),
                List.of(), "kam test"));
        Document d = Jsoup.parse(html);
        assertTrue(d.select("script").isEmpty(), "no script element from data");
        assertTrue(d.select("b, i").isEmpty(), "no markup from soldier or product names");
        assertFalse(html.contains(ReportFixture.SCRIPT));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(d.text().contains(ReportFixture.SCRIPT), "shown literally");
        assertTrue(d.text().contains(ReportFixture.FORMULA), "formula text shown as the user wrote it, not with '");
        assertTrue(d.text().contains(ReportFixture.CHINESE));
        assertEquals("Hostile <Co> & \"Sons\"", d.selectFirst("h1").text());
        assertTrue(d.title().contains("Hostile <Co>"));
        for (Element e : d.getAllElements()) {
            for (var a : e.attributes()) assertFalse(a.getKey().startsWith("on"), "event handler " + a);
        }
    }

    @Test
    void actionListNamesOwnerEffortProductsAndDiagnosis() {
        ReportFixture.writeStages(dir);
        Document d = render(Lang.EN);
        List<Element> rows = d.select("#actions tbody tr");
        assertEquals(2, rows.size(), "the two KEY-tier accounts");
        String first = rows.get(0).text();
        assertTrue(first.contains(ReportFixture.SCRIPT) && first.contains("张伟") && first.contains("intensive")
                && first.contains("Remote <i>monitoring</i>") && first.contains("(was Li <b>Wei</b>)"), first);
        String second = rows.get(1).text();
        assertTrue(second.contains("Cannot keep") && second.contains("Fix decline") && second.contains("none"), second);
    }

    @Test
    void sectionsOfStagesThatDidNotRunAreOmitted() {
        ReportFixture.analysis(dir);
        Document d = render(Lang.EN);
        assertNotNull(d.getElementById("customers"));
        assertNotNull(d.getElementById("actions"));
        for (String id : List.of("targets", "plan", "simulation")) {
            assertNull(d.getElementById(id), id);
            assertNull(d.selectFirst("nav a[href=#" + id + "]"), id);
        }
        assertTrue(d.getElementById("summary").text().contains("Not part of this run"));
        assertEquals(1, d.select("img").size());
    }

    @Test
    void emptyRunStillGivesAValidReport() {
        Document d = render(Lang.EN);
        assertNotNull(d.getElementById("summary"));
        assertNotNull(d.getElementById("assumptions"));
        assertTrue(d.getElementById("assumptions").text().contains("simulation.churn.covered 0.03"));
        assertTrue(d.getElementById("assumptions").text().contains("assignment.timeLimit 30s"));
    }

    @Test
    void chineseLabels() {
        ReportFixture.writeStages(dir);
        Document d = render(Lang.ZH);
        assertEquals("zh-CN", d.selectFirst("html").attr("lang"));
        assertEquals("执行摘要", d.selectFirst("#summary h2").text());
        assertEquals("大客户行动清单", d.selectFirst("#actions h2").text());
        assertTrue(d.getElementById("actions").text().contains("留不住"));
    }

    @Test
    void writtenAtomicallyAsUtf8() throws Exception {
        ReportFixture.writeStages(dir);
        Path file = dir.resolve("report.html");
        HtmlReport.write(new HtmlReport.Input(ReportFixture.scenario(), dir, Lang.EN, Map.of(), List.of(), "kam test"), file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertTrue(text.contains(ReportFixture.CHINESE));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
