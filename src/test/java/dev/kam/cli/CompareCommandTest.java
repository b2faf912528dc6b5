package dev.kam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    static final String TINY = "scenarios/tiny/scenario.yaml";

    @TempDir
    Path tmp;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void comparesTwoScenariosAndWritesTheFiles() {
        Path out = tmp.resolve("o");
        CliRun r = run("compare", TINY, TINY, "--baseline", "--set", "simulation.threads=1", "--paths", "40", "--seed", "3",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Compared 2 scenarios, 40 paths each (seed 3)"), r.out());
        assertTrue(r.out().contains("Tiny Example Co. #2"), r.out());
        assertTrue(r.out().contains("reference"), r.out());
        // the same scenario twice: zero difference, ahead on no path
        assertTrue(r.out().contains("0.0%"), r.out());
        for (String f : new String[] {"summary.csv", "differences.csv", "ka-revenue-fan.png", "ka-revenue-fan.svg",
                "goal-probability.png", "difference-final-ka-revenue.svg"}) {
            assertTrue(Files.exists(out.resolve("compare").resolve(f)), f);
        }
    }

    @Test
    void sweepWritesSweepCsvAndCharts() {
        Path out = tmp.resolve("s");
        CliRun r = run("compare", TINY, "--sweep", "simulation.marketGrowth.mean=0:0.1:0.05", "--paths", "30",
                "--keep-plan", "--set", "assignment.steps=300", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Swept simulation.marketGrowth.mean over 3 values"), r.out());
        assertTrue(r.out().contains("Plans: the first value's plan (optimized for this scenario) kept for every value."), r.out());
        for (String f : new String[] {"sweep.csv", "sweep-goal-probability.png", "sweep-ka-revenue.svg", "summary.csv"}) {
            assertTrue(Files.exists(out.resolve("compare").resolve(f)), f);
        }
    }

    @Test
    void anUnknownSweepKeyIsBadInputWithAHint() {
        CliRun r = run("compare", TINY, "--baseline", "--sweep", "simulation.churn.covred=0:0.1:0.05", "--paths", "10",
                "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sweep simulation.churn.covred=0"), r.err());
        assertTrue(r.err().contains("did you mean 'covered'"), r.err());
        assertFalse(Files.exists(tmp.resolve("x").resolve("compare")));
    }

    @Test
    void aSweepValueTheKeyDoesNotAcceptIsBadInput() {
        CliRun r = run("compare", TINY, "--baseline", "--sweep", "simulation.churn.covered=0.5:1.5:0.5", "--paths", "10",
                "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sweep simulation.churn.covered=1.5"), r.err());
        assertTrue(r.err().contains("between 0 and 1"), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        String out = tmp.resolve("u").toString();
        CliRun bad = run("compare", TINY, "--sweep", "simulation.churn.covered=0:1", "--out", out);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("FROM:TO:STEP"), bad.err());
        CliRun two = run("compare", TINY, TINY, "--sweep", "simulation.churn.covered=0:0.1:0.05", "--out", out);
        assertEquals(2, two.code());
        assertTrue(two.err().contains("exactly one SCENARIO"), two.err());
        CliRun goals = run("compare", TINY, "--baseline", "--goals", "mine", "--out", out);
        assertEquals(2, goals.code());
        CliRun paths = run("compare", TINY, "--baseline", "--paths", "0", "--out", out);
        assertEquals(2, paths.code());
        CliRun none = run("compare");
        assertEquals(2, none.code());
        CliRun missing = run("compare", TINY, tmp.resolve("nope.yaml").toString(), "--out", out);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.yaml"), missing.err());
        CliRun both = run("compare", TINY, "--baseline", "--keep-plan", "--out", out);
        assertEquals(2, both.code());
        CliRun limit = run("compare", TINY, "--time-limit", "soon", "--out", out);
        assertEquals(2, limit.code());
        assertTrue(limit.err().contains("--time-limit 'soon'"), limit.err());
    }
}
