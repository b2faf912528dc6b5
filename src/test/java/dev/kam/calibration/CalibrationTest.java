package dev.kam.calibration;

import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.SimulationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {
    @TempDir
    Path tmp;

    @Test
    void recoversTheKnownParametersWithinItsReportedErrors() throws Exception {
        Scenario s = CalibrationCoverageTest.generated(tmp.resolve("big"), 77, 1200, 8);
        CalibrationFit fit = Calibrator.fit(s);
        assertEquals(7, fit.clusters());
        SimulationParams truth = SimulationParams.DEFAULT;
        for (Estimate e : fit.estimates()) {
            if (e.param() == Param.SHARE_EROSION) continue;     // derived, checked below
            assertTrue(e.known() && Double.isFinite(e.stderr()), e.param().key() + " identified with an error");
            double t = truth.get(e.param());
            // 3 reported standard errors, or the 95% interval when the range clamps it
            assertTrue(Math.abs(e.estimate() - t) <= 3 * e.stderr() || (e.ciLow() <= t && t <= e.ciHigh()),
                    e.param().key() + ": " + e.estimate() + " ± " + e.stderr() + " vs true " + t);
            assertTrue(e.applied(), e.param().key());
        }
        // the erosion is derived from today's accounts with the fitted gains: the history's neutral erosion
        String yaml = Files.readString(tmp.resolve("big/scenario.yaml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("shareErosion (0\\.\\d+)").matcher(yaml);
        assertTrue(m.find());
        Estimate d = fit.estimate(Param.SHARE_EROSION);
        assertEquals(Double.parseDouble(m.group(1)), d.estimate(), 3 * d.stderr() + 1e-4);
        assertFalse(d.applied(), "erosion stays derived");
    }

    @Test
    void aScenarioWithHistoryUsesTheFitWhereItsFileIsSilentAndSaysSo() throws Exception {
        Scenario raw = CalibrationCoverageTest.generated(tmp.resolve("s"), 5, 200, 6);
        Scenario s = Calibration.applyTo(raw);
        SimulationParams p = s.simulation();
        assertTrue(p.calibrated().containsAll(Set.of(Param.CHURN_COVERED, Param.CHURN_UNCOVERED, Param.GROWTH_MEAN,
                Param.GROWTH_SD, Param.CORR_MARKET, Param.GAIN_COVERED)), p.calibrated().toString());
        assertFalse(p.calibrated().contains(Param.SHARE_EROSION));
        assertTrue(p.erosionDerived());
        CalibrationFit fit = Calibrator.fit(raw);
        Estimate churn = fit.estimate(Param.CHURN_COVERED);
        assertEquals(churn.estimate(), p.churnCovered(), 0.0);
        // its error travels as a spread whose 95% range is the calibrated interval
        var spread = p.spreads().get(Param.CHURN_COVERED);
        assertNotNull(spread);
        assertEquals(churn.ciHigh() - churn.ciLow(), 2 * 1.959963984540054 * spread.b(), 1e-12);
        // applying twice changes nothing
        assertSame(s, Calibration.applyTo(s));

        // a key the file sets wins over the fit
        Path yaml = tmp.resolve("s/scenario.yaml");
        Scenario set = Calibration.applyTo(ScenarioReader.read(yaml, List.of("simulation.churn.covered=0.2",
                "simulation.marketGrowth.mean={mean: 0.01, sd: 0.005}")));
        assertEquals(0.2, set.simulation().churnCovered(), 0.0);
        assertFalse(set.simulation().calibrated().contains(Param.CHURN_COVERED));
        assertEquals(0.01, set.simulation().spreads().get(Param.GROWTH_MEAN).a(), 0.0);
        assertTrue(set.simulation().calibrated().contains(Param.CHURN_UNCOVERED));
        assertFalse(Calibrator.fit(set).estimate(Param.CHURN_COVERED).applied());
    }

    @Test
    void theBacktestForecastsTheLastTwoYearsFromAFitThatNeverSawThem() throws Exception {
        Scenario s = CalibrationCoverageTest.generated(tmp.resolve("b"), 11, 300, 7);
        Calibration c = Calibration.run(s, new SimulationOptions(800, 3, 2));
        Backtest b = c.backtest();
        assertNotNull(b);
        assertEquals(2024, b.fromYear());
        assertEquals(2024, b.trainingFit().lastYear());
        assertEquals(6, b.rows().size());
        for (Backtest.Row r : b.rows()) {
            assertTrue(r.p5() <= r.p50() && r.p50() <= r.p95(), r.toString());
            assertEquals(r.actual() >= r.p5() && r.actual() <= r.p95(), r.inside());
        }
        // the training fit uses fewer years than the full one
        assertEquals(c.fit().clusters() - 2, b.trainingFit().clusters());
        assertTrue(b.inside() >= 4, b.rows().toString());
    }

    @Test
    void noHistoryNothingToCalibrate() {
        Scenario s = ScenarioReader.read(Path.of("scenarios/tiny/scenario.yaml"), List.of());
        assertSame(s, Calibration.applyTo(s));
        assertThrows(IllegalArgumentException.class, () -> Calibration.run(s, new SimulationOptions(10, 1, 1)));
    }
}
