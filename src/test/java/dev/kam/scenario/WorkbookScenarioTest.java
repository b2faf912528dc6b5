package dev.kam.scenario;

import dev.kam.domain.Scenario;
import dev.kam.xlsx.ScenarioWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A scenario's tables written as one workbook read back as the same records. */
class WorkbookScenarioTest {
    @TempDir
    Path dir;

    private static final String YAML = """
            name: 小型示例 Tiny Example Co.
            currency: CNY
            baseYear: 2026
            workbook: data.xlsx
            strategy:
              horizonYears: 10
              keyAccountThreshold: 5000000
            """;

    private Scenario roundTrip(boolean chinese) throws Exception {
        Scenario csv = ScenarioReader.read(Path.of("scenarios/tiny/scenario.yaml"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("data.xlsx"))) {
            ScenarioWorkbook.write(csv, out, chinese);
        }
        Files.writeString(dir.resolve("scenario.yaml"), YAML);
        ScenarioReader.Result r = ScenarioReader.validate(dir.resolve("scenario.yaml"), List.of());
        assertEquals(List.of(), r.problems().all().stream().filter(p -> p.severity() != dev.kam.domain.Problem.Severity.NOTE)
                .map(Object::toString).toList());
        Scenario x = r.scenario();
        assertEquals(csv.accounts(), x.accounts());
        assertEquals(csv.soldiers(), x.soldiers());
        assertEquals(csv.products(), x.products());
        assertEquals(csv.relationships(), x.relationships());
        return x;
    }

    @Test
    void englishSheetsAndHeaders() throws Exception {
        roundTrip(false);
    }

    @Test
    void chineseSheetsAndHeaders() throws Exception {
        roundTrip(true);
    }

    @Test
    void aGeneratedScenarioOfThousandsOfRowsPerSheetRoundTrips() throws Exception {
        // several sheets longer than the writer's flush interval, one after another
        Path csv = java.nio.file.Files.createDirectories(dir.resolve("csv"));
        for (var e : Generator.generate(new Generator.Spec(3000, 1500, 30, 5, "big")).entrySet()) {
            Files.writeString(csv.resolve(e.getKey()), e.getValue());
        }
        Scenario s = ScenarioReader.read(csv.resolve("scenario.yaml"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("data.xlsx"))) {
            ScenarioWorkbook.write(s, out, false);
        }
        Files.writeString(dir.resolve("scenario.yaml"), "name: big\nbaseYear: " + s.baseYear() + "\nworkbook: data.xlsx\n");
        Scenario x = ScenarioReader.read(dir.resolve("scenario.yaml"));
        assertEquals(s.accounts(), x.accounts());
        assertEquals(s.soldiers(), x.soldiers());
        assertEquals(s.relationships(), x.relationships());
        // history lines differ (CSV line vs sheet row): compare the entries without them
        assertEquals(s.history().stream().map(h -> List.of(h.account(), h.year(), h.revenue(), String.valueOf(h.owner())))
                .toList(), x.history().stream().map(h -> List.of(h.account(), h.year(), h.revenue(),
                String.valueOf(h.owner()))).toList());
    }
}
