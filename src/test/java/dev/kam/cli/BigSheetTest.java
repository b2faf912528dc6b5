package dev.kam.cli;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sheet of a million rows is refused within a small heap: {@code kam validate} runs in a child JVM
 * with {@code -Xmx48m} (a heap that could not hold the rows) and must exit 2 with the row limit, not
 * run out of memory.
 */
class BigSheetTest {
    @TempDir
    Path dir;

    @Test
    void aMillionRowSheetIsRefusedInABoundedHeap() throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve("data.xlsx")); Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("accounts");
            String[] header = {"id", "name", "industry", "region", "revenue", "wallet", "margin"};
            for (int c = 0; c < header.length; c++) ws.value(0, c, header[c]);
            for (int r = 1; r <= 1_000_000; r++) {
                ws.value(r, 0, "A" + r);
                ws.value(r, 4, r);
                if (r % 10_000 == 0) ws.flush();
            }
        }
        Files.writeString(dir.resolve("scenario.yaml"), "name: big\nbaseYear: 2026\nworkbook: data.xlsx\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "validate", dir.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("data.xlsx[accounts]: has more than 200000 rows with data; a table may have at most 200000 "
                + "rows; refused before reading them"), output);
        assertTrue(!output.contains("OutOfMemoryError"), output);
    }
}
