package dev.kam.report;

import dev.kam.i18n.Lang;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Concentration;
import dev.kam.analysis.TierSummary;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Scenario;
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

/** The charts of the analyze stage: customer pyramid, Lorenz curve, 5A rating distribution. */
public final class AnalysisCharts {
    static final Color COUNT = new Color(0x9E, 0xB8, 0xD9);
    static final Color REVENUE = new Color(0x1F, 0x4E, 0x8C);
    static final Color ACCENT = new Color(0xC0, 0x39, 0x2B);

    private static final String[] TIER_ZH = {"大客户", "中客户", "小客户"};

    private AnalysisCharts() {
    }

    /** True when the charts are drawn in Chinese ({@code --lang zh}, see {@link ChartTheme#lang()}). */
    private static boolean zh() {
        return ChartTheme.lang() == Lang.ZH;
    }

    private static String t(String en, String zh) {
        return zh() ? zh : en;
    }

    /** Share of accounts and share of revenue per tier, key tier on top. */
    public static JFreeChart pyramid(Scenario s, Analysis a) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (TierSummary t : a.pyramid()) {
            String cat = t(t.tier().label(), TIER_ZH[t.tier().ordinal()]) + " (" + String.format(Locale.ROOT, "%,d", t.count())
                    + t(t.count() == 1 ? " account)" : " accounts)", " 家)");
            d.addValue(t.countShare() * 100, t("Share of accounts", "客户数占比"), cat);
            d.addValue(t.revenueShare() * 100, t("Share of revenue", "收入占比"), cat);
        }
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis(t("Share of all accounts / of total revenue (%)", "占客户数 / 总收入的比例（%）"));
        y.setRange(0, 105);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        y.setNumberFormatOverride(new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        BarRenderer r = barRenderer(COUNT, REVENUE);
        double maxTier = 0;
        for (TierSummary t : a.pyramid()) maxTier = Math.max(maxTier, t.revenue());
        Scale scale = Scale.of(maxTier);
        List<TierSummary> tiers = a.pyramid();
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset ds, int row, int column) {
                double v = ds.getValue(row, column).doubleValue();
                if (row == 0) return String.format(Locale.ROOT, "%.1f%%", v);
                return String.format(Locale.ROOT, "%.1f%% (%s %s%s)", v, s.currency(),
                        scaled(tiers.get(column).revenue(), scale), scale.suffix());
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(4);
        CategoryPlot plot = new CategoryPlot(d, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart("Customer pyramid", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(s.name()));
        var p = s.analysis();
        String threshold = money(s.strategy().keyAccountThreshold(), s.currency());
        String rule = zh()
                ? "按收入排序 · 大客户：累计收入前 " + pct0(p.keyShare()) + (p.useThreshold() ? " 或收入 ≥ " + threshold : "")
                        + " · 中客户：累计至 " + pct0(p.midShare()) + " · 小客户：其余及潜在客户"
                : "Ranked by revenue · key: the first " + pct0(p.keyShare()) + " of revenue"
                        + (p.useThreshold() ? " or ≥ " + threshold : "")
                        + " · mid: up to " + pct0(p.midShare()) + " · small: the rest and prospects";
        chart.addSubtitle(new TextTitle(rule));
        String total = money(a.baseline().totalRevenue(), s.currency());
        String count = String.format(Locale.ROOT, "%,d", a.baseline().accounts());
        chart.addSubtitle(new TextTitle(t("Total revenue " + total + " from " + count + " accounts",
                count + " 家客户，总收入 " + total)));
        return chart;
    }

    /** The Lorenz curve of revenue over active accounts, with the line of equality and the Gini coefficient. */
    public static JFreeChart lorenz(Scenario s, Analysis a) {
        Concentration c = a.concentration();
        XYSeries curve = new XYSeries(t("Lorenz curve (accounts ranked from smallest)", "洛伦兹曲线（客户按收入从小到大）"), false, false);
        for (Concentration.Point p : c.lorenz()) curve.add(p.accountShare() * 100, p.revenueShare() * 100);
        XYSeries eq = new XYSeries(t("Equality", "完全均等"), false, false);
        eq.add(0, 0);
        eq.add(100, 100);
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(curve);
        d.addSeries(eq);
        NumberAxis x = new NumberAxis("Cumulative share of accounts (%)");
        NumberAxis y = new NumberAxis("Cumulative share of revenue (%)");
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
            String top = String.format(Locale.ROOT, "%,d", c.top10PctCount());
            String ofAccounts = pct0((double) c.top10PctCount() / c.activeAccounts());
            boolean one = c.top10PctCount() == 1;
            XYPointerAnnotation ann = new XYPointerAnnotation(t("Top " + top + (one ? " account (" : " accounts (")
                    + ofAccounts + " of accounts) " + (one ? "brings " : "bring ") + pct1(c.top10PctShare()) + " of revenue",
                    "前 " + top + " 家客户（占 " + ofAccounts + "）贡献 " + pct1(c.top10PctShare()) + " 的收入"),
                    px, py, -Math.PI * 0.75) {
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
        JFreeChart chart = new JFreeChart("Lorenz curve", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(s.name() + t(" · revenue concentration over accounts with revenue", " · 有收入客户的收入集中度")));
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, t(
                "Gini %.3f · top account %s · top 5 %s · HHI %.3f (≈ %s equal accounts) · %,d active accounts",
                "基尼系数 %.3f · 最大客户 %s · 前 5 名 %s · HHI %.3f（≈ %s 家同等客户）· %,d 家有收入客户"),
                c.gini(), pct1(c.top1Share()), pct1(c.top5Share()), c.hhi(), fmtEff(c.effectiveNumber()),
                c.activeAccounts())));
        return chart;
    }

    /** Number of accounts and their revenue per 5A rating, 1A to 5A. */
    public static JFreeChart ratings(Scenario s, Analysis a) {
        int[] counts = a.ratingCounts();
        double[] revenue = a.ratingRevenue();
        double max = 0;
        for (double v : revenue) max = Math.max(max, v);
        Scale scale = Scale.of(max);
        DefaultCategoryDataset dc = new DefaultCategoryDataset();
        DefaultCategoryDataset dr = new DefaultCategoryDataset();
        for (int i = 0; i < 5; i++) {
            String cat = (i + 1) + "A";
            dc.addValue(counts[i], t("Accounts", "客户数"), cat);
            dr.addValue(revenue[i] / scale.divisor, t("Revenue", "收入"), cat);
        }
        NumberAxis yc = new NumberAxis(t("Accounts", "客户数"));
        yc.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        yc.setNumberFormatOverride(thousands());
        yc.setUpperMargin(0.15);
        BarRenderer rc = barRenderer(COUNT);
        rc.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", thousands()));
        rc.setDefaultItemLabelsVisible(true);
        CategoryPlot pc = new CategoryPlot(dc, null, yc, rc);

        NumberAxis yr = new NumberAxis(t("Revenue (", "收入（") + s.currency() + scale.suffix() + t(")", "）"));
        yr.setNumberFormatOverride(thousands());
        yr.setUpperMargin(0.15);
        BarRenderer rr = barRenderer(REVENUE);
        rr.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat(scale.divisor >= 1_000_000 ? "#,##0.0" : "#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        rr.setDefaultItemLabelsVisible(true);
        CategoryPlot pr = new CategoryPlot(dr, null, yr, rr);

        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis(t("5A rating (5A = most valuable)", "5A评级（5A = 价值最高）")));
        plot.setGap(28);
        plot.add(pc, 1);
        plot.add(pr, 1);
        JFreeChart chart = new JFreeChart("5A ratings", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(s.name()));
        double[] w = s.analysis().ratingWeights();
        double sw = 0;
        for (double v : w) sw += v;
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, t(
                "Score = %s revenue + %s profit + %s credit + %s efficiency + %s ease; money criteria as %s; prospects on wallet potential",
                "得分 = %s 收入 + %s 利润 + %s 诚信 + %s 人均效能 + %s 难易度；金额指标按%s；潜在客户按钱包潜力评级"),
                pct0(w[0] / sw), pct0(w[1] / sw), pct0(w[2] / sw), pct0(w[3] / sw), pct0(w[4] / sw),
                AnalysisParams.LOG_MINMAX.equals(s.analysis().normalization()) ? t("log min-max", "对数最小-最大归一")
                        : t("percentile ranks", "百分位排名"))));
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
    record Scale(double divisor, String en, String zhSuffix) {
        String suffix() {
            return zh() ? zhSuffix : en;
        }

        static Scale of(double max) {
            if (max >= 1_000_000) return new Scale(1_000_000, " million", " 百万");
            if (max >= 10_000) return new Scale(1_000, " thousand", " 千");
            return new Scale(1, "", "");
        }
    }

    private static String scaled(double v, Scale scale) {
        return new DecimalFormat(scale.divisor >= 1_000_000 ? "#,##0.0" : "#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(v / scale.divisor);
    }

    static NumberFormat thousands() {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static String money(double v, String currency) {
        return String.format(Locale.ROOT, "%,.0f %s", v, currency);
    }

    private static String pct0(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String pct1(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String fmtEff(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.1f", v) : "–";
    }
}
