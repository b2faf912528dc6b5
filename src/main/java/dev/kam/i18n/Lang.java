package dev.kam.i18n;

import java.util.Locale;

/** Language of chart and report labels ({@code --lang en|zh}). Numbers are always formatted the same way. */
public enum Lang {
    EN, ZH;

    /** The code used on the command line and in the HTML {@code lang} attribute. */
    public String code() {
        return this == EN ? "en" : "zh-CN";
    }

    /** The locale whose message bundles this language reads. */
    public Locale locale() {
        return this == EN ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE;
    }

    /** Parses {@code en} or {@code zh} (case-insensitive); null when neither. */
    public static Lang parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("en")) return EN;
        if (t.equals("zh") || t.equals("zh-cn")) return ZH;
        return null;
    }
}
