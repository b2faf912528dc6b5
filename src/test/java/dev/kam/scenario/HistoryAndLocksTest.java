package dev.kam.scenario;

import dev.kam.domain.HistoryEntry;
import dev.kam.domain.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wave-2 columns (accounts.locked, soldiers.minHours) and the optional history table. */
class HistoryAndLocksTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    private void assertHasProblem(String expected) {
        List<String> ps = f.problems();
        assertTrue(ps.contains(expected), "expected " + expected + "\n in " + String.join("\n", ps));
    }

    @Test
    void lockedAndMinHoursAreRead() {
        f.write("accounts.csv", Fixture.ACCOUNTS.replace("mustCover,baseHours", "mustCover,baseHours,locked")
                .replace("active,true,\n", "active,true,,true\n").replace(",,,\n", ",,,,\n").replace("prospect,,\n", "prospect,,,\n"));
        f.write("soldiers.csv", Fixture.SOLDIERS.replace("annualCost\n", "annualCost,minHours\n")
                .replace("500000\n", "500000,1200\n").replace("1,\n", "1,,\n"));
        Scenario s = f.validate().scenario();
        assertTrue(s.accounts().get(0).locked());
        assertFalse(s.accounts().get(1).locked());
        assertEquals(1200, s.soldiers().get(0).minHours());
        assertTrue(Double.isNaN(s.soldiers().get(1).minHours()));
    }

    @Test
    void aLockWithoutOwnerAndMinHoursAboveCapacityAreErrors() {
        f.write("accounts.csv", Fixture.ACCOUNTS.replace("mustCover,baseHours", "mustCover,baseHours,locked")
                .replace("active,true,\n", "active,true,,\n").replace(",,,\n", ",,,,\n").replace("prospect,,\n", "prospect,,,yes\n"));
        f.write("soldiers.csv", Fixture.SOLDIERS.replace("annualCost\n", "annualCost,minHours\n")
                .replace("500000\n", "500000,1501\n").replace("1,\n", "1,,\n"));
        assertHasProblem("accounts.csv:4: locked: is true but the account has no owner; a lock keeps "
                + "today's owner, so name one in owner");
        assertHasProblem("soldiers.csv:2: minHours: (1501) must be at most capacityHours (1500): "
                + "a soldier cannot be planned above capacity");
    }

    @Test
    void historyBesideTheScenarioIsReadInFileOrder() {
        f.write("history.csv", """
                account,year,revenue,owner
                A1,2025,1800000,S1
                A1,2026,2000000,S1
                OLD,2025,300000,
                OLD,2026,0,
                """);
        Scenario s = f.validate().scenario();
        assertEquals(List.of(new HistoryEntry("A1", 2025, 1_800_000, "S1", 2),
                new HistoryEntry("A1", 2026, 2_000_000, "S1", 3),
                new HistoryEntry("OLD", 2025, 300_000, null, 4),
                new HistoryEntry("OLD", 2026, 0, null, 5)), s.history());
        assertTrue(s.history().get(0).covered());
        assertFalse(s.history().get(2).covered());
    }

    @Test
    void historyRulesNameFileLineAndField() {
        f.write("history.csv", """
                account,year,revenue,owner
                A1,2027,1,S1
                A1,2026,1999000,S1
                A2,2025,5,
                A2,2026,500000,
                A2,2025,6,
                GONE,2026,10,
                """);
        String h = "history.csv";
        assertHasProblem(h + ":2: year: (2027) must be a calendar year up to baseYear (2026): history is the past");
        assertHasProblem(h + ":3: revenue: (1999000) for 2026 must equal the account's revenue in the accounts table "
                + "(2000000): the base-year row is today");
        assertHasProblem(h + ":6: year: account A2 has a second row for 2025 (first at line 4); one row per account and year");
        assertHasProblem(h + ":7: account: 'GONE' has base-year (2026) revenue 10 but is not in the accounts table; "
                + "every account with revenue today must be there");
    }

    @Test
    void withoutHistoryTheListIsEmpty() {
        assertEquals(List.of(), f.validate().scenario().history());
    }
}
