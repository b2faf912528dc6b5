package dev.kam.simulation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RngTest {
    private static final int N = 1_000_000;

    @Test
    void sameSeedAndPathGiveTheSameStreamAndOthersDiffer() {
        Rng a = new Rng(1, 5, 0);
        Rng b = new Rng(1, 5, 0);
        for (int i = 0; i < 100; i++) assertEquals(a.nextLong(), b.nextLong());
        assertNotEquals(new Rng(1, 5, 0).nextLong(), new Rng(1, 6, 0).nextLong());
        assertNotEquals(new Rng(1, 5, 0).nextLong(), new Rng(2, 5, 0).nextLong());
        assertNotEquals(new Rng(1, 5, 0).nextLong(), new Rng(1, 5, 1).nextLong());
    }

    @Test
    void zigguratNormalHasTheNormalCdfMeanAndVariance() {
        Rng r = new Rng(3, 0, 0);
        double[] cuts = {-3.5, -2.5, -1.5, -0.7, 0, 0.3, 1.1, 2.0, 3.0, 4.0};
        int[] below = new int[cuts.length];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++) {
            double x = r.nextGaussian();
            sum += x;
            sumSq += x * x;
            for (int k = 0; k < cuts.length; k++) if (x < cuts[k]) below[k]++;
        }
        NormalDistribution phi = new NormalDistribution();
        for (int k = 0; k < cuts.length; k++) {
            double p = phi.cumulativeProbability(cuts[k]);
            double sd = Math.sqrt(p * (1 - p) / N);
            assertEquals(p, (double) below[k] / N, 5 * sd + 1e-6, "P(Z < " + cuts[k] + ")");
        }
        assertEquals(0.0, sum / N, 5 / Math.sqrt(N));
        assertEquals(1.0, sumSq / N, 5 * Math.sqrt(2.0 / N));
    }

    @Test
    void uniformIsUniform() {
        Rng r = new Rng(4, 0, 0);
        int[] bins = new int[10];
        for (int i = 0; i < N; i++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
            bins[(int) (u * 10)]++;
        }
        double sd = Math.sqrt(N * 0.1 * 0.9);
        for (int b : bins) assertEquals(N * 0.1, b, 5 * sd);
    }

    @Test
    void poissonHasMeanAndVarianceLambdaForSmallAndLargeMeans() {
        for (double lambda : new double[] {0.7, 4, 20, 300}) {
            Rng r = new Rng(5, 0, 0);
            int n = 200_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                int k = r.nextPoisson(lambda);
                assertTrue(k >= 0);
                sum += k;
                sumSq += (double) k * k;
            }
            double mean = sum / n;
            double var = sumSq / n - mean * mean;
            assertEquals(lambda, mean, 5 * Math.sqrt(lambda / n), "mean for lambda " + lambda);
            // Var of the sample variance ≈ (μ4 − σ⁴)/n = (λ + 2λ²)/n for a Poisson
            assertEquals(lambda, var, 5 * Math.sqrt((lambda + 2 * lambda * lambda) / n), "variance for lambda " + lambda);
        }
    }

    @Test
    void nextIntCoversTheRangeEvenly() {
        Rng r = new Rng(6, 0, 0);
        int[] c = new int[7];
        for (int i = 0; i < 700_000; i++) c[r.nextInt(7)]++;
        for (int v : c) assertEquals(100_000, v, 5 * Math.sqrt(100_000 * 6.0 / 7));
    }
}
