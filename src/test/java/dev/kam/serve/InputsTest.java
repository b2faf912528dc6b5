package dev.kam.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Request JSON becomes the text --set would carry, and only that. */
class InputsTest {
    private static JsonNode json(String s) throws Exception {
        return ServeFixture.JSON.readTree(s);
    }

    @Test
    void valuesBecomeTheirSetText() throws Exception {
        Map<String, String> set = Inputs.set(json("{\"set\": {\"a.b\": 0.2, \"c\": 2000, \"d\": 1e9, \"e\": true,"
                + " \"f\": \"10s\", \"g\": [1, 2], \"h\": {\"covered\": 0.1}, \"i\": 0.1e-3}}"));
        assertEquals(Map.of("a.b", "0.2", "c", "2000", "d", "1000000000", "e", "true", "f", "10s", "g", "[1,2]",
                "h", "{\"covered\":0.1}", "i", "0.0001"), set);
        assertEquals(java.util.List.of("a.b", "c", "d", "e", "f", "g", "h", "i"), java.util.List.copyOf(set.keySet()), "in the order given");
    }

    @Test
    void onlyKeyPathsAreAccepted() {
        for (String bad : new String[] {"{\"set\": {\"a=b\": 1}}", "{\"set\": {\"a..b\": 1}}", "{\"set\": {\" a\": 1}}",
                "{\"set\": {\"\": 1}}", "{\"set\": 3}", "{\"set\": {\"a.b\\n\": 1}}"}) {
            ApiException e = assertThrows(ApiException.class, () -> Inputs.set(json(bad)), bad);
            assertEquals(400, e.status());
        }
    }

    @Test
    void locksTakeAnIdOrASoldierAndEffort() throws Exception {
        Map<String, Workspace.LockInput> l = Inputs.locks(json("{\"locks\": {\"A1\": \"S1\", \"A2\": {\"soldier\": \"S2\", \"effort\": \"light\"}}}"));
        assertEquals(new Workspace.LockInput("S1", null), l.get("A1"));
        assertEquals(new Workspace.LockInput("S2", "light"), l.get("A2"));
        assertThrows(ApiException.class, () -> Inputs.locks(json("{\"locks\": {\"A1\": 3}}")));
    }
}
