package dev.kam.serve;

import dev.kam.RandomCases;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Wilson score interval against published values and its defining equation. */
class WilsonTest {
    @Test
    void knownValues() {
        // Brown, Cai and DasGupta (2001) and any statistics table: 50 of 100 → 0.4038 to 0.5962
        double[] a = Wilson.interval(0.5, 100);
        assertEquals(0.4038, a[0], 5e-5);
        assertEquals(0.5962, a[1], 5e-5);
        double[] zero = Wilson.interval(0, 10);
        assertEquals(0.0, zero[0], 1e-12);
        assertEquals(0.2775, zero[1], 5e-5);
        double[] one = Wilson.interval(1, 10);
        assertEquals(0.7225, one[0], 5e-5);
        assertEquals(1.0, one[1], 1e-12);
        assertTrue(Double.isNaN(Wilson.interval(Double.NaN, 10)[0]));
    }

    /** The bounds are the two proportions q with |p − q| = z·√(q(1 − q)/n), symmetric around 1/2. */
    @Test
    void boundsSolveTheScoreEquation() {
        RandomCases.forAll(77, 300, (i, r) -> new double[] {r.nextInt(0, 10_001) / 10_000.0, 1 + r.nextInt(20_000)}, c -> {
            double p = c[0];
            int n = (int) c[1];
            double[] ci = Wilson.interval(p, n);
            assertTrue(ci[0] <= p + 1e-12 && p <= ci[1] + 1e-12, "contains p");
            for (double q : ci) {
                if (q <= 0 || q >= 1) continue;
                double lhs = Math.abs(p - q);
                double rhs = Wilson.Z95 * Math.sqrt(q * (1 - q) / n);
                assertEquals(rhs, lhs, 1e-9);
            }
            double[] mirror = Wilson.interval(1 - p, n);
            assertEquals(1 - ci[1], mirror[0], 1e-9);
        });
    }
}
