package dev.kam.scenario;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alias lists are consistent with the tables, free of clashes, and documented. */
class AliasesTest {
    @Test
    void everyColumnHasAliasesInTheTablesOrder() {
        for (Map.Entry<String, List<CsvRows.Column>> t : Tables.COLUMNS.entrySet()) {
            List<String> names = new ArrayList<>();
            for (CsvRows.Column c : t.getValue()) names.add(c.name());
            assertEquals(names, new ArrayList<>(Aliases.COLUMNS.get(t.getKey()).keySet()), t.getKey());
            for (List<String> a : Aliases.COLUMNS.get(t.getKey()).values()) assertTrue(!a.isEmpty(), t.getKey());
        }
    }

    @Test
    void noAliasNamesTwoColumnsOfATableOrAnotherColumnsOwnName() {
        for (Map.Entry<String, Map<String, List<String>>> t : Aliases.COLUMNS.entrySet()) {
            Map<String, String> seen = new HashMap<>();
            for (Map.Entry<String, List<String>> c : t.getValue().entrySet()) {
                for (String alias : c.getValue()) {
                    String before = seen.put(Aliases.fold(alias), c.getKey());
                    assertNull(before, t.getKey() + ": " + alias + " names " + before + " and " + c.getKey());
                    assertTrue(!t.getValue().containsKey(alias), alias + " is a column's own name");
                }
            }
        }
        Map<String, Object> words = new HashMap<>();
        Aliases.STAGE_WORDS.forEach((k, v) -> v.forEach(w -> assertNull(words.put(Aliases.fold(w), k), w)));
        Map<String, Object> layers = new HashMap<>();
        Aliases.LAYER_WORDS.forEach((k, v) -> v.forEach(w -> assertNull(layers.put(Aliases.fold(w), k), w)));
        for (String y : Aliases.YES) assertNull(Aliases.NO.contains(y) ? y : null, y);
    }

    @Test
    void docsListEveryAliasAndWord() throws Exception {
        String doc = Files.readString(Path.of("docs/scenario-format.md"), StandardCharsets.UTF_8);
        for (Map.Entry<String, Map<String, List<String>>> t : Aliases.COLUMNS.entrySet()) {
            for (Map.Entry<String, List<String>> c : t.getValue().entrySet()) {
                assertTrue(doc.contains("| `" + c.getKey() + "` | " + String.join(", ", c.getValue()) + " |"),
                        t.getKey() + "." + c.getKey() + " aliases in docs/scenario-format.md");
            }
            assertTrue(doc.contains("(sheet names: " + t.getKey() + ", " + String.join(", ", Aliases.SHEETS.get(t.getKey()))
                    + ")"), t.getKey() + " sheet names");
        }
        for (List<String> ws : Aliases.STAGE_WORDS.values()) for (String w : ws) assertTrue(doc.contains(w), w);
        for (List<String> ws : Aliases.LAYER_WORDS.values()) for (String w : ws) assertTrue(doc.contains(w), w);
    }
}
