package dev.kam.calibration;

import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.scenario.Generator;
import dev.kam.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §8: over repeated seeds, the 95% intervals of the fitted churn and market growth cover the true values about
 * 95% of the time. Each repetition generates a scenario with history from the known default parameters
 * ({@code kam generate --history}), reads it back through the scenario reader and calibrates it.
 */
class CalibrationCoverageTest {
    static final int REPETITIONS = 50;

    @TempDir
    Path tmp;

    static Scenario generated(Path dir, long seed, int accounts, int years) throws Exception {
        Map<String, String> files = Generator.generate(new Generator.Spec(accounts, Math.max(12, accounts / 15), 4,
                seed, "coverage " + seed, years, SimulationParams.DEFAULT));
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return ScenarioReader.read(dir.resolve("scenario.yaml"), List.of());
    }

    @Test
    void intervalsOfChurnAndGrowthCoverTheTruthAboutNinetyFivePercentOfTheTime() throws Exception {
        SimulationParams truth = SimulationParams.DEFAULT;
        Param[] checked = {Param.CHURN_COVERED, Param.CHURN_UNCOVERED, Param.GROWTH_MEAN};
        int[] covered = new int[checked.length];
        for (int r = 0; r < REPETITIONS; r++) {
            Scenario s = generated(tmp.resolve("r" + r), 1000 + r, 150, 6);
            CalibrationFit fit = Calibrator.fit(s);
            for (int k = 0; k < checked.length; k++) {
                Estimate e = fit.estimate(checked[k]);
                double t = truth.get(checked[k]);
                if (e.ciLow() <= t && t <= e.ciHigh()) covered[k]++;
            }
        }
        // binomial tolerance: 3 standard deviations of the coverage of R independent intervals at 95%
        double tolerance = 3 * Math.sqrt(0.95 * 0.05 / REPETITIONS);
        for (int k = 0; k < checked.length; k++) {
            double rate = (double) covered[k] / REPETITIONS;
            assertTrue(rate >= 0.95 - tolerance, checked[k].key() + ": " + covered[k] + " of " + REPETITIONS
                    + " intervals cover the truth (" + rate + "), below 0.95 − " + tolerance);
        }
    }
}
