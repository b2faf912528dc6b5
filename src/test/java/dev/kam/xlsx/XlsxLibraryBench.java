package dev.kam.xlsx;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import javax.xml.parsers.SAXParserFactory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The measurement behind the choice of the .xlsx library (docs/benchmarks.md, "Reading and writing
 * .xlsx"): fastexcel 0.20.2 (writer) and fastexcel-reader 0.20.2 against Apache POI 5.5.1's streaming
 * APIs (SXSSF to write, the XSSF event reader with {@code XSSFSheetXMLHandler} to read), on one sheet
 * of N account-like rows (17 columns: ids, Chinese names, tags, amounts, fractions, booleans).
 *
 * <p>Each operation runs in its own child JVM so that its heap is its own: the wall time of the
 * operation inside the JVM (median of the repeats, JIT warm-up included in the first), the peak heap
 * occupancy the JVM saw, and the smallest {@code -Xmx} (bisected between 8 and 1024 MB) at which the
 * operation still succeeds. Run with {@code scripts/bench-xlsx-libraries.sh [ROWS]}; not a unit test.
 */
public final class XlsxLibraryBench {
    private static final String[] HEADER = {"id", "name", "industry", "region", "revenue", "wallet", "margin",
        "credit", "difficulty", "serviceHours", "orders", "needs", "owner", "stage", "mustCover", "baseHours", "locked"};
    private static final String[] INDUSTRIES = {"manufacturing", "energy", "telecom", "chemicals", "logistics"};
    private static final String[] REGIONS = {"east", "south", "north", "west"};
    private static final String[] NAMES = {"上海恒达精密制造有限公司", "深圳华信通信有限公司", "北京远洋物流有限公司",
        "广州金盛汽车零部件有限公司", "Suzhou Ruifeng Chemical Co., Ltd."};

    private XlsxLibraryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("kam-xlsx-bench");
        Path fast = dir.resolve("fastexcel.xlsx");
        Path poi = dir.resolve("poi.xlsx");
        System.out.printf(Locale.ROOT, "%d rows x %d columns, %d repeats; java %s; load average %.2f%n", rows,
                HEADER.length, repeats, System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("operation             file MB   median s   peak heap MB   smallest -Xmx MB");
        report("write fastexcel", "write-fastexcel", fast, rows, repeats);
        report("write POI SXSSF", "write-poi", poi, rows, repeats);
        System.out.printf(Locale.ROOT, "(files: fastexcel %.1f MB, POI %.1f MB)%n", Files.size(fast) / 1e6,
                Files.size(poi) / 1e6);
        report("read fastexcel-reader", "read-fastexcel", poi, rows, repeats);
        report("read POI event API", "read-poi", poi, rows, repeats);
    }

    private static void report(String label, String op, Path file, int rows, int repeats) throws Exception {
        String[] first = run(op, file, rows, repeats, 1024);
        int lo = 8;
        int hi = 1024;
        while (hi - lo > 4) {
            int mid = (lo + hi) / 2;
            if (run(op, file, rows, 1, mid) != null) hi = mid; else lo = mid;
        }
        System.out.printf(Locale.ROOT, "%-21s %7.1f %10s %14s %18d%n", label, Files.size(file) / 1e6,
                first == null ? "failed" : first[0], first == null ? "-" : first[1], hi);
    }

    /** Runs one operation in a child JVM; null when it failed (e.g. out of memory), else {seconds, peak MB}. */
    private static String[] run(String op, Path file, int rows, int repeats, int xmxMb) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + xmxMb + "m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), XlsxLibraryBench.class.getName(), "child", op, file.toString(),
                Integer.toString(rows), Integer.toString(repeats));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) last = line;
        }
        if (p.waitFor() != 0 || last == null || !last.startsWith("RESULT ")) return null;
        return last.substring(7).split(" ");
    }

    private static void child(String op, Path file, int rows, int repeats) throws Exception {
        double[] seconds = new double[repeats];
        long cells = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            cells = switch (op) {
                case "write-fastexcel" -> writeFastexcel(file, rows);
                case "write-poi" -> writePoi(file, rows);
                case "read-fastexcel" -> readFastexcel(file);
                case "read-poi" -> readPoi(file);
                default -> throw new IllegalArgumentException(op);
            };
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        if (cells < (long) rows * (HEADER.length - 1)) throw new IllegalStateException("only " + cells + " cells");
        java.util.Arrays.sort(seconds);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "RESULT %.3f %.0f%n", seconds[repeats / 2], peak / 1e6);
    }

    private static Object[] row(SplittableRandom r, int i) {
        double revenue = r.nextInt(20) == 0 ? 0 : Math.round(r.nextDouble() * 2e7);
        return new Object[] {"A" + i, NAMES[r.nextInt(NAMES.length)] + i, INDUSTRIES[r.nextInt(INDUSTRIES.length)],
            REGIONS[r.nextInt(REGIONS.length)], revenue, revenue * (1 + 3 * r.nextDouble()),
            Math.round(r.nextDouble() * 100) / 100.0, 0.8, 0.5, (double) r.nextInt(500), (double) r.nextInt(40),
            "digital;maintenance", "S" + r.nextInt(300), revenue > 0 ? "active" : "prospect", r.nextInt(50) == 0,
            null, false};
    }

    private static long writeFastexcel(Path file, int rows) throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        try (OutputStream out = Files.newOutputStream(file); Workbook wb = new Workbook(out, "bench", "1.0")) {
            Worksheet ws = wb.newWorksheet("accounts");
            for (int c = 0; c < HEADER.length; c++) ws.value(0, c, HEADER[c]);
            for (int i = 1; i <= rows; i++) {
                Object[] v = row(r, i);
                for (int c = 0; c < v.length; c++) {
                    if (v[c] instanceof String s) ws.value(i, c, s);
                    else if (v[c] instanceof Double d) ws.value(i, c, d);
                    else if (v[c] instanceof Boolean b) ws.value(i, c, b);
                }
                if (i % 1000 == 0) ws.flush();
            }
        }
        return (long) rows * HEADER.length;
    }

    private static long writePoi(Path file, int rows) throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = wb.createSheet("accounts");
            org.apache.poi.ss.usermodel.Row h = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) h.createCell(c).setCellValue(HEADER[c]);
            for (int i = 1; i <= rows; i++) {
                Object[] v = row(r, i);
                org.apache.poi.ss.usermodel.Row x = sheet.createRow(i);
                for (int c = 0; c < v.length; c++) {
                    if (v[c] instanceof String s) x.createCell(c).setCellValue(s);
                    else if (v[c] instanceof Double d) x.createCell(c).setCellValue(d);
                    else if (v[c] instanceof Boolean b) x.createCell(c).setCellValue(b);
                }
            }
            wb.write(out);
            wb.dispose();
        }
        return (long) rows * HEADER.length;
    }

    /** Every cell as text, the way kam's reader takes it (raw value, with the cell format for dates). */
    private static long readFastexcel(Path file) throws Exception {
        long cells = 0;
        long chars = 0;
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            try (var rows = wb.getFirstSheet().openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    for (Cell c : row) {
                        if (c == null) continue;
                        String raw = c.getRawValue();
                        if (raw != null) {
                            chars += raw.length();
                            cells++;
                        }
                        if (c.getDataFormatId() == null) chars++;
                    }
                }
            }
        }
        if (chars == 0) throw new IllegalStateException("nothing read");
        return cells + HEADER.length;
    }

    private static long readPoi(Path file) throws Exception {
        long[] cells = new long[1];
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFSheetXMLHandler.SheetContentsHandler handler = new XSSFSheetXMLHandler.SheetContentsHandler() {
                @Override
                public void startRow(int rowNum) {
                }

                @Override
                public void endRow(int rowNum) {
                }

                @Override
                public void cell(String ref, String value, XSSFComment comment) {
                    if (value != null && !value.isEmpty()) cells[0]++;
                }
            };
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            try (InputStream in = it.next()) {
                SAXParserFactory f = SAXParserFactory.newInstance();
                f.setNamespaceAware(true);
                XMLReader xml = f.newSAXParser().getXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new DataFormatter(Locale.ROOT),
                        false));
                xml.parse(new InputSource(in));
            }
        }
        return cells[0];
    }
}
