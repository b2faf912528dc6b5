package dev.kam.assign;

import dev.kam.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow offers the best products for fixed leads, within every cap. */
class ProductFlowTest {
    /** An instance of 6 accounts, 2 soldiers and 3 products, by its seed 1–1,000,000. */
    record Case(long seed) {
    }

    /** Both bounds first, then uniform draws. */
    static Case instance(int tryIndex, SplittableRandom r) {
        return new Case(tryIndex == 0 ? 1 : tryIndex == 1 ? 1_000_000 : r.nextLong(1, 1_000_001));
    }

    @Test
    void flowMatchesExhaustiveSearch() {
        RandomCases.forAll(0xF10_0001L, 80, ProductFlowTest::instance, c -> check(c.seed()));
    }

    private static void check(long seed) {
        Instances.Instance inst = Instances.random(seed, 6, 2, 3);
        Coefficients t = inst.table();
        SplittableRandom r = new SplittableRandom(seed);
        int[] choice = new int[t.accounts];
        for (int a = 0; a < t.accounts; a++) {
            int lo = t.optStart[a], hi = t.optStart[a + 1];
            choice[a] = hi == lo || r.nextInt(4) == 0 ? -1 : lo + r.nextInt(hi - lo);
        }
        boolean[] offered = ProductFlow.offer(t, choice);
        long value = 0;
        int[] used = new int[t.products];
        for (int a = 0; a < t.accounts; a++) {
            int per = 0;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                if (!offered[q]) continue;
                assertTrue(choice[a] >= 0, "offer to an uncovered account");
                per++;
                used[t.pairProduct[q]]++;
                value += t.pairValue(q, choice[a]);
            }
            assertTrue(per <= t.maxProductsPerAccount);
        }
        for (int p = 0; p < t.products; p++) assertTrue(used[p] <= t.productCapacity[p]);
        assertEquals(Exact.bestOfferValue(t, choice), value);
    }
}
