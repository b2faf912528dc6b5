package dev.kam.mechanisms;

import dev.kam.i18n.Lang;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * What the mechanisms' HTML pages share (the account operating reports, the mechanisms page): the page head with
 * inline CSS, HTML escaping and number formats. Pages are self-contained: no script, no network.
 */
public final class HtmlPage {
    private HtmlPage() {
    }

    /** Opens a page: doctype, language, title and the inline style. */
    public static void head(StringBuilder h, Lang lang, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>\n");
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /** Money in the compact house format: "CNY 1.2M" in English, "120万 CNY" in Chinese; "–" for NaN. */
    public static String money(double v, String currency, Lang lang) {
        if (Double.isNaN(v)) return "–";
        String c = dev.kam.i18n.Messages.compact(v, lang);
        return lang == Lang.ZH ? c + " " + currency : currency + " " + c;
    }

    /** A fraction as a percentage with up to one decimal; "–" for NaN. */
    public static String pct(double v) {
        if (Double.isNaN(v)) return "–";
        return new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    /** A plain number with up to two decimals and thousands separators; "–" for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "–";
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',"
            + "'PingFang SC','Microsoft YaHei',sans-serif;margin:0 auto;max-width:1040px;padding:1.5rem;color:#1f2933;"
            + "background:#f7f8fa}header h1{margin:.2rem 0;font-size:1.6rem}header small{color:#52606d;font-weight:normal}"
            + ".crumb{margin:0;font-size:.9rem}section{background:#fff;border:1px solid #e3e6ea;border-radius:6px;"
            + "padding:.8rem 1.2rem;margin:1rem 0}h2{font-size:1.15rem;margin:.2rem 0 .6rem;color:#1f5fad}"
            + "table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{text-align:left;padding:.3rem .5rem;"
            + "border-bottom:1px solid #e3e6ea;vertical-align:top}td.n{text-align:right;white-space:nowrap}"
            + "table.kv th{width:34%;color:#52606d;font-weight:normal}ol li{margin:.3rem 0}a{color:#1f5fad}"
            + ".processes{border-left:4px solid #e8740c}.up{color:#1e7b34}.down{color:#c8342b}.note{color:#52606d}"
            + "@media print{body{background:#fff}section{break-inside:avoid}}";
}
