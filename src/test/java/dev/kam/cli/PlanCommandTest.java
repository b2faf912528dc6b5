package dev.kam.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandTest {
    static final String TINY = "scenarios/tiny/scenario.yaml";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run kam(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] fast(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--set", "simulation.paths=300", "--set", "assignment.steps=300"));
        return a.toArray(new String[0]);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=cmd|' /C calc'!A0";

    /** The tiny scenario with two hostile account names. */
    private Path hostileTiny() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hostile"));
        Path tiny = Path.of("scenarios/tiny");
        for (String f : List.of("scenario.yaml", "soldiers.csv", "products.csv", "relationships.csv")) {
            Files.copy(tiny.resolve(f), dir.resolve(f));
        }
        String accounts = Files.readString(tiny.resolve("accounts.csv"), StandardCharsets.UTF_8)
                .replace("上海恒达精密制造有限公司", SCRIPT).replace("深圳华信通信有限公司", FORMULA);
        Files.writeString(dir.resolve("accounts.csv"), accounts, StandardCharsets.UTF_8);
        return dir.resolve("scenario.yaml");
    }

    @Test
    void runsEveryStageOnTheTinyScenarioAndWritesTheReport() throws Exception {
        Path out = tmp.resolve("out");
        Run r = kam(fast("plan", hostileTiny().toString(), "--out", out.toString(), "--lang", "zh", "--compare", TINY));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("[1/"), "progress on stderr: " + r.err());
        assertTrue(r.err().contains("校验 完成，用时"), r.err());
        assertTrue(r.err().contains("报告 完成，用时"), r.err());
        assertTrue(r.out().contains("报告：" + out.resolve("report.html").toAbsolutePath().normalize()), r.out());
        assertTrue(r.out().contains("P(目标)，即达成 2036 年大客户收入目标的概率："), r.out());
        assertTrue(r.out().contains("2036 年大客户收入中位数："), r.out());
        assertTrue(r.out().contains("方案相对现有负责人的预期毛利提升：第一年 "), r.out());
        assertTrue(r.err().contains("kam plan：[1/8] 校验 ..."), "progress in the run's language: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());

        for (String stage : List.of("analysis", "targets", "plan", "simulation", "compare")) {
            assertTrue(Files.isDirectory(out.resolve(stage)), stage);
        }
        assertTrue(Files.exists(out.resolve("analysis/accounts.csv")));
        assertTrue(Files.exists(out.resolve("simulation/percentiles.csv")));
        assertTrue(Files.exists(out.resolve("plan/plan.json")));
        assertTrue(Files.exists(out.resolve("compare/summary.csv")));
        assertEquals(List.of(".kam", "analysis", "compare", "mechanisms", "plan", "plan.xlsx", "projects", "report.html", "simulation",
                "targets"), names(out),
                "the outputs and kam's state folder, nothing else");
        assertEquals(1, names(out.resolve(".kam/runs")).size(), "one published run, no staging left");

        Document d = Jsoup.parse(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
        for (String id : List.of("summary", "customers", "targets", "plan", "simulation", "compare", "actions",
                "appendix")) {
            assertNotNull(d.getElementById(id), id);
        }
        assertTrue(d.select("img").size() >= 6, "charts inline");
        assertTrue(d.select("img").stream().allMatch(i -> i.attr("src").startsWith("data:image/png;base64,")));
        assertTrue(d.selectFirst("h1").text().contains("小型示例"));
        assertEquals("zh-CN", d.selectFirst("html").attr("lang"), "--lang zh reaches the report");
        assertEquals("执行摘要", d.selectFirst("#summary h2").text());

        assertTrue(d.select("script").isEmpty(), "no script element from the data");
        assertTrue(d.getElementById("actions").text().contains(SCRIPT), "hostile name shown literally");
        assertTrue(d.getElementById("actions").text().contains(FORMULA), "formula-like name shown as written");
        String csv = Files.readString(out.resolve("analysis/accounts.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "CSV with BOM for Excel");
        assertTrue(csv.contains(",'" + FORMULA + ",") || csv.contains(",\"'" + FORMULA), "formula neutralised in CSV");
        assertTrue(d.getElementById("appendix").text().contains("simulation.paths 300"), "the --set value is reported");
    }

    /**
     * The figures kam plan prints are the run's own: P(goal) is the final-year key-account revenue target's
     * probability in simulation/targets-hit.csv, the joint probability is the all-targets row, the median is
     * percentiles.csv's P50, the uplift is the simulation's first-year expectation (summary.json
     * comparison.upliftHeadline.firstYearExpectedGrossProfitUplift: the optimizer's uplift less switching costs).
     */
    @Test
    void printsTheHeadlineFiguresOfTheRunItWrote() throws Exception {
        Path out = tmp.resolve("headline");
        Run r = kam(fast("plan", TINY, "--out", out.toString(), "--set", "simulation.seed=7"));
        assertEquals(0, r.code(), r.err());
        dev.kam.i18n.Messages en = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);
        dev.kam.TestCsv hits = dev.kam.TestCsv.read(out.resolve("simulation/targets-hit.csv"));
        double p = probability(hits, "2036", "keyAccountRevenue");
        double all = probability(hits, "2036", "allKeyAccountTargets");
        // every probability printed carries its Wilson interval, the one targets-hit.csv holds
        assertTrue(r.out().contains("P(goal), the probability of meeting the 2036 key-account revenue target: "
                + en.percentCi(p, column(hits, "2036", "keyAccountRevenue", "ciLow"),
                column(hits, "2036", "keyAccountRevenue", "ciHigh")) + "; today's owners without the plan: "), r.out());
        assertTrue(r.out().matches("(?s).*without the plan: \\d+\\.\\d% \\(95% CI \\d+\\.\\d–\\d+\\.\\d%\\); "
                + "plan minus no plan: [+-]\\d+\\.\\d points \\(paired standard error \\d+\\.\\d\\).*"), r.out());
        assertTrue(r.out().contains("Probability of meeting all three 2036 key-account targets (revenue, count, share) "
                + "together: " + en.percentCi(all, column(hits, "2036", "allKeyAccountTargets", "ciLow"),
                column(hits, "2036", "allKeyAccountTargets", "ciHigh"))), r.out());
        assertTrue(r.out().contains("Median year the goal is first met: "), r.out());
        assertTrue(r.out().contains("(today's owners without the plan: "), r.out());
        dev.kam.TestCsv pct = dev.kam.TestCsv.read(out.resolve("simulation/percentiles.csv"));
        double median = pct.rows().stream().filter(x -> x.get("year").equals("2036") && x.get("metric").equals("keyAccountRevenue"))
                .mapToDouble(x -> dev.kam.TestCsv.num(x, "p50")).findFirst().orElseThrow();
        assertTrue(r.out().contains("Median key-account revenue 2036: " + en.money(median, "CNY") + " (P10–P90 "), r.out());
        com.fasterxml.jackson.databind.JsonNode sim = dev.kam.io.Json.MAPPER.readTree(out.resolve("simulation/summary.json").toFile());
        assertTrue(r.out().contains("Plan's expected gross-profit uplift over today's owners: " + en.signedMoney(
                sim.at("/comparison/upliftHeadline/firstYearExpectedGrossProfitUplift").asDouble(), "CNY")
                + " in its first year"), r.out());
        assertEquals(p, sim.at("/endGoal/probabilityKeyAccountRevenue").asDouble(), 1e-8, "one definition in every file");
        assertEquals(p, sim.at("/goalProbability").asDouble(), 1e-8);
        Document d = Jsoup.parse(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
        assertEquals(en.percent1(p), d.selectFirst("#summary .kpi .value").text(), "the report's headline is the same P(goal)");
    }

    private static double column(dev.kam.TestCsv hits, String year, String metric, String column) {
        return hits.rows().stream().filter(x -> x.get("year").equals(year) && x.get("metric").equals(metric))
                .mapToDouble(x -> dev.kam.TestCsv.num(x, column)).findFirst().orElseThrow();
    }

    private static double probability(dev.kam.TestCsv hits, String year, String metric) {
        return hits.rows().stream().filter(x -> x.get("year").equals(year) && x.get("metric").equals(metric))
                .mapToDouble(x -> dev.kam.TestCsv.num(x, "probability")).findFirst().orElseThrow();
    }

    @Test
    void refusesAnOutputThatWouldOverwriteAnInputFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("x"));
        Path tiny = Path.of("scenarios/tiny");
        Files.createDirectories(dir.resolve("plan"));
        for (String f : List.of("soldiers.csv", "products.csv", "relationships.csv")) Files.copy(tiny.resolve(f), dir.resolve(f));
        Files.copy(tiny.resolve("accounts.csv"), dir.resolve("plan/accounts.csv"));
        String yaml = Files.readString(tiny.resolve("scenario.yaml")).replace("accounts: accounts.csv", "accounts: plan/accounts.csv");
        Files.writeString(dir.resolve("scenario.yaml"), yaml);
        byte[] before = Files.readAllBytes(dir.resolve("plan/accounts.csv"));

        Run r = kam(fast("plan", dir.resolve("scenario.yaml").toString(), "--out", dir.toString()));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("kam: --out " + dir + " would replace " + dir.resolve("plan") + ", which holds the input file "
                + dir.resolve("plan/accounts.csv")), r.err());
        assertTrue(Files.exists(dir.resolve("plan/accounts.csv")));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("plan/accounts.csv"))));
        assertFalse(Files.exists(dir.resolve("analysis")), "nothing ran");
    }

    @Test
    void badInputLeavesThePreviousOutputsAlone() throws Exception {
        Path out = tmp.resolve("keep");
        Files.createDirectories(out.resolve("analysis"));
        Files.writeString(out.resolve("analysis/accounts.csv"), "previous run");
        Files.writeString(out.resolve("report.html"), "previous report");
        Run r = kam("plan", TINY, "--out", out.toString(), "--set", "simulation.churn.covered=1.7");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("churn"), r.err());
        assertEquals("previous run", Files.readString(out.resolve("analysis/accounts.csv")));
        assertEquals("previous report", Files.readString(out.resolve("report.html")));
        assertEquals(List.of("analysis", "report.html"), names(out));
        Run zh = kam("plan", TINY, "--out", out.toString(), "--lang", "zh", "--set", "simulation.churn.covered=1.7");
        assertEquals(2, zh.code(), zh.err());
        assertTrue(zh.err().contains("1 个错误；未写入任何文件。"), "the error count in the run's language: " + zh.err());
    }

    @Test
    void usageErrors() {
        Run missing = kam("plan", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("scenario file not found"), missing.err());
        Run lang = kam("plan", TINY, "--lang", "fr", "--out", tmp.resolve("o").toString());
        assertEquals(2, lang.code());
        assertTrue(lang.err().contains("--lang must be en or zh"), lang.err());
        Path file = tmp.resolve("afile");
        Run outIsFile;
        try {
            Files.writeString(file, "x");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        outIsFile = kam("plan", TINY, "--out", file.toString());
        assertEquals(2, outIsFile.code());
        assertTrue(outIsFile.err().contains("is a file"), outIsFile.err());
    }

    @Test
    void withoutAScenarioTheBundledDemoIsUsed() {
        String old = System.getProperty("kam.home");
        try {
            System.setProperty("kam.home", Path.of("").toAbsolutePath().toString());
            assertEquals(Path.of("").toAbsolutePath().resolve("scenarios/demo/scenario.yaml"), PlanCommand.demo());
            System.setProperty("kam.home", tmp.toString());
            assertEquals(Path.of("scenarios", "demo", "scenario.yaml"), PlanCommand.demo(), "falls back to ./scenarios");
        } finally {
            if (old == null) System.clearProperty("kam.home");
            else System.setProperty("kam.home", old);
        }
        assertTrue(Files.exists(PlanCommand.demo()), "the demo is bundled");
    }
}
