package dev.kam.assign;

import dev.kam.domain.AssignmentParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Balanced books (SPEC §9): the hours floors kam keeps, after lowering those no plan could give, can all be met
 * together. Exhaustive search over every plan of small random instances with floors, shares of accounts, locks
 * and account caps finds one that meets every floor within capacity and the account cap.
 */
class BandFloorsTest {
    @Test
    void theFloorsKamKeepsAreMetTogetherBySomePlan() {
        int lowered = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Instances.Instance inst = Instances.rich(seed, 5, 3, 1);
            AssignmentParams p = inst.scenario().assignment();
            // floors high enough that soldiers compete for the same accounts
            Coefficients t = Coefficients.of(inst.scenario().withAssignment(p.withBand(p.switchingCost(), 0.4 + (seed % 5) * 0.1)), inst.analysis());
            if (t.warnings.stream().anyMatch(w -> w.key().equals("assign.warn.bandShared"))) lowered++;
            if (locksBreakTheCap(t)) continue; // a conflict of locks and the account cap, not of floors
            assertTrue(feasible(t, 0, new long[t.soldiers], new int[t.soldiers]),
                    "seed " + seed + ": no plan meets the floors " + java.util.Arrays.toString(t.minHours)
                            + " (capacities " + java.util.Arrays.toString(t.capacity) + ")");
        }
        assertTrue(lowered > 0, "some instances have floors that compete for the same accounts");
    }

    private static boolean locksBreakTheCap(Coefficients t) {
        if (t.maxAccountsPerSoldier == 0) return false;
        int[] locked = new int[t.soldiers];
        for (int a = 0; a < t.accounts; a++) {
            if (t.locked[a] && t.optStart[a + 1] > t.optStart[a] && ++locked[t.optSoldier[t.optStart[a]]] > t.maxAccountsPerSoldier) return true;
        }
        return false;
    }

    private static boolean feasible(Coefficients t, int a, long[] load, int[] count) {
        if (a == t.accounts) {
            for (int s = 0; s < t.soldiers; s++) if (load[s] < t.minHours[s]) return false;
            return true;
        }
        if (!t.locked[a] && feasible(t, a + 1, load, count)) return true;
        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
            int s = t.optSoldier[o];
            if (load[s] + t.optHours[o] > t.capacity[s]) continue;
            if (t.maxAccountsPerSoldier > 0 && count[s] >= t.maxAccountsPerSoldier) continue;
            load[s] += t.optHours[o];
            count[s]++;
            boolean ok = feasible(t, a + 1, load, count);
            load[s] -= t.optHours[o];
            count[s]--;
            if (ok) return true;
        }
        return false;
    }
}
