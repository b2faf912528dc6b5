package dev.kam.cli;

import dev.kam.domain.Scenario;
import dev.kam.scenario.ScenarioReader;
import dev.kam.xlsx.PlanXlsx;
import dev.kam.xlsx.ScenarioWorkbook;
import dev.kam.xlsx.SheetWriter;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario whose tables are one workbook with Chinese sheets and headers runs end to end with
 * {@code kam plan}, and the plan.xlsx it writes is read back with Apache POI (an independent reader).
 */
class WorkbookPlanTest {
    @TempDir
    Path tmp;

    private static Map<String, Integer> header(XSSFSheet s) {
        Map<String, Integer> m = new HashMap<>();
        Row h = s.getRow(0);
        for (int c = 0; c < h.getLastCellNum(); c++) m.put(h.getCell(c).getStringCellValue(), c);
        return m;
    }

    @Test
    void aWorkbookScenarioRunsEndToEndAndWritesPlanXlsx() throws Exception {
        Scenario tiny = ScenarioReader.read(Path.of("scenarios/tiny/scenario.yaml"));
        Path dir = Files.createDirectories(tmp.resolve("wb"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("数据.xlsx"))) {
            ScenarioWorkbook.write(tiny, out, true);
        }
        String yaml = Files.readString(Path.of("scenarios/tiny/scenario.yaml"))
                .replaceAll("(?s)tables:.*?strategy:", "workbook: 数据.xlsx\nstrategy:");
        Files.writeString(dir.resolve("scenario.yaml"), yaml);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("plan", dir.resolve("scenario.yaml").toString(), "--out", out.toString(),
                "--set", "simulation.paths=300", "--set", "assignment.timeLimit=2s");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("report.html")));

        try (InputStream in = Files.newInputStream(out.resolve("plan.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) names.add(wb.getSheetName(i));
            assertEquals(PlanXlsx.SHEETS, names);
            for (String n : names) {
                XSSFSheet s = wb.getSheet(n);
                assertEquals(1, s.getPaneInformation().getHorizontalSplitTopRow(), n + ": header row frozen");
                assertTrue(s.getCTWorksheet().isSetAutoFilter(), n + ": autofilter");
                assertTrue(s.getRow(0).getCell(0).getCellStyle().getFont().getBold(), n + ": bold header");
            }
            assertEquals(SheetWriter.FONT, wb.getFontAt(0).getFontName());

            XSSFSheet summary = wb.getSheet("summary");
            Map<String, Row> items = new HashMap<>();
            for (Row row : summary) if (row.getRowNum() > 0) items.put(row.getCell(0).getStringCellValue(), row);
            assertEquals(8, items.get("Accounts").getCell(1).getNumericCellValue());
            assertEquals(2026, items.get("Base year").getCell(1).getNumericCellValue());
            assertEquals("0", items.get("Base year").getCell(1).getCellStyle().getDataFormatString());
            Row p = items.get("P(key-account revenue target met in the goal year)");
            assertEquals(CellType.NUMERIC, p.getCell(1).getCellType());
            assertTrue(p.getCell(1).getCellStyle().getDataFormatString().contains("%"));
            // P(goal) comes with its Wilson interval on the next two rows
            double lo = summary.getRow(p.getRowNum() + 1).getCell(1).getNumericCellValue();
            double hi = summary.getRow(p.getRowNum() + 2).getCell(1).getNumericCellValue();
            assertTrue(summary.getRow(p.getRowNum() + 1).getCell(0).getStringCellValue().contains("95% interval"));
            double v = p.getCell(1).getNumericCellValue();
            assertTrue(lo <= v && v <= hi && hi - lo > 0, lo + " " + v + " " + hi);
            assertTrue(items.get("Uplift added by the plan (per year)").getCell(1).getCellStyle().getDataFormatString()
                    .contains("¥"));

            XSSFSheet as = wb.getSheet("assignments");
            Map<String, Integer> h = header(as);
            assertEquals(8, as.getLastRowNum());
            int moved = 0;
            for (int i = 1; i <= as.getLastRowNum(); i++) {
                Row row = as.getRow(i);
                if (row.getCell(h.get("moved")).getBooleanCellValue()) moved++;
                if (row.getCell(h.get("hours per year")) != null) {
                    assertEquals(CellType.NUMERIC, row.getCell(h.get("hours per year")).getCellType());
                }
            }
            assertEquals(moved, wb.getSheet("moves").getLastRowNum(), "one moves row per account whose lead changes");
            assertEquals("上海恒达精密制造有限公司", as.getRow(1).getCell(h.get("name")).getStringCellValue());

            XSSFSheet targets = wb.getSheet("targets");
            assertEquals(10, targets.getLastRowNum());
            assertEquals(2027, targets.getRow(1).getCell(0).getNumericCellValue());
            assertTrue(targets.getRow(1).getCell(header(targets).get("key-account share")).getCellStyle()
                    .getDataFormatString().contains("%"));
            XSSFSheet pct = wb.getSheet("percentiles");
            assertEquals(5 * 10, pct.getLastRowNum());
            Row first = pct.getRow(1);
            assertEquals("totalRevenue", first.getCell(1).getStringCellValue());
            assertTrue(first.getCell(2).getCellStyle().getDataFormatString().contains("¥"), "revenue in currency");
            assertTrue(wb.getSheet("departments").getLastRowNum() >= 10);
            assertTrue(wb.getSheet("soldiers").getLastRowNum() == 3);
        }
    }
}
