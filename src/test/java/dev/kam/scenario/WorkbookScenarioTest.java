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
}
