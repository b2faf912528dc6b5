package dev.kam.scenario;

import dev.kam.io.CsvOut;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Writing a table with the project's CSV writer and reading it back gives the same cells. */
class CsvRoundTripProperties {
    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.strings()
                .withChars("abcXYZ019 ,;\"\r\n.-_'")
                .withChars("上海恒达精密制造有限公司王伟")
                .ofMaxLength(12);
        return cell.list().ofSize(3).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void writeThenReadRoundTrips(@ForAll("tables") List<List<String>> rows) {
        CsvOut out = new CsvOut("a", "b", "c");
        for (List<String> r : rows) out.row(r.toArray());
        Problems problems = new Problems();
        Csv.Table t = Csv.parse(out.text().getBytes(StandardCharsets.UTF_8), "t.csv", Csv.Encoding.AUTO, problems);
        assertFalse(problems.hasErrors(), problems.all().toString());
        // rows whose cells are all blank are skipped by the reader, as blank lines are
        List<List<String>> kept = rows.stream().filter(r -> !r.stream().map(CsvOut::safe).allMatch(String::isBlank))
                .toList();
        assertEquals(kept.size(), t.rows().size());
        for (int i = 0; i < kept.size(); i++) {
            String[] expected = kept.get(i).stream().map(CsvOut::safe).toArray(String[]::new);
            assertArrayEquals(expected, t.rows().get(i).fields());
        }
    }

    @Property(tries = 200)
    void gbkAndUtf8ReadTheSameText(@ForAll("tables") List<List<String>> rows) {
        CsvOut out = new CsvOut("a", "b", "c");
        for (List<String> r : rows) out.row(r.toArray());
        String text = out.text().substring(1); // Excel's GBK CSV has no BOM
        Problems p1 = new Problems();
        Problems p2 = new Problems();
        Csv.Table utf8 = Csv.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv", Csv.Encoding.AUTO, p1);
        Csv.Table gbk = Csv.parse(text.getBytes(Charset.forName("GBK")), "t.csv", Csv.Encoding.AUTO, p2);
        assertEquals(utf8.rows().size(), gbk.rows().size());
        for (int i = 0; i < utf8.rows().size(); i++) {
            assertArrayEquals(utf8.rows().get(i).fields(), gbk.rows().get(i).fields());
            assertEquals(utf8.rows().get(i).line(), gbk.rows().get(i).line());
        }
    }
}
