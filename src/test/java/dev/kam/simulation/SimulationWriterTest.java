package dev.kam.simulation;

import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.io.Json;
import dev.kam.io.OutputDir;
import dev.kam.report.SimulationWriter;
import dev.kam.strategy.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationWriterTest {
    static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);

    @TempDir
    Path tmp;

    @Test
    void writesTablesSummaryAndChartsOfSpecSection6() throws IOException {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 4);
        Targets targets = Fixtures.targets(s, 0.05);
        Coverage b = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationResult r = Simulator.run(s, targets, b, new SimulationOptions(300, 1, 2));
        Path folder;
        try (OutputDir dir = OutputDir.open(tmp, "simulation")) {
            SimulationWriter.write(dir, new SimulationWriter.Input("Test 测试", "CNY", r, targets, null, null), EN);
            folder = dir.commit();
        }
        List<String> pct = Files.readAllLines(folder.resolve("percentiles.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFyear,metric,p5,p10,p25,p50,p75,p90,p95,mean,stderr", pct.get(0));
        assertEquals(1 + 4 * Metric.values().length, pct.size());
        assertTrue(pct.get(1).startsWith("2027,totalRevenue,"));
        assertFalse(String.join("\n", pct).contains("e+"), "no exponent notation");
        List<String> hit = Files.readAllLines(folder.resolve("targets-hit.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFyear,metric,target,probability,ciLow,ciHigh", hit.get(0));
        assertTrue(hit.stream().anyMatch(l -> l.startsWith("2030,keyAccountRevenue,")));

        JsonNode j = Json.MAPPER.readTree(folder.resolve("summary.json").toFile());
        assertEquals(300, j.get("paths").asInt());
        assertTrue(j.get("accountYearsPerSecond").asLong() > 0);
        assertEquals(2030, j.get("endGoal").get("year").asInt());
        double p = j.get("endGoal").get("probabilityKeyAccountRevenue").asDouble();
        assertEquals(r.hitProbability("keyAccountRevenue", 2030), p, 0);
        assertEquals(4, j.get("endGoal").get("firstYearMet").get("byYear").size());
        assertEquals(p, j.get("goalProbability").asDouble(), 0);

        for (String chart : List.of("fan-key-account-revenue", "fan-key-account-count", "fan-key-account-share",
                "target-hit-probability", "goal-first-year")) {
            byte[] png = Files.readAllBytes(folder.resolve(chart + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4), chart);
            String svg = Files.readString(folder.resolve(chart + ".svg"), StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg"), chart);
        }
        String svg = Files.readString(folder.resolve("fan-key-account-revenue.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("Key-account revenue"), "title in the SVG");
        assertTrue(svg.contains("P5–P95"), "band legend in the SVG");
    }

    @Test
    void comparisonAndTornadoAddTheirFiles() throws IOException {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 3);
        Coverage b = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Coverage none = new Coverage("none", java.util.Map.of(), java.util.Map.of());
        SimulationOptions o = new SimulationOptions(200, 2, 2);
        PlanComparison c = Simulator.compare(s, null, none, b, o);
        Sensitivity.Tornado t = Sensitivity.tornado(s, null, b, o.withPaths(50));
        assertEquals(Sensitivity.parameters().size(), t.bars().size());
        for (int i = 1; i < t.bars().size(); i++) assertTrue(t.bars().get(i - 1).swing() >= t.bars().get(i).swing());
        Path folder;
        try (OutputDir dir = OutputDir.open(tmp, "simulation")) {
            SimulationWriter.write(dir, new SimulationWriter.Input("t", "CNY", c.plan(), null, c, t), EN);
            folder = dir.commit();
        }
        for (String f : List.of("uplift.csv", "uplift-key-account-revenue.png", "uplift-gross-profit.svg",
                "sensitivity.csv", "tornado.png", "tornado.svg")) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        JsonNode j = Json.MAPPER.readTree(folder.resolve("summary.json").toFile());
        assertEquals("none", j.get("comparison").get("baseline").asText());
        assertTrue(j.get("comparison").get("cumulativeGrossProfitUplift").get("mean").asDouble() > 0,
                "covering today's owned accounts beats covering none");
        assertEquals(Sensitivity.parameters().size(), j.get("sensitivity").get("bars").size());
        assertFalse(Files.exists(folder.resolve("target-hit-probability.png")), "no targets, no hit chart");
    }
    /**
     * SPEC §8, "every probability carries its error": with targets, a plan comparison and a tornado, every
     * probability in summary.json has its Wilson interval beside it (key + CiLow/CiHigh, or an object with
     * ciLow/ciHigh), containing it; every probability column of the CSVs has its ciLow/ciHigh columns.
     */
    @Test
    void everyProbabilityWrittenHasItsInterval() throws IOException {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 4);
        Targets targets = Fixtures.targets(s, 0.05);
        Coverage b = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Coverage none = new Coverage("none", java.util.Map.of(), java.util.Map.of());
        SimulationOptions o = new SimulationOptions(300, 3, 2);
        PlanComparison c = Simulator.compare(s, targets, none, b, o);
        Sensitivity.Tornado t = Sensitivity.tornado(s, targets, b, o.withPaths(60));
        Path folder;
        try (OutputDir dir = OutputDir.open(tmp, "simulation")) {
            SimulationWriter.write(dir, new SimulationWriter.Input("t", "CNY", c.plan(), targets, c, t), EN);
            folder = dir.commit();
        }
        JsonNode j = Json.MAPPER.readTree(folder.resolve("summary.json").toFile());
        List<String> checked = new java.util.ArrayList<>();
        walk(j, "", checked);
        assertTrue(checked.size() >= 20 + 2 * Sensitivity.parameters().size(), "probabilities found: " + checked);
        assertTrue(checked.contains("/endGoal/firstYearMet/neverWithinHorizon"), checked.toString());
        assertTrue(checked.contains("/comparison/probabilityPlanBetterFinalYearKeyAccountRevenue"), checked.toString());

        String uplift = Files.readAllLines(folder.resolve("uplift.csv"), StandardCharsets.UTF_8).get(0);
        assertTrue(uplift.endsWith("probabilityBetter,ciLow,ciHigh"), uplift);
        String sens = Files.readAllLines(folder.resolve("sensitivity.csv"), StandardCharsets.UTF_8).get(0);
        for (String col : List.of("lowGoalCiLow", "lowGoalCiHigh", "highGoalCiLow", "highGoalCiHigh", "baseGoalCiLow",
                "baseGoalCiHigh")) {
            assertTrue(sens.contains(col), sens);
        }
    }

    /** Checks every numeric field named like a probability (but not an interval end or a definition). */
    private static void walk(JsonNode n, String path, List<String> checked) {
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) walk(n.get(i), path + "/" + i, checked);
            return;
        }
        if (!n.isObject()) return;
        var it = n.fields();
        while (it.hasNext()) {
            var e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            boolean probability = (k.toLowerCase(java.util.Locale.ROOT).contains("probability") || k.equals("neverWithinHorizon"))
                    && !k.endsWith("CiLow") && !k.endsWith("CiHigh");
            if (probability && v.isNumber()) {
                String low = k.equals("probability") ? "ciLow" : k + "CiLow";
                String high = k.equals("probability") ? "ciHigh" : k + "CiHigh";
                assertTrue(n.has(low) && n.has(high), path + "/" + k + " has no interval: " + n);
                double lo = n.get(low).asDouble();
                double hi = n.get(high).asDouble();
                assertTrue(lo <= v.asDouble() + 1e-12 && v.asDouble() <= hi + 1e-12, path + "/" + k);
                checked.add(path + "/" + k);
            } else if (probability && v.isObject() && v.has("probability")) {
                assertTrue(v.has("ciLow") && v.has("ciHigh"), path + "/" + k);
                checked.add(path + "/" + k);
            } else if (probability && v.isObject() && v.has("difference")) {
                assertTrue(v.has("stderr"), path + "/" + k + ": a difference of probabilities needs its paired error");
                checked.add(path + "/" + k);
            }
            walk(v, path + "/" + k, checked);
        }
    }
}
