package dev.kam.assign;

import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;
import dev.kam.domain.ScenarioException;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Locks, the move cap, switching cost on drops, the value of each move and the gain-vs-moves curve. */
class DisruptionTest {
    private static final AssignOptions STEPS = AssignOptions.steps(1, 1_000, 1_000);

    private static Account owned(String id, String owner, double revenue, boolean locked) {
        return new Account(id, "Account " + id, "industry", "north", revenue, revenue * 3, 0.3, 0.8, 0.5, Double.NaN,
                Double.NaN, Set.of("erp"), owner, Stage.ACTIVE, false, 100, locked);
    }

    /** S1 (weak fit: 1 star, other industry) owns five accounts; S2 (5 stars) would serve them better. */
    private static Instances.Instance movers(AssignmentParams p, boolean lockFirst) {
        List<Account> a = new ArrayList<>();
        for (int i = 0; i < 5; i++) a.add(owned("A" + i, "S1", 1_000_000 + 100_000 * i, lockFirst && i == 0));
        Soldier s1 = new Soldier("S1", "Weak", Layer.PROJECT, 1, Set.of("other"), Set.of("north"), 1000, 0, Double.NaN);
        Soldier s2 = new Soldier("S2", "Strong", Layer.PROJECT, 5, Set.of("industry"), Set.of("north"), 1000, 3, Double.NaN);
        return new Instances.Instance(Instances.scenario("movers", a, List.of(s1, s2), List.of(), List.of(), p),
                Instances.ratings(a, 2, 2, 2, 2, 2));
    }

    @Test
    void theMoveCapHoldsAndEveryMoveIsValued() {
        AssignmentParams p = AssignmentParams.DEFAULT.withBand(0.02, 0).withMaxMoves(2);
        Instances.Instance inst = movers(p, false);
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), STEPS);
        assertEquals(0, plan.hard());
        long moved = plan.accounts().stream().filter(x -> "moved".equals(x.status()) || "dropped".equals(x.status())).count();
        assertEquals(2, moved, "cheap switching makes every move pay; the cap allows two");
        assertEquals(2, plan.disruption().moves().size());
        for (Plan.Move m : plan.disruption().moves()) {
            assertEquals("reoptimized", m.method());
            assertTrue(m.value() > 0, "a move the optimum makes is worth something: " + m);
        }
        // the curve: more moves allowed never lowers the best objective; 0 moves is the owners' plan
        List<Plan.CurvePoint> curve = plan.disruption().curve();
        assertEquals(List.of(0, 2, 5, 10, 20, 50, -1), curve.stream().map(Plan.CurvePoint::maxMoves).toList());
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).objective() >= curve.get(i - 1).objective() - 1e-6, curve.toString());
            assertTrue(curve.get(i).movesUsed() <= Math.max(curve.get(i).maxMoves(), 5) || curve.get(i).maxMoves() < 0);
        }
        assertEquals(0, curve.get(0).movesUsed());
        assertEquals(plan.objective(), curve.get(1).objective(), 1e-6, "the cap of 2 is the plan itself");
    }

    @Test
    void aDropPaysTheSwitchingCost() {
        Instances.Instance inst = movers(AssignmentParams.DEFAULT, false);
        Coefficients t = inst.table();
        Solution none = Solution.empty(t);
        long expected = 0;
        for (int a = 0; a < t.accounts; a++) expected -= Coefficients.scaled(0.10 * inst.scenario().accounts().get(a).grossProfit());
        assertEquals(expected, none.objective(t), "five owned accounts left without a lead each pay 10% of their gross profit");
    }

    @Test
    void aLockKeepsTheOwnerAtStandardEffortEvenWhenIneligible() {
        // S1 may not lead 5A accounts (1 star); the lock overrides that for A0, with a warning
        AssignmentParams p = AssignmentParams.DEFAULT.withBand(0.02, 0);
        Instances.Instance inst = movers(p, true);
        Instances.Instance rated = new Instances.Instance(inst.scenario(), Instances.ratings(inst.scenario().accounts(), 5, 2, 2, 2, 2));
        Plan plan = Assigner.solve(rated.scenario(), rated.analysis(), STEPS);
        Plan.AccountPlan a0 = plan.accounts().get(0);
        assertEquals("S1", a0.soldierId());
        assertEquals("standard", a0.effortName());
        assertEquals("locked", a0.status());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.key().equals("assign.warn.lockIneligible")), plan.warnings().toString());
        assertTrue(plan.disruption().moves().stream().noneMatch(m -> m.accountId().equals("A0")));
    }

    @Test
    void locksThatOverbookASoldierAreRefusedWithTheNumbers() {
        List<Account> a = new ArrayList<>();
        for (int i = 0; i < 3; i++) a.add(owned("A" + i, "S1", 1_000_000, true));
        Soldier s1 = new Soldier("S1", "Weak", Layer.PROJECT, 5, Set.of("*"), Set.of("*"), 250, 3, Double.NaN);
        var sc = Instances.scenario("over", a, List.of(s1), List.of(), List.of(), AssignmentParams.DEFAULT);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Coefficients.of(sc, Instances.ratings(a, 2, 2, 2)));
        String msg = e.problems().get(0).toString();
        assertTrue(msg.contains("S1 has 250 h a year, but the accounts locked to them need 300 h"), msg);
        assertTrue(msg.contains("A0 100 h + A1 100 h + A2 100 h"), msg);
    }

    @Test
    void oneEffortLevelMeansOneLevel() {
        AssignmentParams p = AssignmentParams.DEFAULT.withEffort(new double[] {1.0}, new String[] {"standard"});
        Instances.Instance inst = movers(p, false);
        Coefficients t = inst.table();
        assertEquals(1, t.levels);
        for (int o = 0; o < t.options(); o++) assertEquals(0, t.optEffort[o]);
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), STEPS.withWhatIf(false));
        for (Plan.AccountPlan x : plan.accounts()) if (x.soldierId() != null) assertEquals("standard", x.effortName());
    }

    @Test
    void aForcedMoveIsListedButDoesNotCount() {
        // S1 (1 star) may not lead 3A accounts: A0's move is forced and needs no budget
        AssignmentParams p = AssignmentParams.DEFAULT.withMaxMoves(0);
        Instances.Instance inst = movers(p, false);
        Instances.Instance rated = new Instances.Instance(inst.scenario(), Instances.ratings(inst.scenario().accounts(), 3, 2, 2, 2, 2));
        Plan plan = Assigner.solve(rated.scenario(), rated.analysis(), STEPS);
        assertEquals(0, plan.hard(), "a cap of 0 is feasible: the forced move does not count");
        Plan.Move forced = plan.disruption().moves().stream().filter(m -> m.accountId().equals("A0")).findFirst().orElseThrow();
        assertEquals("forced", forced.method());
        assertEquals("assign.move.ownerIneligible", forced.reason().key());
        assertTrue(Messages.of(Lang.EN).render(forced.reason()).contains("needs 2+ stars"), forced.reason().toString());
    }
}
