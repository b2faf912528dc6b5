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
