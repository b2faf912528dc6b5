package dev.kam.simulation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FastExpTest {
    @Test
    void agreesWithStrictMathToAFewUlps() {
        Rng r = new Rng(8, 0, 0);
        for (int i = 0; i < 200_000; i++) {
            double x = (r.nextDouble() - 0.5) * (i % 2 == 0 ? 2 : 1390);
            double want = StrictMath.exp(x);
            assertEquals(want, FastExp.exp(x), 4 * Math.ulp(want), "exp(" + x + ")");
        }
    }

    @Test
    void isExactAtZeroAndHandlesTheEdges() {
        assertEquals(1.0, FastExp.exp(0.0), 0.0);
        assertEquals(1.0, FastExp.exp(-0.0), 0.0);
        assertEquals(Math.exp(750), FastExp.exp(750), 0.0);
        assertEquals(0.0, FastExp.exp(-800), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(Double.NaN, FastExp.exp(Double.NaN), 0.0);
    }
}
