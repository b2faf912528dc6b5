package dev.kam.assign;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported LP and the OptaPlanner score describe the same problem (SPEC §4). */
class LpObjectiveTest {

    @Property(tries = 60)
    void lpObjectiveEqualsSoftScoreAndRowsMatchHardScore(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                         @ForAll @IntRange(min = 1, max = 9) int accounts,
                                                         @ForAll @IntRange(min = 1, max = 4) int soldiers,
                                                         @ForAll @IntRange(min = 0, max = 3) int products) {
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
            Map<String, Integer> values = Exact.values(t, choice, offered);
            BigDecimal lpObjective = lp.objectiveAt(values);
            assertEquals(BigDecimal.valueOf(score.softScore()).movePointLeft(2).stripTrailingZeros(),
                    lpObjective.stripTrailingZeros(), "LP objective vs soft score / 100");
            long noOption = 0;
            for (int a = 0; a < t.accounts; a++) if (t.mustCover[a] && t.optStart[a] == t.optStart[a + 1]) noOption++;
            boolean scoreFeasible = score.hardScore() == 0 && score.mediumScore() == -noOption;
            assertEquals(scoreFeasible, lp.feasibleAt(values), "LP rows hold exactly when no rule is broken: " + score + " " + values + "\n" + Exact.lpText(t));
        }
        boolean empty = t.options() + t.pairs() == 0;
        for (String b : lp.binaries()) assertTrue(b.startsWith("x_") || b.startsWith("y_") || (empty && b.equals("dummy")));
        assertEquals(empty ? 1 : t.options() + t.pairs(), lp.binaries().size());
    }
}
