package dev.kam.assign;

import dev.kam.domain.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GapTest {
    static Path instance() throws Exception {
        return Path.of(GapTest.class.getResource("/gap/chu1997/c05100").toURI());
    }

    @Test
    void readsOrLibraryFormat() throws Exception {
        GapInstance g = GapInstance.read(instance(), "chu1997/c05100");
        assertEquals(5, g.agents());
        assertEquals(100, g.jobs());
        assertEquals(5, g.capacity().length);
        assertTrue(g.cost()[0][0] > 0 && g.weight()[4][99] > 0);
    }

    @Test
    void theScenarioObjectiveIsMinusTheTotalCost() throws Exception {
        GapInstance g = GapInstance.read(instance(), "chu1997/c05100");
        Plan plan = Assigner.solve(g.toScenario(null, 1), GapInstance.analysis(), Coefficients.gap(g),
                AssignOptions.steps(1, 20_000, 0).withWhatIf(false));
        assertEquals(0, plan.hard());
        assertEquals(0, plan.medium(), "every job is assigned");
        int[] agentOf = new int[g.jobs()];
        for (int j = 0; j < g.jobs(); j++) agentOf[j] = Integer.parseInt(plan.accounts().get(j).soldierId().substring(1));
        assertEquals(-g.cost(agentOf), Math.round(plan.objective()));
        // best known 1931; a short deterministic search is within 3 %
        long found = g.cost(agentOf);
        assertTrue(found >= 1931 && found <= 1931 * 1.03, "found " + found);
    }

    @Test
    void bestKnownValuesAreFoundInTheParentFolder() throws Exception {
        Map<String, Double> best = GapBench.bestKnown(instance());
        assertEquals(1931.0, best.get("chu1997/c05100"));
        assertEquals("chu1997/c05100", GapBench.instanceName(instance()));
    }

    @Test
    void malformedFilesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad");
        Files.writeString(f, "2 3\n1 2 3\n4 5 6\n1 1 1\n1 1 1\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> GapInstance.read(f, "bad"));
        assertTrue(e.problems().get(0).toString().contains("expected 16 numbers"), e.problems().toString());
        Files.writeString(f, "1 1\n5\nx\n3\n");
        e = assertThrows(ScenarioException.class, () -> GapInstance.read(f, "bad"));
        assertTrue(e.problems().get(0).toString().contains("'x'"), e.problems().toString());
    }
}
