package dev.kam.report;

import dev.kam.i18n.Messages;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;
import dev.kam.compare.CompareResult;
import dev.kam.compare.Outcome;
import dev.kam.compare.SweepResult;
import dev.kam.simulation.Metric;
import dev.kam.simulation.Probability;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code compare/}: {@code summary.csv} (scenario, metric, year, p10, p50, p90, goalProbability),
 * {@code differences.csv} (per-path differences against the first scenario), with a sweep
 * {@code sweep.csv}, and the charts as PNG and SVG.
 */
public final class CompareWriter {
    /** Columns of summary.csv, in order (the contract of issue 7). */
    public static final List<String> SUMMARY_COLUMNS = List.of("scenario", "metric", "year", "p10", "p50", "p90",
            "goalProbability", "ciLow", "ciHigh");
    /** Columns of goals.csv: each scenario's P(goal), its no-plan baseline, when, and the paired differences. */
    public static final List<String> GOAL_COLUMNS = List.of("scenario", "goalYear", "goal", "goalProbability", "ciLow",
            "ciHigh", "allGoalsProbability", "allGoalsCiLow", "allGoalsCiHigh", "baselineGoalProbability",
            "baselineCiLow", "baselineCiHigh", "planMinusBaseline", "planMinusBaselineStderr", "minusFirst",
            "minusFirstStderr", "medianGoalYear", "baselineMedianGoalYear", "calibrated");
    /** Columns of differences.csv. */
    public static final List<String> DIFFERENCE_COLUMNS = List.of("scenario", "reference", "metric", "year", "p10",
            "p50", "p90", "mean", "probabilityAhead", "commonRandomNumbers", "probabilityAheadCiLow",
            "probabilityAheadCiHigh");
    /** Columns of sweep.csv. */
    public static final List<String> SWEEP_COLUMNS = List.of("parameter", "value", "goalYear", "goal", "goalProbability",
            "allTargetsProbability", "p10", "p50", "p90", "mean", "differenceP50", "probabilityAhead", "ciLow", "ciHigh",
            "medianGoalYear", "allTargetsCiLow", "allTargetsCiHigh", "probabilityAheadCiLow", "probabilityAheadCiHigh");
    /** Columns of compensation.csv: each scenario's compensation and ROI per simulated year and over the horizon. */
    public static final List<String> COMPENSATION_COLUMNS = List.of("scenario", "year", "metric", "p5", "p50", "p95",
            "mean");
    private static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);

    private static final Color TARGET = ChartTheme.TARGET;
    private static final Color MUTED = ChartTheme.MUTED;

    private CompareWriter() {
    }

    /**
     * What to write.
     *
     * @param currency currency code of all amounts
     * @param result   the comparison (for a sweep: its points)
     * @param sweep    the sweep, or null for a plain comparison
     */
    public record Input(String currency, CompareResult result, SweepResult sweep) {
    }

    /** Writes every file into the stage folder, charts in the language of {@code m} (the caller commits it). */
    public static void write(OutputDir dir, Input in, Messages m) {
        writeFiles(dir, in);
        for (Chart c : charts(in, m)) c.write(dir);
    }

    /** The data files: summary.csv, differences.csv, sweep.csv. */
    public static void writeFiles(OutputDir dir, Input in) {
        summary(in.result()).write(dir.file("summary.csv"));
        goals(in.result()).write(dir.file("goals.csv"));
        compensation(in.result()).write(dir.file("compensation.csv"));
        if (in.result().outcomes().size() > 1) differences(in.result()).write(dir.file("differences.csv"));
        if (in.sweep() != null) sweep(in.sweep()).write(dir.file("sweep.csv"));
    }

    /** The charts in report order: fan, goal probability, difference, and for a sweep its two charts. */
    public static List<Chart> charts(Input in, Messages m) {
        List<Chart> out = new java.util.ArrayList<>();
        out.add(Chart.of("ka-revenue-fan", fanChart(in.result(), in.currency(), m)));
        out.add(Chart.of("goal-probability", goalChart(in.result(), m)));
        if (in.result().outcomes().size() > 1) {
            out.add(Chart.of("difference-final-ka-revenue", differenceChart(in.result(), in.currency(), m)));
        }
        if (in.sweep() != null) {
            out.add(Chart.of("sweep-goal-probability", sweepGoalChart(in.sweep(), m)));
            out.add(Chart.of("sweep-ka-revenue", sweepRevenueChart(in.sweep(), in.currency(), m)));
        }
        return out;
    }

    // ---- CSV ----------------------------------------------------------------------------------------

    /**
     * compensation.csv: per scenario, the plan's compensation and ROI against today's owners (SPEC §12), every
     * figure of {@code SimulatedCompensation.METRICS_WRITTEN} per simulated year, then the horizon's sums
     * ({@code METRICS_SUMMED}) with year {@code horizon}; percentiles over the paths, which are the same paths for
     * every scenario. Every scenario after the first adds {@code compensationMinusFirst}, {@code incrementalCostMinusFirst}
     * and {@code roiMinusFirst}: the horizon sums minus the first scenario's, path by path.
     */
    public static CsvOut compensation(CompareResult r) {
        CsvOut csv = new CsvOut(COMPENSATION_COLUMNS.toArray(new String[0]));
        for (Outcome o : r.outcomes()) {
            for (var f : o.compensation().figures()) {
                Stats st = f.stats();
                csv.row(o.label(), f.year(), f.metric(), money(st.p5()), money(st.p50()), money(st.p95()),
                        money(st.mean()));
            }
            for (var f : o.compensation().totals()) {
                Stats st = f.stats();
                csv.row(o.label(), "horizon", f.metric(), money(st.p5()), money(st.p50()), money(st.p95()),
                        money(st.mean()));
            }
            if (o == r.first()) continue;
            for (String metric : List.of("compensation", "incrementalCost", "roi")) {
                Stats st = Stats.of(o.compensation().totalMinus(r.first().compensation(), metric));
                csv.row(o.label(), "horizon", metric + "MinusFirst", money(st.p5()), money(st.p50()), money(st.p95()),
                        money(st.mean()));
            }
        }
        return csv;
    }

    /** summary.csv: every scenario × metric × year; goalProbability is the chance of meeting that metric's target. */
    public static CsvOut summary(CompareResult r) {
        CsvOut csv = new CsvOut(SUMMARY_COLUMNS.toArray(new String[0]));
        int[] years = r.years();
        for (Outcome o : r.outcomes()) {
            SimulationResult s = o.result();
            for (Metric m : Metric.values()) {
                for (int y = 0; y < years.length; y++) {
                    Stats st = s.stats(m, y);
                    var p = s.hit(m.code(), years[y]);
                    csv.row(o.label(), m.code(), years[y], round(m, st.p10()), round(m, st.p50()), round(m, st.p90()),
                            p.value(), p.ciLow(), p.ciHigh());
                }
            }
            for (int y = 0; y < years.length; y++) {
                var p = s.hit(TargetHit.ALL, years[y]);
                if (p.known()) csv.row(o.label(), TargetHit.ALL, years[y], null, null, null, p.value(), p.ciLow(), p.ciHigh());
            }
        }
        return csv;
    }

    /**
     * goals.csv: one row per scenario: P(goal) (the final-year key-account revenue target) and the joint probability
     * of all three goals with their Wilson intervals, the same under today's owners (no plan), the plan's gain over
     * it and the difference from the first scenario with paired standard errors, and the median year the goal is
     * first met (empty when most paths do not meet it within the horizon).
     */
    public static CsvOut goals(CompareResult r) {
        CsvOut csv = new CsvOut(GOAL_COLUMNS.toArray(new String[0]));
        int year = r.years()[r.last()];
        for (int i = 0; i < r.outcomes().size(); i++) {
            Outcome o = r.outcomes().get(i);
            var p = o.goalProbabilityInterval();
            var all = o.allGoalsProbability();
            var b = o.baselineGoalProbability();
            var vs = o.goalProbabilityVersusBaseline();
            var first = i == 0 ? null : r.goalProbabilityDifference(i);
            StringBuilder cal = new StringBuilder();
            for (var q : o.scenario().simulation().calibrated()) cal.append(cal.length() == 0 ? "" : ";").append(q.key());
            csv.row(o.label(), year, round(Metric.KEY_ACCOUNT_REVENUE, o.goal()), p.value(), p.ciLow(), p.ciHigh(),
                    all.value(), all.ciLow(), all.ciHigh(), b.value(), b.ciLow(), b.ciHigh(), vs.value(), vs.stderr(),
                    first == null ? null : first.value(), first == null ? null : first.stderr(), o.medianGoalYear(),
                    o.baselineMedianGoalYear(), cal.toString());
        }
        return csv;
    }

    /** differences.csv: per-path scenario − first scenario, for every other scenario, metric and year. */
    public static CsvOut differences(CompareResult r) {
        CsvOut csv = new CsvOut(DIFFERENCE_COLUMNS.toArray(new String[0]));
        int[] years = r.years();
        String ref = r.first().label();
        for (int i = 1; i < r.outcomes().size(); i++) {
            Outcome o = r.outcomes().get(i);
            for (Metric m : Metric.values()) {
                for (int y = 0; y < years.length; y++) {
                    Stats st = r.differenceStats(i, m, y);
                    Probability ahead = Probability.ofFraction(r.probabilityAhead(i, m, y), r.paths());
                    csv.row(o.label(), ref, m.code(), years[y], round(m, st.p10()), round(m, st.p50()),
                            round(m, st.p90()), round(m, st.mean()),
                            ahead.value(), o.crn().full() ? "full" : "partial: " + EN.render(o.crn().detail()),
                            ahead.ciLow(), ahead.ciHigh());
                }
            }
        }
        return csv;
    }

    /** sweep.csv: one row per value: goal probability and final-year key-account revenue. */
    public static CsvOut sweep(SweepResult s) {
        CsvOut csv = new CsvOut(SWEEP_COLUMNS.toArray(new String[0]));
        CompareResult r = s.points();
        int last = r.last();
        int year = r.years()[last];
        for (int i = 0; i < s.outcomes().size(); i++) {
            Outcome o = s.outcomes().get(i);
            Stats st = s.finalKaRevenue(i);
            BigDecimal v = s.spec().values().get(i);
            Metric ka = Metric.KEY_ACCOUNT_REVENUE;
            Probability all = o.result().hit(TargetHit.ALL, year);
            Probability ahead = i == 0 ? null : Probability.ofFraction(r.probabilityAhead(i, ka, last), r.paths());
            csv.row(s.spec().key(), v.toPlainString(), year, round(ka, o.goal()), o.goalProbability(),
                    all.value(), round(ka, st.p10()), round(ka, st.p50()),
                    round(ka, st.p90()), round(ka, st.mean()),
                    i == 0 ? 0.0 : round(ka, r.differenceStats(i, ka, last).p50()),
                    ahead == null ? null : ahead.value(),
                    o.goalProbabilityInterval().ciLow(), o.goalProbabilityInterval().ciHigh(), o.medianGoalYear(),
                    all.ciLow(), all.ciHigh(), ahead == null ? null : ahead.ciLow(), ahead == null ? null : ahead.ciHigh());
        }
        return csv;
    }

    /** An amount to whole currency units. */
    private static double money(double v) {
        return Double.isNaN(v) ? v : Math.rint(v);
    }

    /** Money to whole currency units (so CSV cells are plain integers); counts to 0.01; shares unchanged. */
    static double round(Metric m, double v) {
        if (Double.isNaN(v)) return v;
        return switch (m) {
            case KEY_ACCOUNT_SHARE -> v;
            case KEY_ACCOUNT_COUNT -> Math.rint(v * 100) / 100;
            default -> Math.rint(v);
        };
    }

    // ---- charts -------------------------------------------------------------------------------------

    /** Money in millions when large; {@code unit} is the axis unit in the reader's language ("CNY million", "百万元"). */
    record Scale(double divisor, String unit) {
        static Scale of(double max, String currency, Messages m) {
            return max >= 1e6 ? new Scale(1e6, m.get("chart.unit.million", m.currencyUnit(currency)))
                    : new Scale(1, m.get("chart.unit.plain", m.currencyUnit(currency)));
        }
    }

    private static DecimalFormat grouped(int decimals) {
        return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static NumberAxis yearAxis(Messages m) {
        NumberAxis x = new NumberAxis(m.get("chart.axis.year"));
        ChartTheme.yearAxis(x);
        return x;
    }

    // Renderers whose colours and strokes are pinned per series: the chart theme clears series paints.

    static XYLineAndShapeRenderer lines(Paint[] paints, Stroke[] strokes, boolean shapes) {
        return new XYLineAndShapeRenderer(true, shapes) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return paints[row % paints.length];
            }

            @Override
            public Paint lookupSeriesPaint(int series) {
                return paints[series % paints.length];
            }

            @Override
            public Stroke getItemStroke(int row, int column) {
                return strokes[row % strokes.length];
            }

            @Override
            public Stroke lookupSeriesStroke(int series) {
                return strokes[series % strokes.length];
            }
        };
    }

    static DeviationRenderer bands(Paint[] paints, float alpha) {
        DeviationRenderer r = new DeviationRenderer(true, false) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return paints[row % paints.length];
            }

            @Override
            public Paint lookupSeriesPaint(int series) {
                return paints[series % paints.length];
            }

            @Override
            public Paint lookupSeriesFillPaint(int series) {
                return paints[series % paints.length];
            }

            @Override
            public Stroke lookupSeriesStroke(int series) {
                return THIN;
            }

            @Override
            public Stroke getItemStroke(int row, int column) {
                return THIN;
            }
        };
        r.setAlpha(alpha);
        return r;
    }

    static XYBarRenderer bars(Paint[] paints) {
        XYBarRenderer r = new XYBarRenderer(0.05) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return paints[row % paints.length];
            }

            @Override
            public Paint lookupSeriesPaint(int series) {
                return paints[series % paints.length];
            }
        };
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        return r;
    }

    private static final Stroke THIN = new BasicStroke(0.6f);
    private static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private static Paint[] palette(int n) {
        Paint[] p = new Paint[Math.max(1, n)];
        for (int i = 0; i < p.length; i++) p[i] = ChartTheme.color(i);
        return p;
    }

    /** Overlaid fan charts of key-account revenue: a P10–P90 band and the median per scenario, the target dashed. */
    public static JFreeChart fanChart(CompareResult r, String currency, Messages m) {
        int[] years = r.years();
        int last = r.last();
        double max = 0;
        for (Outcome o : r.outcomes()) {
            for (int y = 0; y <= last; y++) max = Math.max(max, o.result().stats(Metric.KEY_ACCOUNT_REVENUE, y).p90());
        }
        Scale scale = Scale.of(max, currency, m);
        double d = scale.divisor();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        XYSeriesCollection lines = new XYSeriesCollection();
        for (Outcome o : r.outcomes()) {
            SimulationResult s = o.result();
            YIntervalSeries band = new YIntervalSeries(m.get("chart.compare.band", o.label()));
            XYSeries median = new XYSeries(m.get("chart.compare.median", o.label()));
            double t0 = s.today(Metric.KEY_ACCOUNT_REVENUE) / d;
            band.add(s.baseYear(), t0, t0, t0);
            median.add(s.baseYear(), t0);
            for (int y = 0; y <= last; y++) {
                Stats st = s.stats(Metric.KEY_ACCOUNT_REVENUE, y);
                band.add(years[y], st.p50() / d, st.p10() / d, st.p90() / d);
                median.add(years[y], st.p50() / d);
            }
            bands.addSeries(band);
            lines.addSeries(median);
        }
        XYSeries target = targetSeries(r.first().targets(), d, m.get("chart.compare.target", r.first().label()));
        if (target != null) lines.addSeries(target);

        NumberAxis yAxis = new NumberAxis(m.get("chart.withUnit", m.get("chart.metric.keyAccountRevenue"),
                m.get("chart.unit.perYear", scale.unit())));
        yAxis.setNumberFormatOverride(grouped(d > 1 ? 1 : 0));
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(bands, yearAxis(m), yAxis, null);
        int n = r.outcomes().size();
        Paint[] paints = new Paint[n + 1];
        Stroke[] strokes = new Stroke[n + 1];
        for (int i = 0; i < n; i++) {
            paints[i] = ChartTheme.color(i);
            strokes[i] = LINE;
        }
        paints[n] = TARGET;
        strokes[n] = ChartTheme.dashed();
        DeviationRenderer band = bands(paints, 0.16f);
        for (int i = 1; i < n; i++) band.setSeriesVisibleInLegend(i, false);
        XYLineAndShapeRenderer lr = lines(paints, strokes, false);
        plot.setRenderer(0, band);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return new JFreeChart(m.get("chart.compare.fanTitle", r.paths()), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static XYSeries targetSeries(Targets targets, double d, String name) {
        if (targets == null || targets.years().isEmpty()) return null;
        XYSeries s = new XYSeries(name);
        for (YearTarget t : targets.years()) if (!Double.isNaN(t.keyAccountRevenue())) s.add(t.year(), t.keyAccountRevenue() / d);
        return s.getItemCount() == 0 ? null : s;
    }

    /** The probability of meeting each year's key-account revenue target, one line per scenario. */
    public static JFreeChart goalChart(CompareResult r, Messages m) {
        XYSeriesCollection ds = new XYSeriesCollection();
        YIntervalSeriesCollection ci = new YIntervalSeriesCollection();
        int[] years = r.years();
        for (Outcome o : r.outcomes()) {
            XYSeries s = new XYSeries(o.label());
            YIntervalSeries band = new YIntervalSeries(o.label());
            for (int year : years) {
                Probability p = o.result().hit(Metric.KEY_ACCOUNT_REVENUE.code(), year);
                if (!p.known()) continue;
                s.add(year, 100 * p.value());
                band.add(year, 100 * p.value(), 100 * p.ciLow(), 100 * p.ciHigh());
            }
            ds.addSeries(s);
            ci.addSeries(band);
        }
        NumberAxis y = new NumberAxis(m.get("chart.compare.goalAxis"));
        y.setRange(0, 100);
        XYLineAndShapeRenderer lr = lines(palette(ds.getSeriesCount()), new Stroke[] {LINE}, true);
        XYPlot plot = new XYPlot(ds, yearAxis(m), y, lr);
        // each line's Wilson 95% interval as a faint band behind it, out of the legend
        DeviationRenderer br = bands(palette(ci.getSeriesCount()), 0.18f);
        br.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(1, ci);
        plot.setRenderer(1, br);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        String basis = r.options().goals() == dev.kam.compare.GoalBasis.FIRST
                ? m.get("chart.compare.basisFirst", r.first().label()) : m.get("chart.compare.basisOwn");
        return new JFreeChart(m.get("chart.compare.goalTitle", basis, r.paths()), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** Histogram of the per-path difference in final-year KA revenue against the first scenario. */
    public static JFreeChart differenceChart(CompareResult r, String currency, Messages m) {
        int last = r.last();
        int n = r.outcomes().size();
        double[][] diffs = new double[n][];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double absMax = 0;
        for (int i = 1; i < n; i++) {
            diffs[i] = r.difference(i, Metric.KEY_ACCOUNT_REVENUE, last);
            double[] sorted = diffs[i].clone();
            Arrays.sort(sorted);
            lo = Math.min(lo, Stats.percentileSorted(sorted, 0.005));
            hi = Math.max(hi, Stats.percentileSorted(sorted, 0.995));
            absMax = Math.max(absMax, Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1])));
        }
        Scale scale = Scale.of(absMax, currency, m);
        double d = scale.divisor();
        lo /= d;
        hi /= d;
        if (hi - lo < 1e-9) {
            double pad = Math.max(1, Math.abs(lo) * 0.05);
            lo -= pad;
            hi += pad;
        }
        HistogramDataset ds = new HistogramDataset();
        for (int i = 1; i < n; i++) {
            double[] v = new double[diffs[i].length];
            for (int p = 0; p < v.length; p++) v[p] = Math.max(lo, Math.min(hi, diffs[i][p] / d));
            Stats st = Stats.of(diffs[i]);
            ds.addSeries(m.get("chart.compare.diffSeries", r.outcomes().get(i).label(), grouped(1).format(st.p50() / d),
                    r.probabilityAhead(i, Metric.KEY_ACCOUNT_REVENUE, last)), v, 50, lo, hi);
        }
        NumberAxis x = new NumberAxis(m.get("chart.compare.diffAxis", r.first().label(), scale.unit()));
        x.setNumberFormatOverride(grouped(d > 1 ? 1 : 0));
        NumberAxis y = new NumberAxis(m.get("chart.uplift.count"));
        Paint[] paints = new Paint[n - 1];
        for (int i = 1; i < n; i++) paints[i - 1] = ChartTheme.band(ChartTheme.color(i), n > 2 ? 0.6 : 0.85);
        XYBarRenderer br = bars(paints);
        XYPlot plot = new XYPlot(ds, x, y, br);
        ValueMarker zero = new ValueMarker(0);
        zero.setPaint(MUTED);
        zero.setStroke(ChartTheme.dashed());
        zero.setLabel(m.get("chart.compare.noDifference"));
        zero.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(zero);
        String crn = r.fullyCommon() ? m.get("chart.compare.crnFull") : m.get("chart.compare.crnPartial");
        return new JFreeChart(m.get("chart.compare.diffTitle", String.valueOf(r.years()[last]), r.first().label(), r.paths(), crn),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** The swept key's axis: ticks at the sweep's values (up to 21 of them), shown with the step's decimals. */
    static NumberAxis sweepAxis(SweepResult s, Messages m) {
        NumberAxis x = new NumberAxis(keyName(s.spec().key(), m));
        x.setAutoRangeIncludesZero(false);
        List<BigDecimal> v = s.spec().values();
        int decimals = 0;
        for (BigDecimal b : v) decimals = Math.max(decimals, Math.max(0, b.stripTrailingZeros().scale()));
        DecimalFormat f = grouped(decimals);
        x.setNumberFormatOverride(f);
        if (v.size() >= 2 && v.size() <= 21) {
            double step = Math.abs(v.get(1).doubleValue() - v.get(0).doubleValue());
            x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step, f));
        } else if (v.size() == 1) {
            double c = v.get(0).doubleValue();
            double pad = c == 0 ? 1 : Math.abs(c) * 0.1;
            x.setRange(c - pad, c + pad);
        }
        return x;
    }

    /** Goal probability (final-year KA revenue target, and all three KA targets) against the swept value. */
    public static JFreeChart sweepGoalChart(SweepResult s, Messages m) {
        double[] x = s.spec().doubles();
        String key = keyName(s.spec().key(), m);
        int year = s.points().years()[s.points().last()];

        XYSeries goal = new XYSeries(m.get("chart.compare.sweepGoal", String.valueOf(year)));
        XYSeries all = new XYSeries(m.get("chart.compare.sweepAll", String.valueOf(year)));
        YIntervalSeries goalBand = new YIntervalSeries(goal.getKey());
        YIntervalSeries allBand = new YIntervalSeries(all.getKey());
        for (int i = 0; i < x.length; i++) {
            Probability p = s.outcomes().get(i).goalProbabilityInterval();
            if (p.known()) {
                goal.add(x[i], 100 * p.value());
                goalBand.add(x[i], 100 * p.value(), 100 * p.ciLow(), 100 * p.ciHigh());
            }
            Probability q = s.outcomes().get(i).result().hit(TargetHit.ALL, year);
            if (q.known()) {
                all.add(x[i], 100 * q.value());
                allBand.add(x[i], 100 * q.value(), 100 * q.ciLow(), 100 * q.ciHigh());
            }
        }
        XYSeriesCollection ds = new XYSeriesCollection();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        ds.addSeries(goal);
        bands.addSeries(goalBand);
        if (all.getItemCount() > 0) {
            ds.addSeries(all);
            bands.addSeries(allBand);
        }
        NumberAxis y = new NumberAxis(m.get("chart.compare.probabilityAxis"));
        y.setRange(0, 100);
        XYLineAndShapeRenderer lr = lines(palette(2), new Stroke[] {LINE, ChartTheme.dashed()}, true);
        XYPlot plot = new XYPlot(ds, sweepAxis(s, m), y, lr);
        // each probability's Wilson 95% interval as a faint band behind its line, out of the legend
        DeviationRenderer br = bands(palette(2), 0.18f);
        br.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(1, bands);
        plot.setRenderer(1, br);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        return new JFreeChart(m.get("chart.compare.sweepGoalTitle", key, s.points().paths()), JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
    }

    /** Median final-year key-account revenue with its P10–P90 band and the goal, against the swept value. */
    public static JFreeChart sweepRevenueChart(SweepResult s, String currency, Messages m) {
        double[] x = s.spec().doubles();
        String key = keyName(s.spec().key(), m);
        int year = s.points().years()[s.points().last()];

        double max = 0;
        for (int i = 0; i < x.length; i++) max = Math.max(max, s.finalKaRevenue(i).p90());
        Scale scale = Scale.of(max, currency, m);
        double d = scale.divisor();
        YIntervalSeries band = new YIntervalSeries(m.get("chart.fan.band80"));
        XYSeries median = new XYSeries(m.get("chart.fan.median"));
        XYSeries target = new XYSeries(m.get("chart.fan.target"));
        for (int i = 0; i < x.length; i++) {
            Stats st = s.finalKaRevenue(i);
            band.add(x[i], st.p50() / d, st.p10() / d, st.p90() / d);
            median.add(x[i], st.p50() / d);
            double g = s.outcomes().get(i).goal();
            if (!Double.isNaN(g)) target.add(x[i], g / d);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(median);
        if (target.getItemCount() > 0) lines.addSeries(target);
        NumberAxis yAxis = new NumberAxis(m.get("chart.compare.sweepRevenueAxis", String.valueOf(year),
                m.get("chart.unit.perYear", scale.unit())));
        yAxis.setNumberFormatOverride(grouped(d > 1 ? 1 : 0));
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot p2 = new XYPlot(bands, sweepAxis(s, m), yAxis, null);
        DeviationRenderer br = bands(new Paint[] {ChartTheme.color(0)}, 0.25f);
        p2.setRenderer(0, br);
        p2.setDataset(1, lines);
        XYLineAndShapeRenderer l2 = lines(new Paint[] {ChartTheme.color(0), TARGET},
                new Stroke[] {LINE, ChartTheme.dashed()}, true);
        l2.setSeriesShapesVisible(1, false);
        p2.setRenderer(1, l2);
        p2.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return new JFreeChart(m.get("chart.compare.sweepRevenueTitle", String.valueOf(year), key, s.points().paths()),
                JFreeChart.DEFAULT_TITLE_FONT, p2, true);
    }

    /** The reader's name of a swept YAML key ("share-of-wallet ceiling"), or the key itself. */
    static String keyName(String key, Messages m) {
        return m.getOr("param." + key, key);
    }
}
