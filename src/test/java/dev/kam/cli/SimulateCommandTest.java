package dev.kam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    private static final String TINY = "scenarios/tiny/scenario.yaml";

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void simulatesTheTinyScenarioAndWritesTheStageFolder() throws Exception {
        CliRun r = run("simulate", TINY, "--paths", "300", "--seed", "5", "--threads", "2", "--tornado-paths", "30",
                "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Simulated 300 paths x 10 years"), r.out());
        assertTrue(r.out().contains("P(goal) = probability that the 2036 key-account revenue target"), r.out());
        assertTrue(r.out().contains("share erosion"), r.out());
        Path dir = tmp.resolve("simulation");
        for (String f : List.of("percentiles.csv", "targets-hit.csv", "summary.json", "fan-key-account-revenue.png",
                "fan-key-account-count.svg", "fan-key-account-share.png", "target-hit-probability.png",
                "tornado.png", "sensitivity.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        JsonNode j = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        assertEquals(300, j.get("paths").asInt());
        assertEquals(5, j.get("seed").asInt());
        assertEquals(2, j.get("threads").asInt());
        assertEquals(30, j.get("sensitivity").get("paths").asInt());
        assertTrue(j.get("accountYearsPerSecond").asLong() > 0);
        assertFalse(j.has("comparison"));
    }

    @Test
    void setOverridesASimulationKey() throws Exception {
        CliRun r = run("simulate", TINY, "--paths", "50", "--tornado-paths", "0", "--out", tmp.toString(),
                "--set", "simulation.seed=77");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(tmp.resolve("simulation/summary.json").toFile());
        assertEquals(77, j.get("seed").asInt());
        assertFalse(j.has("sensitivity"));
        assertFalse(Files.exists(tmp.resolve("simulation/tornado.png")));
    }

    @Test
    void badArgumentsExitWithTwo() {
        CliRun zero = run("simulate", TINY, "--paths", "0", "--out", tmp.toString());
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--paths (0) must be between 1 and 100000000"), zero.err());
        CliRun threads = run("simulate", TINY, "--threads", "0", "--out", tmp.toString());
        assertEquals(2, threads.code());
        CliRun missing = run("simulate", tmp.resolve("nope.yaml").toString(), "--out", tmp.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.yaml"), missing.err());
        CliRun badKey = run("simulate", TINY, "--out", tmp.toString(), "--set", "simulation.churn.covered=1.5");
        assertEquals(2, badKey.code());
        assertTrue(badKey.err().contains("simulation.churn.covered"), badKey.err());
        CliRun huge = run("simulate", TINY, "--paths", "100000000", "--out", tmp.toString());
        assertEquals(2, huge.code());
        assertTrue(huge.err().contains("kam simulates at most 10,000,000 per run"), huge.err());
        assertFalse(Files.exists(tmp.resolve("simulation")), "nothing written on bad input");
    }

    @Test
    void planFromAssignIsComparedWithTheBaselineOnCommonRandomNumbers() throws Exception {
        CliRun assign = run("assign", TINY, "--steps", "300", "--out", tmp.toString());
        assertEquals(0, assign.code(), assign.err());
        Path plan = tmp.resolve("plan/plan.json");
        CliRun r = run("simulate", TINY, "--paths", "200", "--tornado-paths", "0", "--plan", plan.toString(),
                "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("No plan (today's owners): P(goal)"), r.out());
        assertTrue(r.out().contains("Uplift: first-year expected gross profit"), r.out());
        JsonNode c = Json.MAPPER.readTree(tmp.resolve("simulation/summary.json").toFile()).get("comparison");
        assertEquals("baseline", c.get("baseline").asText());
        assertTrue(c.has("cumulativeGrossProfitUplift"));
        assertTrue(Files.size(tmp.resolve("simulation/uplift.csv")) > 0);
        assertTrue(Files.size(tmp.resolve("simulation/uplift-key-account-revenue.png")) > 0);

        CliRun missing = run("simulate", TINY, "--plan", tmp.resolve("none.json").toString(), "--out", tmp.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.json"), missing.err());
    }

    @Test
    void benchSimWritesThroughputJson() throws Exception {
        CliRun r = run("bench", "sim", TINY, "--paths", "200", "--repeat", "2", "--threads", "1", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(tmp.resolve("bench/sim.json").toFile());
        for (String k : List.of("accountYearsPerSecond", "paths", "accounts", "years", "seconds", "threads")) {
            assertTrue(j.has(k), k);
        }
        assertEquals(200, j.get("paths").asInt());
        assertEquals(10, j.get("years").asInt());
        assertEquals(1, j.get("threads").asInt());
        assertEquals(2, j.get("runs").size());
    }
}
