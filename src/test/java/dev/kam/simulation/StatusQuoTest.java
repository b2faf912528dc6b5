package dev.kam.simulation;

import dev.kam.calibration.Calibration;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
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
 * SPEC §8 "status quo holds": under default parameters and today's owners, first-year growth is at most the
 * market's plus one point, on the bundled demo and on a scenario generated with another seed and size; and the
 * same holds for the demo as kam plan simulates it (calibrated from its history).
 */
class StatusQuoTest {
    @TempDir
    Path tmp;

    /** Mean first-year total revenue growth under today's owners, and its standard error. */
    private static double[] firstYearGrowth(Scenario s) {
        Coverage owners = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationResult r = Simulator.run(s, null, owners, new SimulationOptions(8000, 17, 2));
        Stats st = r.stats(Metric.TOTAL_REVENUE, 0);
        double today = r.today(Metric.TOTAL_REVENUE);
        return new double[] {st.mean() / today - 1, st.stderr() / today};
    }

    private static void assertHolds(String what, Scenario s) {
        double[] g = firstYearGrowth(s);
        double market = s.simulation().growthMean();
        assertTrue(g[0] <= market + 0.01, what + ": status quo grows " + g[0] + " ± " + g[1] + " against the market's "
                + market + " (+1 point allowed)");
        // and it does not collapse: growth with the market, less churn, plus a few conversions
        assertTrue(g[0] > market - 0.15, what + ": " + g[0]);
    }

    @Test
    void theDemoUnderDefaultParameters() {
        Scenario demo = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"), List.of());
        assertTrue(demo.simulation().calibrated().isEmpty() && demo.simulation().given().isEmpty(),
                "read without calibration, the demo's simulation block sets nothing but the seed");
        assertHolds("demo", demo);
    }

    @Test
    void theDemoAsKamPlanSimulatesIt() {
        Scenario demo = Calibration.applyTo(ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"), List.of()));
        assertTrue(!demo.simulation().calibrated().isEmpty());
        assertHolds("calibrated demo", demo);
    }

    @Test
    void aScenarioOfAnotherSeedAndSize() throws Exception {
        Map<String, String> files = Generator.generate(new Generator.Spec(800, 45, 10, 99, "status quo"));
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(tmp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        assertHolds("generated 800 accounts, seed 99", ScenarioReader.read(tmp.resolve("scenario.yaml"), List.of()));
    }
}
