package dev.kam.report;

import dev.kam.funnel.FunnelAnalysis;
import dev.kam.funnel.FunnelResult;
import dev.kam.funnel.FunnelResult.StageCount;
import dev.kam.i18n.Messages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * The funnel chart: open opportunities per stage as horizontal bars, step 1 on top, active stages in the house
 * colour and the others muted, each bar labelled with its count and the conversion to the next stage.
 */
public final class FunnelChart {
    private FunnelChart() {
    }

    /** The dataset: one category per stage ("1 信息收集"), one series of counts. */
    static DefaultCategoryDataset dataset(FunnelResult f, Messages m) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String series = m.get("funnel.chart.opportunities");
        for (StageCount s : f.stages()) d.addValue(s.opportunities(), series, category(s, f, m));
        return d;
    }

    static String category(StageCount s, FunnelResult f, Messages m) {
        Object label = FunnelAnalysis.stageLabel(f.funnel(), s.step());
        return s.step() + " " + (label instanceof dev.kam.domain.Msg msg ? m.render(msg) : label);
    }

    public static JFreeChart chart(FunnelResult f, Messages m) {
        DefaultCategoryDataset d = dataset(f, m);
        List<StageCount> stages = f.stages();
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis(m.get("funnel.chart.axis"));
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setUpperMargin(0.25);
        BarRenderer r = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return stages.get(column).active() ? ChartTheme.color(0) : ChartTheme.band(ChartTheme.color(0), 0.45);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0);
        DecimalFormat pct = new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.ROOT));
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                StageCount s = stages.get(column);
                String text = String.valueOf(s.opportunities());
                if (!Double.isNaN(s.conversion())) text += "  → " + pct.format(s.conversion());
                return text;
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryPlot plot = new CategoryPlot(d, x, y, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(m.get("funnel.chart.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(m.get("funnel.chart.subtitle",
                f.conversion() == null ? Double.NaN : f.conversion().activeWinProbability(),
                f.conversion() == null ? 0 : f.conversion().activeCount(),
                f.conversion() == null ? Double.NaN : f.conversion().winProbability())));
        return chart;
    }
}
