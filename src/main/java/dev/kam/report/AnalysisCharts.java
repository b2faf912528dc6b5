package dev.kam.report;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Concentration;
import dev.kam.analysis.TierSummary;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Messages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The charts of the analyze stage: customer pyramid, Lorenz curve, 5A rating distribution. Every word comes
 * from the {@code chart} bundle in the language of the {@link Messages} given.
 */
public final class AnalysisCharts {
    static final Color COUNT = new Color(0x9E, 0xB8, 0xD9);
    static final Color REVENUE = new Color(0x1F, 0x4E, 0x8C);
    static final Color ACCENT = new Color(0xC0, 0x39, 0x2B);

    private AnalysisCharts() {
    }

    /** The three charts in report order: pyramid, ratings, Lorenz curve. */
    public static List<Chart> all(Scenario s, Analysis a, Messages m) {
        return List.of(Chart.of("pyramid", pyramid(s, a, m)), Chart.of("ratings", ratings(s, a, m)),
                Chart.of("lorenz", lorenz(s, a, m)));
    }

    /** Share of accounts and share of revenue per tier, key tier on top. */
    public static JFreeChart pyramid(Scenario s, Analysis a, Messages m) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String accounts = m.get("chart.pyramid.shareAccounts");
        String revenue = m.get("chart.pyramid.shareRevenue");
        for (TierSummary t : a.pyramid()) {
            String cat = m.get("chart.pyramid.category", m.get(t.tier().key()), t.count());
            d.addValue(t.countShare() * 100, accounts, cat);
            d.addValue(t.revenueShare() * 100, revenue, cat);
        }
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis(m.get("chart.pyramid.axis"));
        y.setRange(0, 105);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        y.setNumberFormatOverride(new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        BarRenderer r = barRenderer(COUNT, REVENUE);
        List<TierSummary> tiers = a.pyramid();
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset ds, int row, int column) {
                double v = ds.getValue(row, column).doubleValue() / 100;
                if (row == 0) return m.percent1(v);
                return m.get("chart.pyramid.revenueLabel", m.percent1(v), m.money(tiers.get(column).revenue(), s.currency()));
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(4);
        CategoryPlot plot = new CategoryPlot(d, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(m.get("chart.pyramid.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(s.name()));
        AnalysisParams p = s.analysis();
        Object threshold = p.useThreshold()
                ? m.get("chart.pyramid.ruleThreshold", m.money(s.strategy().keyAccountThreshold(), s.currency())) : "";
        chart.addSubtitle(new TextTitle(m.get("chart.pyramid.rule", p.keyShare(), threshold, p.midShare())));
        chart.addSubtitle(new TextTitle(m.get("chart.pyramid.total", m.money(a.baseline().totalRevenue(), s.currency()),
                a.baseline().accounts())));
        return chart;
    }

    /** The Lorenz curve of revenue over active accounts, with the line of equality and the Gini coefficient. */
    public static JFreeChart lorenz(Scenario s, Analysis a, Messages m) {
        Concentration c = a.concentration();
        XYSeries curve = new XYSeries(m.get("chart.lorenz.curve"), false, false);
        for (Concentration.Point p : c.lorenz()) curve.add(p.accountShare() * 100, p.revenueShare() * 100);
        XYSeries eq = new XYSeries(m.get("chart.lorenz.equality"), false, false);
        eq.add(0, 0);
        eq.add(100, 100);
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(curve);
        d.addSeries(eq);
        NumberAxis x = new NumberAxis(m.get("chart.lorenz.x"));
        NumberAxis y = new NumberAxis(m.get("chart.lorenz.y"));
        for (NumberAxis ax : new NumberAxis[] {x, y}) {
            ax.setRange(0, 100);
            ax.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
            ax.setNumberFormatOverride(new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        }
        XYLineAndShapeRenderer r = lineRenderer(new Color[] {REVENUE, Color.GRAY}, new Stroke[] {new BasicStroke(2.5f),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)});
        XYPlot plot = new XYPlot(d, x, y, r);
        if (c.activeAccounts() > 0) {
            double px = 100.0 * (c.activeAccounts() - c.top10PctCount()) / c.activeAccounts();
            double py = 100.0 * (1 - c.top10PctShare());
            Font font = new Font(ChartTheme.family(), Font.BOLD, 13);
            XYPointerAnnotation ann = new XYPointerAnnotation(m.get("chart.lorenz.top", c.top10PctCount(),
                    (double) c.top10PctCount() / c.activeAccounts(), c.top10PctShare()), px, py, -Math.PI * 0.75) {
                @Override
                public Font getFont() {
                    return font; // pinned: the chart theme shrinks annotation fonts
                }
            };
            ann.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
            ann.setArrowLength(12);
            ann.setTipRadius(4);
            ann.setArrowPaint(ACCENT);
            ann.setPaint(ACCENT);
            plot.addAnnotation(ann);
        }
        JFreeChart chart = new JFreeChart(m.get("chart.lorenz.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(m.get("chart.lorenz.subtitle", s.name())));
        chart.addSubtitle(new TextTitle(m.get("chart.lorenz.figures", c.gini(), c.top1Share(), c.top5Share(), c.hhi(),
                Double.isFinite(c.effectiveNumber()) ? m.number(c.effectiveNumber(), 1) : Messages.MISSING,
                c.activeAccounts())));
        return chart;
    }

    /** Number of accounts and their revenue per 5A rating, 1A to 5A. */
    public static JFreeChart ratings(Scenario s, Analysis a, Messages m) {
        int[] counts = a.ratingCounts();
        double[] revenue = a.ratingRevenue();
        double max = 0;
        for (double v : revenue) max = Math.max(max, v);
        Scale scale = Scale.of(max);
        DefaultCategoryDataset dc = new DefaultCategoryDataset();
        DefaultCategoryDataset dr = new DefaultCategoryDataset();
        String accounts = m.get("chart.ratings.accounts");
        String rev = m.get("chart.ratings.revenue");
        for (int i = 0; i < 5; i++) {
            String cat = (i + 1) + "A";
            dc.addValue(counts[i], accounts, cat);
            dr.addValue(revenue[i] / scale.divisor, rev, cat);
        }
        NumberAxis yc = new NumberAxis(accounts);
        yc.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        yc.setNumberFormatOverride(thousands());
        yc.setUpperMargin(0.15);
        BarRenderer rc = barRenderer(COUNT);
        rc.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", thousands()));
        rc.setDefaultItemLabelsVisible(true);
        CategoryPlot pc = new CategoryPlot(dc, null, yc, rc);

        NumberAxis yr = new NumberAxis(m.get("chart.ratings.revenueAxis", scale.unit(m, s.currency())));
        yr.setNumberFormatOverride(thousands());
        yr.setUpperMargin(0.15);
        BarRenderer rr = barRenderer(REVENUE);
        rr.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat(scale.divisor >= 1_000_000 ? "#,##0.0" : "#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        rr.setDefaultItemLabelsVisible(true);
        CategoryPlot pr = new CategoryPlot(dr, null, yr, rr);

        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis(m.get("chart.ratings.axis")));
        plot.setGap(28);
        plot.add(pc, 1);
        plot.add(pr, 1);
        JFreeChart chart = new JFreeChart(m.get("chart.ratings.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(s.name()));
        double[] w = s.analysis().ratingWeights();
        double sw = 0;
        for (double v : w) sw += v;
        String method = AnalysisParams.LOG_MINMAX.equals(s.analysis().normalization())
                ? m.get("chart.ratings.logMinMax") : m.get("chart.ratings.percentile");
        chart.addSubtitle(new TextTitle(m.get("chart.ratings.subtitle", w[0] / sw, w[1] / sw, w[2] / sw, w[3] / sw,
                w[4] / sw, method)));
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        return chart;
    }

    /** Flat bars in fixed colours; the colours are pinned so that a chart theme cannot repaint them. */
    private static BarRenderer barRenderer(Color... colors) {
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colors[row % colors.length];
            }

            @Override
            public Paint lookupSeriesPaint(int series) {
                return colors[series % colors.length];
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        return r;
    }

    /** Lines in fixed colours and strokes, pinned against the chart theme. */
    private static XYLineAndShapeRenderer lineRenderer(Color[] colors, Stroke[] strokes) {
        return new XYLineAndShapeRenderer(true, false) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colors[row];
            }

            @Override
            public Paint lookupSeriesPaint(int series) {
                return colors[series];
            }

            @Override
            public Stroke getItemStroke(int row, int column) {
                return strokes[row];
            }

            @Override
            public Stroke lookupSeriesStroke(int series) {
                return strokes[series];
            }
        };
    }

    /** Divides money for an axis so that ticks stay short: none, thousand or million. */
    record Scale(double divisor, String unitKey) {
        String unit(Messages m, String currency) {
            return m.get(unitKey, m.currencyUnit(currency));
        }

        static Scale of(double max) {
            if (max >= 1_000_000) return new Scale(1_000_000, "chart.unit.million");
            if (max >= 10_000) return new Scale(1_000, "chart.unit.thousand");
            return new Scale(1, "chart.unit.plain");
        }
    }

    static NumberFormat thousands() {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
