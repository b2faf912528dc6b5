package dev.kam.assign;

import java.util.Arrays;

/**
 * A Lagrangian bound of the whole model: the coupling rows (soldier capacity, minimum hours, accounts per
 * soldier, product capacity, the move cap, the mustCover count) are priced by non-negative multipliers, and
 * what is left splits into one small problem per account (its lead option or none, and its best offers at
 * that option), solved exactly. For ANY non-negative multipliers the result is an upper bound on the
 * objective of every feasible plan; with the LP's optimal duals it equals the LP optimum (each account's
 * problem has integral optima), and the subgradient method gets close to it without an LP.
 *
 * <p>The sum is taken in floating point over integer cents, then raised by a margin far above its rounding
 * error (10⁻⁹ of the sum of magnitudes, plus a cent) and rounded up, so the bound stays valid in exact
 * arithmetic. Each option's loss against its account's best choice ({@link #loss}) also bounds any plan
 * that uses it: value ≤ bound − loss, the basis of the reduced-cost core.
 */
final class Lagrangian {
    final Coefficients t;
    final boolean mustExact;
    final int mustTarget;
    final int maxMoves;
    final double[] lambda;   // capacity, per soldier
    final double[] nu;       // minimum hours, per soldier
    final double[] kappa;    // accounts per soldier
    final double[] mu;       // product capacity
    double theta;            // move cap
    double pi;               // mustCover count (aggregated mode)

    private final double[] optL;    // each option's Lagrangian value (lead + best offers at it)
    private final double[] best;    // each account's best value
    private final double[] noneL;   // value of no lead (−∞ when the account must be led)
    private final int ownedCount;

    Lagrangian(Coefficients t, boolean mustExact, int mustTarget, int maxMoves) {
        this.t = t;
        this.mustExact = mustExact;
        this.mustTarget = mustTarget;
        this.maxMoves = maxMoves;
        lambda = new double[t.soldiers];
        nu = new double[t.soldiers];
        kappa = new double[t.soldiers];
        mu = new double[t.products];
        optL = new double[t.options()];
        best = new double[t.accounts];
        noneL = new double[t.accounts];
        int owned = 0;
        for (int a = 0; a < t.accounts; a++) if (t.movable(a)) owned++;
        ownedCount = owned;
    }

    /** Whether account a must be led in every plan this bound covers. */
    private boolean mustLead(int a) {
        return t.optStart[a + 1] > t.optStart[a] && t.mustCover[a] && mustExact;
    }

    /** Takes the multipliers from an LP solve of the full model (duals of its coupling rows). */
    void fromLp(MipModel m, double[] duals) {
        Arrays.fill(lambda, 0);
        Arrays.fill(nu, 0);
        Arrays.fill(kappa, 0);
        Arrays.fill(mu, 0);
        theta = 0;
        pi = 0;
        for (int i = 0; i < m.rows.size(); i++) {
            double d = duals[i];
            int owner = m.rowOwner.get(i);
            switch (m.rows.get(i).kind()) {
                case MipModel.CAP -> lambda[owner] = Math.max(0, d);
                case MipModel.ACC -> kappa[owner] = Math.max(0, d);
                case MipModel.PCAP -> mu[owner] = Math.max(0, d);
                case MipModel.MIN -> nu[owner] = Math.max(0, -d);
                case MipModel.MOVES -> theta = Math.max(0, -d);
                case MipModel.MUST -> pi = Math.max(0, -d);
                default -> {
                }
            }
        }
    }

    /** The bound (cents) at the current multipliers; also fills each option's loss. */
    double evaluate() {
        double sum = 0, abs = 0;
        int k = t.maxProductsPerAccount;
        double[] vals = new double[16];
        for (int a = 0; a < t.accounts; a++) {
            int lo = t.pairStart[a], hi = t.pairStart[a + 1];
            // offers whose value does not depend on the lead: one top-k for every option
            double constOffers = 0;
            boolean varies = false;
            if (hi > lo && k > 0) {
                if (vals.length < hi - lo) vals = new double[hi - lo];
                int c = 0;
                for (int q = lo; q < hi; q++) {
                    if (t.pairOptBase[q] >= 0) {
                        varies = true;
                        continue;
                    }
                    double v = t.pairValue[q] - mu[t.pairProduct[q]];
                    if (v > 0) vals[c++] = v;
                }
                if (!varies) constOffers = topSum(vals, c, k);
            }
            double b = Double.NEGATIVE_INFINITY;
            double none = t.owner[a] >= 0 ? -t.switching[a] : 0.0;
            noneL[a] = mustLead(a) ? Double.NEGATIVE_INFINITY : none;
            if (!mustLead(a)) b = none;
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                int s = t.optSoldier[o];
                double v = t.optValue[o] - (lambda[s] - nu[s]) * t.optHours[o] - kappa[s];
                if (t.owner[a] == s) v += theta;
                if (t.mustCover[a] && !mustExact) v += pi;
                if (varies) {
                    int c = 0;
                    for (int q = lo; q < hi; q++) {
                        double w = t.pairValue(q, o) - mu[t.pairProduct[q]];
                        if (w > 0) vals[c++] = w;
                    }
                    v += topSum(vals, c, k);
                } else {
                    v += constOffers;
                }
                optL[o] = v;
                if (v > b) b = v;
            }
            best[a] = b;
            sum += b;
            abs += Math.abs(b);
        }
        for (int s = 0; s < t.soldiers; s++) {
            double c = lambda[s] * t.capacity[s] - nu[s] * t.minHours[s] + kappa[s] * t.maxAccountsPerSoldier;
            sum += c;
            abs += Math.abs(lambda[s] * t.capacity[s]) + Math.abs(nu[s] * t.minHours[s]) + Math.abs(kappa[s] * t.maxAccountsPerSoldier);
        }
        for (int p = 0; p < t.products; p++) {
            sum += mu[p] * t.productCapacity[p];
            abs += Math.abs(mu[p] * t.productCapacity[p]);
        }
        if (maxMoves >= 0) {
            double c = theta * (ownedCount - maxMoves);
            sum -= c;
            abs += Math.abs(c);
        }
        if (!mustExact) {
            sum -= pi * mustTarget;
            abs += Math.abs(pi * mustTarget);
        }
        return Math.ceil(sum + 1e-9 * abs + 1.0);
    }

    /** What choosing option o costs its account against the account's best choice, at the last evaluation (≥ 0). */
    double loss(int o, int a) {
        return best[a] - optL[o];
    }

    /** Account a's best Lagrangian value (its lead option and offers, or none) at the last evaluation. */
    double bestValue(int a) {
        return best[a];
    }

    /** The offers the subproblem makes at option o of account a: its k best with a positive priced value. */
    int[] offersAt(int o, int a) {
        int lo = t.pairStart[a], hi = t.pairStart[a + 1];
        int k = t.maxProductsPerAccount;
        MipModel.IntBuf out = new MipModel.IntBuf();
        boolean[] taken = new boolean[hi - lo];
        for (int r = 0; r < k; r++) {
            int bq = -1;
            double bv = 0;
            for (int q = lo; q < hi; q++) {
                double w = t.pairValue(q, o) - mu[t.pairProduct[q]];
                if (!taken[q - lo] && w > bv) {
                    bv = w;
                    bq = q;
                }
            }
            if (bq < 0) break;
            taken[bq - lo] = true;
            out.add(bq);
        }
        int[] q = out.toArray();
        Arrays.sort(q);
        return q;
    }

    /** What leaving account a without a lead costs against its best choice (∞ when it must be led). */
    double noneLoss(int a) {
        return best[a] - noneL[a];
    }

    /**
     * Subgradient optimization of the multipliers (Polyak steps towards {@code target}, the best plan's value),
     * deterministic; returns the best bound seen and leaves the multipliers at it.
     */
    double subgradient(int iterations, double target) {
        return subgradient(iterations, target, Long.MAX_VALUE, () -> false);
    }

    /** As {@link #subgradient(int, double)}, stopping at {@code until} (System.nanoTime) or when {@code stop} says so. */
    double subgradient(int iterations, double target, long until, java.util.function.BooleanSupplier stop) {
        double bestBound = evaluate();
        double current = bestBound;
        double[][] keep = snapshot();
        double alpha = 1.0;
        int stall = 0;
        for (int it = 0; it < iterations && System.nanoTime() < until && !stop.getAsBoolean(); it++) {
            // the subproblem's choices
            long[] load = new long[t.soldiers];
            int[] count = new int[t.soldiers];
            int[] used = new int[t.products];
            int kept = 0, mustLed = 0;
            for (int a = 0; a < t.accounts; a++) {
                int pick = -1;
                double b = noneL[a];
                for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                    if (optL[o] > b) {
                        b = optL[o];
                        pick = o;
                    }
                }
                if (pick < 0) continue;
                int s = t.optSoldier[pick];
                load[s] += t.optHours[pick];
                count[s]++;
                if (t.owner[a] == s) kept++;
                if (t.mustCover[a]) mustLed++;
                int lo = t.pairStart[a], hi = t.pairStart[a + 1];
                int k = t.maxProductsPerAccount;
                // the offers the subproblem takes: the k best positive ones at this option
                boolean[] taken = new boolean[hi - lo];
                for (int r = 0; r < k; r++) {
                    int bq = -1;
                    double bv = 0;
                    for (int q = lo; q < hi; q++) {
                        double w = t.pairValue(q, pick) - mu[t.pairProduct[q]];
                        if (!taken[q - lo] && w > bv) {
                            bv = w;
                            bq = q;
                        }
                    }
                    if (bq < 0) break;
                    taken[bq - lo] = true;
                    used[t.pairProduct[bq]]++;
                }
            }
            double norm = 0;
            double[] gl = new double[t.soldiers], gn = new double[t.soldiers], gk = new double[t.soldiers];
            double[] gm = new double[t.products];
            for (int s = 0; s < t.soldiers; s++) {
                gl[s] = t.capacity[s] - load[s];
                gn[s] = t.minHours[s] > 0 ? load[s] - t.minHours[s] : 0;
                gk[s] = t.maxAccountsPerSoldier > 0 ? t.maxAccountsPerSoldier - count[s] : 0;
                norm += sq(lambda[s] > 0 || gl[s] < 0 ? gl[s] : 0) + sq(nu[s] > 0 || gn[s] < 0 ? gn[s] : 0)
                        + sq(kappa[s] > 0 || gk[s] < 0 ? gk[s] : 0);
            }
            for (int p = 0; p < t.products; p++) {
                gm[p] = t.productCapacity[p] - used[p];
                norm += sq(mu[p] > 0 || gm[p] < 0 ? gm[p] : 0);
            }
            double gt = maxMoves >= 0 ? kept - (ownedCount - maxMoves) : 0;
            double gp = !mustExact ? mustLed - mustTarget : 0;
            norm += sq(gt) + sq(gp);
            if (norm == 0) break;
            double step = alpha * Math.max(1.0, current - target) / norm;
            for (int s = 0; s < t.soldiers; s++) {
                lambda[s] = Math.max(0, lambda[s] - step * gl[s]);
                if (t.minHours[s] > 0) nu[s] = Math.max(0, nu[s] - step * gn[s]);
                if (t.maxAccountsPerSoldier > 0) kappa[s] = Math.max(0, kappa[s] - step * gk[s]);
            }
            for (int p = 0; p < t.products; p++) mu[p] = Math.max(0, mu[p] - step * gm[p]);
            if (maxMoves >= 0) theta = Math.max(0, theta - step * gt);
            if (!mustExact) pi = Math.max(0, pi - step * gp);
            double l = evaluate();
            current = l;
            if (l < bestBound) {
                bestBound = l;
                keep = snapshot();
                stall = 0;
            } else if (++stall >= 10) {
                alpha /= 2;
                stall = 0;
                if (alpha < 1e-4) break;
            }
        }
        restore(keep);
        return evaluate();
    }

    /** The multipliers {λ, ν, κ, μ, {θ, π}}, copied. */
    double[][] snapshot() {
        return new double[][] {lambda.clone(), nu.clone(), kappa.clone(), mu.clone(), {theta, pi}};
    }

    /** Sets the multipliers from a snapshot {λ, ν, κ, μ, {θ, π}}. */
    void restore(double[][] s) {
        System.arraycopy(s[0], 0, lambda, 0, lambda.length);
        System.arraycopy(s[1], 0, nu, 0, nu.length);
        System.arraycopy(s[2], 0, kappa, 0, kappa.length);
        System.arraycopy(s[3], 0, mu, 0, mu.length);
        theta = s[4][0];
        pi = s[4][1];
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Sum of the k largest of the first c values (c is small: the products of one account). */
    private static double topSum(double[] v, int c, int k) {
        if (c <= k) {
            double s = 0;
            for (int i = 0; i < c; i++) s += v[i];
            return s;
        }
        Arrays.sort(v, 0, c);
        double s = 0;
        for (int i = 0; i < k; i++) s += v[c - 1 - i];
        return s;
    }
}
