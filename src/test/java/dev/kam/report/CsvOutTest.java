package dev.kam.report;

import dev.kam.io.CsvOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvOutTest {
    @Test
    void formulaLikeTextIsNeutralised() {
        assertEquals("'=cmd|' /C calc'!A0", CsvOut.safe("=cmd|' /C calc'!A0"));
        assertEquals("'+SUM(A1:A2)", CsvOut.safe("+SUM(A1:A2)"));
        assertEquals("'-2+3", CsvOut.safe("-2+3"));
        assertEquals("'@SUM(1)", CsvOut.safe("@SUM(1)"));
        assertEquals("'\t=1", CsvOut.safe("\t=1"));
        assertEquals("'\r=1", CsvOut.safe("\r=1"));
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        for (String s : new String[] {"-12", "+3.5", "-0.25", "1e6", "-1.5E-3", "plain", "a=b", "华东重工", "", "<script>"}) {
            assertEquals(s, CsvOut.safe(s), s);
        }
    }

    @Test
    void numericCellsAreNeverPrefixedAndUseADot() {
        String text = new CsvOut("a", "b", "c", "d").row(-5, -0.125, 1234567.0, Double.NaN).text();
        assertEquals("\uFEFFa,b,c,d\r\n-5,-0.125,1234567,\r\n", text);
    }

    @Test
    void utf8WithBomCrlfAndQuoting() throws Exception {
        Path dir = Files.createTempDirectory("csvout");
        Path f = dir.resolve("x.csv");
        new CsvOut("id", "name").row("A1", "华东, \"重工\"\n集团").row("A2", "=HYPERLINK(\"http://x\")").write(f);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String s = Files.readString(f);
        assertTrue(s.contains("\"华东, \"\"重工\"\"\n集团\""), s);
        assertTrue(s.contains("A2,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"), s);
        dev.kam.TestCsv back = dev.kam.TestCsv.read(f);
        assertEquals("华东, \"重工\"\n集团", back.rows().get(0).get("name"), "a multi-line cell reads back whole");
        assertEquals("'=HYPERLINK(\"http://x\")", back.rows().get(1).get("name"), "a spreadsheet sees text, not a formula");
    }

    @Test
    void rowWidthMustMatchHeader() {
        assertThrows(IllegalArgumentException.class, () -> new CsvOut("a", "b").row("only one"));
    }
}
