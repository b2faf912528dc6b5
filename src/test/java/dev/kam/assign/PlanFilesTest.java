package dev.kam.assign;

import dev.kam.domain.Coverage;
import dev.kam.io.Json;
import dev.kam.report.PlanWriter;
import dev.kam.domain.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanFilesTest {
    @Test
    void planJsonReadsBackIntoTheSameCoverage(@TempDir Path dir) {
        Instances.Instance inst = Instances.tiny();
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), AssignOptions.steps(1, 500, 100));
        Path f = dir.resolve("plan.json");
        Json.write(f, PlanWriter.json(plan));
        Coverage back = PlanFiles.readCoverage(f, inst.scenario());
        Coverage c = plan.coverage();
        assertEquals(c.leads(), back.leads());
        assertEquals(c.products(), back.products());
    }

    @Test
    void unknownIdsAreReportedWithTheEntry(@TempDir Path dir) throws Exception {
        Instances.Instance inst = Instances.tiny();
        Path f = dir.resolve("plan.json");
        Files.writeString(f, "{\"assignments\": [{\"account\": \"A1\", \"soldier\": \"NOBODY\", \"effort\": 1, \"fit\": 0.5},"
                + " {\"account\": \"ZZ\", \"soldier\": null}], \"products\": []}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> PlanFiles.readCoverage(f, inst.scenario()));
        String text = e.problems().toString();
        assertTrue(text.contains("assignments[0].soldier") && text.contains("NOBODY"), text);
        assertTrue(text.contains("assignments[1].account") && text.contains("ZZ"), text);
        Files.writeString(f, "[1, 2]");
        assertThrows(ScenarioException.class, () -> PlanFiles.readCoverage(f, inst.scenario()));
    }
}
