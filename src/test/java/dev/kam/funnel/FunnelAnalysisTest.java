package dev.kam.funnel;

import dev.kam.domain.MechanismParams;
import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelResult.MeasuredConversion;
import dev.kam.funnel.FunnelResult.Rule;
import dev.kam.funnel.FunnelResult.SoldierPipeline;
import dev.kam.mechanisms.MechanismFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The funnel measured exactly on the hand pipeline (stage counts 4, 3, 4, 3, 2, 1, 1, 1, 0). */
class FunnelAnalysisTest {
    private static final double NaN = Double.NaN;

    @Test
    void stageCountsConversionAndWinProbability() {
        FunnelResult f = FunnelAnalysis.analyze(MechanismFixtures.hand());
        assertTrue(f.present());
        int[] counts = f.stages().stream().mapToInt(FunnelResult.StageCount::opportunities).toArray();
        assertArrayEquals(new int[] {4, 3, 4, 3, 2, 1, 1, 1, 0}, counts);
        double[] conv = f.stages().stream().mapToDouble(FunnelResult.StageCount::conversion).toArray();
        assertArrayEquals(new double[] {0.75, 4.0 / 3, 0.75, 2.0 / 3, 0.5, 1, 1, NaN, NaN}, conv, 1e-12);
        double[] win = f.stages().stream().mapToDouble(FunnelResult.StageCount::winProbability).toArray();
        assertArrayEquals(new double[] {0.25, 1.0 / 3, 0.25, 1.0 / 3, 0.5, 1, 1, 1, 1}, win, 1e-12);
        assertEquals(100_000 * (1 + 2 + 3 + 4), f.stages().get(0).value(), 1e-9);
        assertFalse(f.stages().get(1).active());
        assertTrue(f.stages().get(2).active());
        assertFalse(f.stages().get(7).active());
    }

    @Test
    void theProductOfStageRatiosTelescopes() {
        double[] c = FunnelAnalysis.conversions(new int[] {10, 8, 6, 6, 3, 2}, 5);
        assertEquals(3.0 / 10, c[0] * c[1] * c[2] * c[3], 1e-12);
        assertTrue(Double.isNaN(FunnelAnalysis.conversions(new int[] {0, 1, 1}, 3)[0]));
        assertTrue(Double.isNaN(FunnelAnalysis.winProbabilities(new int[] {0, 1, 1}, 3)[0]));
    }

    @Test
    void soldiersAgainstTheRuleOfThreeToFive() {
        FunnelResult f = FunnelAnalysis.analyze(MechanismFixtures.hand());
        SoldierPipeline s1 = f.soldier("S1");
        assertEquals(5, s1.opportunities());
        assertEquals(3, s1.activeOpportunities());
        assertEquals(3, s1.activeProspects());
        assertEquals(Rule.WITHIN, s1.rule());
        assertEquals(3_800_000, s1.value(), 1e-9);
        assertEquals(100_000 * 0.25 + 500_000 / 3.0 + 800_000 * 0.25 + 1_100_000 / 3.0 + 1_300_000 * 0.5,
                s1.weightedValue(), 1e-6);
        SoldierPipeline s2 = f.soldier("S2");
        assertEquals(2, s2.activeOpportunities());
        assertEquals(1, s2.activeProspects());                    // two opportunities on one account
        assertEquals(Rule.BELOW, s2.rule());
        assertEquals(1.0 / 3, s2.processScore(), 1e-12);
        SoldierPipeline s3 = f.soldier("S3");
        assertEquals(6, s3.activeProspects());
        assertEquals(Rule.ABOVE, s3.rule());
        assertEquals(5.0 / 6, s3.processScore(), 1e-12);
    }

    @Test
    void measuredConversion() {
        MeasuredConversion c = FunnelAnalysis.analyze(MechanismFixtures.hand()).conversion();
        assertEquals(0.25, c.winProbability(), 1e-12);             // N_won / N_1 = 1 / 4
        assertEquals(0.25, c.activeWinProbability(), 1e-12);       // N_won / N_3 = 1 / 4
        assertEquals(Math.sqrt(1.0 / 4 + 1.0 / 1), c.logStderr(), 1e-12);
        assertTrue(c.cycleFromDates());                            // three dated opportunities at step 1:
        assertEquals(365 / 365.25, c.cycleYears(), 1e-12);         // 181, 365, 547 days to close; median 365
        assertEquals(0.25, c.yearly(), 1e-12);                     // a cycle under a year: p̂ itself
        assertEquals(4, c.entryCount());
        assertEquals(1, c.wonCount());
        assertEquals(0.03 + (0.25 - 0.03) / 0.5, FunnelAnalysis.coveredConversion(0.25, 0.03, 0.5), 1e-12);
        assertEquals(0.03, FunnelAnalysis.coveredConversion(0.02, 0.03, 0.5));
        assertEquals(1.0, FunnelAnalysis.coveredConversion(0.9, 0.03, 0.5));
        assertTrue(Double.isNaN(FunnelAnalysis.coveredConversion(0.2, 0.03, 0)));
    }

    @Test
    void aLongCycleSpreadsTheWinOverYearsAndNoPipelineIsNotPresent() {
        Scenario s = MechanismFixtures.hand();
        MechanismParams.Funnel slow = new MechanismParams.Funnel(MechanismParams.SEED_STAGES, true, 3, 7, 8, 3, 5, 2.0,
                null);
        MechanismParams m = new MechanismParams(MechanismParams.Stars.DEFAULT, s.mechanisms().salaryByStars(),
                MechanismParams.Commission.DEFAULT, java.util.Map.of(), MechanismParams.Pk.OFF, slow,
                MechanismParams.Projects.DEFAULT, 0, List.of());
        List<dev.kam.domain.Opportunity> undated = s.pipeline().stream()
                .map(o -> new dev.kam.domain.Opportunity(o.id(), o.account(), o.soldier(), o.stage(), o.value())).toList();
        MeasuredConversion c = FunnelAnalysis.analyze(MechanismFixtures.hand(s.simulation(), m, undated)).conversion();
        assertFalse(c.cycleFromDates());
        assertEquals(2.0, c.cycleYears());
        assertEquals(0.125, c.yearly(), 1e-12);
        assertFalse(FunnelAnalysis.analyze(MechanismFixtures.hand(s.simulation(), m, List.of())).present());
    }
}
