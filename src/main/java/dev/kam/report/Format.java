package dev.kam.report;

import dev.kam.i18n.Lang;
import dev.kam.domain.Account;
import dev.kam.domain.Product;
import dev.kam.domain.Soldier;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Number and cell formatting of the HTML report (Locale.ROOT digits, thousands separators). */
final class Format {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final List<String> PERCENT_WORDS = List.of("share", "probability", "utilization", "utilisation",
            "margin", "growth", "churn", "conversion", "adoption", "retention", "change", "gap");
    private static final List<String> MONEY_WORDS = List.of("revenue", "value", "uplift", "profit", "cost", "price",
            "wallet", "objective", "gain");

    private Format() {
    }

    static boolean isNumber(String s) {
        return s != null && NUMBER.matcher(s.trim()).matches();
    }

    static String percent(double v) {
        if (Double.isNaN(v)) return "–";
        double pct = v * 100;
        // near 0 or 100 the decimal matters: 99.6% is not a certainty
        boolean edge = (pct > 99 && pct < 100) || (pct > 0 && pct < 1);
        return HtmlReport.grouped(!edge && (Math.abs(pct) >= 10 || pct == Math.rint(pct)) ? "#,##0" : "#,##0.#")
                .format(pct) + "%";
    }

    static String money(double v, String currency, Lang lang) {
        if (Double.isNaN(v)) return "–";
        String c = ChartTheme.compact(v, lang);
        return lang == Lang.ZH ? c + " " + currency : currency + " " + c;
    }

    static String signedMoney(double v, String currency, Lang lang) {
        if (Double.isNaN(v)) return "–";
        return (v > 0 ? "+" : "") + money(v, currency, lang);
    }

    static String plain(double v) {
        if (Double.isNaN(v)) return "–";
        if (Math.abs(v) >= 1000) return HtmlReport.grouped("#,##0").format(v);
        return HtmlReport.grouped("#,##0.###").format(v);
    }

    /** A value of a simulation metric (totalRevenue, keyAccountCount, keyAccountShare, ...). */
    static String metric(String metric, double v, String currency, Lang lang) {
        String m = metric.toLowerCase(Locale.ROOT);
        if (m.contains("share") || m.contains("probability")) return percent(v);
        if (m.endsWith("count")) return plain(Math.rint(v * 10) / 10);
        return money(v, currency, lang);
    }

    /** A CSV cell for display: ids of soldiers, accounts and products get their names, numbers get separators. */
    static String cell(String column, String raw, Lang lang, Map<String, Soldier> soldiers, Map<String, Account> accounts,
                       Map<String, Product> products) {
        if (raw == null) return "";
        String c = column.toLowerCase(Locale.ROOT);
        if (!isNumber(raw)) {
            if (raw.isEmpty()) return "";
            if (c.equals("soldier") || c.contains("owner") || c.equals("lead") || c.equals("soldierid")) {
                return named(raw, soldiers.get(raw) == null ? null : soldiers.get(raw).name());
            }
            if (c.equals("account") || c.equals("accountid")) {
                return named(raw, accounts.get(raw) == null ? null : accounts.get(raw).name());
            }
            if (c.equals("product") || c.equals("productid")) {
                return named(raw, products.get(raw) == null ? null : products.get(raw).name());
            }
            return raw;
        }
        double v = Double.parseDouble(raw.trim());
        if (c.equals("year") || c.endsWith("id") || c.equals("seed")) return raw.trim();
        if (c.contains("percent")) return plain(v) + "%";
        for (String w : PERCENT_WORDS) if (c.contains(w) && Math.abs(v) <= 1.5) return percent(v);
        if (Math.abs(v) >= 100) for (String w : MONEY_WORDS) if (c.contains(w)) return plain(Math.rint(v));
        return plain(v);
    }

    private static String named(String id, String name) {
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }
}
