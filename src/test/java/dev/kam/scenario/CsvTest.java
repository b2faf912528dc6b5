package dev.kam.scenario;

import dev.kam.domain.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {
    private static final Charset GBK = Charset.forName("GBK");

    private static TableData parse(byte[] bytes, Csv.Encoding enc, Problems problems) {
        return Csv.parse(bytes, "t.csv", enc, problems);
    }

    private static TableData parseOk(String text) {
        Problems p = new Problems();
        TableData t = parse(text.getBytes(StandardCharsets.UTF_8), Csv.Encoding.AUTO, p);
        assertEquals(List.of(), p.all());
        return t;
    }

    private static List<String> problems(byte[] bytes, Csv.Encoding enc) {
        Problems p = new Problems();
        parse(bytes, enc, p);
        return p.all().stream().map(Problem::toString).toList();
    }

    @Test
    void readsChineseTextWithBomAndCrlf() {
        TableData t = parseOk("\uFEFFid,name\r\nA1,上海恒达精密制造有限公司\r\nA2,深圳华信\r\n");
        assertArrayEquals(new String[] {"id", "name"}, t.header());
        assertEquals(2, t.rows().size());
        assertArrayEquals(new String[] {"A1", "上海恒达精密制造有限公司"}, t.rows().get(0).fields());
        assertEquals(2, t.rows().get(0).line());
        assertEquals(3, t.rows().get(1).line());
        assertEquals("UTF-8", t.format());
    }

    @Test
    void bomIsNotPartOfTheFirstColumnName() {
        TableData t = parseOk("\uFEFFid\nA1\n");
        assertEquals("id", t.header()[0]);
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlinesAndLineNumbersStayRight() {
        TableData t = parseOk("id,name,note\n"
                + "A1,\"Acme, Inc.\",\"said \"\"hi\"\"\"\n"
                + "A2,\"two\nline\r\nname\",x\n"
                + "A3,plain,y\n");
        assertEquals("Acme, Inc.", t.rows().get(0).fields()[1]);
        assertEquals("said \"hi\"", t.rows().get(0).fields()[2]);
        assertEquals("two\nline\r\nname", t.rows().get(1).fields()[1]);
        assertEquals(2, t.rows().get(0).line());
        assertEquals(3, t.rows().get(1).line());
        assertEquals(6, t.rows().get(2).line(), "the row after a 3-line quoted field starts on line 6");
    }

    @Test
    void oldMacLineEndsAndMissingFinalNewline() {
        TableData t = parseOk("id,x\rA1,1\rA2,2");
        assertEquals(2, t.rows().size());
        assertEquals(3, t.rows().get(1).line());
        assertArrayEquals(new String[] {"A2", "2"}, t.rows().get(1).fields());
    }

    @Test
    void blankLinesAreSkippedButCounted() {
        TableData t = parseOk("id,x\n\nA1,1\n   \nA2,2\n");
        assertEquals(2, t.rows().size());
        assertEquals(3, t.rows().get(0).line());
        assertEquals(5, t.rows().get(1).line());
    }

    @Test
    void emptyTrailingFieldsAreFields() {
        TableData t = parseOk("a,b,c\n1,,\n");
        assertArrayEquals(new String[] {"1", "", ""}, t.rows().get(0).fields());
    }

    @Test
    void gbkIsDetectedWhenTheBytesAreNotUtf8() {
        byte[] bytes = "id,name\nA1,北京远洋物流有限公司\n".getBytes(GBK);
        Problems p = new Problems();
        TableData t = parse(bytes, Csv.Encoding.AUTO, p);
        assertFalse(p.hasErrors());
        assertEquals("GBK", t.format());
        assertEquals("北京远洋物流有限公司", t.rows().get(0).fields()[1]);
    }

    @Test
    void shortGbkTextThatIsAlsoValidUtf8IsReadAsGbk() {
        byte[] bytes = "id,name\nA1,公司\n".getBytes(GBK); // 司 = CB BE, valid UTF-8 for U+02FE
        Problems p = new Problems();
        TableData t = parse(bytes, Csv.Encoding.AUTO, p);
        assertEquals("GBK", t.format());
        assertEquals("公司", t.rows().get(0).fields()[1]);
    }

    @Test
    void accentedUtf8StaysUtf8() {
        TableData t = parseOk("id,name\nA1,Société Générale\nA2,Müller GmbH\n");
        assertEquals("UTF-8", t.format());
        assertEquals("Société Générale", t.rows().get(0).fields()[1]);
    }

    @Test
    void rowsOfOnlyCommasAreSkippedLikeBlankLines() {
        TableData t = parseOk("id,name\nA1,x\n,\n , \nA2,y\n");
        assertEquals(2, t.rows().size());
        assertEquals(5, t.rows().get(1).line());
    }

    @Test
    void gbkCanBeChosenExplicitly() {
        byte[] bytes = "id,name\nA1,王伟\n".getBytes(GBK);
        Problems p = new Problems();
        TableData t = parse(bytes, Csv.Encoding.GBK, p);
        assertFalse(p.hasErrors());
        assertEquals("王伟", t.rows().get(0).fields()[1]);
    }

    @Test
    void gbkBytesUnderForcedUtf8AreAnErrorWithAHint() {
        byte[] bytes = "id,name\nA1,王伟\n".getBytes(GBK);
        List<String> ps = problems(bytes, Csv.Encoding.UTF8);
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).startsWith("t.csv:2: is not valid UTF-8 text (bad byte 0x"), ps.get(0));
        assertTrue(ps.get(0).contains("set encoding: gbk"), ps.get(0));
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] bytes = new byte[] {'i', 'd', '\n', 'x', 0, 1, 2, '\n'};
        assertEquals(List.of("t.csv:2: contains binary data (a NUL byte at byte 4); a table must be CSV text"),
                problems(bytes, Csv.Encoding.AUTO));
        byte[] noise = new byte[256];
        for (int i = 0; i < noise.length; i++) noise[i] = (byte) (0x80 + (i * 37) % 0x7F + 1);
        noise[0] = (byte) 0xFF;
        List<String> ps = problems(noise, Csv.Encoding.AUTO);
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).contains("is neither UTF-8 nor GBK text"), ps.get(0));
    }

    @Test
    void utf16IsRefusedWithAHint() {
        byte[] bytes = "id\nA1\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[bytes.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(bytes, 0, withBom, 2, bytes.length);
        List<String> ps = problems(withBom, Csv.Encoding.AUTO);
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).contains("UTF-16"), ps.get(0));
    }

    @Test
    void unclosedQuoteIsReportedWhereItOpened() {
        List<String> ps = problems("id,name\nA1,ok\nA2,\"never closed\nA3,x\n".getBytes(StandardCharsets.UTF_8),
                Csv.Encoding.AUTO);
        assertEquals(List.of("t.csv:3: a quoted field opened here is never closed (missing \")"), ps);
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        List<String> ps = problems("id,name\nA1,\"Acme\" Inc\n".getBytes(StandardCharsets.UTF_8), Csv.Encoding.AUTO);
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).startsWith("t.csv:2: unexpected text ' Inc' after a closing quote"), ps.get(0));
    }

    @Test
    void emptyFileNeedsAHeader() {
        assertEquals(List.of("t.csv: is empty; it needs a header row naming its columns"),
                problems(new byte[0], Csv.Encoding.AUTO));
        assertEquals(List.of("t.csv: is empty; it needs a header row naming its columns"),
                problems("\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8), Csv.Encoding.AUTO));
    }

    @Test
    void overlongFieldsAndTooManyColumnsAreRefused() {
        char[] big = new char[Csv.MAX_FIELD_CHARS + 10];
        Arrays.fill(big, 'x');
        List<String> ps = problems(("id\n" + new String(big) + "\n").getBytes(StandardCharsets.UTF_8), Csv.Encoding.AUTO);
        assertEquals(List.of("t.csv:2: a field is longer than 65536 characters"), ps);
        String wide = "a" + ",a".repeat(Csv.MAX_COLUMNS + 5);
        ps = problems((wide + "\n").getBytes(StandardCharsets.UTF_8), Csv.Encoding.AUTO);
        assertEquals(List.of("t.csv:1: row has more than 200 fields"), ps);
    }

    @Test
    void filesAboveTheSizeLimitAreRefusedWithoutReadingThem(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Csv.MAX_BYTES + 1); // sparse: costs no disk and is never read
        }
        Problems p = new Problems();
        assertNull(Csv.read(big, "big.csv", Csv.Encoding.AUTO, p));
        assertEquals("big.csv: file is 33554433 bytes; a table may be at most 33554432 bytes (32 MiB)",
                p.all().get(0).toString());
    }

    @Test
    void missingFileAndFolder(@TempDir Path dir) {
        Problems p = new Problems();
        assertNull(Csv.read(dir.resolve("nope.csv"), "nope.csv", Csv.Encoding.AUTO, p));
        assertNull(Csv.read(dir, "dir", Csv.Encoding.AUTO, p));
        assertEquals(List.of("dir: is not a file", "nope.csv: file not found"),
                p.all().stream().map(Problem::toString).toList());
    }

    @Test
    void encodingNames() {
        assertEquals(Csv.Encoding.GBK, Csv.Encoding.parse("GB18030"));
        assertEquals(Csv.Encoding.UTF8, Csv.Encoding.parse("utf8"));
        assertEquals(Csv.Encoding.AUTO, Csv.Encoding.parse(" Auto "));
        assertNull(Csv.Encoding.parse("latin1"));
    }
}
