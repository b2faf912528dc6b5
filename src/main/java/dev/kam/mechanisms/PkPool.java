package dev.kam.mechanisms;

import dev.kam.domain.MechanismParams.Pk;
import dev.kam.domain.MechanismParams.Split;

import java.util.Arrays;

/**
 * The PK bonus pool (战役活动: PK 奖金): each year a pool of {@code amount + rate × basis delivered by all
 * soldiers} goes to the top share of soldiers ranked by attainment. Evaluated per path and year on primitive
 * arrays: the caller passes scratch arrays of the soldiers' size, nothing is allocated.
 *
 * <p>Rules: the number of winners is k = max(1, ⌊top · n⌋); the winners are the k soldiers with the highest
 * attainment among those at or above {@code minAttainment} (and above 0), and every soldier tied with the k-th
 * wins too, so equal results are paid equally. The split is equal, proportional to attainment, or by rank
 * (weights m, m−1, …, 1 for the m winners in order, tied winners sharing the mean of their weights).
 * A pool without winners is not paid.
 */
public final class PkPool {
    private PkPool() {
    }

    /** The pool of a year (currency): the fixed amount plus the rate times the basis all soldiers delivered. */
    public static double size(Pk pk, double totalBasis) {
        if (!pk.on()) return 0.0;
        return pk.amount() + pk.rate() * Math.max(0, totalBasis);
    }

    /** The number of winners among n soldiers before ties: max(1, ⌊top · n⌋), 0 when n is 0. */
    public static int winners(double top, int n) {
        if (n == 0 || top <= 0) return 0;
        return Math.max(1, (int) Math.floor(top * n + 1e-9));
    }

    /**
     * Splits the pool.
     *
     * @param attainment each soldier's attainment, index = soldier (first {@code n} used)
     * @param pool       the pool (currency)
     * @param out        receives each soldier's bonus (currency); 0 for the others
     * @param scratch    a scratch array of length at least n
     * @param order      a scratch array of length at least n
     * @return the amount paid: the pool, or 0 when nobody qualifies
     */
    public static double award(double[] attainment, int n, double pool, Pk pk, double[] out, double[] scratch,
                               int[] order) {
        Arrays.fill(out, 0, n, 0.0);
        if (!(pool > 0) || n == 0) return 0.0;
        int eligible = 0;
        for (int i = 0; i < n; i++) {
            double a = attainment[i];
            if (a > 0 && a >= pk.minAttainment()) scratch[eligible++] = a;
        }
        if (eligible == 0) return 0.0;
        int k = Math.min(eligible, winners(pk.top(), n));
        if (k == 0) return 0.0;
        double cut = kthLargest(scratch, eligible, k);
        int m = 0;
        for (int i = 0; i < n; i++) {
            double a = attainment[i];
            if (a > 0 && a >= pk.minAttainment() && a >= cut) order[m++] = i;
        }
        sortByAttainmentDesc(order, m, attainment);
        double total = 0;
        if (pk.split() == Split.EQUAL) {
            for (int j = 0; j < m; j++) out[order[j]] = 1.0;
            total = m;
        } else if (pk.split() == Split.PROPORTIONAL) {
            boolean infinite = attainment[order[0]] == Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double a = attainment[order[j]];
                double w = infinite ? (a == Double.POSITIVE_INFINITY ? 1.0 : 0.0) : a;
                out[order[j]] = w;
                total += w;
            }
        } else {
            int j = 0;
            while (j < m) {
                int end = j;
                while (end + 1 < m && attainment[order[end + 1]] == attainment[order[j]]) end++;
                // ranks j..end (0-based) carry weights m−j … m−end; tied winners share their mean
                double w = m - (j + end) / 2.0;
                for (int t = j; t <= end; t++) out[order[t]] = w;
                total += w * (end - j + 1);
                j = end + 1;
            }
        }
        for (int j = 0; j < m; j++) out[order[j]] = pool * out[order[j]] / total;
        return pool;
    }

    /** The k-th largest of the first {@code len} values (1-based k), reordering them in place (quickselect). */
    static double kthLargest(double[] v, int len, int k) {
        int lo = 0;
        int hi = len - 1;
        int target = k - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] > pivot) i++;
                while (v[j] < pivot) j--;
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return v[target];
        }
        return v[target];
    }

    /** Insertion sort of the winners, highest attainment first, ties by soldier index (few winners: fast enough). */
    private static void sortByAttainmentDesc(int[] order, int m, double[] attainment) {
        for (int i = 1; i < m; i++) {
            int x = order[i];
            double ax = attainment[x];
            int j = i - 1;
            while (j >= 0 && attainment[order[j]] < ax) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }
}
