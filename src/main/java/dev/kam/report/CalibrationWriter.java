package dev.kam.report;

import dev.kam.calibration.Backtest;
import dev.kam.calibration.Calibration;
import dev.kam.calibration.CalibrationFit;
import dev.kam.calibration.Estimate;
import dev.kam.domain.Msg;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;
import dev.kam.simulation.Metric;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.Stroke;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code calibration/} (SPEC §8): fit.csv (parameter, estimate, stderr, n, method, ciLow, ciHigh, clusters,
 * applied), calibration.yaml (a {@code simulation:} block a scenario can {@code extends:} or paste: every applied
 * estimate as {@code {mean, sd}}), backtest.csv (year, metric, actual, p5, p50, p95, inside) and the backtest chart.
 * Numbers are in plain notation at full precision; words in English.
 */
public final class CalibrationWriter {
    public static final List<String> FIT_COLUMNS = List.of("parameter", "estimate", "stderr", "n", "method", "ciLow",
            "ciHigh", "clusters", "applied");
    public static final List<String> BACKTEST_COLUMNS = List.of("year", "metric", "actual", "p5", "p50", "p95",
            "inside");
    private static final Messages EN = Messages.of(Lang.EN);

    private CalibrationWriter() {
    }

    /** Writes every file into the stage folder (the caller commits it). */
    public static void write(OutputDir dir, Calibration c, String scenarioName, String currency, Messages m) {
        fit(c.fit()).write(dir.file("fit.csv"));
        dir.writeString("calibration.yaml", yaml(c.fit(), scenarioName));
        if (c.backtest() != null) {
            backtest(c.backtest()).write(dir.file("backtest.csv"));
            ChartFiles.write(backtestChart(c.backtest(), currency, m), dir, "backtest");
        }
    }

    /** A number at full precision, plain notation; NaN empty. */
    static String full(double v) {
        if (!Double.isFinite(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static CsvOut fit(CalibrationFit f) {
        CsvOut csv = new CsvOut(FIT_COLUMNS.toArray(new String[0]));
        for (Estimate e : f.estimates()) {
            csv.row(e.param().key(), full(e.estimate()), full(e.stderr()), e.n(), EN.render(e.method()),
                    full(e.ciLow()), full(e.ciHigh()), e.clusters(), e.applied() ? "true" : "false");
        }
        return csv;
    }

    static CsvOut backtest(Backtest b) {
        CsvOut csv = new CsvOut(BACKTEST_COLUMNS.toArray(new String[0]));
        for (Backtest.Row r : b.rows()) {
            csv.row(r.year(), r.metric(), full(r.actual()), full(r.p5()), full(r.p50()), full(r.p95()),
                    r.inside() ? "true" : "false");
        }
        return csv;
    }

    /** Six significant digits: enough for a parameter whose standard error is in the second digit. */
    private static String short6(double v) {
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The fitted simulation block: nested YAML keys, each applied estimate as {mean, sd}. */
    static String yaml(CalibrationFit f, String scenarioName) {
        StringBuilder y = new StringBuilder();
        y.append("# kam calibrate: ").append(scenarioName.replace('\n', ' ')).append('\n');
        y.append(String.format(Locale.ROOT, "# fitted from history.csv, %d-%d (%d years of transitions, %,d rows)%n",
                f.firstYear(), f.lastYear(), f.clusters(), f.accountYears()));
        y.append("# {mean, sd}: the estimate, and the spread that carries its error into every simulated path\n");
        y.append("# (sd = half the 95% interval / 1.96; the interval uses Student's t with years - 1 degrees of freedom).\n");
        y.append("# A scenario can `extends:` this file or paste the block; keys it sets itself win.\n");
        y.append("simulation:\n");
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        StringBuilder comments = new StringBuilder();
        for (Estimate e : f.estimates()) {
            String key = e.param().key();
            if (!e.applied()) {
                if (e.known()) {
                    comments.append("  # ").append(key).append(": ").append(short6(e.estimate())).append(" (")
                            .append(e.param() == Param.SHARE_EROSION ? "derived by kam, not set here"
                                    : "the scenario sets it").append(")\n");
                } else {
                    comments.append("  # ").append(key).append(": not identified by this history\n");
                }
                continue;
            }
            double sd = e.drawSd();
            String value = Double.isFinite(sd) ? "{mean: " + short6(e.estimate()) + ", sd: " + short6(sd) + "}"
                    : short6(e.estimate());
            int dot = key.indexOf('.');
            String group = dot < 0 ? "" : key.substring(0, dot);
            String leaf = dot < 0 ? key : key.substring(dot + 1);
            groups.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(leaf, value);
        }
        for (Map.Entry<String, Map<String, String>> g : groups.entrySet()) {
            if (g.getKey().isEmpty()) {
                for (Map.Entry<String, String> e : g.getValue().entrySet()) {
                    y.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
                }
            } else {
                y.append("  ").append(g.getKey()).append(":\n");
                for (Map.Entry<String, String> e : g.getValue().entrySet()) {
                    y.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
                }
            }
        }
        y.append(comments);
        for (Msg n : f.notes()) y.append("# ").append(EN.render(n)).append('\n');
        return y.toString();
    }

    /** Total revenue per year of history, with the backtest's P5–P95 band and median from its starting year. */
    static JFreeChart backtestChart(Backtest b, String currency, Messages m) {
        XYSeries actual = new XYSeries("Actual total revenue (history.csv)");
        double[] h = b.history();
        for (int i = 0; i < h.length; i++) actual.add(b.firstYear() + i, h[i]);
        YIntervalSeries band = new YIntervalSeries("Forecast P5–P95");
        XYSeries median = new XYSeries("Forecast median");
        double start = h[b.fromYear() - b.firstYear()];
        band.add(b.fromYear(), start, start, start);
        median.add(b.fromYear(), start);
        for (Backtest.Row r : b.rows(Metric.TOTAL_REVENUE)) {
            band.add(r.year(), r.p50(), r.p5(), r.p95());
            median.add(r.year(), r.p50());
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        NumberAxis x = new NumberAxis("Year");
        ChartTheme.yearAxis(x);
        NumberAxis yAxis = new NumberAxis("Total revenue (" + currency + " per year)");
        yAxis.setAutoRangeIncludesZero(false);
        ChartTheme.moneyAxis(yAxis, m);
        Paint bandPaint = ChartTheme.band(ChartTheme.color(0), 0.25);
        DeviationRenderer dr = new DeviationRenderer(true, false) {
            @Override
            public Paint lookupSeriesPaint(int series) {
                return bandPaint;
            }

            @Override
            public Paint lookupSeriesFillPaint(int series) {
                return bandPaint;
            }
        };
        dr.setAlpha(1.0f);
        XYPlot plot = new XYPlot(bands, x, yAxis, dr);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(actual);
        lines.addSeries(median);
        Paint[] paints = {ChartTheme.TEXT, ChartTheme.color(0)};
        Stroke[] strokes = {new BasicStroke(2.5f), ChartTheme.dashed()};
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint lookupSeriesPaint(int series) {
                return paints[series % paints.length];
            }

            @Override
            public Stroke lookupSeriesStroke(int series) {
                return strokes[series % strokes.length];
            }
        };
        plot.setDataset(1, lines);
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        return new JFreeChart("Backtest: calibrated on history up to " + b.fromYear() + ", forecast of "
                + (b.fromYear() + 1) + "–" + (b.fromYear() + 2) + " (" + b.inside() + " of " + b.rows().size()
                + " figures inside P5–P95, " + b.paths() + " paths)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
