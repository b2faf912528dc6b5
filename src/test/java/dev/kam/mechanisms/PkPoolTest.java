package dev.kam.mechanisms;

import dev.kam.RandomCases;
import dev.kam.domain.MechanismParams.Pk;
import dev.kam.domain.MechanismParams.Split;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PK bonus pool (PK 奖金) on hand-computed cases. */
class PkPoolTest {
    private static final double[] TEN = {1.5, 1.2, 0.9, 1.1, 1.3, 0.5, 1.0, 2.0, 0.0, 1.05};

    private static double[] award(double[] att, double pool, Pk pk) {
        double[] out = new double[att.length];
        PkPool.award(att, att.length, pool, pk, out, new double[att.length], new int[att.length]);
        return out;
    }

    @Test
    void topTwentyPercentOfTenAreTwoWinnersSplitThreeWays() {
        double[] eq = award(TEN, 100_000, new Pk(100_000, 0, 0.2, Split.EQUAL, 1.0));
        double[] expected = new double[10];
        expected[7] = 50_000;
        expected[0] = 50_000;
        assertArrayEquals(expected, eq, 1e-9);

        double[] prop = award(TEN, 100_000, new Pk(100_000, 0, 0.2, Split.PROPORTIONAL, 1.0));
        assertEquals(100_000 * 2.0 / 3.5, prop[7], 1e-9);
        assertEquals(100_000 * 1.5 / 3.5, prop[0], 1e-9);

        double[] rank = award(TEN, 90_000, new Pk(90_000, 0, 0.2, Split.RANK, 1.0));
        assertEquals(60_000, rank[7], 1e-9);                          // weight 2 of 3
        assertEquals(30_000, rank[0], 1e-9);                          // weight 1 of 3
        assertEquals(90_000, Arrays.stream(rank).sum(), 1e-9);
    }

    @Test
    void minimumAttainmentTiesAndNobody() {
        double[] only = award(TEN, 100_000, new Pk(100_000, 0, 0.2, Split.EQUAL, 1.6));
        assertEquals(100_000, only[7], 1e-9);                         // one qualifier takes the pool
        assertEquals(100_000, Arrays.stream(only).sum(), 1e-9);

        double[] tied = {1.2, 1.2, 1.0};
        double[] eq = award(tied, 100_000, new Pk(100_000, 0, 0.34, Split.EQUAL, 1.0));
        assertArrayEquals(new double[] {50_000, 50_000, 0}, eq, 1e-9); // one winner, but the tie shares
        double[] rank = award(tied, 100_000, new Pk(100_000, 0, 0.34, Split.RANK, 1.0));
        assertArrayEquals(new double[] {50_000, 50_000, 0}, rank, 1e-9);

        double[] out = new double[3];
        assertEquals(0, PkPool.award(new double[] {0.5, 0.7, 0.9}, 3, 100_000, new Pk(100_000, 0, 0.5, Split.EQUAL, 1.0),
                out, new double[3], new int[3]));
        assertArrayEquals(new double[3], out);
    }

    @Test
    void poolSizeAndWinnerCount() {
        assertEquals(60_000, PkPool.size(new Pk(50_000, 0.01, 0.2, Split.EQUAL, 1), 1_000_000), 1e-9);
        assertEquals(0, PkPool.size(Pk.OFF, 1_000_000));
        assertEquals(4, PkPool.winners(0.2, 20));
        assertEquals(1, PkPool.winners(0.2, 7));                      // floor(1.4)
        assertEquals(1, PkPool.winners(0.01, 7));                     // at least one
        assertEquals(3, PkPool.winners(0.3, 10));                     // 0.3 × 10 is 3 despite rounding
    }

    @Test
    void kthLargestMatchesSorting() {
        RandomCases.forAll(16_002, 500, (i, r) -> {
            int n = 1 + r.nextInt(40);
            double[] v = new double[n];
            for (int j = 0; j < n; j++) v[j] = r.nextInt(4) == 0 ? r.nextInt(3) : r.nextDouble();
            return new Object[] {v, 1 + r.nextInt(n)};
        }, c -> {
            double[] v = ((double[]) c[0]).clone();
            int k = (int) c[1];
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[sorted.length - k], PkPool.kthLargest(v, v.length, k));
        });
    }
}
