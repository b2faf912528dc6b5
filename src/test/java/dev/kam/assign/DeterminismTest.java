package dev.kam.assign;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A step limit gives the same plan for the same seed whatever else the machine does (SPEC §9). */
class DeterminismTest {
    @Test
    void theSameStepsAndSeedGiveTheSamePlanUnderLoad() throws Exception {
        Instances.Instance inst = Instances.random(42, 25, 4, 3);
        AssignOptions steps = AssignOptions.steps(9, 2_000, 2_000);
        Plan quiet = Assigner.solve(inst.scenario(), inst.analysis(), steps);
        // the same run while two threads keep every core busy
        AtomicBoolean run = new AtomicBoolean(true);
        Thread[] burn = new Thread[2];
        for (int i = 0; i < burn.length; i++) {
            burn[i] = new Thread(() -> {
                double x = 1;
                while (run.get()) x = Math.sin(x) + 1;
                if (x == 42) System.out.print("");
            });
            burn[i].setDaemon(true);
            burn[i].start();
        }
        Plan loaded;
        try {
            loaded = Assigner.solve(inst.scenario(), inst.analysis(), steps);
        } finally {
            run.set(false);
            for (Thread t : burn) t.join();
        }
        assertEquals(quiet.accounts(), loaded.accounts());
        assertEquals(quiet.products(), loaded.products());
        assertEquals(quiet.bound(), loaded.bound());
        assertEquals(quiet.disruption(), loaded.disruption());
        assertEquals(quiet.capacity(), loaded.capacity());
    }

    @Test
    void theRealSolverConfigurationWithItsCustomPhasePassesFullAssert() {
        // Timefold quickstarts' *EnvironmentTest: every step's score is recalculated from scratch and compared
        Instances.Instance inst = Instances.rich(5, 6, 3, 2);
        Coefficients t = inst.table();
        AssignOptions o = AssignOptions.steps(3, 300, 300);
        SolverConfig cfg = Assigner.config(o, System.nanoTime(), t, new AtomicLong(System.nanoTime()))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        Solver<AssignmentSolution> solver = SolverFactory.<AssignmentSolution>create(cfg).buildSolver();
        AssignmentSolution best = solver.solve(AssignmentSolution.of(t));
        assertNotNull(best.getScore());
        assertEquals(best.toSolution().score(t).soft(), best.getScore().softScore());
    }

    @Test
    void theConstructionHeuristicConfigurationPassesFullAssertToo() {
        Instances.Instance inst = Instances.rich(6, 6, 3, 2);
        Coefficients t = inst.table();
        AssignOptions o = AssignOptions.steps(3, 300, 300).withSearchShare(0);
        SolverConfig cfg = Assigner.config(o, System.nanoTime(), t, new AtomicLong(System.nanoTime()))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        AssignmentSolution best = SolverFactory.<AssignmentSolution>create(cfg).buildSolver().solve(AssignmentSolution.of(t));
        assertEquals(best.toSolution().score(t).soft(), best.getScore().softScore());
    }
}
