package dev.kam.cli;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's mechanisms through the command line: refused input (exit 2), the outputs of kam plan, generation. */
class MechanismsCliTest {
    @TempDir
    Path tmp;

    /** The tiny scenario copied, with extra YAML appended and an optional pipeline.csv. */
    private Path tiny(String yamlTail, String pipeline) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tiny"));
        Path src = Path.of("scenarios/tiny");
        for (String f : List.of("accounts.csv", "soldiers.csv", "products.csv", "relationships.csv")) {
            Files.copy(src.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("scenario.yaml"), Files.readString(src.resolve("scenario.yaml")) + yamlTail,
                StandardCharsets.UTF_8);
        if (pipeline != null) Files.writeString(dir.resolve("pipeline.csv"), pipeline, StandardCharsets.UTF_8);
        return dir.resolve("scenario.yaml");
    }

    private static int lines(Path yaml) throws Exception {
        return Files.readAllLines(yaml).size();
    }

    @Test
    void badTiersAreRefusedWithFileLineAndExitTwo() throws Exception {
        Path yaml = tiny("", null);
        int base = lines(yaml);
        Files.writeString(yaml, Files.readString(yaml) + """
                mechanisms:
                  commission:
                    tiers:
                      - {upTo: 1.0, rate: 0.02}
                      - {upTo: 0.8, rate: 1.2}
                      - {above: 1.0, rate: 0.04}
                """);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("plan", yaml.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(yaml + ":" + (base + 5) + ": mechanisms.commission.tiers[1].rate: (1.2) must be "
                + "between 0 and 1"), r.err());
        assertTrue(r.err().contains(yaml + ":" + (base + 5) + ": mechanisms.commission.tiers[1].upTo: (0.8) is below "
                + "the previous tier's upTo (1); tiers must be in increasing order of upTo"), r.err());
        assertTrue(r.err().contains("2 errors; nothing was written."), r.err());
        assertFalse(Files.exists(out.resolve("mechanisms")));
    }

    @Test
    void pipelineRowsNamingUnknownSoldiersOrAccountsAreRefused() throws Exception {
        Path yaml = tiny("", """
                opportunity,account,soldier,stage,value,expectedClose
                O1,A1,S1,3,100000,
                O2,A404,S1,3,100000,
                O3,A2,S9,nine,100000,
                """);
        CliRun r = CliRun.of("validate", yaml.toString());
        assertEquals(2, r.code(), r.err());
        String p = yaml.getParent().resolve("pipeline.csv").toString();
        assertTrue(r.err().contains(p + ":3: account: 'A404' is not the id of any account"), r.err());
        assertTrue(r.err().contains(p + ":4: soldier: 'S9' is not the id of any soldier"), r.err());
        assertTrue(r.err().contains(p + ":4: stage: 'nine' is not a funnel stage"), r.err());
    }

    @Test
    void planWritesMechanismsFunnelAndProjects() throws Exception {
        Path gen = tmp.resolve("gen");
        assertEquals(0, CliRun.of("generate", "--accounts", "60", "--soldiers", "6", "--products", "4", "--seed", "3",
                "--pipeline", "--out", gen.toString()).code());
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of(PlanCommandTest.fast("plan", gen.resolve("scenario.yaml").toString(), "--out",
                out.toString(), "--lang", "zh"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("机制 完成，用时"), r.err());
        assertTrue(r.out().contains("mechanisms, pipeline, projects"), r.out());

        List<String> stars = Files.readAllLines(out.resolve("mechanisms/stars.csv"));
        assertTrue(stars.get(0).startsWith("\uFEFFyear,soldier,starsP50,pPromotion,"), stars.get(0));
        assertEquals(1 + 6 + 6 * 10, stars.size(), "the base year and each of the ten simulated years");
        assertTrue(stars.get(1).startsWith("2026,S001,"), stars.get(1));
        assertTrue(stars.get(7).startsWith("2027,S001,") && stars.get(7).endsWith(",simulated"), stars.get(7));
        List<String> comp = Files.readAllLines(out.resolve("mechanisms/compensation.csv"));
        assertEquals("\uFEFFyear,metric,p5,p10,p25,p50,p75,p90,p95,mean,method", comp.get(0));
        assertTrue(comp.stream().anyMatch(l -> l.startsWith("2027,roi,,,,,,,,") && l.endsWith(",expected-first-year")),
                String.join("\n", comp));
        assertEquals(1 + 9 + 10 * 10, comp.size(), "nine expected first-year rows, ten figures per simulated year");
        assertTrue(comp.stream().anyMatch(l -> l.matches("2036,roiCumulative,-?[0-9].*,simulated")), String.join("\n", comp));
        assertTrue(Files.exists(out.resolve("mechanisms/pay.csv")));
        assertTrue(Files.readString(out.resolve("mechanisms/summary.json")).contains("\"starReview\""));
        var mech = Jsoup.parse(out.resolve("mechanisms/index.html").toFile(), "UTF-8");
        assertEquals(List.of("计划第一年的回报", "每个模拟年份", "提成方案与PK奖金池", "计划下每位特种兵的薪酬",
                "按基准年重新评定的星级"), mech.select("h2").eachText());
        assertEquals(10, mech.select("section").get(1).select("tbody tr").size(), "every simulated year");
        assertEquals(6, mech.select("section").get(3).select("tbody tr").size());
        // a generated scenario has no mechanisms: section, so its stars set pay only and take no lead
        List<String> lost = Files.readAllLines(out.resolve("mechanisms/leads-lost.csv"));
        assertEquals("\uFEFFyear,leads,leadsLostMean,byEligibility,byElimination,pAtLeastOne,cumulativeMean,takeLeads",
                lost.get(0));
        assertEquals(1 + 9, lost.size(), "every simulated year but the last");
        assertTrue(lost.get(1).startsWith("2027,") && lost.get(1).endsWith(",0.0,0.0,0.0,0.0,0.0,false")
                || lost.get(1).matches("2027,[0-9]+,0(\\.0)?,0(\\.0)?,0(\\.0)?,0(\\.0)?,0(\\.0)?,false"), lost.get(1));

        assertEquals("\uFEFFstep,stage,label,opportunities,value,conversion,winProbability,active",
                Files.readAllLines(out.resolve("pipeline/funnel.csv")).get(0));
        assertTrue(Files.readAllLines(out.resolve("pipeline/funnel.csv")).get(1).startsWith("1,info,信息收集,"));
        assertEquals(1 + 6, Files.readAllLines(out.resolve("pipeline/soldiers.csv")).size());
        byte[] png = Files.readAllBytes(out.resolve("pipeline/funnel.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(Files.readString(out.resolve("pipeline/funnel.svg")).contains("销售漏斗"));

        List<String> register = Files.readAllLines(out.resolve("projects/register.csv"));
        assertEquals("\uFEFFaccount,process,trigger,owner,due,target,accountName,ownerName,targetYear,rule",
                register.get(0));
        assertTrue(register.size() > 1);
        String first = register.get(1).split(",")[0];
        var index = Jsoup.parse(out.resolve("projects/index.html").toFile(), "UTF-8");
        assertEquals("大客户项目", index.select("h1").text());
        assertFalse(index.select("a[href=" + first + ".html]").isEmpty(), "the index links " + first);
        var page = Jsoup.parse(out.resolve("projects/" + first + ".html").toFile(), "UTF-8");
        assertEquals(8, page.select("h2").size(), page.select("h2").eachText().toString());
    }

    @Test
    void generatePipelineIsDeterministic() throws Exception {
        for (String d : List.of("a", "b")) {
            assertEquals(0, CliRun.of("generate", "--accounts", "80", "--soldiers", "5", "--products", "3", "--seed", "9",
                    "--pipeline", "--out", tmp.resolve(d).toString()).code());
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/pipeline.csv")), Files.readAllBytes(tmp.resolve("b/pipeline.csv")));
        assertEquals(0, CliRun.of("validate", tmp.resolve("a").toString()).code());
    }
}
