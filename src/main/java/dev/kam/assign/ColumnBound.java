package dev.kam.assign;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The best multipliers of the {@link Lagrangian} for a model too big for its whole LP, by column generation
 * on the Dantzig–Wolfe master of the same decomposition (docs/model.md, “The bound”).
 *
 * <p>A <i>pattern</i> is one account's complete choice: a lead option and the offers made at it. The master LP
 * chooses a convex combination of patterns per account (Σ z ≤ 1, = 1 for an account that must be led) under
 * the coupling rows the Lagrangian prices: soldier capacity, minimum hours, accounts per soldier, product
 * capacity, the move cap and the aggregated mustCover count. GLOP solves it over the patterns generated so
 * far; its duals are the Lagrangian's multipliers, and the Lagrangian's own per-account subproblem is the
 * pricing problem: the best pattern of each option at those prices joins when its reduced cost (its
 * Lagrangian value against no lead, minus the account's convexity dual) is positive. When none is, the master
 * optimum equals the Lagrangian dual: the best bound this decomposition gives, at least as tight as the
 * Lagrangian at the full LP's duals. Whatever the columns, the Lagrangian at the kept multipliers is a valid
 * bound, because it is valid at every non-negative multiplier vector; the master's optimum itself is never
 * reported as one.
 */
final class ColumnBound {
    /** A pattern joins when its reduced cost exceeds this (cents): far above GLOP's tolerances, far below a cent. */
    static final double JOIN = 0.5;
    /** Weight of the best multipliers in the smoothed pricing point (Wentges 1997); 0 = price at the duals. */
    static final double SMOOTHING = 0.5;
    /** At most this many new patterns per account and round. */
    static final int PER_ROUND = 1;

    /**
     * The outcome: whether some master LP was solved (the multipliers come from its duals), whether the last
     * master is infeasible even with every option of the accounts that must be led (no plan can lead them
     * all), whether pricing found no column (the bound is the Lagrangian dual), the rounds and patterns used,
     * the last master's optimum (cents, not a bound) and each option's share of its account in that master
     * (for rounding; null when no master was solved).
     */
    record Outcome(boolean solved, boolean infeasible, boolean converged, int rounds, int patterns, double master,
                   double[] share) {
    }

    private final Coefficients t;
    private final Lagrangian lag;
    private final MPSolver solver;
    private final MPConstraint[] conv;
    private final MPConstraint[] cap;
    private final MPConstraint[] min;
    private final MPConstraint[] acc;
    private final MPConstraint[] pcap;
    private final MPConstraint moves;
    private final MPConstraint must;
    private final MPObjective objective;
    private final List<MPVariable> vars = new ArrayList<>();
    private final MipModel.IntBuf patOption = new MipModel.IntBuf();
    private final Set<String> seen = new HashSet<>();
    private final double constant;

    private ColumnBound(Coefficients t, Lagrangian lag) {
        this.t = t;
        this.lag = lag;
        Natives.load();
        solver = MPSolver.createSolver("GLOP");
        // without presolve GLOP keeps its basis when only columns are added, so each round starts where the last ended
        solver.setSolverSpecificParametersAsString("use_preprocessing: false");
        double inf = MPSolver.infinity();
        conv = new MPConstraint[t.accounts];
        double k = 0;
        for (int a = 0; a < t.accounts; a++) {
            if (t.owner[a] >= 0) k -= t.switching[a];
            if (t.optStart[a + 1] == t.optStart[a]) continue;
            boolean lead = t.mustCover[a] && lag.mustExact;
            conv[a] = solver.makeConstraint(lead ? 1 : -inf, 1);
        }
        constant = k;
        cap = new MPConstraint[t.soldiers];
        min = new MPConstraint[t.soldiers];
        acc = new MPConstraint[t.soldiers];
        for (int s = 0; s < t.soldiers; s++) {
            cap[s] = solver.makeConstraint(-inf, t.capacity[s]);
            if (t.minHours[s] > 0) min[s] = solver.makeConstraint(t.minHours[s], inf);
            if (t.maxAccountsPerSoldier > 0) acc[s] = solver.makeConstraint(-inf, t.maxAccountsPerSoldier);
        }
        pcap = new MPConstraint[t.products];
        for (int p = 0; p < t.products; p++) pcap[p] = solver.makeConstraint(-inf, t.productCapacity[p]);
        int owned = 0;
        for (int a = 0; a < t.accounts; a++) if (t.movable(a)) owned++;
        moves = lag.maxMoves >= 0 ? solver.makeConstraint(owned - lag.maxMoves, inf) : null;
        must = lag.mustExact ? null : solver.makeConstraint(lag.mustTarget, inf);
        objective = solver.objective();
        objective.setMaximization();
    }

    /**
     * Column generation from the plan {@code start} (its patterns are the first columns, so a master over a
     * feasible plan is feasible) until no pattern prices out, {@code deadline} (System.nanoTime; Long.MAX_VALUE
     * = none) passes or {@code maxRounds} masters were solved. Leaves {@code lag} at the multipliers of the
     * best bound seen, evaluated (its losses are current).
     */
    static Outcome solve(Coefficients t, Lagrangian lag, Solution start, long deadline, int maxRounds) {
        ColumnBound cb = new ColumnBound(t, lag);
        try {
            return cb.run(start, deadline, maxRounds);
        } finally {
            cb.solver.delete();
        }
    }

    private Outcome run(Solution start, long deadline, int maxRounds) {
        seed(start);
        double bestBound = Double.POSITIVE_INFINITY;
        double[][] best = null;
        double master = Double.NaN;
        double[] share = null;
        boolean converged = false, infeasible = false;
        int rounds = 0;
        boolean opened = false;
        while (rounds < maxRounds) {
            double left = deadline == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (deadline - System.nanoTime()) / 1e9;
            if (left <= 0.05) break;
            if (!Double.isInfinite(left)) solver.setTimeLimit(Math.max(1, (long) (left * 1000)));
            int code;
            try {
                code = solver.solve().swigValue();
            } catch (IllegalArgumentException unknownStatus) {
                code = 99;
            }
            rounds++;
            if (code == 2 && !opened) {
                // the start does not lead every account that must be led: give those accounts every option once
                opened = true;
                for (int a = 0; a < t.accounts; a++) {
                    if (conv[a] == null || !(t.mustCover[a] && lag.mustExact) || start.choice()[a] >= 0) continue;
                    Arrays.fill(lag.mu, 0);
                    for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) add(a, o, lag.offersAt(o, a));
                }
                continue;
            }
            if (code != 0) {
                infeasible = code == 2;
                break;
            }
            master = constant + objective.value();
            share = new double[t.options()];
            for (int i = 0; i < vars.size(); i++) share[patOption.a[i]] += vars.get(i).solutionValue();
            double[] sigma = duals();
            double[][] rmp = lag.snapshot();
            // Wentges smoothing: price at a point between the best multipliers and the master's duals, which
            // damps the duals' oscillation; when that finds nothing new, price at the duals themselves
            double alpha = best == null ? 0 : SMOOTHING;
            int[] priced;
            while (true) {
                if (alpha > 0) mix(best, rmp, alpha);
                double b = lag.evaluate();
                if (b < bestBound) {
                    bestBound = b;
                    best = lag.snapshot();
                }
                priced = price(sigma, rmp);
                if (priced[1] > 0 || alpha == 0) break;
                alpha = 0;
                lag.restore(rmp);
            }
            if (priced[0] == 0 && alpha == 0) {
                converged = true;
                break;
            }
            // a pattern that prices out but is a column already: GLOP's tolerances, no progress left
            if (priced[1] == 0) break;
        }
        if (best != null) {
            lag.restore(best);
            lag.evaluate();
        }
        return new Outcome(best != null, infeasible, converged, rounds, vars.size(), master, share);
    }

    /** The first columns: the plan's own pattern of each account, and each account's few most promising leads. */
    private void seed(Solution start) {
        // a soldier the plan fills has an hour price near the value per hour of their least dense account
        double[] price = new double[t.soldiers];
        Arrays.fill(price, Double.POSITIVE_INFINITY);
        long[] load = start.loads(t);
        for (int a = 0; a < t.accounts; a++) {
            int o = start.choice()[a];
            if (o < 0) continue;
            int s = t.optSoldier[o];
            price[s] = Math.min(price[s], t.optValue[o] / (double) Math.max(1, t.optHours[o]));
        }
        for (int s = 0; s < t.soldiers; s++) if (!Double.isFinite(price[s]) || load[s] < 0.95 * t.capacity[s]) price[s] = 0;
        Arrays.fill(lag.mu, 0);
        for (int a = 0; a < t.accounts; a++) {
            int o = start.choice()[a];
            if (o >= 0) {
                MipModel.IntBuf off = new MipModel.IntBuf();
                for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) if (start.offered()[q]) off.add(q);
                add(a, o, off.toArray());
            }
            int lo = t.optStart[a], hi = t.optStart[a + 1];
            if (hi == lo) continue;
            Integer[] order = new Integer[hi - lo];
            for (int p = lo; p < hi; p++) order[p - lo] = p;
            Arrays.sort(order, (x, y) -> Double.compare(t.optValue[y] - price[t.optSoldier[y]] * t.optHours[y],
                    t.optValue[x] - price[t.optSoldier[x]] * t.optHours[x]));
            for (int i = 0; i < Math.min(PER_ROUND, order.length); i++) add(a, order[i], lag.offersAt(order[i], a));
        }
    }

    /** Sets the Lagrangian's multipliers from the master's duals; returns the convexity duals per account. */
    private double[] duals() {
        for (int s = 0; s < t.soldiers; s++) {
            lag.lambda[s] = Math.max(0, cap[s].dualValue());
            lag.nu[s] = min[s] == null ? 0 : Math.max(0, -min[s].dualValue());
            lag.kappa[s] = acc[s] == null ? 0 : Math.max(0, acc[s].dualValue());
        }
        for (int p = 0; p < t.products; p++) lag.mu[p] = Math.max(0, pcap[p].dualValue());
        lag.theta = moves == null ? 0 : Math.max(0, -moves.dualValue());
        lag.pi = must == null ? 0 : Math.max(0, -must.dualValue());
        double[] sigma = new double[t.accounts];
        for (int a = 0; a < t.accounts; a++) sigma[a] = conv[a] == null ? 0 : conv[a].dualValue();
        return sigma;
    }

    /**
     * Adds each account's best patterns at the Lagrangian's current (last evaluated) multipliers whose reduced
     * cost at the master's duals {@code rmp} (convexity duals {@code sigma}) is positive: at most
     * {@link #PER_ROUND} options per account, the best first. Returns how many priced out and how many of
     * those joined (the others were columns already).
     */
    private int[] price(double[] sigma, double[][] rmp) {
        int added = 0, found = 0;
        double[] val = new double[16];
        for (int a = 0; a < t.accounts; a++) {
            int lo = t.optStart[a], hi = t.optStart[a + 1];
            if (hi == lo) continue;
            double none = t.owner[a] >= 0 ? -t.switching[a] : 0;
            double top = lag.bestValue(a);
            if (top <= none && top - none - sigma[a] <= JOIN && sigma[a] >= 0) {
                // no lead beats none at these multipliers; at the duals a lead could still price out only if σ < 0
                continue;
            }
            if (val.length < hi - lo) val = new double[hi - lo];
            for (int o = lo; o < hi; o++) val[o - lo] = top - lag.loss(o, a);
            for (int k = 0; k < PER_ROUND; k++) {
                int pick = -1;
                for (int o = lo; o < hi; o++) if (val[o - lo] > Double.NEGATIVE_INFINITY && (pick < 0 || val[o - lo] > val[pick - lo])) pick = o;
                if (pick < 0) break;
                val[pick - lo] = Double.NEGATIVE_INFINITY;
                int[] offers = lag.offersAt(pick, a);
                if (reducedCost(a, pick, offers, sigma[a], rmp) <= JOIN) continue;
                found++;
                if (add(a, pick, offers)) added++;
            }
        }
        return new int[] {found, added};
    }

    /** The reduced cost (cents) at the master's duals of the pattern: account a led by option o making the offers. */
    private double reducedCost(int a, int o, int[] offers, double sigma, double[][] rmp) {
        int s = t.optSoldier[o];
        double rc = t.optValue[o] + (t.owner[a] >= 0 ? t.switching[a] : 0) - sigma
                - (rmp[0][s] - rmp[1][s]) * t.optHours[o] - rmp[2][s];
        for (int q : offers) rc += t.pairValue(q, o) - rmp[3][t.pairProduct[q]];
        if (t.owner[a] == s) rc += rmp[4][0];
        if (!lag.mustExact && t.mustCover[a]) rc += rmp[4][1];
        return rc;
    }

    /** Sets the Lagrangian's multipliers to α·from + (1 − α)·to (non-negative when both are). */
    private void mix(double[][] from, double[][] to, double alpha) {
        double[][] m = new double[5][];
        for (int i = 0; i < 5; i++) {
            m[i] = new double[to[i].length];
            for (int j = 0; j < m[i].length; j++) m[i][j] = alpha * from[i][j] + (1 - alpha) * to[i][j];
        }
        lag.restore(m);
    }

    /** Adds the pattern (account a led by option o, making the offers q) unless it is already a column. */
    private boolean add(int a, int o, int[] offers) {
        if (!seen.add(o + ":" + Arrays.toString(offers))) return false;
        int s = t.optSoldier[o];
        MPVariable z = solver.makeNumVar(0, MPSolver.infinity(), "");
        double value = t.optValue[o] + (t.owner[a] >= 0 ? t.switching[a] : 0);
        for (int q : offers) {
            value += t.pairValue(q, o);
            pcap[t.pairProduct[q]].setCoefficient(z, 1);
        }
        objective.setCoefficient(z, value);
        conv[a].setCoefficient(z, 1);
        cap[s].setCoefficient(z, t.optHours[o]);
        if (min[s] != null) min[s].setCoefficient(z, t.optHours[o]);
        if (acc[s] != null) acc[s].setCoefficient(z, 1);
        if (moves != null && t.owner[a] == s) moves.setCoefficient(z, 1);
        if (must != null && t.mustCover[a]) must.setCoefficient(z, 1);
        vars.add(z);
        patOption.add(o);
        return true;
    }
}
