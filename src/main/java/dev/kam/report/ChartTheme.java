package dev.kam.report;

import dev.kam.domain.Msg;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.InputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The house chart theme, applied by {@link Chart} to every chart of every stage: white background, light
 * horizontal grid, one colour palette, a font that can show Chinese, thousands separators on every number
 * axis, legends below the plot. It holds no state: the words of a chart are chosen when the chart is built,
 * from the {@link Messages} of the run's language, and money axes are told their currency.
 *
 * <p>Helpers for chart builders: {@link #moneyAxis} (compact money ticks: K / M / B, or 万 / 亿 in Chinese),
 * {@link #percentAxis}, {@link #countAxis}, the {@link #PALETTE} colours and {@link #band} for the
 * translucent fill of a percentile band.
 *
 * <p>Font: the first installed CJK family of {@link #CJK_FAMILIES}; else the font bundled as the
 * resource {@value #BUNDLED_FONT} (WenQuanYi Micro Hei reduced to Latin, punctuation and the 6,763
 * hanzi of GB 2312; see its NOTICE); else the logical SansSerif font, which shows Chinese characters
 * as empty boxes. {@link #missingGlyphWarning} tells the command line when a name cannot be drawn.
 */
public final class ChartTheme {
    /** CJK-capable font families tried in this order. */
    public static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
            "Microsoft YaHei", "PingFang SC", "SimHei", "Droid Sans Fallback", "AR PL UMing CN");
    /** Classpath resource of an optional bundled CJK font. */
    public static final String BUNDLED_FONT = "/dev/kam/report/fonts/kam-cjk.ttf";

    /** Series colours, in order: blue, orange, green, red, purple, teal, pink, olive, grey. */
    public static final List<Color> PALETTE = List.of(new Color(0x1F5FAD), new Color(0xE8740C),
            new Color(0x2E9E5B), new Color(0xC8342B), new Color(0x7B52AE), new Color(0x17A2B8),
            new Color(0xD4569B), new Color(0x8C9A2B), new Color(0x6B7280));
    /** Colour of target lines and reference marks. */
    public static final Color TARGET = new Color(0xC8342B);
    public static final Color GRID = new Color(0xE3E6EA);
    public static final Color TEXT = new Color(0x1F2933);
    public static final Color MUTED = new Color(0x52606D);

    private static final String FAMILY = pickFamily();

    private ChartTheme() {
    }

    /** The font family used for charts. */
    public static String family() {
        return FAMILY;
    }

    /** A font of the chart family. */
    public static Font font(int style, float size) {
        return new Font(FAMILY, style, Math.round(size));
    }

    /** True when the chart font can draw every character of the text. */
    public static boolean canDisplay(String text) {
        return text == null || font(Font.PLAIN, 12).canDisplayUpTo(text) < 0;
    }

    /**
     * A warning ({@code chart.warning.glyphs}: the font, the first name it cannot draw) when some of the texts
     * (e.g. account names) contain characters the chart font cannot draw; empty when all can be drawn.
     */
    public static Optional<Msg> missingGlyphWarning(Collection<String> texts) {
        for (String t : texts) {
            if (!canDisplay(t)) return Optional.of(Msg.of("chart.warning.glyphs", FAMILY, t));
        }
        return Optional.empty();
    }

    /** Applies the house theme to a chart, in place. */
    public static void apply(JFreeChart chart) {
        StandardChartTheme t = new StandardChartTheme("kam");
        t.setExtraLargeFont(font(Font.BOLD, 20));
        t.setLargeFont(font(Font.BOLD, 14));
        t.setRegularFont(font(Font.PLAIN, 13));
        t.setSmallFont(font(Font.PLAIN, 11));
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(MUTED);
        t.setLegendItemPaint(TEXT);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(MUTED);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(Color.WHITE);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setShadowVisible(false);
        t.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        t.setDrawingSupplier(drawingSupplier());
        // StandardChartTheme clears series paints and strokes the writer set on purpose; keep them
        List<Runnable> restore = keepSeriesStyles(chart.getPlot());
        t.apply(chart);
        restore.forEach(Runnable::run);

        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getTitle() != null) {
            chart.getTitle().setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            chart.getTitle().setMargin(new RectangleInsets(4, 8, 6, 0));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title sub = chart.getSubtitle(i);
            if (sub instanceof LegendTitle legend) {
                legend.setFrame(BlockBorder.NONE);
                legend.setPosition(RectangleEdge.BOTTOM);
                legend.setItemFont(font(Font.PLAIN, 12));
            } else if (sub instanceof TextTitle tt) {
                tt.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
                tt.setPadding(new RectangleInsets(0, 8, 4, 0));
            }
        }
        Plot plot = chart.getPlot();
        if (plot instanceof XYPlot xy) styleXY(xy);
        else if (plot instanceof CategoryPlot cat) styleCategory(cat);
        else if (plot instanceof PiePlot<?> pie) {
            pie.setShadowPaint(null);
            pie.setOutlineVisible(false);
            pie.setLabelFont(font(Font.PLAIN, 12));
            pie.setLabelBackgroundPaint(Color.WHITE);
        }
    }

    private static void styleXY(XYPlot p) {
        // series are drawn in order, the first at the bottom, so that layered bands (P5–P95 under P25–P75) show
        p.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        p.setOutlineVisible(false);
        p.setDomainGridlinesVisible(false);
        p.setRangeGridlineStroke(new BasicStroke(1f));
        p.setRangeGridlinePaint(GRID);
        for (int i = 0; i < p.getDomainAxisCount(); i++) {
            boolean years = p.getDomainAxis(i) instanceof NumberAxis n && looksLikeYears(n);
            styleAxis(p.getDomainAxis(i));
            if (years) yearAxis(p.getDomainAxis(i));
        }
        for (int i = 0; i < p.getRangeAxisCount(); i++) styleAxis(p.getRangeAxis(i));
        for (int i = 0; i < p.getRendererCount(); i++) {
            XYItemRenderer r = p.getRenderer(i);
            if (r == null) continue;
            if (r.getDefaultStroke() == null || isDefaultStroke(r.getDefaultStroke())) {
                r.setDefaultStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
            if (r instanceof AbstractXYItemRenderer ar) {
                ar.setAutoPopulateSeriesStroke(false);
                ar.setDefaultStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                ar.setAutoPopulateSeriesShape(false);
                ar.setDefaultShape(new Ellipse2D.Double(-3, -3, 6, 6));
            }
        }
    }

    private static void styleCategory(CategoryPlot p) {
        p.setOutlineVisible(false);
        p.setDomainGridlinesVisible(false);
        p.setRangeGridlinePaint(GRID);
        p.setRangeGridlineStroke(new BasicStroke(1f));
        for (int i = 0; i < p.getDomainAxisCount(); i++) styleAxis(p.getDomainAxis(i));
        for (int i = 0; i < p.getRangeAxisCount(); i++) styleAxis(p.getRangeAxis(i));
    }

    private static List<Runnable> keepSeriesStyles(Plot plot) {
        List<Runnable> restore = new java.util.ArrayList<>();
        List<org.jfree.chart.renderer.AbstractRenderer> renderers = new java.util.ArrayList<>();
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) instanceof org.jfree.chart.renderer.AbstractRenderer r) renderers.add(r);
            }
        } else if (plot instanceof CategoryPlot cat) {
            for (int i = 0; i < cat.getRendererCount(); i++) {
                if (cat.getRenderer(i) instanceof org.jfree.chart.renderer.AbstractRenderer r) renderers.add(r);
            }
        }
        for (org.jfree.chart.renderer.AbstractRenderer r : renderers) {
            for (int i = 0; i < 64; i++) {
                int series = i;
                Paint paint = r.getSeriesPaint(i);
                Paint fill = r.getSeriesFillPaint(i);
                Paint outline = r.getSeriesOutlinePaint(i);
                Stroke stroke = r.getSeriesStroke(i);
                Shape shape = r.getSeriesShape(i);
                if (paint != null) restore.add(() -> r.setSeriesPaint(series, paint, false));
                if (fill != null) restore.add(() -> r.setSeriesFillPaint(series, fill, false));
                if (outline != null) restore.add(() -> r.setSeriesOutlinePaint(series, outline, false));
                if (stroke != null) restore.add(() -> r.setSeriesStroke(series, stroke, false));
                if (shape != null) restore.add(() -> r.setSeriesShape(series, shape, false));
            }
        }
        return restore;
    }

    private static boolean isDefaultStroke(Stroke s) {
        return s instanceof BasicStroke b && b.getLineWidth() <= 1.0f;
    }

    private static void styleAxis(Axis axis) {
        if (axis == null) return;
        axis.setAxisLinePaint(new Color(0xB0B7C0));
        axis.setTickMarkPaint(new Color(0xB0B7C0));
        axis.setLabelFont(font(Font.PLAIN, 13));
        axis.setTickLabelFont(font(Font.PLAIN, 12));
        if (axis instanceof NumberAxis n) {
            if (n.getNumberFormatOverride() == null && n.isAutoTickUnitSelection()) {
                n.setNumberFormatOverride(grouped());
            }
            // JFreeChart spaces vertical ticks by label height only; padding keeps about 6–10 ticks
            n.setTickLabelInsets(new RectangleInsets(9, 4, 9, 4));
        }
    }

    /** An axis whose whole range lies within calendar years 1800–2300 (formatted without separators). */
    private static boolean looksLikeYears(NumberAxis n) {
        if (n.getNumberFormatOverride() != null || !n.isAutoTickUnitSelection()) return false;
        org.jfree.data.Range r = n.getRange();
        return r.getLowerBound() >= 1800 && r.getUpperBound() <= 2300 && r.getLength() <= 200;
    }

    private static DefaultDrawingSupplier drawingSupplier() {
        Paint[] paints = PALETTE.toArray(new Paint[0]);
        return new DefaultDrawingSupplier(paints, paints, paints,
                new Stroke[] {new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)},
                new Stroke[] {new BasicStroke(1f)},
                new Shape[] {new Ellipse2D.Double(-3, -3, 6, 6)});
    }

    /** Palette colour {@code i} (wrapping). */
    public static Color color(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** A translucent version of a colour for a percentile band: {@code alpha} 0–1 (0.18 outer, 0.35 inner reads well). */
    public static Color band(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }

    /** A dashed stroke for target or reference lines. */
    public static Stroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
    }

    /**
     * Money axis: compact ticks in the language of {@code m} (12.5K / 3.4M, or 1.25万 / 4.3亿). The label is
     * the caller's, who names the unit with {@code chart.unit.*} messages ("Revenue (CNY per year)",
     * "收入（元/年）").
     */
    public static void moneyAxis(ValueAxis axis, Messages m) {
        if (axis instanceof NumberAxis n) {
            n.setNumberFormatOverride(money(m.lang()));
            n.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        }
    }

    /** Percent axis for values 0–1. */
    public static void percentAxis(ValueAxis axis) {
        if (axis instanceof NumberAxis n) n.setNumberFormatOverride(percent());
    }

    /** Count axis: whole numbers with thousands separators. */
    public static void countAxis(ValueAxis axis) {
        if (axis instanceof NumberAxis n) {
            n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            n.setNumberFormatOverride(grouped());
        }
    }

    /** Year axis: calendar years without a thousands separator, one tick per year. */
    public static void yearAxis(ValueAxis axis) {
        if (axis instanceof NumberAxis n) {
            n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            n.setNumberFormatOverride(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            n.setAutoRangeIncludesZero(false);
        }
    }

    /** Numbers with thousands separators and up to two decimals, Locale.ROOT. */
    public static NumberFormat grouped() {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Percent with up to one decimal, e.g. 12.5%. */
    public static NumberFormat percent() {
        return new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /**
     * Compact money format: 950, 12.5K, 3.4M, 1.2B in English; 950, 1.3万, 3.4亿 in Chinese.
     * Format-only (parsing is not supported).
     */
    public static NumberFormat money(Lang l) {
        return new CompactFormat(l);
    }


    private static final class CompactFormat extends NumberFormat {
        private final Lang l;

        CompactFormat(Lang l) {
            this.l = l;
        }

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            return to.append(Messages.compact(v, l));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("format only");
        }
    }

    /** The bundled CJK font (a GB 2312 subset of WenQuanYi Micro Hei), or null when the build has none. */
    public static Font bundledFont() {
        try (InputStream in = ChartTheme.class.getResourceAsStream(BUNDLED_FONT)) {
            return in == null ? null : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | java.awt.FontFormatException e) {
            return null;
        }
    }

    private static String pickFamily() {
        try {
            GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
            List<String> installed = List.of(ge.getAvailableFontFamilyNames(Locale.ROOT));
            for (String f : CJK_FAMILIES) {
                if (installed.contains(f)) return f;
            }
            Font f = bundledFont();
            if (f != null) {
                ge.registerFont(f);
                return f.getFamily(Locale.ROOT);
            }
        } catch (RuntimeException | Error e) {
            // no usable font configuration: the logical font below still draws Latin text
        }
        return Font.SANS_SERIF;
    }
}
