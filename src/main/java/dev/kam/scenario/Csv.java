package dev.kam.scenario;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads one CSV table into a {@link TableData}: header and rows, each row with the 1-based line it
 * starts on (so line numbers stay right across quoted fields that span lines). Parsing is Apache
 * Commons CSV with RFC 4180 rules: comma-separated, fields quoted with {@code "} and {@code ""} inside
 * quotes, LF, CRLF or CR line ends. Blank rows are skipped. Text is UTF-8 (with or without BOM) or
 * GBK, chosen by {@link Encoding}.
 *
 * <p>Inputs are bounded: a file above {@link #MAX_BYTES}, a table above {@link #MAX_ROWS} data rows,
 * a row above {@link #MAX_COLUMNS} fields or a field above {@link #MAX_FIELD_CHARS} characters is
 * refused with a problem.
 */
public final class Csv {
    /** Largest CSV file accepted, in bytes (32 MiB): {@link TableFile#MAX_BYTES}. */
    public static final long MAX_BYTES = TableFile.MAX_BYTES;
    /** Most data rows accepted in one table (CSV or sheet). */
    public static final int MAX_ROWS = 200_000;
    /** Most fields in one row. */
    public static final int MAX_COLUMNS = 200;
    /** Longest field accepted, in characters. */
    public static final int MAX_FIELD_CHARS = 65_536;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .setAllowMissingColumnNames(true)
            .get();

    /** How the bytes of a table are turned into text. */
    public enum Encoding {
        /** UTF-8 when the bytes are valid UTF-8 (or start with its BOM), else GBK when valid GBK. */
        AUTO,
        UTF8,
        GBK;

        /** Parses {@code auto}, {@code utf-8}/{@code utf8}, {@code gbk}/{@code gb2312}/{@code gb18030}/{@code cp936}; null when unknown. */
        public static Encoding parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT).replace("_", "-")) {
                case "auto" -> AUTO;
                case "utf-8", "utf8" -> UTF8;
                case "gbk", "gb2312", "gb18030", "cp936", "windows-936" -> GBK;
                default -> null;
            };
        }

        public static final List<String> NAMES = List.of("auto", "utf-8", "gbk");

        /** Reads an {@code encoding} key of a YAML section; reports an unknown name and returns {@code def}. */
        static Encoding read(Section s, String key, Encoding def) {
            String text = s.string(key, null);
            if (text == null) return def;
            Encoding e = parse(text);
            if (e == null) {
                s.error(key, "'" + text + "' must be one of " + String.join(", ", NAMES) + Hints.didYouMean(text, NAMES));
                return def;
            }
            return e;
        }
    }

    private Csv() {
    }

    /**
     * Reads a CSV file; problems (missing file, limits, bad bytes, quoting) go to {@code problems}
     * under the name {@code file}. Returns null when nothing usable could be read.
     */
    public static TableData read(Path path, String file, Encoding encoding, Problems problems) {
        byte[] bytes = TableFile.read(path, file, problems);
        return bytes == null ? null : parse(bytes, file, encoding, problems);
    }

    /** Decodes and parses bytes already in memory (see {@link #read}). */
    public static TableData parse(byte[] bytes, String file, Encoding encoding, Problems problems) {
        Decoded d = decode(bytes, file, encoding, problems);
        if (d == null) return null;
        return parseText(d.text, file, d.charset, problems);
    }

    private record Decoded(String text, String charset) {
    }

    static Decoded decode(byte[] bytes, String file, Encoding encoding, Problems problems) {
        int nul = indexOf(bytes, (byte) 0);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            problems.error(file, 0, "", "is UTF-16 text (what Excel's 'Unicode Text' writes); in Excel use Save As > "
                    + "'CSV UTF-8 (comma delimited)' and name that file here");
            return null;
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            problems.error(file, 0, "", "is an Excel workbook (.xlsx) or another zip file, not CSV; in Excel use "
                    + "Save As > 'CSV UTF-8 (comma delimited)'");
            return null;
        }
        if (bytes.length >= 4 && bytes[0] == (byte) 0xD0 && bytes[1] == (byte) 0xCF && bytes[2] == 0x11
                && bytes[3] == (byte) 0xE0) {
            problems.error(file, 0, "", "is an old Excel workbook (.xls), not CSV; in Excel use Save As > "
                    + "'CSV UTF-8 (comma delimited)'");
            return null;
        }
        if (nul >= 0) {
            problems.error(file, lineAt(bytes, nul), "", "contains binary data (a NUL byte at byte " + nul
                    + "); a table must be CSV text");
            return null;
        }
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        int start = bom ? 3 : 0;
        if (encoding == Encoding.UTF8 || bom) {
            String text = strict(bytes, start, StandardCharsets.UTF_8);
            if (text == null) {
                int bad = firstInvalid(bytes, start, StandardCharsets.UTF_8);
                problems.error(file, lineAt(bytes, bad), "", "is not valid UTF-8 text (bad byte 0x"
                        + hex(bytes[bad]) + " at byte " + bad + ")"
                        + (bom ? "" : "; if Excel saved it on Chinese Windows, set encoding: gbk"));
                return null;
            }
            return new Decoded(text, "UTF-8");
        }
        Charset gbk = Charset.forName("GBK");
        if (encoding == Encoding.GBK) {
            String text = strict(bytes, 0, gbk);
            if (text == null) {
                int bad = firstInvalid(bytes, 0, gbk);
                problems.error(file, lineAt(bytes, bad), "", "is not valid GBK text (bad byte 0x" + hex(bytes[bad])
                        + " at byte " + bad + "), though encoding: gbk was set");
                return null;
            }
            String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
            if (utf8 != null && !isAscii(bytes)) {
                problems.warning(file, 0, "", "encoding: gbk is set, but the file is valid UTF-8; its text may be "
                        + "garbled (e.g. '" + clip(firstNonAsciiLine(text)) + "'); remove the encoding setting if it is UTF-8");
            }
            return new Decoded(text, "GBK");
        }
        String text = strict(bytes, 0, StandardCharsets.UTF_8);
        String asGbk = strict(bytes, 0, gbk);
        if (text != null) {
            // Short GBK text can also be valid UTF-8 (司 = CB BE reads as U+02FE); prefer GBK when only
            // the GBK reading is made of characters a Chinese or Western table would contain.
            if (asGbk != null && !usual(text) && usual(asGbk)) return gbkNote(asGbk, file, problems);
            return new Decoded(text, "UTF-8");
        }
        text = asGbk;
        if (text != null && plausibleText(text)) return gbkNote(text, file, problems);
        int bad = firstInvalid(bytes, 0, StandardCharsets.UTF_8);
        problems.error(file, lineAt(bytes, bad), "", "is neither UTF-8 nor GBK text (bad byte 0x" + hex(bytes[bad])
                + " at byte " + bad + "); is it a CSV file?");
        return null;
    }

    /** GBK found by detection: said once, so that a wrong guess can be seen (and fixed with encoding:). */
    private static Decoded gbkNote(String text, String file, Problems problems) {
        problems.add(new dev.kam.domain.Problem(file, 0, "", "read as GBK text (as Excel saves CSV on Chinese Windows); "
                + "set encoding: utf-8 if that is wrong", dev.kam.domain.Problem.Severity.NOTE));
        return new Decoded(text, "GBK");
    }

    /**
     * True when every character is one a business table plausibly holds: ASCII, Latin letters with
     * accents, general punctuation and currency signs, CJK ideographs and punctuation, full-width forms.
     */
    static boolean usual(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c < 0x80 || (c >= 0xA0 && c <= 0x24F) || (c >= 0x2000 && c <= 0x20CF)
                    || (c >= 0x2100 && c <= 0x214F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x9FFF)
                    || (c >= 0xFF00 && c <= 0xFFEF) || c == 0xFEFF;
            if (!ok) return false;
        }
        return true;
    }

    /** Rejects text full of control characters (binary data that happens to decode). */
    private static boolean plausibleText(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') control++;
        }
        return control * 100L <= text.length();
    }

    private static String strict(byte[] bytes, int start, Charset cs) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return dec.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int firstInvalid(byte[] bytes, int start, Charset cs) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            var r = dec.decode(in, out, true);
            if (r.isError()) return in.position();
            if (r.isUnderflow()) return Math.max(start, bytes.length - 1);
            out.clear();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) return false;
        }
        return true;
    }

    private static String firstNonAsciiLine(String text) {
        for (String line : text.split("\\R")) {
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) > 0x7F) return line;
            }
        }
        return "";
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) return i;
        }
        return -1;
    }

    private static int lineAt(byte[] bytes, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }

    private static String hex(byte b) {
        return String.format(Locale.ROOT, "%02X", b & 0xFF);
    }

    /** Parses CSV text (without BOM). Returns null when the table has no header. */
    static TableData parseText(String text, String file, String charset, Problems problems) {
        List<TableData.Row> rows = new ArrayList<>();
        String[] header = null;
        int headerLine = 0;
        long startLine = 1;
        long lastStart = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                // a record starts on the line after the line breaks read so far (the parser counts them,
                // those inside quoted fields included)
                startLine = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!it.hasNext()) break;
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    explain(text, (int) lastStart, file, problems);
                    return header == null ? null : new TableData(file, headerLine, header, rows, charset);
                }
                lastStart = record.getCharacterPosition();
                int line = (int) startLine;
                if (record.size() > MAX_COLUMNS) {
                    problems.error(file, line, "", "row has more than " + MAX_COLUMNS + " fields");
                    return header == null ? null : new TableData(file, headerLine, header, rows, charset);
                }
                String[] fields = record.values();
                boolean blank = true;
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i].length() > MAX_FIELD_CHARS) {
                        problems.error(file, line, "", "a field is longer than " + MAX_FIELD_CHARS + " characters");
                        fields[i] = fields[i].substring(0, MAX_FIELD_CHARS);
                    }
                    blank &= fields[i].isBlank();
                }
                if (blank) continue; // blank lines, and the ",,,," rows Excel leaves after deleted content
                if (header == null) {
                    header = fields;
                    headerLine = line;
                } else {
                    if (rows.size() >= MAX_ROWS) {
                        problems.error(file, line, "", "more than " + MAX_ROWS + " data rows; a table may have at most "
                                + MAX_ROWS);
                        return new TableData(file, headerLine, header, rows, charset);
                    }
                    rows.add(new TableData.Row(line, fields));
                }
            }
        } catch (IOException e) {
            problems.error(file, 0, "", "cannot read: " + e.getMessage());
            return null;
        }
        if (header == null) {
            problems.error(file, 0, "", "is empty; it needs a header row naming its columns");
            return null;
        }
        return new TableData(file, headerLine, header, rows, charset);
    }

    /**
     * Commons CSV stopped at a quoting error in the record after {@code from}; finds it again to say
     * where and what it is: a quote never closed (at the line where it opened), or text after a
     * closing quote (at its line, with the text).
     */
    private static void explain(String text, int from, String file, Problems problems) {
        int line = 1;
        for (int i = 0; i < from && i < text.length(); i++) line += lineBreak(text, i);
        int n = text.length();
        int i = from;
        boolean fieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                int quoteLine = line;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    line += lineBreak(text, i);
                    i++;
                }
                if (!closed) {
                    problems.error(file, quoteLine, "", "a quoted field opened here is never closed (missing \")");
                    return;
                }
                int junk = i;
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
                if (i > junk) {
                    problems.error(file, line, "", "unexpected text '" + clip(text.substring(junk, i))
                            + "' after a closing quote; quote the whole field and double inner quotes (\"\")");
                    return;
                }
                fieldStart = false;
                continue;
            }
            line += lineBreak(text, i);
            fieldStart = c == ',' || c == '\n' || c == '\r';
            i++;
        }
        problems.error(file, line, "", "is not valid CSV here (a quoting error); quote fields that contain commas, "
                + "quotes or line breaks, and double inner quotes (\"\")");
    }

    /** 1 when position i ends a line (LF, or a CR not followed by LF), else 0. */
    private static int lineBreak(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') return 1;
        return c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n') ? 1 : 0;
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
