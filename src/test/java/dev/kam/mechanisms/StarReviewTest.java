package dev.kam.mechanisms;

import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base-year star review on the hand scenario, computed by hand. */
class StarReviewTest {
    @Test
    void handComputedReview() {
        Scenario s = MechanismFixtures.hand();
        SalaryBands bands = SalaryBands.resolve(s.mechanisms(), s.soldiers());
        List<StarReview.Row> rows = StarReview.review(s, FunnelAnalysis.analyze(s).processScores(), bands);
        double company = 7_500_000 / 27_100_000.0;                  // share of wallet of the whole base

        StarReview.Row s1 = rows.get(0);                            // K1: 2M of a 10M wallet
        assertEquals(0.2 / company, s1.attainment(), 1e-12);
        assertEquals(7_500_000 * 10 / 27.1, s1.quota(), 1e-6);
        assertEquals(1.0, s1.process());                             // 3 active prospects
        double score1 = 0.5 * (0.2 / company / 1.5) + 0.3 + 0.2 * 2 / 3;
        assertEquals(score1, s1.score(), 1e-12);                     // 0.674
        assertEquals(3, s1.computed());
        assertTrue(s1.demotion());                                   // listed 4★

        StarReview.Row s2 = rows.get(1);                             // D1 + R1: 1.0M of 3M
        assertEquals(1.0 / 3 / company, s2.attainment(), 1e-12);
        assertEquals(1.0 / 3, s2.process(), 1e-12);                  // one active prospect
        assertEquals(2, s2.computed());                              // 0.401 + 0.1 + 0 = 0.501
        assertFalse(s2.promotion() || s2.demotion());

        StarReview.Row s3 = rows.get(2);                             // K2 + G1: 4.5M of 5.6M
        assertEquals(5.0 / 6, s3.process(), 1e-12);                  // six active prospects, above the rule
        assertEquals(0.5 + 0.3 * 5 / 6 + 0.2, s3.score(), 1e-12);
        assertEquals(5, s3.computed());

        // bands from annualCost: 2★ 300k, 4★ 500k, 5★ 700k, 3★ 400k between; S1 at 3★ costs 500k − 100k
        assertEquals(500_000, s1.salary(), 1e-9);
        assertEquals(400_000, s1.salaryComputed(), 1e-9);
    }

    @Test
    void withoutPipelineTheProcessRuleIsTakenAsKept() {
        Scenario s = MechanismFixtures.hand(MechanismFixtures.still(), dev.kam.domain.MechanismParams.DEFAULT, List.of());
        List<StarReview.Row> rows = StarReview.review(s, Map.of(), SalaryBands.resolve(s.mechanisms(), s.soldiers()));
        assertTrue(Double.isNaN(rows.get(1).process()));
        assertEquals(0.5 * (1.0 / 3 / (7_500_000 / 27_100_000.0) / 1.5) + 0.3, rows.get(1).score(), 1e-12);
    }
}
