package dev.kam.i18n;

import dev.kam.domain.Msg;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    private static final Path DIR = Path.of("src/main/resources/dev/kam/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void rendersInBothLanguagesAndNestsMessages() {
        Messages en = Messages.of(Lang.EN);
        Messages zh = Messages.of(Lang.ZH);
        assertEquals("yes", en.render(Msg.of("common.yes")));
        assertEquals("是", zh.render(Msg.of("common.yes")));
        assertEquals("none", en.get("common.none"));
        assertTrue(en.has("common.no"));
        assertFalse(en.has("common.nothing"));
        assertThrows(IllegalArgumentException.class, () -> en.get("common.nothing"));
        assertThrows(IllegalArgumentException.class, () -> Msg.of("nodot"));
    }

    @Test
    void figuresReadTheSameDigitsInBothLanguagesWithTheirOwnUnits() {
        Messages en = Messages.of(Lang.EN);
        Messages zh = Messages.of(Lang.ZH);
        assertEquals("CNY 12.5M", en.money(12_500_000, "CNY"));
        assertEquals("1,250万元", zh.money(12_500_000, "CNY"));
        assertEquals("4.3亿 USD", zh.money(430_000_000, "USD"));
        assertEquals("+CNY 1.6M", en.signedMoney(1_600_000, "CNY"));
        assertEquals("2,071元", zh.money(2_070.74, "CNY"), "no cents on amounts from 100 up");
        assertEquals("CNY 950", en.money(950.4, "CNY"));
        assertEquals("61%", en.percent(0.614));
        assertEquals("99.6%", en.percent(0.996), "near certainty keeps its decimal");
        assertEquals("0.4%", zh.percent(0.004));
        assertEquals("61.4%", zh.percent1(0.6141));
        assertEquals(Messages.MISSING, en.percent(Double.NaN));
        assertEquals("2036", en.year(2036));
    }

    @Test
    void argumentsAreRenderedBeforeTheyGoIn() {
        Messages en = Messages.of(Lang.EN);
        Messages zh = Messages.of(Lang.ZH);
        Msg reason = Msg.of("analysis.reason.keep", java.util.List.of(Msg.of("analysis.reason.keep.atRisk"),
                Msg.of("analysis.reason.keep.credit", 0.3, 0.4)), new dev.kam.domain.Money(2_500_000, "CNY"),
                Msg.of("analysis.owner.is", "S1"));
        assertEquals("stage at-risk; credit 0.30 below 0.40; CNY 2.5M revenue at stake, owner S1", en.render(reason));
        assertEquals("处于风险期；诚信 0.30，低于 0.40；250万元 收入面临流失，负责人 S1", zh.render(reason));
        assertEquals("7 accounts rated", en.render(Msg.of("cli.plan.analyzed", 7)));
        assertEquals("1 yearly targets, 1 warning", en.render(Msg.of("cli.plan.targeted", 1, 1)));
        assertEquals("3 yearly targets, 2 warnings", en.render(Msg.of("cli.plan.targeted", 3, 2)));
        assertEquals("fallback", en.getOr("report.nothing.here", "fallback"));
    }

    /** Every bundle has a Chinese twin with exactly the same keys, each pattern parses and uses the same placeholders. */
    @Test
    void everyBundleIsCompleteInChineseWithTheSamePlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> english;
        try (Stream<Path> s = Files.list(DIR)) {
            english = s.filter(p -> p.getFileName().toString().matches("[a-z]+\\.properties")).sorted().toList();
        }
        assertFalse(english.isEmpty(), "no bundles under " + DIR);
        for (Path en : english) {
            String area = en.getFileName().toString().replace(".properties", "");
            Path zh = DIR.resolve(area + "_zh_CN.properties");
            if (!Files.exists(zh)) {
                problems.add(zh + " is missing");
                continue;
            }
            Properties e = load(en);
            Properties z = load(zh);
            for (String k : new TreeSet<>(e.stringPropertyNames())) {
                if (!k.startsWith(area + ".")) problems.add(en + ": key " + k + " must start with '" + area + ".'");
                if (!z.containsKey(k)) {
                    problems.add(zh + ": missing " + k);
                    continue;
                }
                check(en, k, e.getProperty(k), problems);
                check(zh, k, z.getProperty(k), problems);
                if (!placeholders(e.getProperty(k)).equals(placeholders(z.getProperty(k)))) {
                    problems.add(k + ": placeholders differ between English and Chinese");
                }
            }
            for (String k : z.stringPropertyNames()) {
                if (!e.containsKey(k)) problems.add(zh + ": " + k + " is not in the English bundle");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void check(Path file, String key, String pattern, List<String> problems) {
        try {
            new MessageFormat(pattern, Locale.ROOT);
        } catch (IllegalArgumentException ex) {
            problems.add(file + ": " + key + ": not a MessageFormat pattern: " + ex.getMessage());
        }
    }

    private static TreeSet<String> placeholders(String pattern) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }
}
