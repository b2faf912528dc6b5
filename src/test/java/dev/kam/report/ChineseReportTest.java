package dev.kam.report;

import dev.kam.domain.Account;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.run.RunResults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code --lang zh} report is Chinese: at most {@value #MAX_ENGLISH} English words in its visible text, on a
 * generated 40-account scenario run through every stage. Not counted, because they are not the report's own
 * words: the names, ids and tags (industries, regions, needs) of the scenario's accounts, soldiers and products
 * and the scenario's name (the user's data), file names, paths and YAML keys, the program's name and commands
 * ({@code kam assign}), and units ({@code CNY}); single letters (P10, 5A) are not words.
 */
class ChineseReportTest {
    static final int MAX_ENGLISH = 30;
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*[A-Za-z]");
    private static final Pattern FILE_OR_KEY = Pattern.compile(
            "/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+|--[a-z-]+|\\bkam( [a-z]+)?\\b");
    private static final List<String> UNITS = List.of("CNY", "USD", "EUR");

    @TempDir
    Path tmp;

    @Test
    void theChineseReportOfAGeneratedScenarioHasAtMostThirtyEnglishWords() {
        Scenario s = ReportFixture.generated(tmp.resolve("g40"), 40, 6, 4, 3);
        RunResults r = ReportFixture.run(s, 300);
        String html = HtmlReport.render(r, Messages.of(Lang.ZH), RunCharts.none());
        Map<String, Integer> words = englishWords(html, s);
        int total = words.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(total <= MAX_ENGLISH, total + " English words in the zh report (at most " + MAX_ENGLISH + "): " + words);
        assertTrue(Jsoup.parse(html).body().text().length() > 5000, "a whole report was counted");
        // the counter counts: the English report of the same run is full of English words
        int english = englishWords(HtmlReport.render(r, Messages.of(Lang.EN), RunCharts.none()), s).values().stream()
                .mapToInt(Integer::intValue).sum();
        assertTrue(english > 1000, english + " English words in the English report");
    }

    /** The English words of a report's visible text, with how often each appears. */
    static Map<String, Integer> englishWords(String html, Scenario s) {
        Document d = Jsoup.parse(html);
        d.select("style, script, code, .id, .file, figcaption").remove();
        String text = d.body().text();
        List<String> data = new ArrayList<>();
        data.add(s.name());
        for (Account a : s.accounts()) {
            data.add(a.name());
            data.add(a.id());
            data.add(a.industry());
            data.add(a.region());
            data.addAll(a.needs());
        }
        for (Soldier x : s.soldiers()) {
            data.add(x.name());
            data.add(x.id());
            data.addAll(x.industries());
            data.addAll(x.regions());
        }
        for (Product p : s.products()) {
            data.add(p.name());
            data.add(p.id());
            data.addAll(p.needs());
        }
        data.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : data) text = text.replace(name, " ");
        text = FILE_OR_KEY.matcher(text).replaceAll(" ");
        Map<String, Integer> out = new TreeMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (!UNITS.contains(w)) out.merge(w, 1, Integer::sum);
        }
        return out;
    }
}
