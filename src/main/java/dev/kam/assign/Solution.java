package dev.kam.assign;

import java.util.Arrays;

/**
 * A plan on the coefficient table: the option of each account (−1 = no lead) and whether each pair is
 * offered. {@link #score(Coefficients)} evaluates it with exactly the rules of {@link AssignmentConstraints},
 * on arrays, so the exact side and the tests can score plans without OptaPlanner.
 */
record Solution(int[] choice, boolean[] offered) {

    /** Score levels of a plan: hard (minus the broken rules' measure), medium (−uncovered mustCover accounts), soft (objective, cents). */
    record Score(long hard, long medium, long soft) implements Comparable<Score> {
        boolean feasible() {
            return hard == 0;
        }

        @Override
        public int compareTo(Score o) {
            if (hard != o.hard) return Long.compare(hard, o.hard);
            if (medium != o.medium) return Long.compare(medium, o.medium);
            return Long.compare(soft, o.soft);
        }

        @Override
        public String toString() {
            return hard + "hard/" + medium + "medium/" + soft + "soft";
        }
    }

    static Solution empty(Coefficients t) {
        int[] c = new int[t.accounts];
        Arrays.fill(c, -1);
        return new Solution(c, new boolean[t.pairs()]);
    }

    Solution copy() {
        return new Solution(choice.clone(), offered.clone());
    }

    /** The objective (cents): lead values, offer values at the lead's option, minus switching cost of drops. */
    long objective(Coefficients t) {
        long v = 0;
        for (int a = 0; a < t.accounts; a++) {
            int o = choice[a];
            if (o >= 0) {
                v += t.optValue[o];
                for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) if (offered[q]) v += t.pairValue(q, o);
            } else if (t.owner[a] >= 0) {
                v -= t.switching[a];
            }
        }
        return v;
    }

    /** Accounts owned today by a soldier who may still lead them, that end with another lead or none. */
    int moves(Coefficients t) {
        int n = 0;
        for (int a = 0; a < t.accounts; a++) {
            if (t.movable(a) && (choice[a] < 0 || t.optSoldier[choice[a]] != t.owner[a])) n++;
        }
        return n;
    }

    /** Centihours each soldier leads. */
    long[] loads(Coefficients t) {
        long[] load = new long[t.soldiers];
        for (int a = 0; a < t.accounts; a++) if (choice[a] >= 0) load[t.optSoldier[choice[a]]] += t.optHours[choice[a]];
        return load;
    }

    /** The score as {@link AssignmentConstraints} computes it. */
    Score score(Coefficients t) {
        long hard = 0, medium = 0;
        long[] load = new long[t.soldiers];
        int[] count = new int[t.soldiers];
        int[] used = new int[t.products];
        for (int a = 0; a < t.accounts; a++) {
            int o = choice[a];
            if (o >= 0) {
                load[t.optSoldier[o]] += t.optHours[o];
                count[t.optSoldier[o]]++;
            } else if (t.mustCover[a]) {
                medium--;
            }
            int per = 0;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                if (!offered[q]) continue;
                per++;
                used[t.pairProduct[q]]++;
                if (o < 0) hard++;
            }
            if (per > t.maxProductsPerAccount) hard += per - t.maxProductsPerAccount;
        }
        for (int s = 0; s < t.soldiers; s++) {
            if (load[s] > t.capacity[s]) hard += load[s] - t.capacity[s];
            if (t.maxAccountsPerSoldier > 0 && count[s] > t.maxAccountsPerSoldier) hard += count[s] - t.maxAccountsPerSoldier;
            if (load[s] < t.minHours[s]) hard += t.minHours[s] - load[s];
        }
        for (int p = 0; p < t.products; p++) if (used[p] > t.productCapacity[p]) hard += used[p] - t.productCapacity[p];
        if (t.maxMoves >= 0) {
            int m = moves(t);
            if (m > t.maxMoves) hard += m - t.maxMoves;
        }
        return new Score(-hard, medium, objective(t));
    }
}
