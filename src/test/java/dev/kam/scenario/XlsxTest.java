package dev.kam.scenario;

import dev.kam.domain.Account;
import dev.kam.domain.Problem;
import dev.kam.domain.Scenario;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables read from .xlsx sheets: locations, cell types, merges, hidden rows, and every refused workbook. */
class XlsxTest {
    @TempDir
    Path dir;
    Fixture f;

    static final String YAML = """
            name: Workbook
            currency: CNY
            baseYear: 2026
            workbook: data.xlsx
            """;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
        f.write("scenario.yaml", YAML);
        try {
            Files.delete(dir.resolve("accounts.csv"));
            Files.delete(dir.resolve("soldiers.csv"));
            Files.delete(dir.resolve("products.csv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The fixture's tables as sheets; {@code accounts} replaces the accounts sheet's text. */
    private Books books(String accountsSheet, String accounts) {
        return new Books().sheet(accountsSheet, accounts).sheet("soldiers", Fixture.SOLDIERS).sheet("products", Fixture.PRODUCTS);
    }

    private void write(Books b) {
        b.write(dir.resolve("data.xlsx"));
    }

    private void write(XSSFWorkbook wb) {
        Books.write(dir.resolve("data.xlsx"), Books.bytes(wb));
    }

    private List<String> problems() {
        return f.problems();
    }

    private List<String> errors() {
        String prefix = dir + "/";
        return f.validate().problems().all().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                .map(p -> p.toString().replace(prefix, "")).toList();
    }

    @Test
    void aWorkbookReadsLikeTheCsvTables() {
        write(books("accounts", Fixture.ACCOUNTS));
        ScenarioReader.Result r = f.validate();
        assertEquals(List.of(), r.problems().all().stream().map(Problem::toString).toList());
        Scenario s = r.scenario();
        assertEquals(3, s.accounts().size());
        Account a1 = s.accounts().get(0);
        assertEquals("上海恒达精密制造有限公司", a1.name());
        assertEquals(2_000_000, a1.revenue());
        assertEquals("S1", a1.owner());
        assertTrue(a1.mustCover());
        assertEquals(2, s.products().get(0).minRating());
    }

    @Test
    void chineseSheetNamesAreFoundAndNamedInMessages() {
        write(new Books().sheet("客户", Fixture.accountsWith("A4,D,energy,east,1,2,1.7"))
                .sheet("销售", Fixture.SOLDIERS).sheet("产品", Fixture.PRODUCTS));
        assertEquals(List.of("data.xlsx[客户]:5: margin: (1.7) must be between 0 and 1 (e.g. 0.25 for 25%)"), problems());
    }

    @Test
    void perTableFileAndSheetWithTheRowAsExcelNumbersIt() {
        // a blank first row: the header is row 2 and the bad margin on row 6, as Excel shows them
        write(books("ignored", "x").sheet("客户数据", "\n" + Fixture.accountsWith("A4,D,energy,east,1,2,7")));
        f.write("scenario.yaml", YAML.replace("workbook: data.xlsx", """
                workbook: data.xlsx
                tables:
                  accounts: {file: data.xlsx, sheet: 客户数据}
                """));
        assertEquals(List.of("data.xlsx[客户数据]:6: margin: (7) must be between 0 and 1 (e.g. 0.25 for 25%)"), problems());
    }

    @Test
    void aMissingSheetListsTheSheetsThereAre() {
        write(books("Accounts 2025", Fixture.ACCOUNTS));
        assertEquals(List.of("data.xlsx: has no sheet for the accounts table (looked for accounts, 客户, 客户表, 客户清单, "
                + "客户列表, 账户; its sheets: Accounts 2025, soldiers, products); name the sheet with tables: "
                + "{accounts: {sheet: NAME}}"), problems());
        f.write("scenario.yaml", YAML + "tables:\n  accounts: {sheet: Acounts 2025}\n");
        assertEquals(List.of("data.xlsx: has no sheet 'Acounts 2025' (its sheets: Accounts 2025, soldiers, products); did you "
                + "mean 'Accounts 2025'?"), problems());
    }

    @Test
    void theAliasSheetNameAccountsIsFoundToo() {
        write(books("账户", Fixture.ACCOUNTS));
        assertEquals(List.of(), problems());
    }

    @Test
    void formulasAreReadByTheValueExcelSaved() {
        write(books("accounts", Fixture.ACCOUNTS.replace("2000000,5000000", "=1000000*2,=2500000*2")));
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        assertEquals(2_000_000, r.scenario().accounts().get(0).revenue());
        assertEquals(5_000_000, r.scenario().accounts().get(0).wallet());
        assertEquals(List.of("data.xlsx[accounts]: note: formulas were read as the values Excel last saved for them, in "
                + "columns revenue (1), wallet (1)"), problems());
    }

    @Test
    void aFormulaWithoutASavedValueIsAnErrorSayingToSaveInExcel() {
        write(books("accounts", Fixture.ACCOUNTS.replace("2000000,5000000", "=1000000*2,5000000")).uncalculated());
        assertEquals(List.of("data.xlsx[accounts]:2: revenue: is a formula (=1000000*2) whose value was never calculated; "
                + "open the workbook in Excel and save it (kam reads the values Excel saves)"), errors());
    }

    @Test
    void excelErrorValuesAreRefused() {
        write(books("accounts", Fixture.ACCOUNTS.replace("0.3,0.9,0.4", "#DIV/0!,0.9,0.4")
                .replace("500000,900000,0.2", "500000,=1/0,0.2")));
        assertEquals(List.of("data.xlsx[accounts]:2: margin: holds the Excel error #DIV/0!; fix the formula in Excel or clear "
                        + "the cell",
                "data.xlsx[accounts]:3: wallet: holds the Excel error #DIV/0!; fix the formula in Excel or clear the cell"),
                errors());
    }

    @Test
    void aDateInANumberColumnIsAnErrorAndInAnIdColumnAWarning() {
        write(books("accounts", Fixture.ACCOUNTS.replace("2000000,5000000", "@2025-01-03,5000000")
                .replace("A3,Gamma", "@2025-03-01,Gamma")));
        List<String> ps = problems();
        assertTrue(ps.contains("data.xlsx[accounts]:2: revenue: is a date in Excel (2025-01-03), not a number; format the "
                + "column as a number in Excel"), ps.toString());
        assertTrue(ps.contains("data.xlsx[accounts]:4: warning: id: a cell is a date in Excel, read as text such as "
                + "2025-01-03; if it was typed as something else (e.g. 1-3), Excel converted it: format the column as Text "
                + "and retype it"), ps.toString());
    }

    @Test
    void percentFormattedCellsAndNumbersStoredAsTextAreRead() {
        write(books("accounts", Fixture.ACCOUNTS.replace("0.3,0.9,0.4", "%0.3,0.9,0.4")
                .replace("500000,900000", "'500000元,'90万")));
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        assertEquals(0.3, r.scenario().accounts().get(0).margin(), 1e-12);
        assertEquals(500_000, r.scenario().accounts().get(1).revenue());
        assertEquals(900_000, r.scenario().accounts().get(1).wallet());
    }

    @Test
    void cellsMergedDownAColumnAreReadInEveryRowTheySpan() {
        XSSFWorkbook wb = books("accounts", Fixture.ACCOUNTS.replace("A2,Beta Ltd,energy,north", "A2,Beta Ltd,energy,")
                .replace("A3,Gamma,energy,north", "A3,Gamma,energy,")).build();
        // region of A1..A3 merged into D2:D4: the value is only in D2, "east"
        wb.getSheet("accounts").addMergedRegion(new CellRangeAddress(1, 3, 3, 3));
        write(wb);
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        assertEquals(List.of("east", "east", "east"), r.scenario().accounts().stream().map(Account::region).toList());
        assertTrue(problems().contains("data.xlsx[accounts]: note: merged cells D2:D4 were read as their value in every "
                + "row they span (2 cells)"), problems().toString());
    }

    @Test
    void cellsMergedAcrossColumnsOrInTheHeaderAreRefused() {
        XSSFWorkbook wb = books("accounts", Fixture.ACCOUNTS).build();
        wb.getSheet("accounts").addMergedRegion(new CellRangeAddress(2, 2, 2, 3));
        write(wb);
        assertEquals(List.of("data.xlsx[accounts]:3: cells C3:D3 are merged across columns; kam reads one value per column: "
                + "unmerge them in Excel"), errors());
        wb = books("accounts", Fixture.ACCOUNTS).build();
        wb.getSheet("accounts").addMergedRegion(new CellRangeAddress(0, 0, 7, 8));
        write(wb);
        assertEquals(List.of("data.xlsx[accounts]:1: header cells H1:I1 are merged; give each column its own header cell "
                + "(unmerge them in Excel)"), errors());
    }

    @Test
    void aTitleRowAboveTheHeaderIsSkippedWithANote() {
        XSSFWorkbook wb = books("accounts", "客户清单 2026\n" + Fixture.ACCOUNTS).build();
        wb.getSheet("accounts").addMergedRegion(new CellRangeAddress(0, 0, 0, 15));
        write(wb);
        ScenarioReader.Result r = f.validate();
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        assertEquals(3, r.scenario().accounts().size());
        assertEquals(List.of("data.xlsx[accounts]:1: note: row 1 ('客户清单 2026') looks like a title and was skipped; the "
                + "header is row 2"), problems());
    }

    @Test
    void hiddenRowsAndColumnsAreReadWithAWarning() {
        XSSFWorkbook wb = books("accounts", Fixture.ACCOUNTS).build();
        wb.getSheet("accounts").getRow(2).setZeroHeight(true);
        wb.getSheet("accounts").setColumnHidden(7, true);
        write(wb);
        ScenarioReader.Result r = f.validate();
        assertEquals(3, r.scenario().accounts().size());
        assertEquals(List.of("data.xlsx[accounts]: warning: row 3 is hidden in Excel (or filtered out); kam read it like the "
                        + "others: delete rows that should not count",
                "data.xlsx[accounts]:1: warning: column H (credit) is hidden in Excel; kam read it like the others"), problems());
    }

    @Test
    void aValueInAColumnWithoutHeaderIsAnError() {
        write(books("accounts", Fixture.ACCOUNTS.replace("S1,active,true,", "S1,active,true,,stray")));
        assertEquals(List.of("data.xlsx[accounts]:2: has a value in column Q, which has no header; give the column a header "
                + "or delete the value"), errors());
    }

    @Test
    void anEncryptedWorkbookIsRefused() throws Exception {
        byte[] plain = books("accounts", Fixture.ACCOUNTS).bytes();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("data.xlsx"))) {
                fs.writeFilesystem(out);
            }
        }
        assertEquals(List.of("data.xlsx: is a password-protected (encrypted) workbook, which kam cannot read; in Excel "
                + "remove the password (File > Info > Protect Workbook > Encrypt with Password: clear it) and save"), problems());
    }

    @Test
    void anOldXlsWorkbookIsRefused() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("data.xlsx"))) {
            wb.createSheet("accounts").createRow(0).createCell(0).setCellValue("id");
            wb.write(out);
        }
        assertEquals(List.of("data.xlsx: is an old Excel 97-2003 workbook (.xls); kam reads .xlsx: in Excel use File > Save As "
                + "> 'Excel Workbook (*.xlsx)'"), problems());
    }

    @Test
    void csvTextUnderAWorkbookNameIsSaidSo() {
        f.write("data.xlsx", Fixture.ACCOUNTS);
        assertEquals(List.of("data.xlsx: is not an Excel workbook (.xlsx) but text; give it as a CSV table, or save the "
                + "workbook as .xlsx"), problems());
    }

    @Test
    void aWorkbookNamedCsvIsReadAsAWorkbookWithAWarning() {
        f.write("scenario.yaml", "name: x\nbaseYear: 2026\n");
        Books.write(dir.resolve("accounts.csv"), new Books().sheet("accounts", Fixture.ACCOUNTS).bytes());
        f.write("soldiers.csv", Fixture.SOLDIERS).write("products.csv", Fixture.PRODUCTS);
        assertEquals(List.of("accounts.csv: warning: is an Excel workbook, not CSV text; it was read as a workbook (rename "
                + "it to .xlsx)"), problems());
    }

    /** A zip with one stored-then-deflated part of {@code size} spaces, named like a sheet. */
    private static byte[] zip(String part, int size) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(part));
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int n = 0; n < size; n += chunk.length) z.write(chunk, 0, Math.min(chunk.length, size - n));
            z.closeEntry();
        }
        return b.toByteArray();
    }

    @Test
    void aZipBombIsRefusedFromItsDirectoryBeforeInflating() throws Exception {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", 40 << 20);
        assertTrue(bomb.length < 1 << 20, "40 MiB of spaces compress to " + bomb.length + " bytes");
        Books.write(dir.resolve("data.xlsx"), bomb);
        List<String> ps = problems();
        assertEquals(1, ps.size(), ps.toString());
        assertTrue(ps.get(0).startsWith("data.xlsx: has a part (xl/worksheets/sheet1.xml) that inflates 1,0"), ps.get(0));
        assertTrue(ps.get(0).contains("a zip bomb"), ps.get(0));
        // a part declared above the limit is refused from the directory alone (nothing near that size is inflated)
        byte[] big = zip("xl/worksheets/sheet1.xml", 1000);
        int cd = lastIndexOf(big, new byte[] {'P', 'K', 1, 2});
        big[cd + 24] = 1;
        big[cd + 25] = 0;
        big[cd + 26] = 0;
        big[cd + 27] = 0x20;
        Books.write(dir.resolve("data.xlsx"), big);
        assertTrue(problems().get(0).contains("of 536870913 bytes uncompressed; a workbook part may be at most 268435456 "
                + "bytes (256 MiB); refused before reading it"), problems().toString());
    }

    @Test
    void aZipThatLiesAboutItsSizesIsRefusedWhileInflating() throws Exception {
        byte[] z = zip("xl/styles.xml", 600_000);
        // declare 1,000 bytes uncompressed in the central directory (offset 24 of each entry record)
        int cd = lastIndexOf(z, new byte[] {'P', 'K', 1, 2});
        z[cd + 24] = (byte) 0xE8;
        z[cd + 25] = 0x03;
        z[cd + 26] = 0;
        z[cd + 27] = 0;
        Books.write(dir.resolve("data.xlsx"), z);
        assertEquals(List.of("data.xlsx: has a part (xl/styles.xml) that inflates to more than the 1000 bytes it declares: a "
                + "damaged file or a zip bomb; refused"), problems());
    }

    private static int lastIndexOf(byte[] b, byte[] p) {
        outer:
        for (int i = b.length - p.length; i >= 0; i--) {
            for (int j = 0; j < p.length; j++) if (b[i + j] != p[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void otherZipFormatsAreNamed() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            byte[] mime = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry e = new ZipEntry("mimetype");
            e.setMethod(ZipEntry.STORED);
            e.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(mime);
        }
        Books.write(dir.resolve("data.xlsx"), b.toByteArray());
        assertEquals(List.of("data.xlsx: is an OpenDocument spreadsheet (.ods); kam reads .xlsx: save it as "
                + "'Excel 2007-365 (.xlsx)'"), problems());
    }

    @Test
    void aDtdInAPartIsRefused() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<!DOCTYPE t [<!ENTITY a \"aaaaaaaaaa\">]><Types>&a;</Types>".getBytes(StandardCharsets.UTF_8));
        }
        Books.write(dir.resolve("data.xlsx"), b.toByteArray());
        assertEquals(List.of("data.xlsx: contains a DTD in [Content_Types].xml; refused (Excel writes none)"), problems());
    }

    @Test
    void dateFormatsAreRecognised() {
        assertTrue(XlsxBook.isDateFormat(14, null));
        assertTrue(XlsxBook.isDateFormat(31, null), "zh-CN built-in yyyy年m月d日");
        assertTrue(XlsxBook.isDateFormat(176, "yyyy\"年\"m\"月\"d\"日\""));
        assertTrue(XlsxBook.isDateFormat(177, "[h]:mm"));
        assertFalse(XlsxBook.isDateFormat(0, "General"));
        assertFalse(XlsxBook.isDateFormat(178, "[$¥-804]#,##0.00"));
        assertFalse(XlsxBook.isDateFormat(179, "0.0%"));
        assertFalse(XlsxBook.isDateFormat(180, "#,##0 \"day\""));
        assertEquals("2025-01-03", XlsxBook.dateText(45660, false));
        assertEquals("2025-01-03T12:00", XlsxBook.dateText(45660.5, false));
        assertEquals("1900-02-28", XlsxBook.dateText(59, false));
        assertEquals("1904-01-02", XlsxBook.dateText(1, true));
    }

    @Test
    void emptySheetAndSheetWithHeaderOnly() {
        write(books("accounts", "").sheet("x", "a"));
        assertTrue(problems().contains("data.xlsx[accounts]: is empty; it needs a header row naming its columns"),
                problems().toString());
    }
}
