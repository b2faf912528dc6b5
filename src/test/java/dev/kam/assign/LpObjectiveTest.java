package dev.kam.assign;

import dev.kam.RandomCases;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported LP and the OptaPlanner score describe the same problem (SPEC §4). */
class LpObjectiveTest {

    /** An instance: seed 1–1,000,000, 1–9 accounts, 1–4 soldiers, 0–3 products. */
    record Case(long seed, int accounts, int soldiers, int products) {
    }

    /** The first 16 tries are the corners of the ranges, the others uniform draws. */
    static Case instance(int tryIndex, SplittableRandom r) {
        if (tryIndex < 16) {
            return new Case((tryIndex & 8) == 0 ? 1 : 1_000_000, (tryIndex & 1) == 0 ? 1 : 9,
                    (tryIndex & 2) == 0 ? 1 : 4, (tryIndex & 4) == 0 ? 0 : 3);
        }
        return new Case(r.nextLong(1, 1_000_001), r.nextInt(1, 10), r.nextInt(1, 5), r.nextInt(0, 4));
    }

    @Test
    void lpObjectiveEqualsSoftScoreAndRowsMatchHardScore() {
        RandomCases.forAll(0x1B_0001L, 60, LpObjectiveTest::instance,
                c -> check(c.seed(), c.accounts(), c.soldiers(), c.products()));
    }

    private static boolean holds(MipModel m, long[] x) {
        for (MipModel.Row r : m.rows) {
            long v = 0;
            for (int i = 0; i < r.vars().length; i++) v += r.coefs()[i] * x[r.vars()[i]];
            if (v < r.lb() || v > r.ub()) return false;
        }
        for (int j = 0; j < m.nVars; j++) if (x[j] < m.lb[j] || x[j] > m.ub[j]) return false;
        return true;
    }

    private static void check(long seed, int accounts, int soldiers, int products) {
        Instances.Instance inst = Instances.random(seed, accounts, soldiers, products);
        Coefficients t = inst.table();
        Exact.Lp lp = Exact.parse(Exact.lpText(t));
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        for (int k = 0; k < 5; k++) {
            AssignmentSolution sol = AssignmentSolution.of(t);
            int[] choice = new int[t.accounts];
            boolean[] offered = new boolean[t.pairs()];
            for (AccountAssignment a : sol.getAccounts()) {
                int lo = t.optStart[a.getIndex()], hi = t.optStart[a.getIndex() + 1];
                int o = hi == lo || r.nextInt(3) == 0 ? -1 : lo + r.nextInt(hi - lo);
                choice[a.getIndex()] = o;
                a.setLead(o < 0 ? null : sol.getSoldiers().get(t.optSoldier[o]));
                a.setEffort(o < 0 ? r.nextInt(t.levels) : t.optEffort[o]);
            }
            for (ProductOffer p : sol.getOffers()) {
                offered[p.getPair()] = r.nextInt(3) == 0;
                p.setOffered(offered[p.getPair()]);
            }
            HardMediumSoftLongScore score = Assigner.score(sol);
            Map<String, BigDecimal> values = Exact.values(t, choice, offered);
            BigDecimal lpObjective = lp.objectiveAt(values);
            boolean offersCovered = true;
            for (int q = 0; q < t.pairs(); q++) if (offered[q] && choice[t.pairAccount[q]] < 0) offersCovered = false;
            // an offer to an uncovered account breaks a hard rule; the score then values the offer at nothing
            if (offersCovered) {
                assertEquals(BigDecimal.valueOf(score.softScore()).movePointLeft(2).stripTrailingZeros(),
                        lpObjective.stripTrailingZeros(), "LP objective vs soft score / 100");
            } else {
                assertTrue(score.hardScore() < 0, "an offer to an uncovered account is a broken rule");
            }
            long noOption = 0;
            for (int a = 0; a < t.accounts; a++) if (t.mustCover[a] && t.optStart[a] == t.optStart[a + 1]) noOption++;
            boolean scoreFeasible = score.hardScore() == 0 && score.mediumScore() == -noOption;
            assertEquals(scoreFeasible, lp.feasibleAt(values), "LP rows hold exactly when no rule is broken: " + score + " " + values + "\n" + Exact.lpText(t));
            // the MIP the exact side solves has the same objective, and its rows hold exactly when no rule is broken
            Solution plan = new Solution(choice, offered);
            MipModel mip = new MipModel(t, MipModel.Scope.full(t));
            long[] x = mip.values(plan);
            long mipObjective = mip.constant;
            for (int j = 0; j < mip.nVars; j++) mipObjective += mip.obj[j] * x[j];
            if (offersCovered) {
                assertEquals(score.softScore(), mipObjective, "MIP objective vs soft score");
                assertEquals(scoreFeasible, holds(mip, x), "MIP rows hold exactly when no rule is broken: " + score);
            }
            assertEquals(score.softScore(), plan.objective(t), "array objective vs soft score");
            assertEquals(score.hardScore(), plan.score(t).hard(), "array hard level vs hard score");
            assertEquals(score.mediumScore(), plan.score(t).medium(), "array medium level vs medium score");
        }
        boolean empty = t.options() + t.pairs() == 0;
        int owned = 0;
        for (int a = 0; a < t.accounts; a++) if (t.owner[a] >= 0) owned++;
        int real = 0;
        for (String b : lp.binaries()) {
            assertTrue(b.startsWith("x_") || b.startsWith("y_") || b.startsWith("d_") || (empty && b.equals("dummy")), b);
            if (!b.equals("dummy")) real++;
        }
        assertEquals(t.options() + t.pairs() + owned, real);
    }
}
