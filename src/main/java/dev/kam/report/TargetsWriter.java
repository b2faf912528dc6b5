package dev.kam.report;

import dev.kam.io.Json;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.strategy.Baseline;
import dev.kam.strategy.DepartmentTarget;
import dev.kam.strategy.Goal;
import dev.kam.strategy.Targets;
import dev.kam.strategy.TargetWarning;
import dev.kam.strategy.YearFeasibility;
import dev.kam.strategy.YearTarget;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the targets stage into {@code OUT/targets}: targets.csv, departments.csv, departments.txt,
 * summary.json and the charts targets.png/svg (yearly KA revenue with its three factors) and
 * headcount.png/svg (soldiers needed vs today).
 */
public final class TargetsWriter {
    public static final String STAGE = "targets";
    private static final Color BAR = new Color(0x2F, 0x5D, 0x8A);
    private static final Color TODAY = new Color(0x9A, 0xA9, 0xB8);
    private static final Color COUNT = new Color(0xD9, 0x7B, 0x29);
    private static final Color FREQ = new Color(0x3A, 0x9A, 0x5B);
    private static final Color VALUE = new Color(0xB0, 0x3A, 0x48);

    private TargetsWriter() {
    }

    /** Writes every output atomically into {@code root/targets}, charts in the language of {@code m}; returns that folder. */
    public static Path write(Targets targets, Scenario scenario, Path root, Messages m) {
        try (OutputDir dir = OutputDir.open(root, STAGE)) {
            writeFiles(targets, scenario, dir);
            for (Chart c : charts(targets, scenario, m)) c.write(dir);
            return dir.commit();
        }
    }

    /** The data files (targets.csv, departments.csv, departments.txt, summary.json) into an open stage folder. */
    public static void writeFiles(Targets targets, Scenario scenario, OutputDir dir) {
        targetsCsv(targets).write(dir.file("targets.csv"));
        departmentsCsv(targets).write(dir.file("departments.csv"));
        dir.writeString("departments.txt", departmentsText(targets, scenario));
        Json.write(dir.file("summary.json"), summary(targets, scenario));
    }

    /** The charts of the stage in report order: targets, headcount. */
    public static List<Chart> charts(Targets targets, Scenario scenario, Messages m) {
        return List.of(Chart.of("targets", targetsChart(targets, scenario, m)),
                Chart.of("headcount", headcountChart(targets, scenario, m)));
    }

    /** The words of CSV and JSON outputs (English; the report chooses its own language). */
    private static final Messages EN = Messages.of(Lang.EN);

    /**
     * A number at full precision in plain notation: the shortest decimal that reads back as the same double
     * (Double.toString's digits, without an exponent); NaN and infinities are empty.
     */
    static String full(double v) {
        if (!Double.isFinite(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static CsvOut targetsCsv(Targets t) {
        CsvOut csv = new CsvOut("year", "keyAccountRevenue", "keyAccountCount", "ordersPerAccount", "orderValue",
                "keyAccountShare", "growth", "totalRevenue", "otherRevenue", "winsNeeded", "hoursNeeded",
                "headcountNeeded", "headcountAvailable", "keyAccountThreshold", "countPath", "allowedLosses");
        for (YearTarget y : t.years()) {
            YearFeasibility f = t.feasibility(y.year());
            csv.row(y.year(), full(y.keyAccountRevenue()), full(y.keyAccountCount()), full(y.ordersPerAccount()),
                    full(y.orderValue()), full(y.keyAccountShare()), full(y.growth()), full(y.totalRevenue()),
                    full(y.totalRevenue() - y.keyAccountRevenue()),
                    f == null ? null : f.winsNeeded(), f == null ? null : full(f.hoursNeeded()),
                    f == null ? null : f.headcountNeeded(), f == null ? null : f.headcountAvailable(),
                    full(y.keyAccountThreshold()), full(y.countPath()), f == null ? null : f.allowedLosses());
        }
        return csv;
    }

    static CsvOut departmentsCsv(Targets t) {
        CsvOut csv = new CsvOut("year", "department", "metric", "baseline", "target", "change", "text");
        for (DepartmentTarget d : t.departments()) {
            csv.row(d.year(), d.department(), d.metric(), full(d.baseline()), full(d.target()), full(d.change()),
                    EN.render(d.text()));
        }
        return csv;
    }

    /** The department targets as readable text, year by year, with the warnings at the end. */
    public static String departmentsText(Targets t, Scenario s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Department targets — ").append(s.name()).append(" (").append(t.path()).append(" path)\n");
        sb.append("KA revenue = key-account count × orders per account × order value\n");
        for (YearTarget y : t.years()) {
            sb.append('\n').append(y.year()).append(": key-account revenue ")
                    .append(money(s, y.keyAccountRevenue())).append(" = ")
                    .append(y.countPath() == y.keyAccountCount() ? fmt(y.keyAccountCount(), 0)
                            : fmt(y.countPath(), 2) + " accounts on the smooth path (target "
                            + fmt(y.keyAccountCount(), 0) + ")").append(y.countPath() == y.keyAccountCount()
                            ? " accounts × " : " × ")
                    .append(fmt(y.ordersPerAccount(), 2)).append(" orders × ")
                    .append(money(s, y.orderValue())).append('\n');
            for (DepartmentTarget d : t.departments(y.year())) sb.append("  - ").append(EN.render(d.text())).append('\n');
        }
        if (!t.warnings().isEmpty()) {
            sb.append("\nWarnings\n");
            for (TargetWarning w : t.warnings()) {
                sb.append("  - ").append(w.check()).append(": ").append(EN.render(w.message())).append('\n');
            }
        }
        return sb.toString();
    }

    static Map<String, Object> summary(Targets t, Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.name());
        m.put("currency", s.currency());
        m.put("baseYear", s.baseYear());
        m.put("horizonYears", t.years().size());
        m.put("keyAccountThreshold", s.strategy().keyAccountThreshold());
        m.put("keyAccountThresholdGrowth", s.keyAccountThresholdGrowth());
        Map<String, Object> path = new LinkedHashMap<>();
        path.put("kind", t.path());
        if (t.path().equals("s-curve") && t.assumptions() != null) {
            path.put("steepness", t.assumptions().sCurveSteepness());
            path.put("midpoint", t.assumptions().sCurveMidpoint());
        }
        if (t.path().equals("milestones")) {
            List<Map<String, Object>> ms = new ArrayList<>();
            for (var x : s.strategy().milestones()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("year", x.year());
                e.put("keyAccountRevenue", clean(x.keyAccountRevenue()));
                e.put("keyAccountCount", clean(x.keyAccountCount()));
                e.put("keyAccountRevenueShare", clean(x.keyAccountShare()));
                ms.add(e);
            }
            path.put("milestones", ms);
        }
        if (t.goals() != null) path.put("yearlyGrowth", clean(t.goals().yearlyGrowth()));
        m.put("path", path);
        Baseline b = t.baseline();
        if (b != null) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("year", b.year());
            bm.put("keyAccountRevenue", b.keyAccountRevenue());
            bm.put("keyAccountCount", b.keyAccountCount());
            bm.put("keyAccountShare", b.keyAccountShare());
            bm.put("totalRevenue", b.totalRevenue());
            bm.put("otherRevenue", b.otherRevenue());
            bm.put("ordersPerAccount", b.ordersPerAccount());
            bm.put("ordersFromData", b.ordersFromData());
            bm.put("orderValue", clean(b.orderValue()));
            bm.put("averageKeyAccountRevenue", clean(b.averageKeyAccountRevenue()));
            bm.put("hoursPerKeyAccount", b.hoursPerKeyAccount());
            bm.put("hoursFromData", b.hoursFromData());
            bm.put("soldiers", b.soldiers());
            bm.put("soldierCapacityHours", b.soldierCapacityHours());
            bm.put("hoursPerSoldier", b.hoursPerSoldier());
            bm.put("pipelineProspects", b.pipelineProspects());
            bm.put("pipelineAccounts", b.pipelineAccounts());
            bm.put("totalWallet", b.totalWallet());
            bm.put("otherOwnedAccounts", b.otherOwnedAccounts());
            bm.put("otherAccountHours", b.otherAccountHours());
            bm.put("hoursNeededToday", b.hoursNeededToday());
            m.put("baseline", bm);
        }
        if (t.goals() != null) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("keyAccountRevenue", goal(t.goals().keyAccountRevenue()));
            gm.put("keyAccountCount", goal(t.goals().keyAccountCount()));
            gm.put("keyAccountRevenueShare", goal(t.goals().keyAccountShare()));
            gm.put("totalRevenue", t.goals().totalRevenue());
            m.put("goals", gm);
        }
        if (t.assumptions() != null) m.put("assumptions", t.assumptions());
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (TargetWarning w : t.warnings()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("check", w.check());
            wm.put("message", EN.render(w.message()));
            warnings.add(wm);
        }
        m.put("warnings", warnings);
        List<String> notes = new ArrayList<>();
        for (var n : t.notes()) notes.add(EN.render(n));
        m.put("notes", notes);
        List<Map<String, Object>> years = new ArrayList<>();
        for (YearTarget y : t.years()) {
            Map<String, Object> ym = new LinkedHashMap<>();
            ym.put("year", y.year());
            ym.put("keyAccountRevenue", y.keyAccountRevenue());
            ym.put("keyAccountCount", y.keyAccountCount());
            ym.put("ordersPerAccount", y.ordersPerAccount());
            ym.put("orderValue", y.orderValue());
            ym.put("keyAccountShare", y.keyAccountShare());
            ym.put("totalRevenue", y.totalRevenue());
            ym.put("growth", clean(y.growth()));
            ym.put("keyAccountThreshold", clean(y.keyAccountThreshold()));
            ym.put("countPath", clean(y.countPath()));
            YearFeasibility f = t.feasibility(y.year());
            if (f != null) {
                ym.put("winsNeeded", f.winsNeeded());
                ym.put("replacements", f.replacements());
                ym.put("allowedLosses", f.allowedLosses());
                ym.put("pipelineRemaining", f.pipelineRemaining());
                ym.put("expectedConversions", f.expectedConversions());
                ym.put("otherHours", f.otherHours());
                ym.put("hoursNeeded", f.hoursNeeded());
                ym.put("hoursAvailable", f.hoursAvailable());
                ym.put("headcountNeeded", f.headcountNeeded());
                ym.put("headcountAvailable", f.headcountAvailable());
            }
            years.add(ym);
        }
        m.put("years", years);
        return m;
    }

    private static Map<String, Object> goal(Goal g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", clean(g.value()));
        m.put("source", g.source());
        m.put("derived", g.derived());
        if (g.how() != null) m.put("how", EN.render(g.how()));
        return m;
    }

    private static Double clean(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    // ------------------------------------------------------------------------ charts

    /** Yearly KA revenue as bars, with the three factors as indexes on a second axis. */
    public static JFreeChart targetsChart(Targets t, Scenario s, Messages m) {
        Baseline b = t.baseline();
        double max = 0;
        for (YearTarget y : t.years()) max = Math.max(max, y.keyAccountRevenue());
        if (b != null) max = Math.max(max, b.keyAccountRevenue());
        Scale scale = Scale.of(max);

        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset lines = new DefaultCategoryDataset();
        String revenueSeries = m.get("chart.targets.revenue");
        String todayLabel = b == null ? null : String.valueOf(b.year());
        if (b != null) bars.addValue(b.keyAccountRevenue() / scale.divisor, revenueSeries, todayLabel);
        for (YearTarget y : t.years()) {
            bars.addValue(y.keyAccountRevenue() / scale.divisor, revenueSeries, String.valueOf(y.year()));
        }
        // Index base: today when there are key accounts today, else the first year that has some.
        double bN = Double.NaN;
        double bF = Double.NaN;
        double bV = Double.NaN;
        String baseName = null;
        if (b != null && b.keyAccountCount() > 0) {
            bN = b.keyAccountCount();
            bF = b.ordersPerAccount();
            bV = b.orderValue();
            baseName = String.valueOf(b.year());
        } else {
            for (YearTarget y : t.years()) {
                if (y.keyAccountCount() > 0 && y.orderValue() > 0) {
                    bN = y.keyAccountCount();
                    bF = y.ordersPerAccount();
                    bV = y.orderValue();
                    baseName = String.valueOf(y.year());
                    break;
                }
            }
        }
        String sCount = m.get("chart.targets.count");
        String sFreq = m.get("chart.targets.orders");
        String sValue = m.get("chart.targets.value");
        if (baseName != null) {
            if (b != null && b.keyAccountCount() > 0) {
                lines.addValue(100, sCount, todayLabel);
                lines.addValue(100, sFreq, todayLabel);
                lines.addValue(100, sValue, todayLabel);
            }
            for (YearTarget y : t.years()) {
                String c = String.valueOf(y.year());
                lines.addValue(100 * y.keyAccountCount() / bN, sCount, c);
                lines.addValue(100 * y.ordersPerAccount() / bF, sFreq, c);
                lines.addValue(100 * y.orderValue() / bV, sValue, c);
            }
        }

        CategoryAxis x = new CategoryAxis(m.get("chart.axis.year"));
        x.setCategoryMargin(0.25);
        if (t.years().size() > 14) x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis left = new NumberAxis(m.get("chart.targets.leftAxis",
                m.get("chart.unit.perYear", scale.unit(m, s.currency()))));
        left.setNumberFormatOverride(thousands(scale.decimals));
        NumberAxis right = new NumberAxis(m.get("chart.targets.rightAxis",
                baseName == null ? m.get("chart.targets.base") : baseName));
        right.setNumberFormatOverride(thousands(0));
        right.setAutoRangeIncludesZero(false);

        boolean hasToday = b != null;
        BarRenderer br = new FixedBarRenderer(new Paint[] {BAR}) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return hasToday && column == 0 ? TODAY : BAR;
            }
        };
        br.setMaximumBarWidth(0.07);
        br.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", thousands(scale.decimals)));
        br.setDefaultItemLabelsVisible(t.years().size() <= 15);
        br.setDefaultItemLabelFont(new Font(ChartTheme.family(), Font.PLAIN, 10));
        CategoryPlot plot = new CategoryPlot(bars, x, left, br);
        LineAndShapeRenderer lr = new FixedLineRenderer(new Paint[] {COUNT, FREQ, VALUE});
        plot.setDataset(1, lines);
        plot.setRangeAxis(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        JFreeChart chart = new JFreeChart(m.get("chart.targets.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        String path = m.getOr("chart.path." + t.path(), t.path());
        chart.addSubtitle(new TextTitle(m.get("chart.targets.subtitle", path, t.years().isEmpty() ? "" : String.valueOf(t.last().year()),
                b != null ? m.get("chart.targets.today", String.valueOf(b.year())) : "")));
        if (t.path().equals("milestones") && !s.strategy().milestones().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (var ms : s.strategy().milestones()) {
                List<Object> v = new ArrayList<>();
                if (!Double.isNaN(ms.keyAccountRevenue())) v.add(m.money(ms.keyAccountRevenue(), s.currency()));
                if (!Double.isNaN(ms.keyAccountCount())) v.add(m.get("chart.targets.msCount", ms.keyAccountCount()));
                if (!Double.isNaN(ms.keyAccountShare())) v.add(m.get("chart.targets.msShare", ms.keyAccountShare()));
                parts.add(m.get("chart.targets.milestone", String.valueOf(ms.year()), v));
            }
            chart.addSubtitle(new TextTitle(m.get("chart.targets.milestones", parts),
                    new Font(ChartTheme.family(), Font.ITALIC, 11)));
        }
        if (t.assumptions() != null && Math.abs(t.assumptions().frequencyWeight() - 0.5) < 1e-12) {
            chart.addSubtitle(new TextTitle(m.get("chart.targets.overlap"), new Font(ChartTheme.family(), Font.ITALIC, 11)));
        }
        return chart;
    }

    /** Soldiers needed each year at today's productivity against soldiers today. */
    public static JFreeChart headcountChart(Targets t, Scenario s, Messages m) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String needed = m.get("chart.headcount.needed");
        String today = m.get("chart.headcount.today");
        Baseline b0 = t.baseline();
        if (b0 != null && t.assumptions() != null) {
            double perHead = b0.hoursPerSoldier() * t.assumptions().sellingTimeShare();
            String c = String.valueOf(b0.year());
            ds.addValue(perHead > 0 ? Math.ceil(b0.hoursNeededToday() / perHead - 1e-9) : 0, needed, c);
            ds.addValue(b0.soldiers(), today, c);
        }
        for (YearFeasibility f : t.feasibility()) {
            String c = String.valueOf(f.year());
            ds.addValue(f.headcountNeeded(), needed, c);
            ds.addValue(f.headcountAvailable(), today, c);
        }
        CategoryAxis x = new CategoryAxis(m.get("chart.axis.year"));
        if (t.feasibility().size() > 14) x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = new NumberAxis(m.get("chart.headcount.axis"));
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setNumberFormatOverride(thousands(0));
        BarRenderer br = new FixedBarRenderer(new Paint[] {COUNT, TODAY});
        br.setItemMargin(0.05);
        br.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", thousands(0)));
        br.setDefaultItemLabelsVisible(t.feasibility().size() <= 15);
        br.setDefaultItemLabelFont(new Font(ChartTheme.family(), Font.PLAIN, 10));
        CategoryPlot plot = new CategoryPlot(ds, x, y, br);
        JFreeChart chart = new JFreeChart(m.get("chart.headcount.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Baseline b = t.baseline();
        if (b != null && t.assumptions() != null) {
            chart.addSubtitle(new TextTitle(m.get("chart.headcount.productivity", b.hoursPerKeyAccount(),
                    t.assumptions().hoursPerWin(), b.otherAccountHours(), b.otherOwnedAccounts())));
            chart.addSubtitle(new TextTitle(m.get("chart.headcount.hours",
                    b.hoursPerSoldier() * t.assumptions().sellingTimeShare(), String.valueOf(b.year())),
                    new Font(ChartTheme.family(), Font.ITALIC, 11)));
        }
        return chart;
    }

    /**
     * A bar renderer whose colours survive {@link ChartTheme#apply} (the theme clears series paints).
     */
    private static class FixedBarRenderer extends BarRenderer {
        private final Paint[] paints;

        FixedBarRenderer(Paint[] paints) {
            this.paints = paints;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
        }

        @Override
        public Paint lookupSeriesPaint(int series) {
            return paints[series % paints.length];
        }

        @Override
        public void setBarPainter(org.jfree.chart.renderer.category.BarPainter painter) {
            super.setBarPainter(new StandardBarPainter());
        }

        @Override
        public void setShadowVisible(boolean visible) {
            super.setShadowVisible(false);
        }
    }

    /** Lines with fixed colours and a thick stroke that survive the theme. */
    private static final class FixedLineRenderer extends LineAndShapeRenderer {
        private final Paint[] paints;
        private static final Stroke[] STROKES = {new BasicStroke(2.5f),
            new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f),
            new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 5f}, 0f)};

        FixedLineRenderer(Paint[] paints) {
            super(true, true);
            this.paints = paints;
        }

        @Override
        public Paint lookupSeriesPaint(int series) {
            return paints[series % paints.length];
        }

        @Override
        public Paint lookupSeriesFillPaint(int series) {
            return lookupSeriesPaint(series);
        }

        @Override
        public Stroke lookupSeriesStroke(int series) {
            return STROKES[series % STROKES.length];
        }
    }

    /** Divides large amounts into thousands or millions so axis labels stay short. */
    private record Scale(double divisor, String unitKey, int decimals) {
        static Scale of(double max) {
            if (max >= 1e8) return new Scale(1e6, "chart.unit.million", 0);
            if (max >= 1e7) return new Scale(1e6, "chart.unit.million", 1);
            if (max >= 1e5) return new Scale(1e3, "chart.unit.thousand", 0);
            return new Scale(1, "chart.unit.plain", 0);
        }

        String unit(Messages m, String currency) {
            return m.get(unitKey, m.currencyUnit(currency));
        }
    }

    private static NumberFormat thousands(int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f;
    }

    private static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) return "n/a";
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String money(Scenario s, double v) {
        String n = Math.abs(v) >= 100 || v == 0 ? fmt(v, 0) : fmt(v, 2);
        return s.currency() == null || s.currency().isBlank() ? n : s.currency() + " " + n;
    }
}
