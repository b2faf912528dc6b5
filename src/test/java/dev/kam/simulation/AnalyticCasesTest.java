package dev.kam.simulation;

import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two closed-form cases of SPEC §5. */
class AnalyticCasesTest {

    @Test
    void allOffCompoundsExactlyOnEveryPath() {
        double g = 0.07;
        Scenario s = Fixtures.scenario(Fixtures.allOff(g), 10);
        Coverage plan = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationResult r = Simulator.run(s, null, plan, new SimulationOptions(200, 42, 2));
        double today = s.totalRevenue();
        for (int y = 0; y < 10; y++) {
            double expected = today * Math.pow(1 + g, y + 1);
            double[] v = r.values(Metric.TOTAL_REVENUE, y);
            for (double x : v) {
                assertEquals(v[0], x, 0.0, "every path is identical");
            }
            assertEquals(expected, v[0], expected * 1e-12, "year " + (y + 1));
            assertEquals(0.0, r.stats(Metric.TOTAL_REVENUE, y).stderr(), 0.0);
        }
    }

    @Test
    void churnOnlyMeanMatchesClosedFormAndStandardErrorIsRight() {
        double g = 0.05;
        double q = 0.10;
        Scenario s = Fixtures.scenario(Fixtures.with(Fixtures.allOff(g), 0.0, q, q), 8);
        Coverage plan = Coverage.baseline(s, new ResponseModel(s.simulation()));
        int paths = 20_000;
        SimulationResult r = Simulator.run(s, null, plan, new SimulationOptions(paths, 7, 2));
        double sumSq = 0;
        for (var a : s.accounts()) sumSq += a.revenue() * a.revenue();
        for (int y = 0; y < 8; y++) {
            int t = y + 1;
            double survive = Math.pow(1 - q, t);
            double expectedMean = s.totalRevenue() * Math.pow((1 + g) * (1 - q), t);
            Stats st = r.stats(Metric.TOTAL_REVENUE, y);
            assertTrue(Math.abs(st.mean() - expectedMean) <= 4 * st.stderr(),
                    "year " + t + ": mean " + st.mean() + " vs " + expectedMean + " ± 4×" + st.stderr());
            // total = Σ R_i (1+g)^t B_i with independent B_i ~ Bernoulli((1−q)^t)
            double sd = Math.pow(1 + g, t) * Math.sqrt(sumSq * survive * (1 - survive));
            double expectedStderr = sd / Math.sqrt(paths);
            // the sample sd has relative sampling error about √((κ−1)/(4n)) < 1%; allow 5%
            assertEquals(expectedStderr, st.stderr(), 0.05 * expectedStderr, "stderr in year " + t);
        }
    }
}
