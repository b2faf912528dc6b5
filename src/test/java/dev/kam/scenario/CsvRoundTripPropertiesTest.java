package dev.kam.scenario;

import dev.kam.RandomCases;
import dev.kam.io.CsvOut;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Writing a table with the project's CSV writer and reading it back gives the same cells. */
class CsvRoundTripPropertiesTest {
    private static final String CHARS = "abcXYZ019 ,;\"\r\n.-_'" + "上海恒达精密制造有限公司王伟";
    /** Cells that matter for quoting, blank-row skipping, formula guarding and encodings. */
    private static final String[] SPECIAL = {"", " ", "  ", "\"", "\"\"", ",", ";", "\r", "\n", "\r\n", "'", "-",
            "-1", "-a", "0", "上海恒达精密制造有限公司", "王伟", "a,\"b\"\r\nc", "\"上海\",\n王伟"};

    /** A table of 1–8 rows of 3 cells, each cell 0–12 characters; {@link #toString} shows control characters. */
    record Table(List<List<String>> rows) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (List<String> r : rows) {
                sb.append(sb.length() > 1 ? ", [" : "[");
                for (int i = 0; i < r.size(); i++) {
                    sb.append(i > 0 ? ", \"" : "\"").append(r.get(i).replace("\\", "\\\\").replace("\"", "\\\"")
                            .replace("\r", "\\r").replace("\n", "\\n")).append('"');
                }
                sb.append(']');
            }
            return sb.append(']').toString();
        }
    }

    static String cell(SplittableRandom r) {
        int n = r.nextInt(13);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
        return sb.toString();
    }

    /** The first tries are edge cases; after that 1–8 random rows, one cell in eight from {@link #SPECIAL}. */
    static Table table(int tryIndex, SplittableRandom r) {
        switch (tryIndex) {
            case 0: return new Table(List.of(List.of("", "", "")));
            case 1: return new Table(List.of(List.of(" ", "", "  "), List.of("a", "b", "c")));
            case 2: return new Table(List.of(List.of("\"", ",", "\r\n"), List.of("\r", "\n", "'")));
            case 3: return new Table(List.of(List.of("-", "-1", "\r-"), List.of("上海恒达精密制造有限公司", "王伟", "")));
            case 4: return new Table(List.of(List.of("", "", ""), List.of("x", "", ""), List.of("", "", "")));
            case 5: return new Table(List.of(List.of("\"\"\"\"\"\"\"\"\"\"\"\"", "\r\n\r\n\r\n\r\n\r\n\r\n",
                    "上海恒达精密制造有限公司"), List.of(",,,,,,,,,,,,", "\n\n\n\n\n\n\n\n\n\n\n\n", "''''''''''''")));
            default:
                break;
        }
        int rows = tryIndex == 6 ? 8 : 1 + r.nextInt(8);
        List<List<String>> t = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<String> row = new ArrayList<>(3);
            for (int j = 0; j < 3; j++) row.add(r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : cell(r));
            t.add(List.copyOf(row));
        }
        return new Table(List.copyOf(t));
    }

    @Test
    void writeThenReadRoundTrips() {
        RandomCases.forAll(0xC5A_0001L, 300, CsvRoundTripPropertiesTest::table, c -> {
            List<List<String>> rows = c.rows();
            CsvOut out = new CsvOut("a", "b", "c");
            for (List<String> r : rows) out.row(r.toArray());
            Problems problems = new Problems();
            TableData t = Csv.parse(out.text().getBytes(StandardCharsets.UTF_8), "t.csv", Csv.Encoding.AUTO, problems);
            assertFalse(problems.hasErrors(), problems.all().toString());
            // rows whose cells are all blank are skipped by the reader, as blank lines are
            List<List<String>> kept = rows.stream().filter(r -> !r.stream().map(CsvOut::safe).allMatch(String::isBlank))
                    .toList();
            assertEquals(kept.size(), t.rows().size());
            for (int i = 0; i < kept.size(); i++) {
                String[] expected = kept.get(i).stream().map(CsvOut::safe).toArray(String[]::new);
                assertArrayEquals(expected, t.rows().get(i).fields());
            }
        });
    }

    @Test
    void gbkAndUtf8ReadTheSameText() {
        RandomCases.forAll(0xC5A_0002L, 200, CsvRoundTripPropertiesTest::table, c -> {
            CsvOut out = new CsvOut("a", "b", "c");
            for (List<String> r : c.rows()) out.row(r.toArray());
            String text = out.text().substring(1); // Excel's GBK CSV has no BOM
            Problems p1 = new Problems();
            Problems p2 = new Problems();
            TableData utf8 = Csv.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv", Csv.Encoding.AUTO, p1);
            TableData gbk = Csv.parse(text.getBytes(Charset.forName("GBK")), "t.csv", Csv.Encoding.AUTO, p2);
            assertEquals(utf8.rows().size(), gbk.rows().size());
            for (int i = 0; i < utf8.rows().size(); i++) {
                assertArrayEquals(utf8.rows().get(i).fields(), gbk.rows().get(i).fields());
                assertEquals(utf8.rows().get(i).line(), gbk.rows().get(i).line());
            }
        });
    }
}
