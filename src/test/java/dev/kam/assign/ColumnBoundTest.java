package dev.kam.assign;

import dev.kam.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The column-generation bound ({@link ColumnBound}, the path of models too big for their whole LP), forced on
 * models small enough for the whole LP and for exhaustive search: it is never below the optimum nor the best
 * plan; when pricing finds no column it equals the Dantzig–Wolfe master's optimum and is at least as tight as
 * the Lagrangian at the whole LP's duals (so never above the LP optimum); and where every offer's value is the
 * same whichever soldier leads (the per-account subproblem then has integral LP optima) it equals the whole
 * LP's optimum. ExactSearch on the forced column path proves the same.
 */
class ColumnBoundTest {
    record Case(long seed, int accounts, int soldiers, int products, boolean rich) {
    }

    static Case tiny(int tryIndex, SplittableRandom r) {
        return new Case(r.nextLong(1, 1_000_000_000L), r.nextInt(1, 6), r.nextInt(1, 4), r.nextInt(0, 3), r.nextInt(4) != 0);
    }

    static Case medium(int tryIndex, SplittableRandom r) {
        return new Case(r.nextLong(1, 1_000_000_000L), r.nextInt(10, 60), r.nextInt(2, 8), r.nextInt(0, 5), r.nextBoolean());
    }

    private static Instances.Instance instance(Case c) {
        return c.rich() ? Instances.rich(c.seed(), c.accounts(), c.soldiers(), c.products())
                : Instances.random(c.seed(), c.accounts(), c.soldiers(), c.products());
    }

    /** Slack for GLOP's floating point against the Lagrangian's exact cents (both sides are cents). */
    private static double tol(double v) {
        return 3 + 1e-7 * Math.abs(v);
    }

    @Test
    void onTinyModelsTheColumnBoundIsValidAndTightWhereTheoryPromises() {
        RandomCases.forAll(0xC0_1001L, 80, ColumnBoundTest::tiny, c -> {
            Coefficients t = instance(c).table();
            Exact.Optimum opt = Exact.optimum(t);
            if (opt.plan() == null) return;
            check(t, opt.plan(), opt.soft());
        });
    }

    @Test
    void onMediumModelsTheColumnBoundMatchesTheWholeLp() {
        RandomCases.forAll(0xC0_1002L, 25, ColumnBoundTest::medium, c -> {
            Coefficients t = instance(c).table();
            int[] choice = new ArraySearch(t, c.seed()).run(Long.MAX_VALUE, 20L * t.accounts, () -> false, null);
            Solution plan = new Solution(choice, ProductFlow.offer(t, choice));
            if (!plan.score(t).feasible()) return;
            check(t, plan, plan.objective(t));
        });
    }

    /** Checks the column bound from {@code plan} against {@code best} (the optimum, or a plan's objective). */
    private static void check(Coefficients t, Solution plan, long best) {
        int coverable = 0, covered = 0;
        for (int a = 0; a < t.accounts; a++) {
            if (!t.mustCover[a] || t.optStart[a + 1] == t.optStart[a]) continue;
            coverable++;
            if (plan.choice()[a] >= 0) covered++;
        }
        boolean exact = covered == coverable;
        Lagrangian lag = new Lagrangian(t, exact, covered, t.maxMoves);
        ColumnBound.Outcome out = ColumnBound.solve(t, lag, plan, Long.MAX_VALUE, 500);
        assertTrue(out.solved(), "the master over a feasible plan's patterns is solved");
        assertTrue(out.converged(), "column generation converges on a small model (" + out.rounds() + " rounds)");
        double b = lag.evaluate();
        assertTrue(b >= best, "column bound " + b + " below the best plan " + best);
        assertTrue(b >= out.master() - tol(out.master()), "bound " + b + " below the converged master " + out.master());
        assertTrue(b <= out.master() + tol(out.master()), "bound " + b + " above the converged master " + out.master());

        MipModel whole = new MipModel(t, MipModel.Scope.full(t).withMust(exact, covered));
        MipEngines.Lp lp = MipEngines.glop(whole, Double.POSITIVE_INFINITY);
        assertTrue(lp.optimal(), "the whole LP is solved");
        Lagrangian atLp = new Lagrangian(t, exact, covered, t.maxMoves);
        atLp.fromLp(whole, lp.duals());
        double l = atLp.evaluate();
        assertTrue(b <= l + tol(l), "column bound " + b + " looser than the Lagrangian at the LP duals " + l);
        assertTrue(b <= lp.objective() + tol(lp.objective()), "column bound " + b + " above the LP optimum " + lp.objective());
        boolean varies = false;
        for (int q = 0; q < t.pairs(); q++) varies |= t.pairOptBase[q] >= 0;
        if (!varies) {
            assertTrue(Math.abs(b - lp.objective()) <= tol(lp.objective()),
                    "without lead-dependent offers the column bound " + b + " equals the LP optimum " + lp.objective());
        }

        // the same path inside ExactSearch, forced by a negative threshold
        ExactSearch es = new ExactSearch(t, new ExactSearch.Budget(Long.MAX_VALUE, 0.2, "cpsat", 1, null, null)).lpFullVars(-1).boundOnly();
        ExactSearch.Result r = es.run(plan);
        assertTrue(es.columnOutcome() != null && es.columnOutcome().solved(), "ExactSearch took the column path");
        assertEquals("lagrangian-columns", r.method());
        assertTrue(r.bound() >= best, "ExactSearch's column bound " + r.bound() + " below the best plan " + best);
        if (es.columnOutcome().converged()) {
            assertTrue(r.bound() <= b + tol(b), "ExactSearch's column bound " + r.bound() + " looser than the converged one " + b);
        }
    }

    @Test
    void theFullSearchOnTheColumnPathKeepsItsBoundAboveTheOptimum() {
        RandomCases.forAll(0xC0_1003L, 30, ColumnBoundTest::tiny, c -> {
            Coefficients t = instance(c).table();
            Exact.Optimum opt = Exact.optimum(t);
            if (opt.plan() == null) return;
            int[] choice = new ArraySearch(t, c.seed()).run(Long.MAX_VALUE, 200, () -> false, null);
            ExactSearch.Result r = new ExactSearch(t, new ExactSearch.Budget(Long.MAX_VALUE, 0.2, "cpsat", 1, null, null))
                    .lpFullVars(-1).run(new Solution(choice, ProductFlow.offer(t, choice)));
            assertTrue(r.bound() >= opt.soft(), "bound " + r.bound() + " below the optimum " + opt.soft());
            if (r.score().feasible() && r.score().medium() == opt.medium()) {
                assertTrue(r.score().soft() <= r.bound(), "plan above its bound");
            }
        });
    }
}
