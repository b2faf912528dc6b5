package dev.kam.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.domain.Scenario;
import dev.kam.io.Json;
import dev.kam.report.TargetsWriter;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.kam.strategy.Fixtures.handExample;
import static dev.kam.strategy.Fixtures.strategy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsWriterTest {
    @TempDir
    Path out;

    private Path write() {
        Scenario s = handExample(strategy(2, 5e6, Double.NaN, 4, 64e6, "steady"));
        return TargetsWriter.write(TargetPlanner.plan(s), s, out, dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN));
    }

    @Test
    void targetsCsvHasOneRowPerYear() throws IOException {
        Path dir = write();
        assertEquals(out.resolve("targets"), dir);
        List<String> lines = Files.readAllLines(dir.resolve("targets.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFyear,keyAccountRevenue,keyAccountCount,ordersPerAccount,orderValue,keyAccountShare,growth,"
                + "totalRevenue,otherRevenue,winsNeeded,hoursNeeded,headcountNeeded,headcountAvailable,"
                + "keyAccountThreshold,countPath,allowedLosses", lines.get(0));
        assertEquals(3, lines.size());
        String[] y1 = lines.get(1).split(",");
        assertEquals("2027", y1[0]);
        assertEquals("32000000", y1[1]);
        assertEquals("3", y1[2]);
        // full precision: the cell reads back as exactly the double the targets hold, no exponent
        Targets t = TargetPlanner.plan(handExample(strategy(2, 5e6, Double.NaN, 4, 64e6, "steady")));
        assertEquals(t.year(2027).ordersPerAccount(), Double.parseDouble(y1[3]), 0.0);
        assertEquals(t.year(2027).orderValue(), Double.parseDouble(y1[4]), 0.0);
        assertFalse(String.join("\n", lines).contains("e+"), "no exponent notation");
        assertEquals("1", y1[6]);
        assertEquals("36200000", y1[7]);
        assertEquals("1", y1[9]);
        assertEquals("5250000", y1[13]);
        assertEquals(2 * Math.sqrt(2), Double.parseDouble(y1[14]), 0.0);
    }

    @Test
    void departmentsCsvHasSmartLines() throws IOException {
        List<String> lines = Files.readAllLines(write().resolve("departments.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFyear,department,metric,baseline,target,change,text", lines.get(0));
        assertEquals(11, lines.size());
        assertTrue(lines.get(1).startsWith("2027,sales,keyAccountWins,,1,,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2027,sales,keyAccountCount,2,3,0.5,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("2027,marketing,orderValue,"), lines.get(3));
        assertTrue(lines.get(3).endsWith("by 31 Dec 2027.\""), lines.get(3));
        String text = Files.readString(out.resolve("targets/departments.txt"));
        assertTrue(text.contains("2028: key-account revenue CNY 64,000,000 = 4 accounts × 21.21 orders × CNY 754,247"),
                text);
        assertTrue(text.contains("2027: key-account revenue CNY 32,000,000 = 2.83 accounts on the smooth path (target 3)"
                + " × 17.84 orders × CNY 634,244"), text);
        assertTrue(text.contains("Warnings\n  - pipelineRate: 2027 needs 1"), text);
    }

    @Test
    void summaryHasBaselineGoalsWarningsAndPath() throws IOException {
        JsonNode j = Json.MAPPER.readTree(write().resolve("summary.json").toFile());
        assertEquals(2026, j.get("baseYear").asInt());
        assertEquals("steady", j.get("path").get("kind").asText());
        assertEquals(1.0, j.get("path").get("yearlyGrowth").asDouble(), 1e-12);
        assertEquals(16e6, j.get("baseline").get("keyAccountRevenue").asDouble());
        assertEquals("given", j.get("goals").get("keyAccountRevenue").get("source").asText());
        assertEquals(true, j.get("goals").get("keyAccountRevenueShare").get("derived").asBoolean());
        assertTrue(j.get("goals").get("keyAccountRevenueShare").get("how").asText().startsWith("KA revenue"));
        List<String> checks = new java.util.ArrayList<>();
        j.get("warnings").forEach(w -> checks.add(w.get("check").asText()));
        assertEquals(List.of("pipelineRate", "marketGrowth", "wallet"), checks);
        assertEquals(2, j.get("years").size());
        assertEquals(1, j.get("years").get(0).get("winsNeeded").asInt());
        assertEquals(5.25e6, j.get("years").get(0).get("keyAccountThreshold").asDouble(), 1e-6);
        assertEquals(0.03, j.get("assumptions").get("expectedChurn").asDouble(), 1e-12);
    }

    @Test
    void chartsArePngAndSvgWithTheirTitles() throws IOException {
        Path dir = write();
        for (String name : List.of("targets", "headcount")) {
            byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), name);
            String svg = Files.readString(dir.resolve(name + ".svg"));
            assertTrue(svg.contains("<svg"), name);
        }
        String svg = Files.readString(dir.resolve("targets.svg"));
        assertTrue(svg.contains("Key-account revenue targets and their three factors"));
        assertTrue(svg.contains("Key-account count (index, right axis)"));
        assertTrue(Files.readString(dir.resolve("headcount.svg"))
                .contains("Soldiers needed for the key-account targets vs soldiers today"));
    }

    @Test
    void axesNameTheirUnitsAndCurrency() {
        Scenario s = handExample(strategy(2, 5e6, Double.NaN, 4, 64e6, "steady"));
        Targets t = TargetPlanner.plan(s);
        dev.kam.i18n.Messages en = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);
        CategoryPlot plot = TargetsWriter.targetsChart(t, s, en).getCategoryPlot();
        assertEquals("Key-account revenue (CNY million per year)", plot.getRangeAxis(0).getLabel());
        assertEquals("Index (2026 = 100)", plot.getRangeAxis(1).getLabel());
        assertEquals("64.0", ((NumberAxis) plot.getRangeAxis(0)).getNumberFormatOverride().format(64.0));
        assertEquals("1,234", ((NumberAxis) plot.getRangeAxis(1)).getNumberFormatOverride().format(1234));
        assertEquals(3, plot.getDataset(0).getColumnCount());   // today + 2 years
        assertEquals(100.0, plot.getDataset(1).getValue(0, 0).doubleValue(), 1e-12);
        assertEquals(200.0, plot.getDataset(1).getValue(0, 2).doubleValue(), 1e-12);   // count 2 → 4
        CategoryPlot heads = TargetsWriter.headcountChart(t, s, en).getCategoryPlot();
        assertEquals("Soldiers (headcount)", heads.getRangeAxis().getLabel());
        dev.kam.i18n.Messages zh = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.ZH);
        CategoryPlot zhPlot = TargetsWriter.targetsChart(t, s, zh).getCategoryPlot();
        assertEquals("大客户收入（百万元/年）", zhPlot.getRangeAxis(0).getLabel());
        assertEquals("指数（2026 = 100）", zhPlot.getRangeAxis(1).getLabel());
        assertEquals(2, heads.getDataset().getRowCount());
    }

    @Test
    void rewritingReplacesTheFolderWhole() throws IOException {
        write();
        Files.writeString(out.resolve("targets/stale.txt"), "old");
        write();
        assertTrue(Files.notExists(out.resolve("targets/stale.txt")));
        assertTrue(Files.exists(out.resolve("targets/targets.csv")));
    }
}
