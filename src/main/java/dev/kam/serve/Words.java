package dev.kam.serve;

import dev.kam.i18n.Lang;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The pages' words in one language: every key of the {@code serve} message bundle
 * ({@code dev/kam/i18n/serve.properties} and its Chinese twin), as MessageFormat patterns that the
 * page fills in ({@code {0}}, {@code {1}}, and {@code ''} for a quote).
 */
final class Words {
    static final String BUNDLE = "dev.kam.i18n.serve";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Words() {
    }

    static Map<String, String> of(Lang lang) {
        Locale locale = lang == Lang.ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK);
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        Map<String, String> out = new TreeMap<>();
        for (String k : en.keySet()) out.put(k, b.getString(k));
        return out;
    }
}
