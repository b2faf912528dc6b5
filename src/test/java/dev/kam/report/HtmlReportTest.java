package dev.kam.report;

import dev.kam.assign.Plan;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.run.RunInfo;
import dev.kam.run.RunResults;
import dev.kam.run.Summary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report rendered from results the real stages made (ReportFixture): structure, escaping, words, font. */
class HtmlReportTest {
    static final Messages EN = Messages.of(Lang.EN);
    static final Messages ZH = Messages.of(Lang.ZH);
    static RunResults results;
    static String english;
    static String chinese;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderOnce() {
        results = ReportFixture.results();
        english = HtmlReport.render(results, EN);
        chinese = HtmlReport.render(results, ZH);
    }

    @Test
    void allSectionsPresentWhenEveryStageRan() {
        Document d = Jsoup.parse(english);
        for (String id : List.of("summary", "customers", "targets", "plan", "simulation", "actions", "appendix")) {
            assertNotNull(d.getElementById(id), "section " + id);
            assertNotNull(d.selectFirst("nav a[href=#" + id + "]"), "toc entry " + id);
        }
        assertTrue(d.select("ol.risks li").size() >= 1 && d.select("ol.risks li").size() <= 3);
    }

    /** P(goal) is the final-year key-account revenue target, named as such; the joint probability has its own name. */
    @Test
    void theHeadlineProbabilityIsTheRevenueGoalAndTheJointOneIsNamedApart() {
        Summary s = results.summary();
        Document d = Jsoup.parse(english);
        List<Element> kpis = d.select("#summary .kpi");
        Element goal = kpis.get(0);
        assertEquals("P(goal): probability of meeting the 2029 key-account revenue target", goal.selectFirst(".label").text());
        assertEquals(EN.percent1(s.pGoal()), goal.selectFirst(".value").text());
        assertTrue(goal.selectFirst(".detail").text().startsWith(EN.ci(s.goal().ciLow(), s.goal().ciHigh()) + " · "),
                "P(goal) carries its Wilson interval: " + goal.text());
        assertEquals(s.pGoal(), results.simulation().orElseThrow().hitProbability("keyAccountRevenue", 2029), 0);
        Element joint = kpis.get(1);
        assertEquals("Probability of all three 2029 goals together", joint.selectFirst(".label").text());
        assertEquals(EN.percent1(s.pAllGoals()), joint.selectFirst(".value").text());
        assertTrue(joint.selectFirst(".detail").text().contains(EN.ci(s.allGoals().ciLow(), s.allGoals().ciHigh())), joint.text());
        assertTrue(goal.selectFirst(".detail").text().contains(EN.percentCi(s.pGoalBaseline(), s.goalBaseline().ciLow(),
                s.goalBaseline().ciHigh())), "the no-plan baseline beside it, with its interval: " + goal.text());
        assertTrue(goal.selectFirst(".detail").text().contains("plan minus no plan: "
                + EN.pointsSe(s.goalVersusBaseline().value(), s.goalVersusBaseline().stderr())), goal.text());
        Element when = kpis.stream().filter(k -> k.selectFirst(".label").text().startsWith("Median year")).findFirst()
                .orElseThrow();
        assertTrue(when.selectFirst(".detail").text().contains("today's owners without the plan: "),
                "the baseline's median year beside the plan's: " + when.text());
        // the tornado's P(goal) at each end of each range, with its interval (on the tornado's own paths)
        Element tornado = d.select("#simulation h3").stream().filter(h -> h.text().startsWith("Sensitivity"))
                .findFirst().orElseThrow().nextElementSibling().nextElementSibling();
        var tornadoRows = tornado.select("tbody tr");
        assertEquals(results.sensitivity().orElseThrow().bars().size(), tornadoRows.size());
        for (Element row : tornadoRows) {
            assertTrue(row.child(4).text().matches("\\d+\\.\\d% 95% CI \\d+\\.\\d–\\d+\\.\\d%"), row.text());
            assertTrue(row.child(5).text().matches("\\d+\\.\\d% 95% CI \\d+\\.\\d–\\d+\\.\\d%"), row.text());
        }
        Element uplift = d.select("#summary .kpi").stream().filter(k -> k.text().contains("first year")).findFirst().orElseThrow();
        assertEquals(EN.signedMoney(s.expectedUplift(), "CNY"), uplift.selectFirst(".value").text());
    }

    @Test
    void chartsAndFontAreInlineAndNothingIsFetched() {
        Document d = Jsoup.parse(english);
        List<Element> imgs = d.select("img");
        assertTrue(imgs.size() >= 8, "charts of analysis, targets and simulation: " + imgs.size());
        for (Element img : imgs) assertTrue(img.attr("src").startsWith("data:image/png;base64,iVBOR"), img.attr("src"));
        assertTrue(d.select("script, link, iframe, object, embed").isEmpty());
        for (Element e : d.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertFalse(url.startsWith("http") || url.startsWith("//"), url);
        }
        assertTrue(english.contains("@font-face{font-family:kam-cjk;src:url(data:font/ttf;base64,"));
    }

    /** The embedded font is a subset, smaller than the bundled one, and draws every character of the page's text. */
    @Test
    void theEmbeddedFontDrawsEveryCharacterOfTheChinesePage() throws Exception {
        Matcher m = Pattern.compile("url\\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\\)").matcher(chinese);
        assertTrue(m.find(), "a data: URL font");
        byte[] ttf = Base64.getDecoder().decode(m.group(1));
        long full;
        try (var in = ChartTheme.class.getResourceAsStream(ChartTheme.BUNDLED_FONT)) {
            full = in.readAllBytes().length;
        }
        assertTrue(ttf.length < full / 4, "a subset: " + ttf.length + " of " + full + " bytes");
        Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        String text = Jsoup.parse(chinese).body().text();
        StringBuilder han = new StringBuilder();
        text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(han::appendCodePoint);
        assertTrue(han.length() > 200, "a Chinese page");
        int missing = font.canDisplayUpTo(han.toString());
        assertEquals(-1, missing, () -> "the subset lacks '" + han.charAt(missing) + "'");
    }

    @Test
    void userTextIsEscapedEverywhere() {
        for (String html : List.of(english, chinese)) {
            Document d = Jsoup.parse(html);
            assertTrue(d.select("script").isEmpty(), "no script element from data");
            assertTrue(d.select("b, i, u").isEmpty(), "no markup from soldier or product names");
            assertFalse(html.contains(ReportFixture.SCRIPT));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertTrue(d.text().contains(ReportFixture.SCRIPT), "shown literally");
            assertTrue(d.text().contains(ReportFixture.FORMULA), "formula text shown as the user wrote it");
            assertTrue(d.text().contains(ReportFixture.CHINESE));
            assertTrue(d.text().contains("Li <b>Wei</b>") && d.text().contains("Remote <i>monitoring</i>"));
            assertEquals("Hostile <Co> & \"Sons\"", d.selectFirst("h1").text());
            assertTrue(d.title().contains("Hostile <Co>"));
            for (Element e : d.getAllElements()) {
                for (var a : e.attributes()) assertFalse(a.getKey().startsWith("on"), "event handler " + a);
            }
        }
    }

    /** One row per key account, each naming the lead the plan gives it and the step its diagnosis calls for. */
    @Test
    void actionListFollowsThePlanAndTheDiagnosis() {
        Document d = Jsoup.parse(english);
        List<Element> rows = d.select("#actions tbody tr");
        Plan plan = results.plan().orElseThrow();
        List<String> keys = results.analysis().orElseThrow().accounts().stream()
                .filter(a -> a.tier() == dev.kam.analysis.Tier.KEY).map(a -> a.accountId()).toList();
        assertEquals(keys.size(), rows.size());
        for (Element row : rows) {
            String id = row.selectFirst("td .id") == null ? row.child(0).text() : row.selectFirst("td .id").text();
            Plan.AccountPlan p = plan.accounts().stream().filter(a -> a.accountId().equals(id)).findFirst().orElseThrow();
            String owner = row.child(4).text();
            if (p.soldierId() == null) assertTrue(owner.startsWith("none"), owner);
            else assertTrue(owner.startsWith(results.scenario().soldiers().stream()
                    .filter(s -> s.id().equals(p.soldierId())).findFirst().orElseThrow().name()), owner);
        }
        String a2 = rows.stream().filter(r -> r.text().contains(ReportFixture.FORMULA)).findFirst().orElseThrow().text();
        assertTrue(a2.contains("cannot keep") && a2.contains("Fix decline"), a2);
    }

    /** The plan in a manager's words: one book per soldier, reasons counted by rule, no solver jargon in the main text. */
    @Test
    void planSectionSpeaksInAccountsAndHoursAndKeepsTheScoreInTheAppendix() {
        Document d = Jsoup.parse(english);
        Element plan = d.getElementById("plan");
        Plan p = results.plan().orElseThrow();
        assertEquals(p.soldiers().size(), plan.select("details.book").size());
        int grouped = 0;
        for (Element g : plan.select("h3:contains(Accounts without a lead) + ul.groups > li")) {
            int count = Integer.parseInt(g.selectFirst(".count").text());
            assertEquals(count, g.select("details > ul > li").size(), "a group's count is its items");
            grouped += count;
        }
        assertEquals(p.baseline().uncovered().size(), grouped);
        for (String jargon : List.of("hard", "medium", "soft", "objective", "Objective", "Score", "LP")) {
            assertFalse(plan.text().contains(jargon), "no '" + jargon + "' in the plan section: " + plan.text());
        }
        Element appendix = d.getElementById("appendix");
        assertTrue(appendix.text().contains("Optimizer score (hard / medium / soft)"));
        assertTrue(appendix.text().contains(EN.number(p.objective(), 2)), "the LP objective is in the appendix");
        Element idle = plan.select("ul.underused > li").stream().filter(li -> li.text().contains("Idle <u>Ivan</u>"))
                .findFirst().orElse(null);
        assertNotNull(idle, "a soldier without work is explained");
        assertTrue(idle.text().contains("1 star, certification 0"), idle.text());
    }

    @Test
    void labelsNotKeysInTheMainText() {
        Document d = Jsoup.parse(english);
        d.select("#appendix, code, .file").remove();
        String text = d.body().text();
        for (String key : List.of("activeAccounts", "top10PctCount", "hhi", "keyAccountRevenue", "shareCeiling",
                "CANNOT_KEEP", "expectedUplift", "upliftAdded", "baselineProblems")) {
            assertFalse(text.contains(key), key + " in the visible text");
        }
        assertTrue(text.contains("Share of revenue of the top 10%"));
    }

    @Test
    void sectionsOfStagesThatDidNotRunAreOmitted() {
        Document d = Jsoup.parse(HtmlReport.render(ReportFixture.analysisOnly(), EN));
        assertNotNull(d.getElementById("customers"));
        assertNotNull(d.getElementById("actions"));
        for (String id : List.of("targets", "plan", "simulation", "compare")) {
            assertNull(d.getElementById(id), id);
            assertNull(d.selectFirst("nav a[href=#" + id + "]"), id);
        }
        assertTrue(d.getElementById("summary").text().contains("Not part of this run"));
        assertEquals(3, d.select("img").size(), "the three analysis charts");
    }

    @Test
    void emptyRunStillGivesAValidReport() {
        Scenario s = ReportFixture.scenario();
        Document d = Jsoup.parse(HtmlReport.render(RunResults.of(s).info(RunInfo.of("kam test")).build(), EN));
        assertNotNull(d.getElementById("summary"));
        assertNotNull(d.getElementById("appendix"));
        String a = d.getElementById("appendix").text();
        assertTrue(a.contains("churn of covered accounts simulation.churn.covered 0.03"), a);
        assertTrue(a.contains("Search time limit assignment.timeLimit 30s"), a);
    }

    @Test
    void chineseLabels() {
        Document d = Jsoup.parse(chinese);
        assertEquals("zh-CN", d.selectFirst("html").attr("lang"));
        assertEquals("执行摘要", d.selectFirst("#summary h2").text());
        assertEquals("大客户行动清单", d.selectFirst("#actions h2").text());
        assertTrue(d.getElementById("actions").text().contains("留不住"));
        assertTrue(d.selectFirst("#summary .kpi .label").text().startsWith("P(目标)：达成 2029 年大客户收入目标的概率"));
    }

    @Test
    void writtenAtomicallyAsUtf8() throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(results, EN, RunCharts.none(), file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertTrue(text.contains(ReportFixture.CHINESE));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
