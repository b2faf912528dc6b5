package dev.kam.compare;

import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.domain.ScenarioException;
import dev.kam.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code hiring:} keys that let a sweep ask "how many soldiers should we hire?". */
class HiringTest {
    @Test
    void hiresAreClonesOfTheMedianSoldierWithFreshIds() {
        Scenario s = ComparisonTest.tiny("hiring.soldiers=2");
        List<Soldier> all = s.soldiers();
        assertEquals(5, all.size());
        // tiny: S2 (3 stars), S1 (4 stars), S3 (5 stars): the median is S1
        Soldier median = all.get(0);
        assertEquals("S1", median.id());
        for (int i = 0; i < 2; i++) {
            Soldier h = all.get(3 + i);
            assertEquals(String.format("HIRE%02d", i + 1), h.id());
            assertEquals("New hire " + (i + 1), h.name());
            assertEquals(median.stars(), h.stars());
            assertEquals(median.layer(), h.layer());
            assertEquals(median.regions(), h.regions());
            assertEquals(median.industries(), h.industries());
            assertEquals(median.capacityHours(), h.capacityHours());
            assertEquals(median.certification(), h.certification());
        }
        assertTrue(s.accounts().stream().noneMatch(a -> a.owner() != null && a.owner().startsWith("HIRE")));
        assertEquals(3, ComparisonTest.tiny().soldiers().size());
    }

    @Test
    void likeNamesTheTemplate() {
        Soldier h = ComparisonTest.tiny("hiring.soldiers=1", "hiring.like=S3").soldiers().get(3);
        assertEquals(5, h.stars());
        assertEquals("hq", h.layer().name().toLowerCase());
    }

    @Test
    void badHiringValuesAreValidatedLikeTheFile() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(ComparisonTest.TINY, List.of("hiring.soldiers=-1", "hiring.like=S9", "hiring.colour=red")));
        String all = e.problems().toString();
        assertTrue(all.contains("hiring.soldiers"), all);
        assertTrue(all.contains("no soldier has the id 'S9'"), all);
        assertTrue(all.contains("hiring.colour: unknown key"), all);
    }
}
