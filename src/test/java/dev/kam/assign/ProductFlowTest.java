package dev.kam.assign;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow offers the best products for fixed leads, within every cap. */
class ProductFlowTest {
    @Property(tries = 80)
    void flowMatchesExhaustiveSearch(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
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
                value += t.pairValue[q];
            }
            assertTrue(per <= t.maxProductsPerAccount);
        }
        for (int p = 0; p < t.products; p++) assertTrue(used[p] <= t.productCapacity[p]);
        assertEquals(Exact.bestProducts(t, choice), value);
    }
}
