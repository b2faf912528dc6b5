package dev.kam.assign;

import dev.kam.RandomCases;
import dev.kam.domain.Account;
import dev.kam.domain.Relationship;
import dev.kam.domain.Scenario;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound in plan.json is valid (SPEC §9): never below the best plan, in the model's cents and in real
 * units, checked by exhaustive search on random tiny instances with every feature (locks, move caps,
 * minimum workloads, overrides, prospects' offers, fractional hours); the Lagrangian bound equals the LP's
 * optimum at the LP's duals and stays valid at any multipliers; and a plan that fits in centihours fits in
 * the scenario's real hours.
 */
class BoundTest {
    record Case(long seed, int accounts, int soldiers, int products) {
    }

    static Case instance(int tryIndex, SplittableRandom r) {
        return new Case(r.nextLong(1, 1_000_000_000L), r.nextInt(1, 6), r.nextInt(1, 4), r.nextInt(0, 3));
    }

    @Test
    void theBoundIsNeverBelowTheBestPlanNorTheLpBelowTheMip() {
        RandomCases.forAll(0xB0_0001L, 70, BoundTest::instance, BoundTest::check);
    }

    private static void check(Case c) {
        Instances.Instance inst = Instances.rich(c.seed(), c.accounts(), c.soldiers(), c.products());
        Coefficients t = inst.table();
        Exact.Optimum opt = Exact.optimum(t);
        if (opt.plan() == null) return; // the band or locks leave no feasible plan at all
        double realBest = realBest(inst, t, opt.medium());
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), t, AssignOptions.steps(c.seed(), 2_000, 2_000).withWhatIf(false));
        assertEquals(0, plan.hard(), "the solver finds a feasible plan");
        assertTrue(plan.bound() >= opt.soft() / 100.0 - 1e-9, "bound " + plan.bound() + " below the optimum " + opt.soft() / 100.0);
        assertTrue(plan.bound() >= realBest - 1e-9, "bound " + plan.bound() + " below the best real objective " + realBest);
        assertTrue(plan.objective() <= plan.bound() + 1e-9);
        assertTrue(fitsInRealHours(inst, t, planSolution(plan, t)), "the plan fits in the real hours");

        // the LP relaxation and the Lagrangian at its duals
        int coverable = 0, covered = 0;
        for (int a = 0; a < t.accounts; a++) {
            if (!t.mustCover[a] || t.optStart[a + 1] == t.optStart[a]) continue;
            coverable++;
            if (opt.plan().choice()[a] >= 0) covered++;
        }
        boolean exact = covered == coverable;
        MipModel whole = new MipModel(t, MipModel.Scope.full(t).withMust(exact, covered));
        MipEngines.Lp lp = MipEngines.glop(whole, Double.POSITIVE_INFINITY);
        assertTrue(lp.optimal(), "the LP of a model with a feasible plan is solved");
        assertTrue(lp.objective() >= opt.soft() - 1e-6, "LP " + lp.objective() + " below the MIP optimum " + opt.soft());
        Lagrangian lag = new Lagrangian(t, exact, covered, t.maxMoves);
        lag.fromLp(whole, lp.duals());
        double l = lag.evaluate();
        assertTrue(l >= opt.soft(), "Lagrangian at the LP duals " + l + " below the optimum " + opt.soft());
        assertTrue(l <= lp.objective() + 2 + 1e-7 * Math.abs(lp.objective()),
                "Lagrangian at the LP duals " + l + " above the LP optimum " + lp.objective());
        // any non-negative multipliers give a valid bound
        SplittableRandom r = new SplittableRandom(c.seed());
        for (int k = 0; k < 5; k++) {
            for (int s = 0; s < t.soldiers; s++) {
                lag.lambda[s] = r.nextDouble() * 3000;
                lag.nu[s] = r.nextInt(2) == 0 ? 0 : r.nextDouble() * 3000;
                lag.kappa[s] = r.nextInt(2) == 0 ? 0 : r.nextDouble() * 1e6;
            }
            for (int p = 0; p < t.products; p++) lag.mu[p] = r.nextDouble() * 1e6;
            lag.theta = r.nextDouble() * 1e6;
            lag.pi = r.nextDouble() * 1e6;
            assertTrue(lag.evaluate() >= opt.soft(), "a Lagrangian bound at random multipliers is below the optimum");
        }
    }

    private static Solution planSolution(Plan plan, Coefficients t) {
        int[] choice = new int[t.accounts];
        for (int a = 0; a < t.accounts; a++) {
            Plan.AccountPlan p = plan.accounts().get(a);
            choice[a] = -1;
            if (p.soldierId() == null) continue;
            int s = java.util.Arrays.asList(t.soldierId).indexOf(p.soldierId());
            int e = java.util.Arrays.asList(t.effortName).indexOf(p.effortName());
            choice[a] = t.option(a, s, e);
        }
        return new Solution(choice, new boolean[t.pairs()]);
    }

    /** The best real-unit objective over every feasible plan that leads at least {@code medium}'s mustCover count. */
    private static double realBest(Instances.Instance inst, Coefficients t, long medium) {
        double[] best = {Double.NEGATIVE_INFINITY};
        enumerate(inst, t, 0, new int[t.accounts], medium, best);
        return best[0];
    }

    private static void enumerate(Instances.Instance inst, Coefficients t, int a, int[] choice, long medium, double[] best) {
        if (a == t.accounts) {
            int[] c = choice.clone();
            java.util.List<Integer> pairs = new java.util.ArrayList<>();
            for (int b = 0; b < t.accounts; b++) {
                if (c[b] >= 0) for (int q = t.pairStart[b]; q < t.pairStart[b + 1]; q++) pairs.add(q);
            }
            // every offer subset, scored in real units
            for (long mask = 0; mask < (1L << pairs.size()); mask++) {
                boolean[] off = new boolean[t.pairs()];
                for (int i = 0; i < pairs.size(); i++) if ((mask & (1L << i)) != 0) off[pairs.get(i)] = true;
                Solution s = new Solution(c, off);
                Solution.Score sc = s.score(t);
                if (sc.hard() != 0 || sc.medium() < medium) continue;
                best[0] = Math.max(best[0], Instances.realObjective(inst, t, s));
            }
            return;
        }
        choice[a] = -1;
        enumerate(inst, t, a + 1, choice, medium, best);
        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
            choice[a] = o;
            enumerate(inst, t, a + 1, choice, medium, best);
        }
    }

    /** Whether each soldier's real hours (exact decimals: base hours × effort) stay within the real capacity. */
    static boolean fitsInRealHours(Instances.Instance inst, Coefficients t, Solution plan) {
        Scenario sc = inst.scenario();
        Map<String, Relationship> rel = sc.relationshipIndex();
        BigDecimal[] load = new BigDecimal[t.soldiers];
        java.util.Arrays.fill(load, BigDecimal.ZERO);
        for (int a = 0; a < t.accounts; a++) {
            int o = plan.choice()[a];
            if (o < 0) continue;
            Account ac = sc.accounts().get(a);
            int s = t.optSoldier[o];
            Relationship r = rel.get(Scenario.pairKey(t.soldierId[s], ac.id()));
            double base = r != null && !Double.isNaN(r.hours()) ? r.hours() : ac.baseHours();
            load[s] = load[s].add(new BigDecimal(Double.toString(base)).multiply(new BigDecimal(Double.toString(t.effort[t.optEffort[o]]))));
        }
        for (int s = 0; s < t.soldiers; s++) {
            if (load[s].compareTo(new BigDecimal(Double.toString(sc.soldiers().get(s).capacityHours()))) > 0) return false;
        }
        return true;
    }
}
