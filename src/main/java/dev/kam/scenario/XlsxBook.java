package dev.kam.scenario;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One .xlsx workbook, opened once and read sheet by sheet into {@link TableData}. Cells are read by
 * fastexcel-reader (chosen over Apache POI by measurement, docs/benchmarks.md); before it touches the
 * file, every part of the zip is checked here, so that a hostile or broken file is refused quickly
 * with bounded memory:
 *
 * <ul>
 *   <li>from the zip's central directory, before anything is inflated: at most {@link #MAX_ENTRIES}
 *   parts, none declared above {@link #MAX_PART_BYTES}, together at most {@link #MAX_TOTAL_BYTES},
 *   no part above 1 MiB that inflates more than {@link #MAX_RATIO} times its compressed size (the mark
 *   of a zip bomb), no zip-level encryption, no part named twice;</li>
 *   <li>then each XML part is streamed once through a counting inflater and a StAX reader: it must not
 *   inflate to more bytes than it declared (a lying header), must have no DTD, and no text node above
 *   {@link Csv#MAX_FIELD_CHARS} characters. The same pass notes each sheet's merged ranges, hidden
 *   columns and rows with data, so a sheet of more than {@link Csv#MAX_ROWS} rows is refused before its
 *   rows are built.</li>
 * </ul>
 *
 * <p>What cells mean: a formula gives its value as Excel last saved it (a formula never calculated is
 * an error asking to open and save the file in Excel); an Excel error value ({@code #DIV/0!}) is kept as
 * such for the binder to refuse; a number formatted as a date becomes a {@link TableData.Kind#DATE};
 * a range merged down one column is read as its value in every row it spans; a range merged across
 * columns in the data, or in the header, is an error; rows of one merged or lone cell above the header
 * are titles and skipped; hidden rows and columns are read like the others, with a warning.
 */
final class XlsxBook {
    /** Most parts (files) in the zip. */
    static final int MAX_ENTRIES = 10_000;
    /** Largest uncompressed part, in bytes (256 MiB: a 200,000-row sheet of 20 columns is about 150 MiB). */
    static final long MAX_PART_BYTES = 256L << 20;
    /** Largest total of the uncompressed parts (512 MiB). */
    static final long MAX_TOTAL_BYTES = 512L << 20;
    /** Highest inflation ratio of a part above 1 MiB (Excel's own parts inflate 5–20 times). */
    static final double MAX_RATIO = 100;
    /** Most merged ranges kept per sheet. */
    static final int MAX_MERGES = 10_000;
    /** Most cells in one row of the file (Excel's own limit is 16,384 columns). */
    static final int MAX_ROW_CELLS = 16_384;

    private static final long RATIO_FLOOR = 1L << 20;
    private static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?",
            "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!");

    /** A sheet of the workbook as listed in it. */
    record SheetInfo(String name, boolean hidden, String part) {
    }

    /** What the check pass saw in one sheet's XML. */
    private static final class Facts {
        final List<int[]> merges = new ArrayList<>();
        final List<int[]> hiddenColumns = new ArrayList<>();
        int dataRows;
        boolean tooManyMerges;
    }

    private final String file;
    private final ReadableWorkbook workbook;
    private final boolean date1904;
    private final List<SheetInfo> sheets;
    private final Map<String, Facts> facts;

    private XlsxBook(String file, ReadableWorkbook workbook, boolean date1904, List<SheetInfo> sheets,
                     Map<String, Facts> facts) {
        this.file = file;
        this.workbook = workbook;
        this.date1904 = date1904;
        this.sheets = sheets;
        this.facts = facts;
    }

    /** The file's label for messages. */
    String file() {
        return file;
    }

    /** The sheets in workbook order. */
    List<SheetInfo> sheets() {
        return sheets;
    }

    /** The names of the sheets, hidden ones marked, for messages: "客户, 销售, 旧数据 (hidden)". */
    String sheetList() {
        List<String> names = new ArrayList<>();
        for (SheetInfo s : sheets) names.add(s.name() + (s.hidden() ? " (hidden)" : ""));
        return String.join(", ", names);
    }

    /**
     * Why bytes that are not a zip cannot be a workbook, or null when they are a zip. An OLE2 file is an
     * encrypted .xlsx or an old .xls; the difference shows in its directory's stream names.
     */
    static String notAWorkbook(byte[] bytes) {
        return switch (TableFile.type(bytes)) {
            case ZIP -> null;
            case OLE2 -> {
                if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")) {
                    yield "is a password-protected (encrypted) workbook, which kam cannot read; in Excel remove the "
                            + "password (File > Info > Protect Workbook > Encrypt with Password: clear it) and save";
                }
                if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) {
                    yield "is an old Excel 97-2003 workbook (.xls); kam reads .xlsx: in Excel use File > Save As > "
                            + "'Excel Workbook (*.xlsx)'";
                }
                yield "is an OLE2 compound file (an old Office format), not an .xlsx workbook";
            }
            case TEXT -> "is not an Excel workbook (.xlsx) but text; give it as a CSV table, or save the workbook as .xlsx";
        };
    }

    private static boolean containsUtf16(byte[] bytes, String name) {
        byte[] pattern = name.getBytes(StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /**
     * Opens a workbook (a file opened by {@link TableFile#open}); problems go to {@code problems} under its
     * label. Returns null when the file is not a usable workbook.
     */
    static XlsxBook open(TableFile.Opened f, Problems problems) {
        String file = f.label();
        if (f.type() != TableFile.Type.ZIP) {
            problems.error(file, 0, "", notAWorkbook(f.bytes()));
            return null;
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(Files.newByteChannel(f.path())).get()) {
            Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
            String refused = checkDirectory(zip, entries);
            if (refused != null) {
                problems.error(file, 0, "", refused);
                return null;
            }
            String kind = otherFormat(entries.keySet(), zip, entries);
            if (kind != null) {
                problems.error(file, 0, "", kind);
                return null;
            }
            Map<String, Facts> facts = new HashMap<>();
            for (ZipArchiveEntry e : entries.values()) {
                String n = e.getName();
                if (!(n.endsWith(".xml") || n.endsWith(".rels"))) continue;
                Facts sheetFacts = n.startsWith("xl/worksheets/") ? new Facts() : null;
                String why = skim(zip, e, sheetFacts);
                if (why != null) {
                    problems.error(file, 0, "", why);
                    return null;
                }
                if (sheetFacts != null) facts.put(n, sheetFacts);
            }
            String workbookPart = target(zip, entries, "_rels/.rels", "", "officeDocument");
            if (workbookPart == null || !entries.containsKey(workbookPart)) workbookPart = "xl/workbook.xml";
            if (!entries.containsKey(workbookPart)) {
                problems.error(file, 0, "", "is a zip file but not an Excel workbook (it has no xl/workbook.xml)");
                return null;
            }
            String dir = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
            String rels = dir + "_rels/" + workbookPart.substring(dir.length()) + ".rels";
            Map<String, String> targets = relationships(zip, entries.get(rels), dir);
            List<SheetInfo> sheets = new ArrayList<>();
            boolean date1904 = readSheets(zip, entries.get(workbookPart), targets, sheets);
            // fastexcel reads the file itself (from an InputStream it would copy the whole file into memory)
            ReadableWorkbook wb = new ReadableWorkbook(f.path().toFile(), new ReadingOptions(true, false));
            if (!f.unchanged()) {
                wb.close();
                problems.error(file, 0, "", "changed while kam was reading it; read it again once it is saved");
                return null;
            }
            return new XlsxBook(file, wb, date1904, List.copyOf(sheets), facts);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            problems.error(file, 0, "", "is a damaged zip file or workbook and cannot be read (" + message(e) + "); "
                    + "open it in Excel and save it again as .xlsx");
            return null;
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : Csv.clip(m.replace('\n', ' '));
    }

    /** Checks the central directory; null when it is acceptable, else why it is refused. */
    private static String checkDirectory(ZipFile zip, Map<String, ZipArchiveEntry> entries) {
        long total = 0;
        int count = 0;
        for (Iterator<ZipArchiveEntry> it = zip.getEntries().asIterator(); it.hasNext(); ) {
            ZipArchiveEntry e = it.next();
            if (++count > MAX_ENTRIES) return "has more than " + MAX_ENTRIES + " parts; refused (not a workbook kam reads)";
            if (e.isDirectory()) continue;
            if (e.getGeneralPurposeBit().usesEncryption()) {
                return "is an encrypted zip file; kam cannot read it: save the workbook without a password";
            }
            if (entries.put(e.getName(), e) != null) {
                return "names the part " + e.getName() + " twice; refused (a damaged or crafted file)";
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size < 0 || packed < 0) return "does not declare the size of its part " + e.getName() + "; refused";
            if (size > MAX_PART_BYTES) {
                return "has a part (" + e.getName() + ") of " + size + " bytes uncompressed; a workbook part may be at most "
                        + MAX_PART_BYTES + " bytes (256 MiB); refused before reading it";
            }
            total += size;
            if (total > MAX_TOTAL_BYTES) {
                return "holds more than " + MAX_TOTAL_BYTES + " bytes uncompressed (512 MiB); refused before reading it";
            }
            if (size > RATIO_FLOOR && size > MAX_RATIO * Math.max(packed, 1)) {
                return String.format(Locale.ROOT, "has a part (%s) that inflates %,.0f times (%d bytes to %d): a zip bomb, "
                        + "or a sheet bloated with formatted empty rows; refused before inflating it (in Excel delete the "
                        + "unused rows and columns and save)", e.getName(), (double) size / Math.max(packed, 1), packed, size);
            }
        }
        return null;
    }

    /** Names a zip-based format that is not .xlsx (so the message can say what it is), or null. */
    private static String otherFormat(Set<String> names, ZipFile zip, Map<String, ZipArchiveEntry> entries)
            throws IOException {
        if (names.contains("xl/workbook.bin")) {
            return "is a binary Excel workbook (.xlsb); kam reads .xlsx: in Excel use File > Save As > 'Excel Workbook (*.xlsx)'";
        }
        ZipArchiveEntry mime = entries.get("mimetype");
        if (mime != null && mime.getSize() < 200) {
            try (InputStream in = zip.getInputStream(mime)) {
                String m = new String(in.readNBytes(200), StandardCharsets.US_ASCII);
                if (m.contains("opendocument.spreadsheet")) {
                    return "is an OpenDocument spreadsheet (.ods); kam reads .xlsx: save it as 'Excel 2007-365 (.xlsx)'";
                }
                return "is an OpenDocument file (" + m.trim() + "), not an Excel workbook";
            }
        }
        if (names.contains("word/document.xml")) return "is a Word document (.docx), not an Excel workbook";
        if (names.contains("ppt/presentation.xml")) return "is a PowerPoint file (.pptx), not an Excel workbook";
        if (!names.contains("[Content_Types].xml")) return "is a zip file but not an Excel workbook";
        return null;
    }

    /** Aalto, the StAX parser fastexcel-reader uses too (about twice as fast as the JDK's here). */
    private static XMLInputFactory factory() {
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        return f;
    }

    /**
     * Streams one XML part through a counting inflater and StAX; null when it is acceptable. For a
     * worksheet ({@code facts} not null) notes merged ranges, hidden columns and rows with data.
     */
    private static String skim(ZipFile zip, ZipArchiveEntry e, Facts facts) throws IOException {
        CountingStream in = new CountingStream(zip.getInputStream(e), e.getSize());
        XMLStreamReader x = null;
        try {
            x = factory().createXMLStreamReader(in);
            int text = 0;
            boolean rowHasValue = false;
            int rowCells = 0;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD) return "contains a DTD in " + e.getName() + "; refused (Excel writes none)";
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text += x.getTextLength();
                    if (text > Csv.MAX_FIELD_CHARS) {
                        return "has a text of more than " + Csv.MAX_FIELD_CHARS + " characters in " + e.getName()
                                + "; refused (an Excel cell holds at most 32,767)";
                    }
                    continue;
                }
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    text = 0;
                    if (facts != null && "row".equals(x.getLocalName())) {
                        if (rowHasValue) facts.dataRows++;
                        if (facts.dataRows > Csv.MAX_ROWS + 1) return null;
                    }
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT || facts == null) continue;
                text = 0;
                switch (x.getLocalName()) {
                    case "row" -> {
                        rowHasValue = false;
                        rowCells = 0;
                    }
                    case "c" -> {
                        if (++rowCells > MAX_ROW_CELLS) {
                            return "has a row with more than " + MAX_ROW_CELLS + " cells in " + e.getName() + "; refused";
                        }
                    }
                    case "v", "is" -> rowHasValue = true;
                    case "mergeCell" -> {
                        int[] r = range(x.getAttributeValue(null, "ref"));
                        if (r != null && facts.merges.size() < MAX_MERGES) facts.merges.add(r);
                        else if (r != null) facts.tooManyMerges = true;
                    }
                    case "col" -> {
                        String hidden = x.getAttributeValue(null, "hidden");
                        if ("1".equals(hidden) || "true".equals(hidden)) {
                            int min = parseInt(x.getAttributeValue(null, "min"));
                            int max = parseInt(x.getAttributeValue(null, "max"));
                            if (min > 0 && max >= min && facts.hiddenColumns.size() < 1000) {
                                facts.hiddenColumns.add(new int[] {min - 1, Math.min(max, MAX_ROW_CELLS) - 1});
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            return null;
        } catch (XMLStreamException | UncheckedIOException ex) {
            if (in.overrun) return overrun(e);
            return "has a damaged part " + e.getName() + " (" + message(ex) + "); open it in Excel and save it again";
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // the part was already judged
                }
            }
            in.close();
        }
    }

    private static String overrun(ZipArchiveEntry e) {
        return "has a part (" + e.getName() + ") that inflates to more than the " + e.getSize() + " bytes it declares: "
                + "a damaged file or a zip bomb; refused";
    }

    private static int parseInt(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An inflating stream that fails once more bytes come out than the part declared. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long count;
        boolean overrun;

        CountingStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) bump(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) bump(n);
            return n;
        }

        private void bump(int n) throws IOException {
            count += n;
            if (count > limit) {
                overrun = true;
                throw new IOException("part inflates beyond its declared size");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The target of the first relationship of a type in a .rels part, resolved against {@code dir}; null when none. */
    private static String target(ZipFile zip, Map<String, ZipArchiveEntry> entries, String relsPart, String dir,
                                 String typeSuffix) throws IOException, XMLStreamException {
        ZipArchiveEntry e = entries.get(relsPart);
        if (e == null) return null;
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(x.getLocalName())) {
                    String type = x.getAttributeValue(null, "Type");
                    if (type != null && type.endsWith("/" + typeSuffix)) return resolve(dir, x.getAttributeValue(null, "Target"));
                }
            }
        }
        return null;
    }

    private static Map<String, String> relationships(ZipFile zip, ZipArchiveEntry rels, String dir)
            throws IOException, XMLStreamException {
        Map<String, String> out = new HashMap<>();
        if (rels == null) return out;
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(x.getLocalName())) {
                    out.put(x.getAttributeValue(null, "Id"), resolve(dir, x.getAttributeValue(null, "Target")));
                }
            }
        }
        return out;
    }

    private static String resolve(String dir, String target) {
        if (target == null) return null;
        if (target.startsWith("/")) return target.substring(1);
        String p = dir + target;
        while (p.contains("/../")) p = p.replaceFirst("[^/]+/\\.\\./", "");
        return p;
    }

    /** Reads the sheet list of workbook.xml into {@code out}; returns whether the workbook counts dates from 1904. */
    private static boolean readSheets(ZipFile zip, ZipArchiveEntry workbook, Map<String, String> targets,
                                      List<SheetInfo> out) throws IOException, XMLStreamException {
        boolean date1904 = false;
        try (InputStream in = zip.getInputStream(workbook)) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) continue;
                if ("workbookPr".equals(x.getLocalName())) {
                    String d = x.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(d) || "true".equals(d);
                } else if ("sheet".equals(x.getLocalName())) {
                    String id = null;
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        if ("id".equals(x.getAttributeLocalName(i))) id = x.getAttributeValue(i);
                    }
                    String state = x.getAttributeValue(null, "state");
                    out.add(new SheetInfo(x.getAttributeValue(null, "name"), state != null && !"visible".equals(state),
                            id == null ? null : targets.get(id)));
                }
            }
        }
        return date1904;
    }

    /** A cell range such as {@code B5:B9} as {first row, first column, last row, last column}, rows 1-based, columns 0-based. */
    static int[] range(String ref) {
        if (ref == null) return null;
        String[] parts = ref.split(":");
        int[] a = cell(parts[0]);
        int[] b = parts.length > 1 ? cell(parts[1]) : a;
        if (a == null || b == null) return null;
        return new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])};
    }

    private static int[] cell(String ref) {
        int i = 0;
        int col = 0;
        String r = ref.replace("$", "").trim();
        while (i < r.length() && Character.isLetter(r.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(r.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == r.length() || col > MAX_ROW_CELLS) return null;
        int row = parseInt(r.substring(i));
        return row <= 0 ? null : new int[] {row, col - 1};
    }

    /** The column letters of a 0-based column: 0 → A, 26 → AA. */
    static String columnName(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) sb.insert(0, (char) ('A' + (c - 1) % 26));
        return sb.toString();
    }

    private static String rangeName(int[] r) {
        String a = columnName(r[1]) + r[0];
        String b = columnName(r[3]) + r[2];
        return a.equals(b) ? a : a + ":" + b;
    }

    // ------------------------------------------------------------------ reading one sheet

    /** One row as read, before merges are applied and the header is chosen. */
    private record RawRow(int number, String[] fields, TableData.Kind[] kinds, boolean hidden) {
        int filled() {
            int n = 0;
            for (String f : fields) if (f != null && !f.isBlank()) n++;
            return n;
        }
    }

    /**
     * Reads one sheet as a table labelled {@code file[sheet]}. {@code headerRow} is the first row
     * that may be the header (1 = search from the top). Returns null when nothing usable could be read.
     */
    TableData read(SheetInfo info, int headerRow, Problems problems) {
        String label = file + "[" + info.name() + "]";
        Facts f = info.part() == null ? null : facts.get(info.part());
        if (f != null && f.dataRows > Csv.MAX_ROWS + 1) {
            problems.error(label, 0, "", "has more than " + Csv.MAX_ROWS + " rows with data; a table may have at most "
                    + Csv.MAX_ROWS + " rows; refused before reading them");
            return null;
        }
        Sheet sheet = null;
        for (Sheet s : (Iterable<Sheet>) workbook.getSheets()::iterator) {
            if (s.getName().equals(info.name())) sheet = s;
        }
        if (sheet == null) {
            problems.error(label, 0, "", "cannot be found in the workbook");
            return null;
        }
        List<RawRow> raw = new ArrayList<>();
        Map<Integer, Integer> formulas = new HashMap<>();
        try (Stream<Row> rows = sheet.openStream()) {
            for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                Row row = it.next();
                if (row.getRowNum() < headerRow) continue;
                RawRow r = convert(row, label, formulas, problems);
                if (r == null) return null;
                if (r.filled() > 0) raw.add(r);
                if (raw.size() > Csv.MAX_ROWS + 1) {
                    problems.error(label, row.getRowNum(), "", "more than " + Csv.MAX_ROWS
                            + " data rows; a table may have at most " + Csv.MAX_ROWS);
                    return null;
                }
            }
        } catch (IOException | UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            problems.error(label, 0, "", "cannot be read (" + message(e) + "); open the workbook in Excel and save it again");
            return null;
        } catch (RuntimeException e) {
            problems.error(label, 0, "", "cannot be read (" + message(e) + "); open the workbook in Excel and save it again");
            return null;
        }
        return assemble(label, raw, f, formulas, info, problems);
    }

    private RawRow convert(Row row, String label, Map<Integer, Integer> formulas, Problems problems) {
        int width = 0;
        for (Cell c : row) {
            if (c != null && c.getType() != CellType.EMPTY && c.getRawValue() != null || c != null && c.getType() == CellType.FORMULA) {
                width = Math.max(width, c.getColumnIndex() + 1);
            }
        }
        if (width > Csv.MAX_COLUMNS) {
            problems.error(label, row.getRowNum(), "", "has a value in column " + columnName(width - 1) + "; a table may have at most "
                    + Csv.MAX_COLUMNS + " columns");
            return null;
        }
        String[] fields = new String[width];
        TableData.Kind[] kinds = new TableData.Kind[width];
        java.util.Arrays.fill(fields, "");
        java.util.Arrays.fill(kinds, TableData.Kind.TEXT);
        for (Cell c : row) {
            if (c == null) continue;
            int i = c.getColumnIndex();
            if (i >= width) continue;
            Object v = c.getValue();
            String raw = c.getRawValue();
            switch (c.getType()) {
                case EMPTY -> {
                }
                case STRING -> fields[i] = raw == null ? "" : raw;
                case BOOLEAN -> {
                    fields[i] = Boolean.TRUE.equals(v) ? "true" : "false";
                    kinds[i] = TableData.Kind.BOOLEAN;
                }
                case ERROR -> {
                    fields[i] = raw == null ? "#N/A" : raw;
                    kinds[i] = TableData.Kind.ERROR;
                }
                case NUMBER -> number(c, raw, fields, kinds, i);
                case FORMULA -> {
                    formulas.merge(i, 1, Integer::sum);
                    if (raw == null) {
                        fields[i] = "=" + c.getFormula();
                        kinds[i] = TableData.Kind.UNCALCULATED;
                    } else if (v instanceof BigDecimal) {
                        number(c, raw, fields, kinds, i);
                    } else if (v instanceof Boolean b) {
                        fields[i] = b ? "true" : "false";
                        kinds[i] = TableData.Kind.BOOLEAN;
                    } else {
                        String s = v == null ? raw : v.toString();
                        fields[i] = s;
                        if (ERROR_VALUES.contains(s.trim())) kinds[i] = TableData.Kind.ERROR;
                    }
                }
                default -> fields[i] = raw == null ? "" : raw;
            }
        }
        return new RawRow(row.getRowNum(), fields, kinds, row.isHidden());
    }

    private void number(Cell c, String raw, String[] fields, TableData.Kind[] kinds, int i) {
        BigDecimal bd;
        try {
            bd = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            fields[i] = raw;
            return;
        }
        if (dateFormat(c.getDataFormatId(), c.getDataFormatString())) {
            fields[i] = dateText(bd.doubleValue(), date1904);
            kinds[i] = TableData.Kind.DATE;
            return;
        }
        fields[i] = plain(bd);
        kinds[i] = percentFormat(c.getDataFormatId(), c.getDataFormatString()) ? TableData.Kind.PERCENT : TableData.Kind.NUMBER;
    }

    /** Formats seen in this workbook: whether each is a date format (cells share few formats). */
    private final Map<String, Boolean> dateFormats = new HashMap<>();
    private final Map<String, Boolean> percentFormats = new HashMap<>();

    private boolean dateFormat(Integer id, String format) {
        return dateFormats.computeIfAbsent(id + "\u0000" + format, k -> isDateFormat(id, format));
    }

    private boolean percentFormat(Integer id, String format) {
        return percentFormats.computeIfAbsent(id + "\u0000" + format, k -> (format != null
                && format.replaceAll("\"[^\"]*\"", "").contains("%")) || Integer.valueOf(9).equals(id)
                || Integer.valueOf(10).equals(id));
    }

    /** A number as plain decimal text without trailing zeros ({@code 45660.0} → {@code 45660}). */
    static String plain(BigDecimal bd) {
        BigDecimal s = bd.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        if (Math.abs(exponent) > 30) return Double.toString(s.doubleValue());
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    /**
     * Whether a number format shows dates or times: the built-in date formats (14–22, 45–47, and the
     * East Asian 27–36 and 50–58 that Chinese Excel uses for 年月日), or a format code with a year,
     * month, day, hour or second part outside quotes and brackets.
     */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null) {
            int n = id;
            if ((n >= 14 && n <= 22) || (n >= 45 && n <= 47) || (n >= 27 && n <= 36) || (n >= 50 && n <= 58)) return true;
        }
        if (format == null || format.isBlank()) return false;
        String f = format;
        int semi = f.indexOf(';');
        if (semi >= 0) f = f.substring(0, semi);
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                continue;
            }
            if (quoted) continue;
            if (ch == '\\' || ch == '_' || ch == '*') {
                i++;
                continue;
            }
            if (ch == '[') {
                int end = f.indexOf(']', i);
                String inside = end < 0 ? "" : f.substring(i + 1, end).toLowerCase(Locale.ROOT);
                if (inside.matches("h+|m+|s+")) return true; // elapsed time such as [h]:mm
                i = end < 0 ? f.length() : end;
                continue;
            }
            sb.append(Character.toLowerCase(ch));
        }
        String rest = sb.toString();
        if (rest.equals("general") || rest.contains("@")) return false;
        for (char ch : new char[] {'y', 'd', 'h', 's', 'm', 'e'}) {
            if (rest.indexOf(ch) >= 0) return true;
        }
        return rest.contains("上午") || rest.contains("下午") || rest.contains("am/pm");
    }

    /** An Excel serial date as ISO text: {@code 2025-01-03}, or {@code 2025-01-03T14:30} with a time of day. */
    static String dateText(double serial, boolean date1904) {
        if (serial < 0 || serial > 2_958_465) return Double.toString(serial);
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400);
        if (seconds == 86_400) {
            days++;
            seconds = 0;
        }
        LocalDate date;
        if (date1904) {
            date = LocalDate.of(1904, 1, 1).plusDays(days);
        } else if (days >= 61) {
            date = LocalDate.of(1899, 12, 30).plusDays(days);
        } else if (days == 60) {
            return "1900-02-29"; // a day that never was, but Excel shows it
        } else {
            date = LocalDate.of(1899, 12, 31).plusDays(days);
        }
        if (seconds == 0) return date.toString();
        LocalDateTime t = date.atStartOfDay().plusSeconds(seconds);
        return seconds % 60 == 0 ? t.toString().substring(0, 16) : t.toString();
    }

    private TableData assemble(String label, List<RawRow> raw, Facts f, Map<Integer, Integer> formulas,
                               SheetInfo info, Problems problems) {
        if (raw.isEmpty()) {
            problems.error(label, 0, "", "is empty; it needs a header row naming its columns");
            return null;
        }
        List<int[]> merges = f == null ? List.of() : f.merges;
        // rows of one merged or lone cell above the header are titles
        int first = 0;
        List<Integer> titles = new ArrayList<>();
        while (first < raw.size() - 1 && titles.size() < 3 && isTitle(raw.get(first), raw.get(first + 1), merges)) {
            titles.add(raw.get(first).number());
            first++;
        }
        RawRow header = raw.get(first);
        if (!titles.isEmpty()) {
            String shown = nonBlank(raw.get(0));
            problems.add(new dev.kam.domain.Problem(label, titles.get(0), "", "row" + (titles.size() > 1 ? "s " : " ")
                    + join(titles) + " ('" + Csv.clip(shown) + "') " + (titles.size() > 1 ? "look" : "looks")
                    + " like a title and " + (titles.size() > 1 ? "were" : "was") + " skipped; the header is row "
                    + header.number(), dev.kam.domain.Problem.Severity.NOTE));
        }
        int headerNumber = header.number();
        int lastRow = raw.get(raw.size() - 1).number();
        Map<Integer, RawRow> byNumber = new HashMap<>();
        for (RawRow r : raw) byNumber.put(r.number(), r);
        boolean bad = false;
        List<String> filledRanges = new ArrayList<>();
        int filledCells = 0;
        for (int[] m : merges) {
            if (m[2] < headerNumber || m[0] > lastRow) continue;
            boolean across = m[3] > m[1];
            if (m[0] <= headerNumber && m[2] >= headerNumber) {
                if (across) {
                    problems.error(label, headerNumber, "", "header cells " + rangeName(m) + " are merged; give each "
                            + "column its own header cell (unmerge them in Excel)");
                    bad = true;
                }
                continue;
            }
            RawRow top = byNumber.get(m[0]);
            String value = top == null || m[1] >= top.fields().length ? "" : top.fields()[m[1]];
            if (across) {
                boolean empty = value.isBlank();
                for (int r = m[0]; r <= m[2] && empty; r++) {
                    RawRow x = byNumber.get(r);
                    for (int c = m[1]; x != null && c <= m[3] && c < x.fields().length; c++) empty &= x.fields()[c].isBlank();
                }
                if (!empty) {
                    problems.error(label, m[0], "", "cells " + rangeName(m) + " are merged across columns; kam reads one "
                            + "value per column: unmerge them in Excel");
                    bad = true;
                }
                continue;
            }
            if (value.isBlank()) continue;
            int n = 0;
            for (int r = Math.max(m[0] + 1, headerNumber + 1); r <= m[2]; r++) {
                RawRow x = byNumber.get(r);
                if (x == null) continue;
                if (m[1] >= x.fields().length) continue;
                if (!x.fields()[m[1]].isBlank()) continue;
                x.fields()[m[1]] = value;
                x.kinds()[m[1]] = top.kinds()[m[1]];
                n++;
            }
            if (n > 0) {
                filledCells += n;
                if (filledRanges.size() < 5) filledRanges.add(rangeName(m));
                else if (filledRanges.size() == 5) filledRanges.add("...");
            }
        }
        if (f != null && f.tooManyMerges) {
            problems.warning(label, 0, "", "has more than " + MAX_MERGES + " merged ranges; only the first "
                    + MAX_MERGES + " were applied");
        }
        if (bad) return null;
        if (filledCells > 0) {
            problems.add(new dev.kam.domain.Problem(label, 0, "", "merged cells " + String.join(", ", filledRanges)
                    + " were read as their value in every row they span (" + filledCells + " cells)",
                    dev.kam.domain.Problem.Severity.NOTE));
        }
        String[] headerFields = header.fields();
        List<TableData.Row> rows = new ArrayList<>(raw.size() - first);
        List<Integer> hidden = new ArrayList<>();
        int hiddenCount = 0;
        for (int i = first + 1; i < raw.size(); i++) {
            RawRow r = raw.get(i);
            if (r.hidden()) {
                hiddenCount++;
                if (hidden.size() < 5) hidden.add(r.number());
            }
            rows.add(new TableData.Row(r.number(), pad(r.fields(), headerFields.length), pad(r.kinds(), headerFields.length)));
        }
        if (hiddenCount > 0) {
            problems.warning(label, 0, "", (hiddenCount == 1 ? "row " : "rows ") + join(hidden)
                    + (hiddenCount > hidden.size() ? " and " + (hiddenCount - hidden.size()) + " more" : "")
                    + (hiddenCount == 1 ? " is" : " are") + " hidden in Excel (or filtered out); kam read "
                    + (hiddenCount == 1 ? "it" : "them") + " like the others: delete rows that should not count");
        }
        List<String> hiddenCols = new ArrayList<>();
        if (f != null) {
            for (int c = 0; c < headerFields.length; c++) {
                if (headerFields[c].isBlank()) continue;
                for (int[] h : f.hiddenColumns) {
                    if (c >= h[0] && c <= h[1]) {
                        hiddenCols.add(columnName(c) + " (" + headerFields[c].trim() + ")");
                        break;
                    }
                }
            }
        }
        if (!hiddenCols.isEmpty()) {
            problems.warning(label, headerNumber, "", "column" + (hiddenCols.size() == 1 ? " " : "s ")
                    + String.join(", ", hiddenCols) + (hiddenCols.size() == 1 ? " is" : " are")
                    + " hidden in Excel; kam read " + (hiddenCols.size() == 1 ? "it" : "them") + " like the others");
        }
        if (info.hidden()) {
            problems.add(new dev.kam.domain.Problem(label, 0, "", "is a hidden sheet; it was read like the others",
                    dev.kam.domain.Problem.Severity.NOTE));
        }
        List<String> formulaColumns = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(formulas).entrySet()) {
            int c = e.getKey();
            if (c >= headerFields.length || headerFields[c].isBlank()) continue;
            formulaColumns.add(headerFields[c].trim() + " (" + e.getValue() + ")");
        }
        if (!formulaColumns.isEmpty()) {
            problems.add(new dev.kam.domain.Problem(label, 0, "", "formulas were read as the values Excel last saved "
                    + "for them, in columns " + String.join(", ", formulaColumns), dev.kam.domain.Problem.Severity.NOTE));
        }
        return new TableData(label, headerNumber, headerFields, Collections.unmodifiableList(rows), "xlsx");
    }

    /** Pads a row read from the sheet to the header's width (Excel stores no trailing empty cells). */
    private static String[] pad(String[] a, int width) {
        if (a.length >= width) return a;
        String[] out = java.util.Arrays.copyOf(a, width);
        java.util.Arrays.fill(out, a.length, width, "");
        return out;
    }

    private static TableData.Kind[] pad(TableData.Kind[] a, int width) {
        if (a.length >= width) return a;
        TableData.Kind[] out = java.util.Arrays.copyOf(a, width);
        java.util.Arrays.fill(out, a.length, width, TableData.Kind.TEXT);
        return out;
    }

    /** A title row: its only filled cell starts a merge across columns, or it is a lone cell above a fuller row. */
    private static boolean isTitle(RawRow row, RawRow next, List<int[]> merges) {
        if (row.filled() != 1) return false;
        int c = 0;
        while (c < row.fields().length && row.fields()[c].isBlank()) c++;
        for (int[] m : merges) {
            if (m[0] == row.number() && m[1] == c && m[3] > m[1]) return true;
        }
        return next.filled() >= 3;
    }

    private static String nonBlank(RawRow r) {
        for (String f : r.fields()) if (!f.isBlank()) return f.trim();
        return "";
    }

    private static String join(List<Integer> rows) {
        List<String> s = new ArrayList<>();
        for (int r : rows) s.add(Integer.toString(r));
        if (s.size() <= 1) return String.join("", s);
        return String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }

    /** The workbook's sheet called {@code name}, exactly or ignoring case and surrounding spaces; null when none. */
    SheetInfo sheet(String name) {
        for (SheetInfo s : sheets) if (s.name().equals(name)) return s;
        String n = name.trim();
        for (SheetInfo s : sheets) if (s.name().trim().equalsIgnoreCase(n)) return s;
        return null;
    }

    void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // the bytes are in memory; nothing is left open on disk
        }
    }
}
