package dev.kam.assign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The exact side of the optimizer (SPEC §9): a proven bound and a plan as close to it as the budget allows.
 *
 * <ol>
 *   <li><b>Bound.</b> The LP relaxation of the whole model (GLOP); its duals price the coupling rows of a
 *       {@link Lagrangian} bound, evaluated exactly in cents and valid for any multipliers. Without natives
 *       or when the LP is too big, subgradient optimization finds the multipliers instead.</li>
 *   <li><b>Core MIP.</b> Each option's Lagrangian loss bounds every plan that uses it (value ≤ bound − loss),
 *       so options whose loss exceeds the gap can never be in a better plan. The MIP (SCIP, or CP-SAT when the
 *       work limit must be deterministic) is solved on the core of options with a small loss, warm-started
 *       from the best plan so far; the proven bound is min(Lagrangian, max(core bound, Lagrangian − the
 *       smallest loss left out)). A core that covers the whole gap makes the core optimum the optimum.</li>
 *   <li><b>Large-neighbourhood search</b> when the core is too big to solve at once: a few related soldiers'
 *       accounts are freed at a time and re-solved exactly by CP-SAT around the current plan.</li>
 * </ol>
 */
final class ExactSearch {
    /** Largest model solved as a whole; above it the core is worked through neighbourhoods. */
    static final int CORE_MAX_VARS = 60_000;
    /** Share of the remaining time the core MIP gets when it is only part of the model (LNS gets the rest). */
    static final double CORE_SHARE = 0.6;
    /** Models up to this size go to the MIP whole (the engine does its own reduced-cost fixing). */
    static final int FULL_MAX_VARS = 30_000;
    /** Largest model whose LP relaxation GLOP solves whole; above it column generation gives the multipliers. */
    static final int LP_FULL_VARS = 150_000;
    /** Share of the time left that column generation may take. */
    static final double COLUMN_SHARE = 0.5;
    /** Share of the time left that the subgradient polish after unfinished column generation may take. */
    static final double POLISH_SHARE = 0.2;
    /** Column-generation rounds when the work limit is deterministic. */
    static final int COLUMN_ROUNDS = 40;

    /** Budget of a run: a wall-clock deadline (System.nanoTime) or, when deterministic, CP-SAT's deterministic seconds. */
    record Budget(long deadline, double deterministicSeconds, String engine, long seed, MipEngines.Interrupt stop,
                  Listener listener) {
        /** SCIP's node limit per deterministic core solve, and per neighbourhood (a deterministic work measure). */
        static final long CORE_NODES = 300;
        static final long NEIGHBOURHOOD_NODES = 200;

        boolean deterministic() {
            return deadline == Long.MAX_VALUE;
        }

        double wallLeft() {
            return deterministic() ? Double.POSITIVE_INFINITY : Math.max(0, (deadline - System.nanoTime()) / 1e9);
        }
    }

    /** Told of every better plan (objective, cents) and every better bound (cents). */
    interface Listener {
        void progress(long objective, double bound);
    }

    /**
     * The outcome: the best plan, its score, the proven bound (cents, excluding the rounding slack),
     * how the bound was obtained, the LP optimum (NaN when not solved), and the LP's value of one more hour
     * per soldier (currency per hour; NaN when there was no LP).
     */
    record Result(Solution best, Solution.Score score, double bound, String method, double lpObjective,
                  double[] hourValue, boolean optimal, int neighbourhoods, Lagrangian lagrangian) {
    }

    private final Coefficients t;
    private final Budget budget;
    private Solution incumbent;
    private Solution.Score score;
    private double bound = Double.POSITIVE_INFINITY;
    private String method = "none";

    private boolean boundOnly;
    private Lagrangian warm;
    private int lpFullVars = LP_FULL_VARS;
    private ColumnBound.Outcome columnOutcome;

    /** Uses column generation for every model bigger than {@code vars} variables (tests force it with −1). */
    ExactSearch lpFullVars(int vars) {
        lpFullVars = vars;
        return this;
    }

    /** The last column generation's outcome (null when the whole LP or no LP gave the multipliers). */
    ColumnBound.Outcome columnOutcome() {
        return columnOutcome;
    }

    /** Starts the bound from another solve's multipliers (same accounts and soldiers) instead of an LP. */
    ExactSearch warm(Lagrangian from) {
        warm = from;
        return this;
    }

    ExactSearch(Coefficients t, Budget budget) {
        this.t = t;
        this.budget = budget;
    }

    /** Only the bound: the LP (or subgradient) Lagrangian, no MIP; the start plan is returned as it is. */
    ExactSearch boundOnly() {
        boundOnly = true;
        return this;
    }

    /** The bound without OR-Tools (its natives failed to load): subgradient optimization of the Lagrangian. */
    static Result javaBound(Coefficients t, Solution start, long seed) {
        Solution plan = start == null ? Solution.empty(t) : start;
        Solution.Score sc = plan.score(t);
        int coverable = 0, covered = 0;
        for (int a = 0; a < t.accounts; a++) {
            if (!t.mustCover[a] || t.optStart[a + 1] == t.optStart[a]) continue;
            coverable++;
            if (plan.choice()[a] >= 0) covered++;
        }
        boolean exact = !sc.feasible() || covered == coverable;
        Lagrangian lag = new Lagrangian(t, exact, exact ? coverable : covered, t.maxMoves);
        double b = lag.subgradient(300, sc.feasible() ? sc.soft() : 0);
        double[] hv = new double[t.soldiers];
        Arrays.fill(hv, Double.NaN);
        return new Result(plan, sc, Math.max(b, sc.feasible() ? sc.soft() : b), "lagrangian-subgradient", Double.NaN, hv,
                sc.feasible() && sc.soft() >= b, 0, lag);
    }

    Result run(Solution start) {
        incumbent = start == null ? Solution.empty(t) : start.copy();
        score = incumbent.score(t);
        int coverable = 0, covered = 0;
        for (int a = 0; a < t.accounts; a++) {
            if (!t.mustCover[a] || t.optStart[a + 1] == t.optStart[a]) continue;
            coverable++;
            if (incumbent.choice()[a] >= 0) covered++;
        }
        // every mustCover account that has an eligible soldier is led, unless even the LP cannot: then the bound
        // covers the plans that lead at least as many of them as the start
        boolean mustExact = true;
        int mustTarget = coverable;
        MipModel.Scope full = MipModel.Scope.full(t).withMust(true, coverable);
        MipModel whole = new MipModel(t, full);
        Lagrangian lag = new Lagrangian(t, true, coverable, t.maxMoves);
        double lpObjective = Double.NaN;
        double[] hourValue = new double[t.soldiers];
        Arrays.fill(hourValue, Double.NaN);
        double lagBound;
        boolean columns = whole.nVars > lpFullVars;
        MipEngines.Lp lp = null;
        ColumnBound.Outcome cols = null;
        if (warm == null && budget.wallLeft() > 0.05) {
            if (columns) cols = columnBound(lag);
            else lp = MipEngines.glop(whole, budget.deterministic() ? Double.POSITIVE_INFINITY : budget.wallLeft() * 0.3);
        }
        boolean noLp = lp == null && (cols == null || !cols.solved());
        if (whole.fixedInfeasible || (lp != null && lp.infeasible()) || (cols != null && cols.infeasible())
                || (noLp && covered < coverable && score.feasible())) {
            mustExact = false;
            mustTarget = covered;
            full = MipModel.Scope.full(t).withMust(false, covered);
            whole = new MipModel(t, full);
            lag = new Lagrangian(t, false, covered, t.maxMoves);
            if (lp != null) lp = MipEngines.glop(whole, budget.deterministic() ? Double.POSITIVE_INFINITY : budget.wallLeft() * 0.3);
            if (cols != null) cols = columnBound(lag);
        }
        this.mustExact = mustExact;
        this.coverable = coverable;
        this.columnOutcome = cols;
        if (warm != null && warm.t.soldiers == t.soldiers && warm.t.products == t.products) {
            System.arraycopy(warm.lambda, 0, lag.lambda, 0, t.soldiers);
            System.arraycopy(warm.nu, 0, lag.nu, 0, t.soldiers);
            System.arraycopy(warm.kappa, 0, lag.kappa, 0, t.soldiers);
            System.arraycopy(warm.mu, 0, lag.mu, 0, t.products);
        } else if (lp != null && lp.optimal()) {
            lpUsed = true;
            lpObjective = lp.objective();
            lag.fromLp(whole, lp.duals());
            if (!boundOnly) roundLp(share(whole, lp.values()));
        } else if (cols != null && cols.solved()) {
            // the multipliers are already the master's best; the master's optimum is no bound until it converged
            lpUsed = true;
            if (!boundOnly) roundLp(cols.share());
        }
        if (lpUsed) for (int s = 0; s < t.soldiers; s++) hourValue[s] = lag.lambda[s] - lag.nu[s];
        lagBound = lag.evaluate();
        if (cols != null && cols.solved() && !cols.converged() && !stopped()) {
            // column generation ran out of time or rounds: a short subgradient polish from its best multipliers
            // the last master's optimum is a plan-free lower estimate of the best multipliers' bound: the Polyak target
            long until = budget.deterministic() ? Long.MAX_VALUE : System.nanoTime() + (long) (budget.wallLeft() * POLISH_SHARE * 1e9);
            double target = Math.max(score.feasible() ? score.soft() : Double.NEGATIVE_INFINITY, cols.master());
            lagBound = lag.subgradient(budget.deterministic() ? 50 : 10_000, Double.isFinite(target) ? target : lagBound * 0.9, until,
                    this::stopped);
        }
        if (!lpUsed) {
            int iterations = warm != null ? 100 : 300;
            lagBound = lag.subgradient(iterations, score.feasible() ? score.soft() : lagBound * 0.9, untilDeadline(), this::stopped);
        }
        tighten(lagBound, !lpUsed ? "lagrangian-subgradient" : cols != null ? "lagrangian-columns" : "lagrangian-lp");
        report();
        int neighbourhoods = 0;
        if (!boundOnly && !closed() && budget.wallLeft() > 0.05 && !stopped()) {
            double gap = bound - score.soft();
            boolean[] core = whole.nVars <= FULL_MAX_VARS ? all(t.options()) : core(lag, Math.max(gap, 1), true);
            MipModel cm = new MipModel(t, full.withAllowed(core));
            if (cm.nVars <= CORE_MAX_VARS) {
                solveCore(cm, lag, lagBound, core, budget.deterministic() ? budget.deterministicSeconds() * 0.7 : Double.POSITIVE_INFINITY);
                // an optimal core that did not close the gap: widen it to the whole gap once
                if (!closed() && !stopped() && method.equals("core-optimal") && budget.wallLeft() > 0.5) {
                    boolean[] wide = core(lag, bound - score.soft(), false);
                    MipModel wm = new MipModel(t, full.withAllowed(wide));
                    if (wm.nVars <= CORE_MAX_VARS * 2) {
                        solveCore(wm, lag, lagBound, wide, budget.deterministic() ? budget.deterministicSeconds() * 0.2 : Double.POSITIVE_INFINITY);
                    }
                }
            }
            if (!closed() && !stopped() && budget.wallLeft() > 0.2) {
                neighbourhoods = neighbourhoods(full, core, budget.deterministic() ? budget.deterministicSeconds() * 0.3 : Double.POSITIVE_INFINITY);
            }
        }
        if (mustExact && coveredBy(incumbent) < coverable) {
            // no plan found leads every coverable mustCover account: bound the plans that lead as many as this one
            int n = coveredBy(incumbent);
            Lagrangian agg = new Lagrangian(t, false, n, t.maxMoves);
            bound = agg.subgradient(300, score.soft(), untilDeadline(), this::stopped);
            method = "lagrangian-subgradient";
        }
        boolean optimal = closed();
        return new Result(incumbent, score, Math.max(bound, score.feasible() ? score.soft() : bound), method,
                lpObjective, hourValue, optimal, neighbourhoods, lag);
    }

    /**
     * The Lagrangian's best multipliers by column generation ({@link ColumnBound}) within half the time left
     * (a fixed number of rounds when the work limit is deterministic); {@code lag} ends at them.
     */
    private ColumnBound.Outcome columnBound(Lagrangian lag) {
        long until = budget.deterministic() ? Long.MAX_VALUE : System.nanoTime() + (long) (budget.wallLeft() * COLUMN_SHARE * 1e9);
        return ColumnBound.solve(t, lag, incumbent, until, budget.deterministic() ? COLUMN_ROUNDS : Integer.MAX_VALUE);
    }

    /** Each option's value in an LP solution of model m (0 for options the model fixes). */
    private double[] share(MipModel m, double[] x) {
        double[] v = new double[t.options()];
        for (int o = 0; o < t.options(); o++) if (m.xVar[o] >= 0) v[o] = x[m.xVar[o]];
        return v;
    }

    /**
     * A plan from the LP's solution: each account on its largest fractional option (or none when the LP mostly
     * leaves it uncovered), then kam's array search repairs capacity and polishes it briefly. On a model whose LP
     * is tight (large GAP instances) this starts the MIP far closer to the optimum than the heuristic can.
     */
    private void roundLp(double[] x) {
        int[] choice = new int[t.accounts];
        for (int a = 0; a < t.accounts; a++) {
            int pick = -1;
            double best = 0, sum = 0;
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                double v = x[o];
                sum += v;
                if (v > best) {
                    best = v;
                    pick = o;
                }
            }
            choice[a] = sum >= 0.5 || t.mustCover[a] ? pick : -1;
        }
        long until = budget.deterministic() ? Long.MAX_VALUE
                : System.nanoTime() + (long) (Math.min(budget.wallLeft() * 0.15, 10.0) * 1e9);
        long iterations = budget.deterministic() ? Math.max(200, 20L * t.accounts) : Long.MAX_VALUE;
        int[] repaired = new ArraySearch(t, budget.seed() + 7).run(choice, until, iterations, this::stopped, null);
        offer(new Solution(repaired, ProductFlow.offer(t, repaired)));
    }

    private boolean mustExact;
    private int coverable;
    private boolean lpUsed;

    private int coveredBy(Solution s) {
        int n = 0;
        for (int a = 0; a < t.accounts; a++) if (t.mustCover[a] && t.optStart[a + 1] > t.optStart[a] && s.choice()[a] >= 0) n++;
        return n;
    }

    /**
     * Whether the best plan is proven optimal: its objective reaches the bound, up to the safety margin a
     * floating-point engine's bound carries (a couple of cents, or 2·10⁻⁹ of the bound).
     */
    private boolean closed() {
        return score.feasible() && score.soft() >= bound - (2 + 2e-9 * Math.abs(bound));
    }

    /** The budget's wall deadline (System.nanoTime), Long.MAX_VALUE when the work limit is deterministic. */
    private long untilDeadline() {
        return budget.deterministic() ? Long.MAX_VALUE : budget.deadline();
    }

    private boolean stopped() {
        return budget.stop() != null && budget.stop().stopped();
    }

    private void tighten(double b, String how) {
        if (b < bound) {
            bound = b;
            method = how;
        }
    }

    private void report() {
        if (budget.listener() != null) budget.listener().progress(score.soft(), bound);
    }

    /** Keeps a plan when it breaks no rule and beats the incumbent (solver tolerances are checked here, exactly). */
    private boolean offer(Solution s) {
        Solution.Score sc = s.score(t);
        if (sc.compareTo(score) > 0 && (sc.feasible() || !score.feasible())) {
            incumbent = s;
            score = sc;
            report();
            return true;
        }
        return false;
    }

    /**
     * The options whose Lagrangian loss is at most {@code tau}, plus each account's best few and the
     * incumbent's; {@code cap} keeps the core near the size the MIP can take.
     */
    private boolean[] core(Lagrangian lag, double tau, boolean cap) {
        boolean[] in = new boolean[t.options()];
        int perAccount = 3;
        double limit = tau;
        if (cap) {
            // a first core of about 4 options per account: the loss below which that many options fall
            double[] losses = new double[t.options()];
            for (int a = 0; a < t.accounts; a++) for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) losses[o] = lag.loss(o, a);
            double[] sorted = losses.clone();
            Arrays.sort(sorted);
            int target = Math.min(sorted.length, 4 * t.accounts);
            if (target > 0) limit = Math.min(tau, sorted[target - 1]);
        }
        for (int a = 0; a < t.accounts; a++) {
            int lo = t.optStart[a], hi = t.optStart[a + 1];
            Integer[] order = new Integer[hi - lo];
            for (int o = lo; o < hi; o++) order[o - lo] = o;
            final int acc = a;
            Arrays.sort(order, (x, y) -> Double.compare(lag.loss(x, acc), lag.loss(y, acc)));
            for (int i = 0; i < order.length; i++) {
                if (i < perAccount || lag.loss(order[i], a) <= limit) in[order[i]] = true;
            }
            if (incumbent.choice()[a] >= 0) in[incumbent.choice()[a]] = true;
        }
        return in;
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    /** The smallest loss of an option left out of the core (∞ when none is). */
    private double smallestExcluded(Lagrangian lag, boolean[] core) {
        double m = Double.POSITIVE_INFINITY;
        for (int a = 0; a < t.accounts; a++) {
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) if (!core[o]) m = Math.min(m, lag.loss(o, a));
        }
        return m;
    }

    private void solveCore(MipModel cm, Lagrangian lag, double lagBound, boolean[] core, double detSeconds) {
        long[] hint = cm.contains(incumbent) ? cm.values(incumbent) : null;
        MipEngines.Outcome out;
        String engine = engine();
        // a core that is not the whole model leaves part of the time to neighbourhood search
        double wall = cm.nVars > FULL_MAX_VARS || cm.nVars < new MipModel(t, MipModel.Scope.full(t)).nVars
                ? budget.wallLeft() * CORE_SHARE : budget.wallLeft();
        if (engine.equals("scip")) {
            out = MipEngines.scip(cm, hint, new MipEngines.Limits(wall, Double.POSITIVE_INFINITY,
                    budget.deterministic() ? Budget.CORE_NODES : 0, 1,
                    (int) budget.seed()), budget.stop());
        } else {
            out = MipEngines.cpsat(cm, hint, new MipEngines.Limits(wall, detSeconds, 0,
                    budget.deterministic() ? 8 : 2, (int) budget.seed()), budget.stop(), null);
        }
        if (out.hasSolution()) offer(cm.decode(out.values()));
        double excluded = smallestExcluded(lag, core);
        // a plan that uses an option outside the core is worth at most lagBound − its loss
        double outside = lagBound - excluded;
        double coreBound = out.status() == MipEngines.Status.INFEASIBLE ? Double.NEGATIVE_INFINITY : out.bound();
        double candidate = Math.max(coreBound, outside);
        tighten(Math.ceil(candidate), out.status() == MipEngines.Status.OPTIMAL ? "core-optimal" : "core-" + engine);
        report();
    }

    /** SCIP under a time limit or when asked for explicitly (then node-limited when deterministic); else CP-SAT. */
    private String engine() {
        if (budget.engine().equals("scip")) return "scip";
        if (budget.deterministic()) return "cpsat";
        return budget.engine().equals("cpsat") ? "cpsat" : "scip";
    }

    /**
     * Large-neighbourhood search over the core: free the accounts of a few related soldiers (and uncovered
     * accounts they could take) and re-solve them exactly around the current plan. Returns how many ran.
     */
    private int neighbourhoods(MipModel.Scope full, boolean[] core, double detSeconds) {
        SplittableRandom rnd = new SplittableRandom(budget.seed() * 0x9E3779B97F4A7C15L + 17);
        int k = Math.min(t.soldiers, 4);
        int rounds = 0, sinceBetter = 0;
        double detLeft = detSeconds;
        // soldiers by account overlap: who could take whose accounts
        List<int[]> shared = overlap(core);
        while (!stopped() && !closed()) {
            if (budget.deterministic() ? detLeft <= 0.01 : budget.wallLeft() < 0.05) break;
            if (t.soldiers == 0) break;
            boolean[] group = group(rnd, k, shared);
            boolean[] free = new boolean[t.accounts];
            boolean[] allowed = new boolean[t.options()];
            int freed = 0;
            for (int a = 0; a < t.accounts; a++) {
                int o = incumbent.choice()[a];
                boolean mine = o >= 0 && group[t.optSoldier[o]];
                boolean could = false;
                if (o < 0) {
                    for (int p = t.optStart[a]; p < t.optStart[a + 1]; p++) if (core[p] && group[t.optSoldier[p]]) could = true;
                }
                if (t.locked[a] || !(mine || could)) continue;
                free[a] = true;
                freed++;
                for (int p = t.optStart[a]; p < t.optStart[a + 1]; p++) if (core[p] && group[t.optSoldier[p]]) allowed[p] = true;
                if (o >= 0) allowed[o] = true;
            }
            if (freed == 0) {
                if (++sinceBetter > 3 * t.soldiers) break;
                continue;
            }
            MipModel sub = new MipModel(t, full.withAllowed(allowed).neighbourhood(free, incumbent));
            if (sub.fixedInfeasible) {
                if (++sinceBetter > 3 * t.soldiers) break;
                continue;
            }
            double per = budget.deterministic() ? Math.min(detLeft, 0.3) : Double.POSITIVE_INFINITY;
            double wall = budget.deterministic() ? Double.POSITIVE_INFINITY : Math.min(budget.wallLeft(), 2.0);
            MipEngines.Outcome out = engine().equals("scip") && budget.deterministic()
                    ? MipEngines.scip(sub, sub.values(incumbent), new MipEngines.Limits(wall, Double.POSITIVE_INFINITY,
                    Budget.NEIGHBOURHOOD_NODES, 1, (int) (budget.seed() + rounds)), budget.stop())
                    : MipEngines.cpsat(sub, sub.values(incumbent),
                    new MipEngines.Limits(wall, per, 0, 1, (int) (budget.seed() + rounds)), budget.stop(), null);
            rounds++;
            if (budget.deterministic()) detLeft -= per;
            boolean better = out.hasSolution() && offer(sub.decode(out.values()));
            boolean solved = out.status() == MipEngines.Status.OPTIMAL;
            if (better) sinceBetter = 0;
            else sinceBetter++;
            // grow the neighbourhood while it is solved to optimality, shrink it when it is not
            if (solved && k < t.soldiers) k++;
            else if (!solved && k > 2) k--;
            if (sinceBetter > 50 + 5 * t.soldiers) break;
        }
        if (rounds > 0 && method.startsWith("lagrangian")) method = method + "+lns";
        return rounds;
    }

    /** For each soldier, the other soldiers ordered by how many core accounts they share. */
    private List<int[]> overlap(boolean[] core) {
        int m = t.soldiers;
        int[][] count = new int[m][m];
        for (int a = 0; a < t.accounts; a++) {
            List<Integer> who = new ArrayList<>();
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                if (core[o] && (who.isEmpty() || who.get(who.size() - 1) != t.optSoldier[o])) who.add(t.optSoldier[o]);
            }
            for (int i = 0; i < who.size(); i++) for (int j = i + 1; j < who.size(); j++) {
                count[who.get(i)][who.get(j)]++;
                count[who.get(j)][who.get(i)]++;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < m; s++) {
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) order[i] = i;
            final int me = s;
            Arrays.sort(order, (x, y) -> Integer.compare(count[me][y], count[me][x]));
            int[] o = new int[m];
            for (int i = 0; i < m; i++) o[i] = order[i];
            out.add(o);
        }
        return out;
    }

    /** A random soldier and, mostly, the soldiers sharing most accounts with it; sometimes random ones. */
    private boolean[] group(SplittableRandom rnd, int k, List<int[]> shared) {
        boolean[] g = new boolean[t.soldiers];
        int first = rnd.nextInt(t.soldiers);
        g[first] = true;
        int n = 1;
        int[] order = shared.get(first);
        for (int i = 0; i < order.length && n < k; i++) {
            int s = order[i];
            if (g[s]) continue;
            // skip some close neighbours so that repeated groups differ
            if (rnd.nextInt(3) == 0) continue;
            g[s] = true;
            n++;
        }
        while (n < k) {
            int s = rnd.nextInt(t.soldiers);
            if (!g[s]) {
                g[s] = true;
                n++;
            }
        }
        return g;
    }
}
