package dev.kam.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.domain.Scenario;
import dev.kam.report.AnalysisWriter;
import dev.kam.io.Json;
import dev.kam.io.OutputDir;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
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

class AnalysisWriterTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    static final Messages EN = Messages.of(Lang.EN);
    static final Messages ZH = Messages.of(Lang.ZH);

    /** Chinese charts, then English ones in the same JVM: each is in its own language (no global setting). */
    @Test
    void chartsInTheLanguageTheyAreAskedFor(@TempDir Path tmp) throws Exception {
        Path zh = write(Fixtures.handScenario(), tmp.resolve("zh"), ZH);
        String pyramid = Files.readString(zh.resolve("pyramid.svg"));
        assertTrue(pyramid.contains("客户金字塔"), "title");
        assertTrue(pyramid.contains("大客户（1 家）"), "tier label");
        assertTrue(pyramid.contains("收入占比"), "series");
        assertFalse(pyramid.contains("Customer pyramid"));
        assertTrue(Files.readString(zh.resolve("lorenz.svg")).contains("基尼系数 0.325"));
        assertTrue(Files.readString(zh.resolve("ratings.svg")).contains("5A评级"));
        Path en = write(Fixtures.handScenario(), tmp.resolve("en"), EN);
        String english = Files.readString(en.resolve("pyramid.svg"));
        assertTrue(english.contains("Customer pyramid") && english.contains("Key (1 account)"), "English after Chinese");
        assertFalse(english.contains("客户金字塔"));
    }

    static Path write(Scenario s, Path root) {
        return write(s, root, EN);
    }

    static Path write(Scenario s, Path root, Messages m) {
        Analysis a = Analyzer.analyze(s);
        try (OutputDir dir = OutputDir.open(root, "analysis")) {
            AnalysisWriter.write(s, a, dir, m);
            return dir.commit();
        }
    }

    @Test
    void writesCsvJsonAndCharts(@TempDir Path tmp) throws Exception {
        Path dir = write(Fixtures.handScenario(), tmp);
        List<String> lines = Files.readAllLines(dir.resolve("accounts.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFid,name,industry,region,stage,owner,rank,revenue,wallet,shareOfWallet,tier,score,revenueScore,"
                + "profitScore,creditScore,efficiencyScore,easeScore,rating,ratedOn,diagnosis,reason,rule", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).startsWith("A,Name A,steel,east,active,S1,1,50,100,0.5,key,0.913333,1,0.833333,0.9,1,0.8,5A,"
                + "revenue,HEALTHY,"), lines.get(1));
        assertTrue(lines.get(5).startsWith("E,Name E,steel,east,prospect,,5,0,200,0,small,0.82,1,1,0.8,0.5,0.5,5A,potential,"
                + "CANNOT_WIN,"), lines.get(5));

        JsonNode j = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        assertEquals("key", j.at("/pyramid/tiers/0/tier").asText());
        assertEquals(1, j.at("/pyramid/tiers/0/count").asInt());
        assertEquals(0.5, j.at("/pyramid/tiers/0/revenueShare").asDouble(), 1e-9);
        assertEquals(0.325, j.at("/concentration/gini").asDouble(), 1e-9);
        assertEquals(0.345, j.at("/concentration/hhi").asDouble(), 1e-9);
        assertEquals(1, j.at("/keyAccountBaseline/count").asInt());
        assertEquals("CONCENTRATED", j.at("/health/verdict").asText());
        assertTrue(j.at("/health/findings").size() >= 4);
        assertEquals(2, j.at("/ratings/counts/5A").asInt());
        assertEquals(1, j.at("/diagnoses/CANNOT_WIN").asInt());
        assertEquals(1, j.at("/diagnoses/CANNOT_GROW").asInt());
        assertTrue(j.at("/keyAccountBaseline/orderValue").isNumber());
        // C: 0.8 × 300 − 15 = 225 headroom; D: 10 revenue at stake; E: 200 wallet
        assertEquals("C", j.at("/largest/CANNOT_GROW/0/id").asText());
        assertEquals(225, j.at("/largest/CANNOT_GROW/0/headroom").asDouble(), 1e-9);
        assertEquals(10, j.at("/largest/CANNOT_KEEP/0/revenueAtStake").asDouble(), 1e-9);
        assertEquals(200, j.at("/largest/CANNOT_WIN/0/wallet").asDouble(), 1e-9);

        for (String chart : AnalysisWriter.CHARTS) {
            byte[] png = Files.readAllBytes(dir.resolve(chart + ".png"));
            assertArrayEquals(PNG, java.util.Arrays.copyOf(png, 8), chart);
            String svg = Files.readString(dir.resolve(chart + ".svg"));
            assertTrue(svg.contains("<svg"), chart);
        }
        assertTrue(Files.readString(dir.resolve("pyramid.svg")).contains("Customer pyramid"));
        assertTrue(Files.readString(dir.resolve("lorenz.svg")).contains("Gini 0.325"));
        assertTrue(Files.readString(dir.resolve("ratings.svg")).contains("5A ratings"));
    }

    @Test
    void missingValuesAreNullInJsonAndEmptyBasesStillWrite(@TempDir Path tmp) throws Exception {
        Scenario empty = Fixtures.scenario(List.of(), dev.kam.domain.AnalysisParams.DEFAULT,
                Fixtures.strategy(10, Double.NaN, Double.NaN, Double.NaN));
        Path dir = write(empty, tmp);
        JsonNode j = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        assertTrue(j.at("/keyAccountBaseline/orderValue").isNull());
        assertEquals("NOT_KEY_ACCOUNT_LED", j.at("/health/verdict").asText());
        assertTrue(Files.size(dir.resolve("lorenz.png")) > 0);
    }

    /** A 300-account base: every account in one tier, the files agree with the analysis, reasons in both languages. */
    @Test
    void syntheticBaseFilesAgreeWithTheAnalysis(@TempDir Path tmp) throws Exception {
        Scenario s = Fixtures.synthetic(300, 3);
        Analysis a = Analyzer.analyze(s);
        Path dir = write(s, tmp);
        List<String> lines = Files.readAllLines(dir.resolve("accounts.csv"));
        assertEquals(301, lines.size());
        JsonNode j = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        int tiers = 0;
        for (JsonNode t : j.at("/pyramid/tiers")) tiers += t.get("count").asInt();
        assertEquals(300, tiers, "every account in exactly one tier");
        int[] counts = a.ratingCounts();
        for (int r = 1; r <= 5; r++) assertEquals(counts[r - 1], j.at("/ratings/counts/" + r + "A").asInt(), r + "A");
        for (AccountAssessment x : a.accounts()) {
            assertFalse(EN.render(x.reason()).isBlank(), x.accountId());
            String zh = ZH.render(x.reason());
            assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "a Chinese reason for " + x.accountId() + ": " + zh);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(x.accountId() + ",") && l.contains(x.reason().key())),
                    "the rule of " + x.accountId() + " in accounts.csv");
        }
    }
}
