package dev.kam.i18n;

import dev.kam.domain.Msg;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words for {@link Msg}s and keys, in one language, from {@code ResourceBundle}s under
 * {@code dev/kam/i18n/}: one bundle per area ({@code report}, {@code cli}, {@code assign}, ...), each an English
 * {@code AREA.properties} and a Chinese {@code AREA_zh_CN.properties} (UTF-8). Values are
 * {@link MessageFormat} patterns.
 *
 * <p>An instance is immutable and passed explicitly to whatever renders text; there is no static language.
 * A key missing from the Chinese bundle falls back to English (a test keeps the bundles complete); a key
 * missing from both is a programming error and throws.
 */
public final class Messages {
    private static final String BASE = "dev.kam.i18n.";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Lang lang;
    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

    private Messages(Lang lang) {
        this.lang = lang == null ? Lang.EN : lang;
    }

    public static Messages of(Lang lang) {
        return new Messages(lang);
    }

    public Lang lang() {
        return lang;
    }

    public Locale locale() {
        return lang.locale();
    }

    /** The words of a message, its arguments filled in (nested messages rendered first). */
    public String render(Msg m) {
        return get(m.key(), m.args().toArray());
    }

    /** The words for {@code key} with its placeholders filled. */
    public String get(String key, Object... args) {
        String pattern = pattern(key);
        if (args.length == 0 && pattern.indexOf('{') < 0) return pattern.replace("''", "'");
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) values[i] = args[i] instanceof Msg m ? render(m) : args[i];
        MessageFormat f = new MessageFormat(pattern, lang == Lang.EN ? Locale.ROOT : locale());
        return f.format(values);
    }

    /** Whether a key exists (in English, the reference language). */
    public boolean has(String key) {
        try {
            bundle(area(key), Locale.ROOT).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private String pattern(String key) {
        String area = area(key);
        if (lang != Lang.EN) {
            try {
                return bundle(area, locale()).getString(key);
            } catch (MissingResourceException e) {
                // falls back to English below
            }
        }
        try {
            return bundle(area, Locale.ROOT).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + BASE + area, e);
        }
    }

    private ResourceBundle bundle(String area, Locale locale) {
        return bundles.computeIfAbsent(area + "_" + locale, k -> ResourceBundle.getBundle(BASE + area, locale, NO_FALLBACK));
    }

    private static String area(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) throw new IllegalArgumentException("message key needs a bundle prefix: " + key);
        return key.substring(0, dot);
    }
}
