package dev.kam.i18n;

import dev.kam.domain.Money;
import dev.kam.domain.Msg;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words for {@link Msg}s and keys, in one language, from {@code ResourceBundle}s under
 * {@code dev/kam/i18n/}: one bundle per area ({@code report}, {@code cli}, {@code assign}, ...), each an English
 * {@code AREA.properties} and a Chinese {@code AREA_zh_CN.properties} (UTF-8). Values are
 * {@link MessageFormat} patterns (numbers inside them are formatted with {@link Locale#ROOT} digits in both
 * languages, so {@code 12,345.6} reads the same everywhere).
 *
 * <p>Arguments are rendered before they are put in: a nested {@link Msg} by its own words, a {@link Money} by
 * {@link #money(double, String)}, a {@link List} as its rendered items joined by the language's list separator
 * ({@code "; "} or {@code "；"}). Numbers, ids and names go in as they are.
 *
 * <p>The number helpers ({@link #percent}, {@link #money}, {@link #compact}, {@link #number}) are the one
 * place where a figure becomes text for a reader: compact money is {@code 12.5K / 3.4M / 1.2B} in English
 * and {@code 1.25万 / 4.3亿} in Chinese; NaN is shown as {@value #MISSING}.
 *
 * <p>An instance is immutable and passed explicitly to whatever renders text; there is no static language.
 * A key missing from the Chinese bundle falls back to English (a test keeps the bundles complete); a key
 * missing from both is a programming error and throws.
 */
public final class Messages {
    /** How a missing figure is shown. */
    public static final String MISSING = "–";

    private static final String BASE = "dev.kam.i18n.";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    /** Number formats by pattern, one set per thread: building a DecimalFormat costs more than using it. */
    private static final ThreadLocal<Map<String, DecimalFormat>> DECIMALS = ThreadLocal.withInitial(java.util.HashMap::new);

    private final Lang lang;
    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();
    /** Parsed patterns by key (a report renders the same few patterns thousands of times). */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

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
        for (int i = 0; i < args.length; i++) values[i] = argument(args[i]);
        // digits are the same in both languages; only the words differ
        MessageFormat f = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, Locale.ROOT));
        synchronized (f) {
            return f.format(values);
        }
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

    /** The words for {@code key} when it exists, else {@code fallback} as it is. */
    public String getOr(String key, String fallback) {
        return has(key) ? get(key) : fallback;
    }

    private Object argument(Object a) {
        if (a instanceof Msg m) return render(m);
        if (a instanceof Money money) return money(money.amount(), money.currency());
        if (a instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            String sep = get("common.listSeparator");
            for (Object o : list) {
                if (sb.length() > 0) sb.append(sep);
                Object v = argument(o);
                sb.append(v);
            }
            return sb.toString();
        }
        return a;
    }

    // ------------------------------------------------------------------ figures

    /**
     * A fraction as a percentage: whole percent from 10% up, one decimal below, and one decimal near the ends
     * (99.6% is not a certainty, 0.4% is not nothing).
     */
    public String percent(double fraction) {
        if (Double.isNaN(fraction)) return MISSING;
        double pct = fraction * 100;
        boolean edge = (pct > 99 && pct < 100) || (pct > 0 && pct < 1);
        String pattern = !edge && (Math.abs(pct) >= 10 || pct == Math.rint(pct)) ? "#,##0" : "#,##0.#";
        return decimal(pattern).format(pct) + "%";
    }

    /** A fraction as a percentage with exactly one decimal, e.g. {@code 61.4%}. */
    public String percent1(double fraction) {
        if (Double.isNaN(fraction)) return MISSING;
        return decimal("#,##0.0").format(fraction * 100) + "%";
    }

    /**
     * A probability with its 95% interval, e.g. {@code 36.5% (95% CI 35.6–37.5%)}: the value and both ends with
     * one decimal ({@link #percent1}), so the interval is never rounded away. Just {@link #percent1} of the value
     * when the interval is unknown (NaN).
     */
    public String percentCi(double value, double ciLow, double ciHigh) {
        if (Double.isNaN(value)) return MISSING;
        if (Double.isNaN(ciLow) || Double.isNaN(ciHigh)) return percent1(value);
        return get("common.percentCi", percent1(value), decimal("#,##0.0").format(ciLow * 100),
                percent1(ciHigh));
    }

    /** Only the interval of a probability, e.g. {@code 95% CI 35.6–37.5%} (for a cell that shows the value apart). */
    public String ci(double ciLow, double ciHigh) {
        if (Double.isNaN(ciLow) || Double.isNaN(ciHigh)) return MISSING;
        return get("common.ci", decimal("#,##0.0").format(ciLow * 100), percent1(ciHigh));
    }

    /**
     * A difference of two probabilities in percentage points with its paired standard error, e.g.
     * {@code +16.2 points (paired standard error 0.4)}.
     */
    public String pointsSe(double difference, double stderr) {
        if (Double.isNaN(difference)) return MISSING;
        return get("common.pointsSe", decimal("+#,##0.0;-#,##0.0").format(difference * 100),
                Double.isNaN(stderr) ? MISSING : decimal("#,##0.0").format(stderr * 100));
    }

    /** A number with thousands separators and at most {@code decimals} decimals. */
    public String number(double v, int decimals) {
        if (Double.isNaN(v)) return MISSING;
        return decimal(decimals <= 0 ? "#,##0" : "#,##0." + "#".repeat(decimals)).format(v);
    }

    /** A whole number with thousands separators. */
    public String integer(long v) {
        return decimal("#,##0").format(v);
    }

    /** A calendar year, without a thousands separator. */
    public String year(int y) {
        return Integer.toString(y);
    }

    /** Compact amount: 950, 12.5K, 3.46M, 1.2B in English; 950, 1.25万, 346万, 4.3亿 in Chinese. */
    public String compact(double v) {
        return compact(v, lang);
    }

    /** {@link #compact(double)} in a given language (the chart axes' tick format uses it). */
    public static String compact(double v, Lang lang) {
        if (Double.isNaN(v)) return MISSING;
        double a = Math.abs(v);
        double[] scales = lang == Lang.ZH ? new double[] {1e8, 1e4} : new double[] {1e12, 1e9, 1e6, 1e3};
        String[] units = lang == Lang.ZH ? new String[] {"亿", "万"} : new String[] {"T", "B", "M", "K"};
        for (int i = 0; i < scales.length; i++) {
            if (a >= scales[i]) {
                double x = v / scales[i];
                String pattern = Math.abs(x) >= 100 ? "#,##0" : Math.abs(x) >= 10 ? "#,##0.#" : "#,##0.##";
                return decimal(pattern).format(x) + units[i];
            }
        }
        // below the first unit: whole units from 100 up (cents of a large plan are noise), two decimals below
        return decimal(a >= 100 ? "#,##0" : "#,##0.##").format(v);
    }

    /**
     * The unit a currency is shown with: the code ({@code CNY}, {@code USD}) in English; in Chinese 元 for
     * CNY (so amounts read 1,250万元) and the code for any other currency.
     */
    public String currencyUnit(String currency) {
        if (currency == null) return "";
        return lang == Lang.ZH && currency.equals("CNY") ? "元" : currency;
    }

    /** Compact money: {@code CNY 12.5M} in English, {@code 1,250万元} or {@code 4.3亿 USD} in Chinese. */
    public String money(double v, String currency) {
        if (Double.isNaN(v)) return MISSING;
        String c = compact(v);
        String unit = currencyUnit(currency);
        if (unit.isEmpty()) return c;
        if (lang == Lang.ZH) return unit.equals("元") ? c + unit : c + " " + unit;
        return unit + " " + c;
    }

    /** {@link #money} with a sign on gains: {@code +CNY 1.6M}. */
    public String signedMoney(double v, String currency) {
        if (Double.isNaN(v)) return MISSING;
        return (v > 0 ? "+" : "") + money(v, currency);
    }

    private static DecimalFormat decimal(String pattern) {
        return DECIMALS.get().computeIfAbsent(pattern, p -> new DecimalFormat(p, ROOT));
    }

    // ------------------------------------------------------------------ bundles

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
