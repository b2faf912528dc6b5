package dev.kam.cli;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad workbook of issue #14 through {@code kam validate}: exit 2, the message, the file unchanged. */
class BadWorkbooksTest {
    @TempDir
    Path dir;

    private CliRun validate(byte[] workbook, String yamlExtra) throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), "name: w\nbaseYear: 2026\nworkbook: data.xlsx\n" + yamlExtra);
        Files.write(dir.resolve("data.xlsx"), workbook);
        CliRun r = CliRun.of("validate", dir.toString());
        assertArrayEquals(workbook, Files.readAllBytes(dir.resolve("data.xlsx")), "the workbook is not modified");
        return r;
    }

    /** accounts/soldiers/products sheets; the accounts' revenue cell of A1 set by {@code revenue}. */
    private static byte[] book(java.util.function.BiConsumer<XSSFWorkbook, org.apache.poi.ss.usermodel.Cell> revenue)
            throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rows(wb.createSheet("客户"), new String[] {"id", "name", "industry", "region", "revenue", "wallet", "margin", "needs"},
                    new Object[] {"A1", "n", "energy", "east", null, 5e6, 0.2, "x"});
            revenue.accept(wb, wb.getSheet("客户").getRow(1).createCell(4));
            rows(wb.createSheet("销售"), new String[] {"id", "name", "stars", "regions", "capacityHours"},
                    new Object[] {"S1", "s", 3.0, "*", 1000.0});
            rows(wb.createSheet("产品"), new String[] {"id", "name", "needs", "price", "margin", "capacity"},
                    new Object[] {"P1", "p", "x", 1.0, 0.5, 1.0});
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void rows(Sheet s, String[] header, Object[] values) {
        Row h = s.createRow(0);
        for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
        Row r = s.createRow(1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String v) r.createCell(i).setCellValue(v);
            else if (values[i] instanceof Double d) r.createCell(i).setCellValue(d);
        }
    }

    private static String first(CliRun r, Path dir) {
        return r.err().replace(dir + "/", "").lines().filter(l -> !l.contains(": note: ")).findFirst().orElse("");
    }

    @Test
    void aGoodWorkbookPasses() throws Exception {
        CliRun r = validate(book((wb, c) -> c.setCellValue(1e6)), "");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void divisionByZero() throws Exception {
        CliRun r = validate(book((wb, c) -> c.setCellFormula("1/0")), "");
        assertEquals(2, r.code());
        assertEquals("data.xlsx[客户]:2: revenue: holds the Excel error #DIV/0!; fix the formula in Excel or clear the cell",
                first(r, dir));
    }

    @Test
    void aDateInANumberColumn() throws Exception {
        CliRun r = validate(book((wb, c) -> {
            c.setCellValue(LocalDate.of(2025, 1, 3));
            var st = wb.createCellStyle();
            st.setDataFormat((short) 14);
            c.setCellStyle(st);
        }), "");
        assertEquals(2, r.code());
        assertEquals("data.xlsx[客户]:2: revenue: is a date in Excel (2025-01-03), not a number; format the column as a "
                + "number in Excel", first(r, dir));
    }

    @Test
    void encrypted() throws Exception {
        byte[] plain = book((wb, c) -> c.setCellValue(1e6));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
        }
        CliRun r = validate(out.toByteArray(), "");
        assertEquals(2, r.code());
        assertTrue(first(r, dir).startsWith("data.xlsx: is a password-protected (encrypted) workbook, which kam cannot read"),
                r.err());
    }

    @Test
    void oldXls() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("客户");
            wb.write(out);
        }
        CliRun r = validate(out.toByteArray(), "");
        assertEquals(2, r.code());
        assertTrue(first(r, dir).startsWith("data.xlsx: is an old Excel 97-2003 workbook (.xls)"), r.err());
    }

    @Test
    void aMissingSheet() throws Exception {
        CliRun r = validate(book((wb, c) -> c.setCellValue(1e6)), "tables:\n  soldiers: {sheet: 团队}\n");
        assertEquals(2, r.code());
        assertEquals("data.xlsx: has no sheet '团队' (its sheets: 客户, 销售, 产品)", first(r, dir));
    }

    @Test
    void aZipBomb() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) z.write(zeros);
        }
        CliRun r = validate(b.toByteArray(), "");
        assertEquals(2, r.code());
        assertTrue(first(r, dir).contains("a zip bomb"), r.err());
    }
}
