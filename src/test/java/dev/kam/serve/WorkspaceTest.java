package dev.kam.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second scenario given with --variant is compared on the same paths with a plan optimized for it. */
class WorkspaceTest {
    @Test
    void aVariantFileIsReoptimizedAndComparedOnCommonRandomNumbers(@TempDir Path dir) throws Exception {
        Path scenario = ServeFixture.copyTiny(dir);
        Path variant = dir.resolve("retention.yaml");
        Files.writeString(variant, "extends: tiny/scenario.yaml\nname: Retention\nsimulation: {churn: {covered: 0.01, uncovered: 0.05}}\n");
        try (Workspace w = Workspace.open(scenario, ServeFixture.FAST, List.of(variant))) {
            List<Map<String, Object>> vs = w.variants();
            assertEquals(2, vs.size());
            assertEquals("Retention", vs.get(1).get("name"));
            assertEquals(true, vs.get(1).get("optimize"));
            Map<String, Object> c = w.compare(w.tab("t"), List.of("start", (String) vs.get(1).get("id")), "300");
            JsonNode r = ServeFixture.JSON.valueToTree(c);
            assertTrue(r.get("fullyCommon").asBoolean(), "the same accounts in the same order: common random numbers");
            assertEquals(300, r.get("paths").asInt());
            JsonNode rows = r.get("variants");
            assertTrue(rows.get(1).get("planNote").asText().startsWith("optimized"), rows.get(1).toString());
            assertEquals(rows.get(1).get("goalProbability").asDouble() - rows.get(0).get("goalProbability").asDouble(),
                    rows.get(1).get("difference").get("goalProbability").asDouble(), 1e-12);
        }
    }
}
