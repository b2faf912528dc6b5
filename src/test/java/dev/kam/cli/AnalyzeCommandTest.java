package dev.kam.cli;

import dev.kam.analysis.TestScenarioFiles;
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

class AnalyzeCommandTest {
    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void analyzeWritesFilesAndPrintsASummary() throws Exception {
        Path yaml = TestScenarioFiles.write(tmp.resolve("sc"), "");
        Path outDir = tmp.resolve("out");
        int code = run("analyze", yaml.toString(), "--out", outDir.toString());
        assertEquals(Main.OK, code, err.toString());
        Path dir = outDir.resolve("analysis");
        for (String f : new String[] {"accounts.csv", "summary.json", "pyramid.png", "pyramid.svg", "lorenz.png",
                "lorenz.svg", "ratings.png", "ratings.svg"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        String text = out.toString();
        assertTrue(text.startsWith("Analysis of Test Co.:"), text);
        assertTrue(text.contains("Pyramid:"), text);
        assertTrue(text.contains("Concentration: top-1"), text);
        assertTrue(text.contains("Health:"), text);
        assertTrue(text.contains("5A ratings:"), text);
        assertTrue(text.contains("Diagnosis:"), text);
        assertTrue(text.contains("Wrote " + dir), text);
        assertEquals("", err.toString());
        // no temporary folders are left behind
        try (var s = Files.list(outDir)) {
            assertEquals(List.of(".kam", "analysis"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void accountsAreDiagnosedAndSetOverridesAKey() throws Exception {
        Path yaml = TestScenarioFiles.write(tmp.resolve("sc"), "");
        Path outDir = tmp.resolve("out");
        assertEquals(Main.OK, run("analyze", yaml.toString(), "--out", outDir.toString()), err.toString());
        java.util.List<String> rows = Files.readAllLines(outDir.resolve("analysis/accounts.csv"));
        assertEquals(6, rows.size());
        // A3: 900,000 of a 40,000,000 wallet = 2.25% < 5% foothold
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("A3,") && r.contains(",CANNOT_WIN,")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("A4,") && r.contains(",CANNOT_KEEP,")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("A5,") && r.contains(",potential,CANNOT_WIN,")));
        assertTrue(out.toString().contains("Key accounts:  2 at ≥ CNY 5M"), out.toString());
        assertTrue(out.toString().contains(System.lineSeparator() + "               - Key accounts (revenue ≥ CNY 5M)"),
                "findings indented under Health: " + out);

        assertEquals(Main.OK, run("analyze", yaml.toString(), "--out", outDir.toString(),
                "--set", "analysis.diagnosis.win.footholdShare=0.01"), err.toString());
        rows = Files.readAllLines(outDir.resolve("analysis/accounts.csv"));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("A3,") && r.contains(",CANNOT_GROW,")), rows.toString());

        assertEquals(Main.BAD_INPUT, run("analyze", yaml.toString(), "--out", outDir.toString(),
                "--set", "analysis.ratingCuts.5A=1.5"));
        assertTrue(err.toString().contains("analysis.ratingCuts.5A: (1.5) must be between 0 and 1"), err.toString());
    }

    @Test
    void badAnalysisKeyIsExit2WithFileLineAndNothingWritten() throws Exception {
        Path yaml = TestScenarioFiles.write(tmp.resolve("sc"), "analysis:\n  pyramid: {keyShare: 2}\n");
        Path outDir = tmp.resolve("out");
        int code = run("analyze", yaml.toString(), "--out", outDir.toString());
        assertEquals(Main.BAD_INPUT, code);
        String e = err.toString();
        assertTrue(e.contains(yaml + ":" + (TestScenarioFiles.FIRST_EXTRA_LINE + 1)
                + ": analysis.pyramid.keyShare: (2) must be between 0 and 1"), e);
        assertTrue(e.contains("nothing was written"), e);
        assertFalse(Files.exists(outDir.resolve("analysis")));
    }

    @Test
    void validationWarningsGoToStderr() throws Exception {
        Path yaml = TestScenarioFiles.write(tmp.resolve("sc"), "");
        Path csv = yaml.resolveSibling("accounts.csv");
        // an account marked active with no revenue: the reader warns, the analysis treats it as a prospect
        Files.writeString(csv, Files.readString(csv) + "A6,Zero Co.,retail,east,0,1000000,0.2,,,,,,,active\n");
        assertEquals(Main.OK, run("analyze", yaml.toString(), "--out", tmp.resolve("out").toString()), err.toString());
        assertTrue(err.toString().contains("warning: stage"), err.toString());
        assertTrue(Files.readAllLines(tmp.resolve("out/analysis/accounts.csv")).stream()
                .anyMatch(r -> r.startsWith("A6,") && r.contains(",potential,CANNOT_WIN,")));
    }

    @Test
    void missingScenarioIsExit2() {
        int code = run("analyze", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(err.toString().contains("nope.yaml"), err.toString());
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertEquals(Main.BAD_INPUT, run("analyze"));
        assertTrue(err.toString().contains("SCENARIO"), err.toString());
    }

    @Test
    void helpDescribesTheCommand() {
        assertEquals(Main.OK, run("analyze", "--help"));
        assertTrue(out.toString().contains("--out"), out.toString());
        assertTrue(out.toString().contains("--set"), out.toString());
        assertTrue(out.toString().contains("5A rating"), out.toString());
    }
}
