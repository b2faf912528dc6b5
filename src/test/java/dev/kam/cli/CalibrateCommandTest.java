package dev.kam.cli;

import dev.kam.domain.Scenario;
import dev.kam.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kam.cli.ValidateCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrateCommandTest {
    @Test
    void writesFitYamlBacktestAndChart(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("sc");
        assertEquals(0, run("generate", "--accounts", "150", "--soldiers", "10", "--products", "4", "--seed", "3",
                "--history", "6", "--out", sc.toString()).code());
        Path out = dir.resolve("out");
        CliRun r = run("calibrate", sc.resolve("scenario.yaml").toString(), "--paths", "400", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("5 years of transitions"), r.out());
        assertTrue(r.out().contains("churn.covered"), r.out());
        assertTrue(r.out().contains("Backtest: fitted up to 2024"), r.out());
        Path cal = out.resolve("calibration");
        List<String> fit = Files.readAllLines(cal.resolve("fit.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFparameter,estimate,stderr,n,method,ciLow,ciHigh,clusters,applied", fit.get(0));
        assertTrue(fit.stream().anyMatch(l -> l.startsWith("churn.uncovered,")));
        List<String> bt = Files.readAllLines(cal.resolve("backtest.csv"), StandardCharsets.UTF_8);
        assertEquals("\uFEFFyear,metric,actual,p5,p50,p95,inside", bt.get(0));
        assertEquals(7, bt.size());
        byte[] png = Files.readAllBytes(cal.resolve("backtest.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(Files.readString(cal.resolve("backtest.svg")).contains("Backtest"));

        // calibration.yaml is a simulation: block another scenario extends; its keys then count as given
        String yaml = Files.readString(cal.resolve("calibration.yaml"));
        assertTrue(yaml.contains("simulation:\n") && yaml.contains("churn:\n") && yaml.contains("{mean: "), yaml);
        Path child = sc.resolve("calibrated.yaml");
        Files.writeString(child, "extends: scenario.yaml\nsimulation:\n  seed: 1\n");
        Path merged = dir.resolve("merged.yaml");
        Files.writeString(merged, "extends: " + cal.resolve("calibration.yaml").toAbsolutePath() + "\n");
        String both = "extends: scenario.yaml\n" + yaml.substring(yaml.indexOf("simulation:"));
        Files.writeString(child, both);
        Scenario s = ScenarioReader.read(child, List.of());
        assertTrue(s.simulation().spreads().containsKey(dev.kam.domain.SimulationParams.Param.CHURN_COVERED));
        assertTrue(s.simulation().given().contains(dev.kam.domain.SimulationParams.Param.CHURN_COVERED));
    }

    @Test
    void aScenarioWithoutHistoryIsAUsageError(@TempDir Path dir) {
        CliRun r = run("calibrate", "scenarios/tiny/scenario.yaml", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no history to calibrate from"), r.err());
    }
}
