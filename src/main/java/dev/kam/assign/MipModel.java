package dev.kam.assign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * kam's assignment model as a mixed-integer linear program on integer coefficients (cents, centihours),
 * built from a {@link Coefficients} table, optionally restricted to a neighbourhood: only some accounts
 * free (the rest fixed at a given plan, their hours and offers taken from the residual capacities) and
 * only some options allowed (the reduced-cost core). The same arrays feed SCIP, CP-SAT and GLOP.
 *
 * <pre>
 * max  K + Σ c_o x_o + Σ v_q y_q + Σ u_q
 * s.t. Σ_{o of a} x_o ≤ 1   (= 1 for a mustCover account)            one_a
 *      Σ_{o of s} h_o x_o ≤ C_s,   Σ_{o of s} h_o x_o ≥ min_s            cap_s, min_s
 *      Σ_{o of s} x_o ≤ K_s                                           acc_s (maxAccountsPerSoldier)
 *      Σ_{q of p} y_q ≤ cap_p,   Σ_{q of a} y_q ≤ maxProducts,   y_q ≤ Σ_{o of a} x_o
 *      u_q ≤ V_q y_q,   u_q ≤ Σ_{o of a} V_q(o) x_o          (a prospect's offer is worth what its lead converts)
 *      Σ_{owned a} Σ_{o of a at its owner} x_o ≥ owned − maxMoves     moves
 * </pre>
 * where c_o = v_o + switching_a for an owned account (its switching cost is charged unless its owner keeps
 * it, K = −Σ switching_a), so the objective equals {@link Solution#objective} at every plan.
 */
final class MipModel {
    static final long INF = Long.MAX_VALUE;
    static final long NEG_INF = Long.MIN_VALUE;

    /** Which accounts and options are free; everything else is fixed at {@code base}. */
    record Scope(boolean[] freeAccount, boolean[] allowedOption, Solution base, int[] keepOwner, int maxMoves,
                 boolean mustExact, int mustTarget) {
        /** The whole model with the table's move cap; each mustCover account with options is covered. */
        static Scope full(Coefficients t) {
            return new Scope(null, null, null, new int[0], t.maxMoves, true, 0);
        }

        Scope withAllowed(boolean[] allowed) {
            return new Scope(freeAccount, allowed, base, keepOwner, maxMoves, mustExact, mustTarget);
        }

        Scope withMust(boolean exact, int target) {
            return new Scope(freeAccount, allowedOption, base, keepOwner, maxMoves, exact, target);
        }

        Scope withMaxMoves(int moves) {
            return new Scope(freeAccount, allowedOption, base, keepOwner, moves, mustExact, mustTarget);
        }

        Scope keeping(int[] accounts) {
            return new Scope(freeAccount, allowedOption, base, accounts, maxMoves, mustExact, mustTarget);
        }

        Scope neighbourhood(boolean[] free, Solution around) {
            return new Scope(free, allowedOption, around, keepOwner, maxMoves, mustExact, mustTarget);
        }
    }

    /** One linear row lb ≤ Σ coef·var ≤ ub (NEG_INF / INF when open). */
    record Row(int[] vars, long[] coefs, long lb, long ub, int kind) {
    }

    /** Row kinds, for reading duals back. */
    static final int ONE = 0, CAP = 1, MIN = 2, ACC = 3, PCAP = 4, PMAX = 5, COVER = 6, UVAL = 7, MOVES = 8, MUST = 9;

    final Coefficients t;
    final Scope scope;
    final int nVars;
    final long[] lb;
    final long[] ub;
    final long[] obj;
    final long constant;
    final List<Row> rows = new ArrayList<>();
    /** Per option: its variable, −1 when it is fixed (not free or not allowed). */
    final int[] xVar;
    /** Per pair: its variable, −1 when fixed. */
    final int[] yVar;
    /** Per pair: the variable u_q of a prospect's option-dependent offer value, −1 when none. */
    final int[] uVar;
    /** Per row: the soldier, product or account it belongs to (−1 for global rows). */
    final List<Integer> rowOwner = new ArrayList<>();
    /** True when the fixed part alone already breaks a rule (no plan of this scope is feasible). */
    final boolean fixedInfeasible;

    MipModel(Coefficients t, Scope scope) {
        this.t = t;
        this.scope = scope;
        int n = t.accounts;
        boolean[] free = scope.freeAccount() == null ? filled(n) : scope.freeAccount();
        boolean[] keep = new boolean[n];
        for (int a : scope.keepOwner()) keep[a] = true;
        Solution base = scope.base() == null ? Solution.empty(t) : scope.base();

        // the fixed part: loads, counts, product use, moves and objective of the accounts that do not change
        long[] load = new long[t.soldiers];
        int[] count = new int[t.soldiers];
        int[] used = new int[t.products];
        int fixedMoves = 0;
        long konst = 0;
        boolean broken = false;
        for (int a = 0; a < n; a++) {
            if (free[a]) {
                if (t.owner[a] >= 0) konst -= t.switching[a];
                continue;
            }
            int o = base.choice()[a];
            if (o >= 0) {
                load[t.optSoldier[o]] += t.optHours[o];
                count[t.optSoldier[o]]++;
                konst += t.optValue[o];
            } else if (t.owner[a] >= 0) {
                konst -= t.switching[a];
            }
            if (t.movable(a) && (o < 0 || t.optSoldier[o] != t.owner[a])) fixedMoves++;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                if (!base.offered()[q]) continue;
                used[t.pairProduct[q]]++;
                if (o >= 0) konst += t.pairValue(q, o);
            }
        }

        xVar = new int[t.options()];
        yVar = new int[t.pairs()];
        uVar = new int[t.pairs()];
        Arrays.fill(xVar, -1);
        Arrays.fill(yVar, -1);
        Arrays.fill(uVar, -1);
        LongBuf objB = new LongBuf(), lbB = new LongBuf(), ubB = new LongBuf();
        int v = 0;
        for (int a = 0; a < n; a++) {
            if (!free[a]) continue;
            boolean any = false;
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                if (scope.allowedOption() != null && !scope.allowedOption()[o]) continue;
                if (keep[a] && t.optSoldier[o] != t.owner[a]) continue;
                xVar[o] = v++;
                objB.add(t.optValue[o] + (t.owner[a] >= 0 ? t.switching[a] : 0));
                lbB.add(0);
                ubB.add(1);
                any = true;
            }
            if (!any) continue;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                yVar[q] = v++;
                boolean varies = t.pairOptBase[q] >= 0;
                objB.add(varies ? 0 : t.pairValue[q]);
                lbB.add(0);
                ubB.add(1);
                if (varies) {
                    uVar[q] = v++;
                    objB.add(1);
                    lbB.add(0);
                    ubB.add(Math.max(0, t.pairValue[q]));
                }
            }
        }
        nVars = v;
        obj = objB.toArray();
        lb = lbB.toArray();
        ub = ubB.toArray();

        // per-account rows
        int mustCount = 0;
        IntBuf mustVars = new IntBuf();
        for (int a = 0; a < n; a++) {
            if (!free[a]) continue;
            IntBuf xs = new IntBuf();
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) if (xVar[o] >= 0) xs.add(xVar[o]);
            if (xs.n == 0) {
                if (keep[a] || (t.mustCover[a] && scope.mustExact() && hasAny(t, a))) broken = true;
                continue;
            }
            boolean exact = keep[a] || (t.mustCover[a] && scope.mustExact());
            add(xs.toArray(), ones(xs.n), exact ? 1 : NEG_INF, 1, ONE, a);
            if (t.mustCover[a] && !scope.mustExact()) {
                mustCount++;
                for (int i = 0; i < xs.n; i++) mustVars.add(xs.a[i]);
            }
            int lo = t.pairStart[a], hi = t.pairStart[a + 1];
            if (hi > lo) {
                IntBuf ys = new IntBuf();
                for (int q = lo; q < hi; q++) ys.add(yVar[q]);
                if (hi - lo > t.maxProductsPerAccount) add(ys.toArray(), ones(ys.n), NEG_INF, t.maxProductsPerAccount, PMAX, a);
                for (int q = lo; q < hi; q++) {
                    int[] vars = new int[xs.n + 1];
                    long[] c = new long[xs.n + 1];
                    vars[0] = yVar[q];
                    c[0] = 1;
                    for (int i = 0; i < xs.n; i++) {
                        vars[i + 1] = xs.a[i];
                        c[i + 1] = -1;
                    }
                    add(vars, c, NEG_INF, 0, COVER, q);
                    if (uVar[q] >= 0) {
                        add(new int[] {uVar[q], yVar[q]}, new long[] {1, -Math.max(0, t.pairValue[q])}, NEG_INF, 0, UVAL, q);
                        int[] uv = new int[xs.n + 1];
                        long[] uc = new long[xs.n + 1];
                        uv[0] = uVar[q];
                        uc[0] = 1;
                        int k = 1;
                        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                            if (xVar[o] < 0) continue;
                            uv[k] = xVar[o];
                            uc[k++] = -Math.max(0, t.pairValue(q, o));
                        }
                        add(uv, uc, NEG_INF, 0, UVAL, q);
                    }
                }
            }
        }
        if (!scope.mustExact() && mustCount > 0) {
            // aggregated: cover at least as many mustCover accounts as the target (the rest of the count is fixed)
            int fixedCovered = 0;
            for (int a = 0; a < n; a++) if (!free[a] && t.mustCover[a] && base.choice()[a] >= 0) fixedCovered++;
            long target = scope.mustTarget() - fixedCovered;
            if (target > 0) add(mustVars.toArray(), ones(mustVars.n), target, INF, MUST, -1);
        }
        // per-soldier rows
        IntBuf[] bySoldier = new IntBuf[t.soldiers];
        LongBuf[] hours = new LongBuf[t.soldiers];
        for (int s = 0; s < t.soldiers; s++) {
            bySoldier[s] = new IntBuf();
            hours[s] = new LongBuf();
        }
        for (int o = 0; o < t.options(); o++) {
            if (xVar[o] < 0) continue;
            bySoldier[t.optSoldier[o]].add(xVar[o]);
            hours[t.optSoldier[o]].add(t.optHours[o]);
        }
        for (int s = 0; s < t.soldiers; s++) {
            long cap = t.capacity[s] - load[s];
            long min = t.minHours[s] - load[s];
            if (cap < 0) broken = true;
            int k = bySoldier[s].n;
            if (k == 0) {
                if (min > 0) broken = true;
                continue;
            }
            long total = 0;
            for (int i = 0; i < k; i++) total += hours[s].a[i];
            if (total > cap) add(bySoldier[s].toArray(), hours[s].toArray(), NEG_INF, Math.max(0, cap), CAP, s);
            if (min > 0) add(bySoldier[s].toArray(), hours[s].toArray(), min, INF, MIN, s);
            if (t.maxAccountsPerSoldier > 0) {
                long left = t.maxAccountsPerSoldier - count[s];
                if (left < 0) broken = true;
                if (k > left) add(bySoldier[s].toArray(), ones(k), NEG_INF, Math.max(0, left), ACC, s);
            }
        }
        // per-product rows
        IntBuf[] byProduct = new IntBuf[t.products];
        for (int p = 0; p < t.products; p++) byProduct[p] = new IntBuf();
        for (int q = 0; q < t.pairs(); q++) if (yVar[q] >= 0) byProduct[t.pairProduct[q]].add(yVar[q]);
        for (int p = 0; p < t.products; p++) {
            long left = t.productCapacity[p] - used[p];
            if (left < 0) broken = true;
            if (byProduct[p].n > left) add(byProduct[p].toArray(), ones(byProduct[p].n), NEG_INF, Math.max(0, left), PCAP, p);
        }
        // the move cap: owned free accounts kept by their owner ≥ owned free − moves left
        if (scope.maxMoves() >= 0) {
            long left = scope.maxMoves() - fixedMoves;
            if (left < 0) broken = true;
            IntBuf kept = new IntBuf();
            int ownedFree = 0;
            for (int a = 0; a < n; a++) {
                if (!free[a] || !t.movable(a)) continue;
                ownedFree++;
                for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                    if (xVar[o] >= 0 && t.optSoldier[o] == t.owner[a]) kept.add(xVar[o]);
                }
            }
            long need = ownedFree - Math.max(0, left);
            if (need > 0) add(kept.toArray(), ones(kept.n), need, INF, MOVES, -1);
        }
        constant = konst;
        fixedInfeasible = broken;
    }

    private void add(int[] vars, long[] coefs, long lo, long hi, int kind, int owner) {
        rows.add(new Row(vars, coefs, lo, hi, kind));
        rowOwner.add(owner);
    }

    private static boolean hasAny(Coefficients t, int a) {
        return t.optStart[a + 1] > t.optStart[a];
    }

    private static boolean[] filled(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    private static long[] ones(int n) {
        long[] c = new long[n];
        Arrays.fill(c, 1);
        return c;
    }

    /** The variable values of a plan (a hint); accounts outside the scope keep their values implicitly. */
    long[] values(Solution s) {
        long[] x = new long[nVars];
        for (int a = 0; a < t.accounts; a++) {
            int o = s.choice()[a];
            if (o >= 0 && xVar[o] >= 0) x[xVar[o]] = 1;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                if (yVar[q] < 0) continue;
                boolean on = s.offered()[q] && o >= 0 && xVar[o] >= 0;
                x[yVar[q]] = on ? 1 : 0;
                if (uVar[q] >= 0) x[uVar[q]] = on ? Math.max(0, t.pairValue(q, o)) : 0;
            }
        }
        return x;
    }

    /** Whether a plan lies inside this scope (free accounts on allowed options, fixed ones at the base). */
    boolean contains(Solution s) {
        for (int a = 0; a < t.accounts; a++) {
            int o = s.choice()[a];
            boolean free = scope.freeAccount() == null || scope.freeAccount()[a];
            if (free) {
                if (o >= 0 && xVar[o] < 0) return false;
            } else if (o != scope.base().choice()[a]) {
                return false;
            }
        }
        return true;
    }

    /** The plan given by variable values: free accounts from x and y, the others from the base. */
    Solution decode(double[] x) {
        Solution base = scope.base() == null ? Solution.empty(t) : scope.base();
        int[] choice = base.choice().clone();
        boolean[] offered = base.offered().clone();
        for (int a = 0; a < t.accounts; a++) {
            boolean free = scope.freeAccount() == null || scope.freeAccount()[a];
            if (!free) continue;
            choice[a] = -1;
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) if (xVar[o] >= 0 && x[xVar[o]] > 0.5) choice[a] = o;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                offered[q] = yVar[q] >= 0 && x[yVar[q]] > 0.5 && choice[a] >= 0;
            }
        }
        return new Solution(choice, offered);
    }

    static final class IntBuf {
        int[] a = new int[8];
        int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static final class LongBuf {
        long[] a = new long[8];
        int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
