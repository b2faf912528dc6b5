package dev.kam.cli;

import dev.kam.xlsx.TemplateWorkbook;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitCommandTest {
    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void csvTemplateValidatesAsWritten() throws Exception {
        Path dir = tmp.resolve("new/scenario");
        CliRun r = CliRun.of("init", dir.toString(), "--base-year", "2026");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("accounts.csv", "history.csv", "pipeline.csv", "products.csv", "relationships.csv",
                "scenario.yaml", "soldiers.csv"), names(dir));
        String yaml = Files.readString(dir.resolve("scenario.yaml"));
        for (String section : List.of("name:", "currency:", "baseYear: 2026", "# encoding:", "# extends:", "tables:",
                "# columns:", "# ignoreColumns:", "# unknownColumns:", "strategy:", "# analysis:", "assignment:",
                "simulation:", "# hiring:")) {
            assertTrue(yaml.contains(section), section);
        }
        assertTrue(Files.readString(dir.resolve("history.csv")).contains("A001,2025,"), "history is the year before baseYear");
        assertEquals(1, dev.kam.scenario.ScenarioReader.read(dir.resolve("scenario.yaml")).pipeline().size());
        CliRun v = CliRun.of("validate", dir.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("OK " + dir + ": 1 accounts (0 prospects, 0 at risk, 0 must be covered), 1 soldiers, "
                + "1 products, 1 relationships."), v.out());
    }

    @Test
    void workbookTemplateValidatesAndHasDropDownLists() throws Exception {
        Path dir = tmp.resolve("wb");
        CliRun r = CliRun.of("init", dir.toString(), "--xlsx");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("scenario.yaml", "tables.xlsx"), names(dir));
        CliRun v = CliRun.of("validate", dir.toString());
        assertEquals(0, v.code(), v.err());
        assertEquals("", v.err());
        try (InputStream in = Files.newInputStream(dir.resolve("tables.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) sheets.add(wb.getSheetName(i));
            assertEquals(List.of("accounts", "soldiers", "products", "relationships", "history", "pipeline",
                    TemplateWorkbook.README), sheets);
            XSSFSheet accounts = wb.getSheet("accounts");
            List<String> lists = new ArrayList<>();
            for (DataValidation dv : accounts.getDataValidations()) {
                lists.add(dv.getRegions().getCellRangeAddress(0).formatAsString() + " "
                        + String.join("|", dv.getValidationConstraint().getExplicitListValues()));
                assertEquals(DataValidation.ErrorStyle.STOP, dv.getErrorStyle());
            }
            assertEquals(List.of("N2:N10001 prospect|active|at-risk|潜在|活跃|风险", "O2:O10001 true|false|是|否",
                    "Q2:Q10001 true|false|是|否"), lists);
            assertEquals(1, wb.getSheet("soldiers").getDataValidations().size(), "layer");
            assertEquals(1, wb.getSheet("products").getDataValidations().size(), "minRating");
            assertEquals(1_200_000, accounts.getRow(1).getCell(4).getNumericCellValue(), "numbers as numbers");
            assertTrue(accounts.getCellComment(new org.apache.poi.ss.util.CellAddress(0, 0)).getString().getString()
                    .contains("客户编号"), "header comments name the Chinese headers");
        }
    }

    @Test
    void refusesANonEmptyFolderAndAFileAndChangesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("accounts.csv"), "mine");
        CliRun r = CliRun.of("init", dir.toString());
        assertEquals(2, r.code());
        assertEquals("kam: " + dir + " is not empty (it holds accounts.csv); kam init writes only into a new or empty folder, "
                + "so that no file is replaced" + System.lineSeparator(), r.err());
        assertEquals(List.of("accounts.csv"), names(dir));
        assertArrayEquals("mine".getBytes(), Files.readAllBytes(dir.resolve("accounts.csv")));
        Path file = Files.writeString(tmp.resolve("f.txt"), "x");
        CliRun f = CliRun.of("init", file.toString(), "--xlsx");
        assertEquals(2, f.code());
        assertTrue(f.err().contains("is a file, not a folder"), f.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void anEmptyFolderIsFine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, CliRun.of("init", dir.toString()).code());
        assertEquals(7, names(dir).size());
    }
}
