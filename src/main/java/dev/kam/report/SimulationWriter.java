package dev.kam.report;

import dev.kam.i18n.Messages;
import dev.kam.io.Json;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;
import dev.kam.simulation.GoalTiming;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Probability;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the simulation stage (SPEC §6) into an {@link OutputDir}: percentiles.csv, targets-hit.csv,
 * summary.json, fan charts, the target-hit chart, and when given the plan comparison (uplift.csv,
 * uplift histograms) and the sensitivity tornado (sensitivity.csv, tornado chart).
 *
 * <p>Everything except the timing fields of summary.json ({@code threads}, {@code seconds},
 * {@code accountYearsPerSecond}, {@code cpuSeconds}) is a function of the results alone, so the same seed gives the same bytes.
 */
public final class SimulationWriter {
    private static final Color MEDIAN = ChartTheme.color(0);
    private static final Color BAND_OUTER = ChartTheme.band(MEDIAN, 0.18);
    private static final Color BAND_INNER = ChartTheme.band(MEDIAN, 0.35);
    private static final Color BAR = ChartTheme.band(MEDIAN, 0.75);
    private static final Color TARGET = ChartTheme.TARGET;
    private static final Color BASELINE = ChartTheme.MUTED;

    private static final Stroke DASHED = ChartTheme.dashed();

    private SimulationWriter() {
    }

    // The chart theme clears series paints and strokes, so the renderers answer the lookups themselves.

    private static final class FixedLineRenderer extends XYLineAndShapeRenderer {
        private final Paint[] paints;
        private final Stroke[] strokes;

        FixedLineRenderer(boolean shapes, Paint[] paints, Stroke[] strokes) {
            super(true, shapes);
            this.paints = paints;
            this.strokes = strokes;
        }

        @Override
        public Paint lookupSeriesPaint(int series) {
            return series < paints.length ? paints[series] : super.lookupSeriesPaint(series);
        }

        @Override
        public Stroke lookupSeriesStroke(int series) {
            return series < strokes.length ? strokes[series] : super.lookupSeriesStroke(series);
        }
    }

    private static final class FixedDeviationRenderer extends DeviationRenderer {
        private final Paint[] paints;
        private final Stroke[] strokes;

        FixedDeviationRenderer(Paint[] paints, Stroke[] strokes) {
            super(true, false);
            this.paints = paints;
            this.strokes = strokes;
        }

        @Override
        public Paint lookupSeriesPaint(int series) {
            return series < paints.length ? paints[series] : super.lookupSeriesPaint(series);
        }

        @Override
        public Paint lookupSeriesFillPaint(int series) {
            return lookupSeriesPaint(series);
        }

        /** A filled box in the legend, so that a band reads as a band. */
        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            LegendItem li = super.getLegendItem(datasetIndex, series);
            if (li == null) return null;
            LegendItem box = new LegendItem(li.getLabel(), null, null, null,
                    new Rectangle2D.Double(-8, -5, 16, 10), lookupSeriesPaint(series));
            box.setSeriesIndex(series);
            box.setDatasetIndex(datasetIndex);
            return box;
        }

        @Override
        public Stroke lookupSeriesStroke(int series) {
            return series < strokes.length ? strokes[series] : super.lookupSeriesStroke(series);
        }
    }

    /**
     * Everything the stage writes.
     *
     * @param scenarioName display name of the scenario
     * @param currency     currency code for labels
     * @param result       the simulated plan
     * @param targets      yearly targets, null for none
     * @param comparison   baseline vs plan, null when only one plan was simulated
     * @param tornado      sensitivity, null when not run
     */
    public record Input(String scenarioName, String currency, SimulationResult result, Targets targets,
                       PlanComparison comparison, Sensitivity.Tornado tornado, double[] thresholds) {
        /** Without the yearly key-account thresholds. */
        public Input(String scenarioName, String currency, SimulationResult result, Targets targets,
                     PlanComparison comparison, Sensitivity.Tornado tornado) {
            this(scenarioName, currency, result, targets, comparison, tornado, null);
        }

        /** With the key-account threshold of every simulated year, from {@code Scenario.keyAccountThreshold}. */
        public static Input of(dev.kam.domain.Scenario s, SimulationResult result, Targets targets,
                               PlanComparison comparison, Sensitivity.Tornado tornado) {
            int[] ys = result.years();
            double[] th = new double[ys.length];
            for (int y = 0; y < ys.length; y++) th[y] = s.keyAccountThreshold(ys[y]);
            return new Input(s.name(), s.currency(), result, targets, comparison, tornado, th);
        }
    }

    /** Writes the data files and the charts (in the language of {@code m}) into the open stage folder. */
    public static void write(OutputDir dir, Input in, Messages m) {
        writeFiles(dir, in);
        for (Chart c : charts(in, m)) c.write(dir);
    }

    /** The data files: percentiles.csv, targets-hit.csv, uplift.csv, sensitivity.csv, summary.json. */
    public static void writeFiles(OutputDir dir, Input in) {
        SimulationResult r = in.result();
        percentiles(r).write(dir.file("percentiles.csv"));
        targetsHit(r).write(dir.file("targets-hit.csv"));
        if (in.comparison() != null) uplift(in.comparison()).write(dir.file("uplift.csv"));
        if (in.tornado() != null) sensitivity(in.tornado()).write(dir.file("sensitivity.csv"));
        Json.write(dir.file("summary.json"), summary(in));
    }

    /** The charts of the stage in report order: fans, target hits, goal timing, uplift, tornado, total revenue. */
    public static List<Chart> charts(Input in, Messages m) {
        SimulationResult r = in.result();
        List<Chart> out = new ArrayList<>();
        out.add(Chart.of("fan-key-account-revenue", fan(in, Metric.KEY_ACCOUNT_REVENUE, m)));
        out.add(Chart.of("fan-key-account-count", fan(in, Metric.KEY_ACCOUNT_COUNT, m)));
        out.add(Chart.of("fan-key-account-share", fan(in, Metric.KEY_ACCOUNT_SHARE, m)));
        if (!r.targetHits().isEmpty()) out.add(Chart.of("target-hit-probability", hitChart(r, m)));
        if (r.goalTiming() != null) {
            out.add(Chart.of("goal-first-year", goalTimingChart(r.goalTiming(), in.currency(), r.paths(), m)));
        }
        if (in.comparison() != null) out.addAll(upliftHistograms(in, m));
        if (in.tornado() != null) out.add(Chart.of("tornado", tornadoChart(in, m)));
        out.add(Chart.of("fan-total-revenue", fan(in, Metric.TOTAL_REVENUE, m)));
        return out;
    }

    // ---- tables -------------------------------------------------------------------------------------

    /** A number in plain notation (no exponent), 9 significant digits, for CSV cells; NaN is empty. */
    static String plain(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "" : CsvOut.num(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }

    static CsvOut percentiles(SimulationResult r) {
        CsvOut csv = new CsvOut("year", "metric", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "mean", "stderr");
        int[] years = r.years();
        for (int y = 0; y < years.length; y++) {
            for (Metric m : Metric.values()) {
                Stats s = r.stats(m, y);
                csv.row(years[y], m.code(), plain(s.p5()), plain(s.p10()), plain(s.p25()), plain(s.p50()),
                        plain(s.p75()), plain(s.p90()), plain(s.p95()), plain(s.mean()), plain(s.stderr()));
            }
        }
        return csv;
    }

    static CsvOut targetsHit(SimulationResult r) {
        CsvOut csv = new CsvOut("year", "metric", "target", "probability", "ciLow", "ciHigh");
        for (TargetHit h : r.targetHits()) {
            csv.row(h.year(), h.metric(), plain(h.target()), plain(h.probability()), plain(h.ciLow()),
                    plain(h.ciHigh()));
        }
        return csv;
    }

    static CsvOut uplift(PlanComparison c) {
        CsvOut csv = new CsvOut("year", "metric", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "mean", "stderr",
                "probabilityBetter", "ciLow", "ciHigh");
        int[] years = c.plan().years();
        int paths = c.plan().paths();
        for (int y = 0; y < years.length; y++) {
            for (Metric m : Metric.values()) {
                Stats s = c.upliftStats(m, y);
                Probability better = Probability.ofFraction(c.probabilityBetter(m, y), paths);
                csv.row(years[y], m.code(), plain(s.p5()), plain(s.p10()), plain(s.p25()), plain(s.p50()),
                        plain(s.p75()), plain(s.p90()), plain(s.p95()), plain(s.mean()), plain(s.stderr()),
                        plain(c.probabilityBetter(m, y)), plain(better.ciLow()), plain(better.ciHigh()));
            }
        }
        return csv;
    }

    static CsvOut sensitivity(Sensitivity.Tornado t) {
        CsvOut csv = new CsvOut("parameter", "base", "low", "high", "lowMedian", "highMedian", "baseMedian", "swing",
                "range", "lowGoalProbability", "highGoalProbability", "baseGoalProbability", "goalSwing",
                "lowGoalCiLow", "lowGoalCiHigh", "highGoalCiLow", "highGoalCiHigh", "baseGoalCiLow", "baseGoalCiHigh");
        Probability base = Probability.ofFraction(t.baseGoalProbability(), t.paths());
        for (Sensitivity.Bar b : t.bars()) {
            Probability lo = Probability.ofFraction(b.lowGoalProbability(), t.paths());
            Probability hi = Probability.ofFraction(b.highGoalProbability(), t.paths());
            csv.row(b.parameter(), plain(b.base()), plain(b.low()), plain(b.high()), plain(b.lowMedian()),
                    plain(b.highMedian()), plain(t.baseMedian()), plain(b.swing()),
                    b.source().name().toLowerCase(java.util.Locale.ROOT), plain(b.lowGoalProbability()),
                    plain(b.highGoalProbability()), plain(t.baseGoalProbability()), plain(b.goalSwing()),
                    plain(lo.ciLow()), plain(lo.ciHigh()), plain(hi.ciLow()), plain(hi.ciHigh()), plain(base.ciLow()),
                    plain(base.ciHigh()));
        }
        return csv;
    }

    // ---- summary.json -------------------------------------------------------------------------------

    static Map<String, Object> summary(Input in) {
        SimulationResult r = in.result();
        int last = r.horizon() - 1;
        int finalYear = r.years()[last];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", in.scenarioName());
        m.put("currency", in.currency());
        m.put("plan", r.planLabel());
        m.put("baseYear", r.baseYear());
        m.put("firstYear", r.years()[0]);
        m.put("finalYear", finalYear);
        m.put("paths", r.paths());
        m.put("seed", r.options().seed());
        m.put("threads", r.options().threads());
        m.put("accountYears", r.accountYears());
        m.put("seconds", round(r.seconds(), 4));
        m.put("accountYearsPerSecond", Math.round(r.accountYearsPerSecond()));
        m.put("cpuSeconds", round(r.cpuSeconds(), 4));
        m.put("droppedArrivals", r.droppedArrivals());
        m.put("goalProbability", num(r.goalTiming() == null ? Double.NaN
                : r.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear)));
        m.put("goalProbabilityCiLow", num(r.goalProbability().ciLow()));
        m.put("goalProbabilityCiHigh", num(r.goalProbability().ciHigh()));
        m.put("goalDefinition", SimulationResult.GOAL_DEFINITION);
        m.put("allGoalsProbability", num(r.allGoalsProbability().value()));
        m.put("allGoalsProbabilityCiLow", num(r.allGoalsProbability().ciLow()));
        m.put("allGoalsProbabilityCiHigh", num(r.allGoalsProbability().ciHigh()));
        m.put("allGoalsDefinition", SimulationResult.ALL_GOALS_DEFINITION);
        m.put("medianGoalYear", r.medianGoalYear());
        m.put("parameters", parameters(r));

        Map<String, Object> today = new LinkedHashMap<>();
        for (Metric x : Metric.values()) today.put(x.code(), num(r.today(x)));
        m.put("today", today);
        m.put("firstYearTotalRevenueGrowth", num(r.stats(Metric.TOTAL_REVENUE, 0).mean() / r.today(Metric.TOTAL_REVENUE) - 1));
        if (in.thresholds() != null) {
            Map<String, Object> th = new LinkedHashMap<>();
            int[] ys = r.years();
            for (int y = 0; y < ys.length; y++) th.put(Integer.toString(ys[y]), num(in.thresholds()[y]));
            m.put("keyAccountThreshold", th);
        }

        Map<String, Object> fin = new LinkedHashMap<>();
        for (Metric x : Metric.values()) fin.put(x.code(), stats(r.stats(x, last)));
        m.put("finalYearDistribution", fin);

        Map<String, Object> goal = new LinkedHashMap<>();
        YearTarget t = in.targets() == null || in.targets().years().isEmpty() ? null : in.targets().last();
        if (t != null) {
            goal.put("year", t.year());
            goal.put("keyAccountRevenue", num(t.keyAccountRevenue()));
            goal.put("keyAccountCount", num(t.keyAccountCount()));
            goal.put("keyAccountShare", num(t.keyAccountShare()));
            putProbability(goal, "probabilityKeyAccountRevenue", r.hit(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear));
            putProbability(goal, "probabilityKeyAccountCount", r.hit(Metric.KEY_ACCOUNT_COUNT.code(), finalYear));
            putProbability(goal, "probabilityKeyAccountShare", r.hit(Metric.KEY_ACCOUNT_SHARE.code(), finalYear));
            putProbability(goal, "probabilityAllKeyAccountTargets", r.hit(TargetHit.ALL, finalYear));
        }
        GoalTiming g = r.goalTiming();
        if (g != null) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("definition", "first year whose key-account revenue is at or above the final-year target");
            first.put("target", num(g.target()));
            first.put("medianYear", g.medianYear());
            putProbability(first, "neverWithinHorizon", Probability.ofFraction(g.never(), r.paths()));
            List<Map<String, Object>> by = new ArrayList<>();
            for (int y = 0; y < g.years().length; y++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("year", g.years()[y]);
                putProbability(e, "probabilityFirstMet", Probability.ofFraction(g.firstMet()[y], r.paths()));
                putProbability(e, "probabilityMetBy", Probability.ofFraction(g.metBy()[y], r.paths()));
                by.add(e);
            }
            first.put("byYear", by);
            goal.put("firstYearMet", first);
        }
        m.put("endGoal", goal);

        PlanComparison c = in.comparison();
        if (c != null) {
            Map<String, Object> cmp = new LinkedHashMap<>();
            cmp.put("baseline", c.baseline().planLabel());
            cmp.put("plan", c.plan().planLabel());
            cmp.put("method", "both plans simulated on the same paths with common random numbers; "
                    + "uplift = plan − baseline per path");
            cmp.put("finalYearKeyAccountRevenueUplift", stats(c.upliftStats(Metric.KEY_ACCOUNT_REVENUE, last)));
            cmp.put("finalYearGrossProfitUplift", stats(c.upliftStats(Metric.GROSS_PROFIT, last)));
            cmp.put("firstYearGrossProfitUplift", stats(c.upliftStats(Metric.GROSS_PROFIT, 0)));
            cmp.put("cumulativeGrossProfitUplift", stats(Stats.of(c.cumulativeProfitUplift())));
            putProbability(cmp, "probabilityPlanBetterFinalYearKeyAccountRevenue",
                    Probability.ofFraction(c.probabilityBetter(Metric.KEY_ACCOUNT_REVENUE, last), c.plan().paths()));
            cmp.put("differenceOfMediansFinalYearKeyAccountRevenue",
                    num(c.plan().stats(Metric.KEY_ACCOUNT_REVENUE, last).p50()
                            - c.baseline().stats(Metric.KEY_ACCOUNT_REVENUE, last).p50()));
            if (t != null) {
                putProbability(cmp, "baselineProbabilityKeyAccountRevenue",
                        c.baseline().hit(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear));
                putProbability(cmp, "planProbabilityKeyAccountRevenue",
                        c.plan().hit(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear));
                cmp.put("baselineGoalProbability", probability(c.baseline().goalProbability()));
                cmp.put("planGoalProbability", probability(c.plan().goalProbability()));
                cmp.put("goalProbabilityDifference", difference(c.goalProbabilityDifference()));
                cmp.put("baselineMedianGoalYear", c.baseline().medianGoalYear());
                cmp.put("planMedianGoalYear", c.plan().medianGoalYear());
            }
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("firstYearExpectedGrossProfitUplift", num(c.expectedFirstYearUplift()));
            head.put("firstYearExpectedDefinition", "expected first-year gross-profit uplift of the plan over the "
                    + "baseline by the response model, what the optimizer maximizes (before rating weights)");
            head.put("firstYearSimulatedGrossProfitUplift", difference(c.firstYearUplift()));
            head.put("cumulativeGrossProfitUplift", difference(c.cumulativeUplift()));
            head.put("cumulativeDefinition", "simulated gross-profit uplift summed over the horizon, mean of the "
                    + "per-path differences (common random numbers) with its paired 95% interval");
            cmp.put("upliftHeadline", head);
            m.put("comparison", cmp);
        }

        Sensitivity.Tornado tor = in.tornado();
        if (tor != null) {
            Map<String, Object> sen = new LinkedHashMap<>();
            sen.put("measure", "P(goal) and the final-year median key-account revenue over each parameter's "
                    + "plausible range");
            sen.put("paths", tor.paths());
            sen.put("seed", tor.seed());
            sen.put("baseMedian", num(tor.baseMedian()));
            putProbability(sen, "baseGoalProbability", Probability.ofFraction(tor.baseGoalProbability(), tor.paths()));
            List<Map<String, Object>> bars = new ArrayList<>();
            for (Sensitivity.Bar b : tor.bars()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("parameter", b.parameter());
                e.put("base", num(b.base()));
                e.put("low", num(b.low()));
                e.put("high", num(b.high()));
                e.put("range", b.source().name().toLowerCase(java.util.Locale.ROOT));
                e.put("lowMedian", num(b.lowMedian()));
                e.put("highMedian", num(b.highMedian()));
                putProbability(e, "lowGoalProbability", Probability.ofFraction(b.lowGoalProbability(), tor.paths()));
                putProbability(e, "highGoalProbability", Probability.ofFraction(b.highGoalProbability(), tor.paths()));
                bars.add(e);
            }
            sen.put("bars", bars);
            m.put("sensitivity", sen);
        }
        return m;
    }

    /** {@code key} (the probability) with {@code keyCiLow} and {@code keyCiHigh}, its Wilson 95% interval, beside it. */
    private static void putProbability(Map<String, Object> m, String key, Probability p) {
        m.put(key, num(p.value()));
        m.put(key + "CiLow", num(p.ciLow()));
        m.put(key + "CiHigh", num(p.ciHigh()));
    }

    private static Map<String, Object> probability(dev.kam.simulation.Probability p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probability", num(p.value()));
        m.put("ciLow", num(p.ciLow()));
        m.put("ciHigh", num(p.ciHigh()));
        return m;
    }

    private static Map<String, Object> difference(dev.kam.simulation.Difference d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("difference", num(d.value()));
        m.put("stderr", num(d.stderr()));
        m.put("ciLow", num(d.ciLow()));
        m.put("ciHigh", num(d.ciHigh()));
        return m;
    }

    /** The parameters simulated: erosion in use and how it was set, spreads drawn per path, calibrated keys. */
    private static Map<String, Object> parameters(SimulationResult r) {
        dev.kam.domain.SimulationParams p = r.params();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shareErosion", num(r.erosion()));
        m.put("shareErosionSource", p.erosionDerived() ? "derived (status-quo neutral)"
                : p.calibrated().contains(dev.kam.domain.SimulationParams.Param.SHARE_EROSION) ? "calibrated" : "given");
        List<Map<String, Object>> spreads = new ArrayList<>();
        for (var e : p.spreads().entrySet()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("parameter", e.getKey().key());
            x.put("distribution", e.getValue().normal() ? "normal" : "uniform");
            x.put(e.getValue().normal() ? "mean" : "low", e.getValue().a());
            x.put(e.getValue().normal() ? "sd" : "high", e.getValue().b());
            x.put("source", p.calibrated().contains(e.getKey()) ? "calibrated" : "given");
            spreads.add(x);
        }
        m.put("uncertain", spreads);
        List<String> cal = new ArrayList<>();
        for (var q : p.calibrated()) cal.add(q.key());
        m.put("calibrated", cal);
        return m;
    }

    private static Map<String, Object> stats(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] p = s.percentiles();
        String[] names = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};
        for (int i = 0; i < p.length; i++) m.put(names[i], num(p[i]));
        m.put("mean", num(s.mean()));
        m.put("stderr", num(s.stderr()));
        return m;
    }

    /** JSON has no NaN: missing values are null. */
    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    // ---- charts -------------------------------------------------------------------------------------

    private static NumberAxis yearAxis(Messages m) {
        NumberAxis x = new NumberAxis(m.get("chart.axis.year"));
        ChartTheme.yearAxis(x);
        return x;
    }

    /** A value axis in the house style for the metric: compact money, percent, or a whole count. */
    private static NumberAxis valueAxis(String label, Metric metric, Messages m) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        switch (metric) {
            case KEY_ACCOUNT_SHARE -> ChartTheme.percentAxis(y);
            case KEY_ACCOUNT_COUNT -> ChartTheme.countAxis(y);
            default -> ChartTheme.moneyAxis(y, m);
        }
        return y;
    }

    /** The axis unit of a metric: the currency per year, accounts, or a share of total revenue. */
    private static String unit(Metric metric, String currency, Messages m) {
        return switch (metric) {
            case KEY_ACCOUNT_SHARE -> m.get("chart.unit.shareOfRevenue");
            case KEY_ACCOUNT_COUNT -> m.get("chart.unit.accounts");
            default -> m.get("chart.unit.perYear", m.currencyUnit(currency));
        };
    }

    /** The plan's label for a reader ("optimized plan", "today's owners"), or the label itself (a file name). */
    static String planName(String label, Messages m) {
        return m.getOr("chart.plan." + label, label);
    }

    static JFreeChart fan(Input in, Metric metric, Messages m) {
        SimulationResult r = in.result();
        int[] years = r.years();
        YIntervalSeries outer = new YIntervalSeries(m.get("chart.fan.outer"));
        YIntervalSeries inner = new YIntervalSeries(m.get("chart.fan.inner"));
        XYSeries median = new XYSeries(m.get("chart.fan.median"));
        double t0 = r.today(metric);
        outer.add(r.baseYear(), t0, t0, t0);
        inner.add(r.baseYear(), t0, t0, t0);
        median.add(r.baseYear(), t0);
        for (int y = 0; y < years.length; y++) {
            Stats s = r.stats(metric, y);
            outer.add(years[y], s.p50(), s.p5(), s.p95());
            inner.add(years[y], s.p50(), s.p25(), s.p75());
            median.add(years[y], s.p50());
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(outer);
        bands.addSeries(inner);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(median);
        XYSeries target = targetSeries(in.targets(), metric, m);
        if (target != null) lines.addSeries(target);

        String title = m.get("chart.metric." + metric.code());
        NumberAxis yAxis = valueAxis(m.get("chart.withUnit", title, unit(metric, in.currency(), m)), metric, m);
        XYPlot plot = new XYPlot(bands, yearAxis(m), yAxis, null);
        Stroke thin = new BasicStroke(0.5f);
        DeviationRenderer band = new FixedDeviationRenderer(new Paint[] {BAND_OUTER, BAND_INNER},
                new Stroke[] {thin, thin});
        band.setAlpha(1.0f);
        plot.setRenderer(0, band);
        plot.setDataset(1, lines);
        XYLineAndShapeRenderer lr = new FixedLineRenderer(false, new Paint[] {MEDIAN, TARGET},
                new Stroke[] {new BasicStroke(2.5f), DASHED});
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        return new JFreeChart(m.get("chart.fan.title", title, r.paths(), planName(r.planLabel(), m)),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static XYSeries targetSeries(Targets targets, Metric metric, Messages m) {
        if (targets == null || targets.years().isEmpty()) return null;
        XYSeries s = new XYSeries(m.get("chart.fan.target"));
        for (YearTarget t : targets.years()) {
            double v = switch (metric) {
                case KEY_ACCOUNT_REVENUE -> t.keyAccountRevenue();
                case KEY_ACCOUNT_COUNT -> t.keyAccountCount();
                case KEY_ACCOUNT_SHARE -> t.keyAccountShare();
                case TOTAL_REVENUE -> t.totalRevenue();
                default -> Double.NaN;
            };
            if (!Double.isNaN(v)) s.add(t.year(), v);
        }
        return s.getItemCount() == 0 ? null : s;
    }

    /** Each yearly target's hit probability as a line, its Wilson 95% interval as a band around it. */
    static JFreeChart hitChart(SimulationResult r, Messages m) {
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        List<String> codes = List.of(Metric.KEY_ACCOUNT_REVENUE.code(), Metric.KEY_ACCOUNT_COUNT.code(),
                Metric.KEY_ACCOUNT_SHARE.code(), Metric.TOTAL_REVENUE.code(), TargetHit.ALL);
        for (String code : codes) series.put(code, new YIntervalSeries(m.get("chart.hit." + code)));
        for (TargetHit h : r.targetHits()) series.get(h.metric()).add(h.year(), h.probability(), h.ciLow(), h.ciHigh());
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, YIntervalSeries> e : series.entrySet()) {
            if (e.getValue().getItemCount() > 0) {
                ds.addSeries(e.getValue());
                shown.add(e.getKey());
            }
        }
        NumberAxis y = new NumberAxis(m.get("chart.hit.axis"));
        ChartTheme.percentAxis(y);
        y.setRange(0, 1.0);
        Paint[] paints = new Paint[ds.getSeriesCount()];
        Stroke[] strokes = new Stroke[ds.getSeriesCount()];
        for (int i = 0; i < paints.length; i++) {
            boolean all = shown.get(i).equals(TargetHit.ALL);
            paints[i] = all ? ChartTheme.TEXT : ChartTheme.color(i);
            strokes[i] = all ? DASHED : new BasicStroke(2f);
        }
        FixedDeviationRenderer lr = new FixedDeviationRenderer(paints, strokes);
        lr.setAlpha(0.22f);
        XYPlot plot = new XYPlot(ds, yearAxis(m), y, lr);
        return new JFreeChart(m.get("chart.hit.title", r.paths()), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    static JFreeChart goalTimingChart(GoalTiming g, String currency, int paths, Messages m) {
        XYSeries first = new XYSeries(m.get("chart.timing.first"));
        YIntervalSeries by = new YIntervalSeries(m.get("chart.timing.by"));
        for (int y = 0; y < g.years().length; y++) {
            first.add(g.years()[y], g.firstMet()[y]);
            Probability p = Probability.ofFraction(g.metBy()[y], paths);
            by.add(g.years()[y], g.metBy()[y], p.ciLow(), p.ciHigh());
        }
        NumberAxis y = new NumberAxis(m.get("chart.timing.axis"));
        ChartTheme.percentAxis(y);
        y.setRange(0, 1.0);
        XYBarRenderer br = new XYBarRenderer(0.25) {
            @Override
            public Paint lookupSeriesPaint(int series) {
                return BAR;
            }
        };
        br.setShadowVisible(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(first), yearAxis(m), y, br);
        YIntervalSeriesCollection byData = new YIntervalSeriesCollection();
        byData.addSeries(by);
        plot.setDataset(1, byData);
        // the cumulative probability with its Wilson 95% interval as a band
        FixedDeviationRenderer byRenderer = new FixedDeviationRenderer(new Paint[] {TARGET}, new Stroke[] {new BasicStroke(2.2f)});
        byRenderer.setAlpha(0.2f);
        plot.setRenderer(1, byRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(m.get("chart.timing.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Probability never = Probability.ofFraction(g.never(), paths);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(m.get("chart.timing.subtitle",
                m.money(g.target(), currency), m.percentCi(never.value(), never.ciLow(), never.ciHigh()), paths)));
        return chart;
    }

    static List<Chart> upliftHistograms(Input in, Messages m) {
        PlanComparison c = in.comparison();
        int last = c.plan().horizon() - 1;
        return List.of(
                Chart.of("uplift-key-account-revenue", histogram(c.uplift(Metric.KEY_ACCOUNT_REVENUE, last),
                        m.get("chart.uplift.kaTitle", String.valueOf(c.plan().years()[last])),
                        m.get("chart.withUnit", m.get("chart.uplift.kaAxis"),
                                m.get("chart.unit.perYear", m.currencyUnit(in.currency()))), m)),
                Chart.of("uplift-gross-profit", histogram(c.cumulativeProfitUplift(),
                        m.get("chart.uplift.profitTitle", c.plan().horizon()),
                        m.get("chart.withUnit", m.get("chart.uplift.profitAxis"), m.currencyUnit(in.currency())), m)));
    }

    private static JFreeChart histogram(double[] values, String title, String axis, Messages m) {
        Stats s = Stats.of(values);
        double[] v = values;
        HistogramDataset ds = new HistogramDataset();
        double lo = Stats.percentileSorted(sorted(v), 0.001);
        double hi = Stats.percentileSorted(sorted(v), 0.999);
        if (hi <= lo) {
            hi = lo + 1;
            lo = lo - 1;
        }
        ds.addSeries(m.get("chart.uplift.paths"), clip(v, lo, hi), 50, lo, hi);
        NumberAxis x = new NumberAxis(axis);
        ChartTheme.moneyAxis(x, m);
        NumberAxis y = new NumberAxis(m.get("chart.uplift.count"));
        ChartTheme.countAxis(y);
        XYBarRenderer br = new XYBarRenderer(0.05) {
            @Override
            public Paint lookupSeriesPaint(int series) {
                return BAR;
            }
        };
        br.setBarPainter(new StandardXYBarPainter());
        br.setShadowVisible(false);
        XYPlot plot = new XYPlot(ds, x, y, br);
        marker(plot, s.p50(), m.get("chart.uplift.median", m.compact(s.p50())), MEDIAN, false);
        marker(plot, s.p5(), "P5", MEDIAN, true);
        marker(plot, s.p95(), "P95", MEDIAN, true);
        marker(plot, 0, m.get("chart.uplift.zero"), BASELINE, true);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s;
    }

    /** Values outside [lo, hi] are put on the edge bins, so every path is counted. */
    private static double[] clip(double[] v, double lo, double hi) {
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) c[i] = Math.max(lo, Math.min(hi, v[i]));
        return c;
    }

    private static void marker(XYPlot plot, double at, String text, Color color, boolean dashed) {
        ValueMarker m = new ValueMarker(at);
        m.setPaint(color);
        m.setStroke(dashed ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {5f, 4f}, 0f) : new BasicStroke(2f));
        m.setLabel(text);
        m.setLabelFont(ChartTheme.font(java.awt.Font.PLAIN, 11));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(m);
    }

    /** The reader's name of a {@code simulation:} parameter ("share-of-wallet ceiling"), or the key itself. */
    static String parameterName(String key, Messages m) {
        return m.getOr("param.simulation." + key, key);
    }

    static JFreeChart tornadoChart(Input in, Messages m) {
        Sensitivity.Tornado t = in.tornado();
        boolean goal = !Double.isNaN(t.baseGoalProbability());
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String down = m.get("simulation.tornado.low");
        String up = m.get("simulation.tornado.high");
        for (Sensitivity.Bar b : t.bars()) {
            String name = parameterName(b.parameter(), m);
            double lo = goal ? b.lowGoalProbability() - t.baseGoalProbability() : b.lowMedian() - t.baseMedian();
            double hi = goal ? b.highGoalProbability() - t.baseGoalProbability() : b.highMedian() - t.baseMedian();
            ds.addValue(lo, down, name);
            ds.addValue(hi, up, name);
        }
        Probability base = Probability.ofFraction(t.baseGoalProbability(), t.paths());
        NumberAxis v = new NumberAxis(goal ? m.get("simulation.tornado.axisGoal",
                m.percentCi(base.value(), base.ciLow(), base.ciHigh()))
                : m.get("chart.tornado.axis", m.money(t.baseMedian(), in.currency())));
        if (goal) ChartTheme.percentAxis(v);
        else ChartTheme.moneyAxis(v, m);
        BarRenderer br = new BarRenderer() {
            @Override
            public Paint lookupSeriesPaint(int series) {
                return series == 0 ? ChartTheme.color(1) : ChartTheme.color(0);
            }
        };
        br.setBarPainter(new StandardBarPainter());
        br.setShadowVisible(false);
        br.setItemMargin(0.0);
        CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(m.get("chart.tornado.parameter")), v, br);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        return new JFreeChart(m.get(goal ? "simulation.tornado.titleGoal" : "simulation.tornado.titleMedian", t.paths()),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
