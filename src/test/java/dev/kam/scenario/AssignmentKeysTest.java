package dev.kam.scenario;

import dev.kam.domain.AssignmentParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wave-2 assignment keys: effort levels as listed, the move cap, the workload band, the solver settings. */
class AssignmentKeysTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    private AssignmentParams read(String block) {
        f.write("scenario.yaml", Fixture.YAML + block);
        var r = f.validate();
        assertTrue(!r.problems().hasErrors(), String.join("\n", f.problems()));
        return r.scenario().assignment();
    }

    @Test
    void oneEffortLevelMeansOneLevel() {
        AssignmentParams p = read("assignment: {effort: {standard: 1.0}}\n");
        assertArrayEquals(new double[] {1.0}, p.effortLevels());
        assertArrayEquals(new String[] {"standard"}, p.effortNames());
        assertEquals(0, p.standardEffort());
    }

    @Test
    void effortLevelsAreTheOnesListedInAnyOrderWithAnyNames() {
        AssignmentParams p = read("assignment:\n  effort: {deep: 1.8, normal: 1.0, touch: 0.4, steady: 1.2}\n");
        assertArrayEquals(new double[] {0.4, 1.0, 1.2, 1.8}, p.effortLevels());
        assertArrayEquals(new String[] {"touch", "normal", "steady", "deep"}, p.effortNames());
        assertEquals(1, p.standardEffort(), "the standard level is the one closest to 1.0");
    }

    @Test
    void theDefaultsHoldWithoutTheKeys() {
        AssignmentParams p = read("");
        assertEquals(3, p.effortLevels().length);
        assertEquals(-1, p.maxMoves());
        assertEquals(0, p.minUtilization());
        assertEquals(AssignmentParams.Solver.AUTO, p.solver());
        assertEquals(0, p.steps());
        assertEquals("auto", p.engine());
        assertTrue(p.whatIf());
    }

    @Test
    void disruptionBandAndSolverKeysAreRead() {
        AssignmentParams p = read("""
                assignment:
                  maxMoves: 12
                  minUtilization: 0.8
                  steps: 5000
                  whatIf: false
                  solver: {mode: exact, engine: cpsat, searchShare: 0.5}
                """);
        assertEquals(12, p.maxMoves());
        assertEquals(0.8, p.minUtilization());
        assertEquals(5000, p.steps());
        assertEquals(AssignmentParams.Solver.EXACT, p.solver());
        assertEquals("cpsat", p.engine());
        assertEquals(0.5, p.searchShare());
        assertTrue(!p.whatIf());
    }

    @Test
    void badValuesAreReportedWithTheirRule() {
        f.write("scenario.yaml", Fixture.YAML + """
                assignment:
                  effort: {light: 0.5, heavy: 0.5}
                  maxMoves: -1
                  minUtilization: 1.5
                  solver: {mode: fastest}
                """);
        List<String> ps = f.problems();
        String all = String.join("\n", ps);
        assertTrue(all.contains("assignment.effort.heavy: (0.5) is the same effort as light"), all);
        assertTrue(all.contains("assignment.maxMoves: (-1) must be between 0 and"), all);
        assertTrue(all.contains("assignment.minUtilization: (1.5) must be between 0 and 1"), all);
        assertTrue(all.contains("assignment.solver.mode: 'fastest' must be one of heuristic, exact, auto"), all);
    }
}
