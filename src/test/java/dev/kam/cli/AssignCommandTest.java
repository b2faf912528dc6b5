package dev.kam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignCommandTest {
    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void assignWritesThePlanFilesAndTheLp(@TempDir Path dir) throws Exception {
        Path lp = dir.resolve("tiny.lp");
        CliRun r = run("assign", "scenarios/tiny/scenario.yaml", "--steps", "500", "--seed", "3",
                "--out", dir.toString(), "--export-lp", lp.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"assignments.csv", "products.csv", "soldiers.csv", "moves.csv", "gain-vs-moves.csv",
                "gain-vs-moves.png", "gain-vs-moves.svg", "capacity-value.csv", "plan.json"}) {
            assertTrue(Files.isRegularFile(dir.resolve("plan").resolve(f)), f);
        }
        JsonNode plan = new ObjectMapper().readTree(dir.resolve("plan/plan.json").toFile());
        assertEquals(plan.get("score").get("soft").asLong() / 100.0, plan.get("objective").asDouble(), 1e-6);
        double bound = plan.get("bound").asDouble();
        assertTrue(bound >= plan.get("objective").asDouble(), "bound " + bound);
        assertEquals(100 * (bound - plan.get("objective").asDouble()) / Math.abs(bound), plan.get("gapPercent").asDouble(), 1e-5);
        assertTrue(r.out().contains("of the best possible plan under this model") || r.out().contains("Proven optimal"), r.out());
        assertEquals(500, plan.get("quality").get("steps").asInt());
        assertTrue(plan.get("baseline").has("upliftAdded"));
        for (JsonNode a : plan.get("assignments")) assertTrue(!a.get("reason").asText().isBlank());
        String text = Files.readString(lp, StandardCharsets.UTF_8);
        assertTrue(text.contains("Maximize") && text.contains("Subject To") && text.contains("Binary") && text.endsWith("End\n"));
        assertTrue(r.out().contains("Plan:"), r.out());
        String csv = Files.readString(dir.resolve("plan/assignments.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFaccount,name,rating,soldier,effortLevel,effort,hours,expectedUplift"), csv);
    }

    @Test
    void theSameStepsAndSeedWriteTheSamePlan(@TempDir Path dir) throws Exception {
        CliRun a = run("assign", "scenarios/tiny/scenario.yaml", "--steps", "300", "--seed", "5", "--out", dir.resolve("a").toString());
        CliRun b = run("assign", "scenarios/tiny/scenario.yaml", "--steps", "300", "--seed", "5", "--out", dir.resolve("b").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        for (String f : new String[] {"assignments.csv", "products.csv", "moves.csv", "gain-vs-moves.csv", "capacity-value.csv"}) {
            assertEquals(Files.readString(dir.resolve("a/plan/" + f)), Files.readString(dir.resolve("b/plan/" + f)), f);
        }
    }

    @Test
    void solverAndStepsAreChecked(@TempDir Path dir) {
        CliRun bad = run("assign", "scenarios/tiny/scenario.yaml", "--solver", "magic", "--out", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--solver must be heuristic, exact or auto"), bad.err());
        CliRun both = run("assign", "scenarios/tiny/scenario.yaml", "--steps", "10", "--time-limit", "1s", "--out", dir.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--steps and --time-limit exclude each other"), both.err());
    }

    @Test
    void heuristicModeStillProvesABound(@TempDir Path dir) throws Exception {
        CliRun r = run("assign", "scenarios/tiny/scenario.yaml", "--steps", "300", "--solver", "heuristic", "--no-what-if",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode plan = new ObjectMapper().readTree(dir.resolve("plan/plan.json").toFile());
        assertEquals("heuristic", plan.get("quality").get("solver").asText());
        assertTrue(plan.get("bound").asDouble() >= plan.get("objective").asDouble());
    }

    @Test
    void badTimeLimitIsAUsageError(@TempDir Path dir) {
        CliRun r = run("assign", "scenarios/tiny/scenario.yaml", "--time-limit", "soon", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--time-limit 'soon'"), r.err());
    }

    @Test
    void benchGapWritesTheCsv(@TempDir Path dir) throws Exception {
        Path gap = Path.of(AssignCommandTest.class.getResource("/gap/chu1997/c05100").toURI());
        CliRun r = run("bench", "gap", gap.toString(), "--steps", "500", "--peer", "highs", "--time-limit", "2s",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String csv = Files.readString(dir.resolve("bench/gap.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFinstance,agents,jobs,bestKnown,found,gapPercent,feasible,seconds,bound,"
                + "provenGapPercent,boundMethod,peer,peerFound,peerGapPercent,peerSeconds"), csv);
        assertTrue(csv.contains("chu1997/c05100,5,100,1931,"), csv);
        assertTrue(csv.contains(",true,"), csv);
    }

    @Test
    void benchGapRefusesAMissingFile(@TempDir Path dir) {
        CliRun r = run("bench", "gap", dir.resolve("nope").toString(), "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("GAP file not found"), r.err());
    }
}
