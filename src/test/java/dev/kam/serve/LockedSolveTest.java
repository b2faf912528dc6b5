package dev.kam.serve;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Plan;
import dev.kam.domain.Scenario;
import dev.kam.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-optimization with locks: the locked decisions stay, the rest is solved, the whole is scored by the stage. */
class LockedSolveTest {
    private static final Scenario DEMO = ScenarioReader.read(Path.of("scenarios/demo/scenario.yaml"));
    private static final Analysis ANALYSIS = Analyzer.analyze(DEMO);
    private static final Plan FREE = LockedSolve.solve(DEMO, ANALYSIS, Map.of(), Map.of(), AssignOptions.steps(3, 1_500, 60));

    private static Plan.AccountPlan of(Plan p, String id) {
        return p.accounts().stream().filter(a -> a.accountId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void lockedAccountsKeepTheirLeadAndEffortAndTheRestStaysWithinTheRules() {
        Map<String, LockedSolve.Lock> locks = new LinkedHashMap<>();
        int n = 0;
        for (Plan.AccountPlan a : FREE.accounts()) {
            if (a.soldierId() == null || a.owner() == null || a.owner().equals(a.soldierId())) continue;
            // moved accounts locked to the lead they have, at the intensive level (a change for most of them)
            locks.put(a.accountId(), new LockedSolve.Lock(a.soldierId(), 2));
            if (++n == 6) break;
        }
        Plan locked = LockedSolve.solve(DEMO, ANALYSIS, locks, Map.of(), AssignOptions.steps(3, 1_500, 60));
        for (Map.Entry<String, LockedSolve.Lock> e : locks.entrySet()) {
            Plan.AccountPlan a = of(locked, e.getKey());
            assertEquals(e.getValue().soldier(), a.soldierId(), e.getKey());
            assertEquals(DEMO.assignment().effortNames()[2], a.effortName(), e.getKey());
        }
        assertEquals(0, locked.hard(), "locks within capacity leave a plan that keeps every rule: " + locked.unmet());
        assertEquals(DEMO.accounts().size(), locked.accounts().size());
        for (Plan.SoldierPlan s : locked.soldiers()) assertTrue(s.hoursUsed() <= s.capacity() + 1e-6, s.toString());
    }

    @Test
    void theReSolvedPlanCarriesAValidBoundUnderTheLocks() {
        // tight limits the locks must be credited against: every soldier's hours floor at 70% of what the free plan gives
        // them, and a move budget of exactly the free plan's moves; so the free plan is feasible, and optimal
        // for all we know, under these limits and under locks that repeat its own decisions
        Map<String, Double> used = new java.util.HashMap<>();
        for (Plan.SoldierPlan sp : FREE.soldiers()) used.put(sp.soldierId(), sp.hoursUsed());
        List<dev.kam.domain.Soldier> floors = new ArrayList<>();
        for (dev.kam.domain.Soldier so : DEMO.soldiers()) {
            floors.add(new dev.kam.domain.Soldier(so.id(), so.name(), so.layer(), so.stars(), so.industries(), so.regions(),
                    so.capacityHours(), so.certification(), so.annualCost(), 0.7 * used.getOrDefault(so.id(), 0.0)));
        }
        int moves = 0;
        for (Plan.AccountPlan a : FREE.accounts()) if (a.owner() != null && !a.owner().equals(a.soldierId())) moves++;
        Scenario tight = new Scenario(DEMO.name(), DEMO.currency(), DEMO.baseYear(), DEMO.source(), DEMO.accounts(), floors,
                DEMO.products(), DEMO.relationships(), DEMO.analysis(), DEMO.strategy(), DEMO.assignment().withMaxMoves(moves),
                DEMO.simulation(), DEMO.history(), DEMO.pipeline(), DEMO.mechanisms());
        Map<String, LockedSolve.Lock> locks = new LinkedHashMap<>();
        List<String> names = List.of(DEMO.assignment().effortNames());
        int moved = 0;
        for (Plan.AccountPlan a : FREE.accounts()) {
            if (a.soldierId() == null) continue;
            if (a.owner() != null && !a.owner().equals(a.soldierId())) moved++;
            locks.put(a.accountId(), new LockedSolve.Lock(a.soldierId(), names.indexOf(a.effortName())));
            if (locks.size() == 80) break;
        }
        Map<String, List<String>> offers = new LinkedHashMap<>();
        for (Plan.ProductPlan p : FREE.products()) offers.computeIfAbsent(p.accountId(), k -> new ArrayList<>()).add(p.productId());
        assertTrue(moved > 0, "some locks are moves");
        Plan locked = LockedSolve.solve(tight, ANALYSIS, locks, offers, AssignOptions.steps(3, 1_500, 60));
        assertEquals(0, locked.hard(), "the combined plan keeps the floors and the move budget: " + locked.unmet());
        assertTrue(Double.isFinite(locked.bound()), "a re-solve with locks carries a bound: " + locked.quality());
        assertTrue(locked.bound() >= locked.objective() - 1e-6, locked.bound() + " < " + locked.objective());
        assertTrue(locked.bound() >= FREE.objective() - 1e-6 * Math.abs(FREE.objective()),
                "bound " + locked.bound() + " below a plan that keeps every lock and limit: " + FREE.objective());
        assertTrue(locked.gapPercent() >= 0, "gap " + locked.gapPercent());
    }

    @Test
    void locksThatOverbookASoldierOrBreakTheRulesAreRefused() {
        String soldier = FREE.soldiers().get(0).soldierId();
        Map<String, LockedSolve.Lock> many = new LinkedHashMap<>();
        for (Plan.AccountPlan a : FREE.accounts()) {
            if (soldier.equals(a.soldierId())) continue;
            many.put(a.accountId(), new LockedSolve.Lock(soldier, 2));
        }
        ApiException e = assertThrows(ApiException.class,
                () -> LockedSolve.solve(DEMO, ANALYSIS, many, Map.of(), AssignOptions.steps(3, 100, 10)));
        assertEquals(400, e.status());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("locks: " + soldier + " would lead")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("may not lead it")), "ineligible pairs are named too");
        ApiException unknown = assertThrows(ApiException.class, () -> LockedSolve.solve(DEMO, ANALYSIS,
                Map.of("A0001", new LockedSolve.Lock("S001", null)), Map.of(), AssignOptions.steps(3, 100, 10)));
        assertEquals(List.of("locks: A0001: no account has this id (did you mean 'A001'?)"), unknown.problems());
    }
}
