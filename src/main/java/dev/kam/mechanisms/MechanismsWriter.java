package dev.kam.mechanisms;

import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.MechanismParams.Commission;
import dev.kam.domain.MechanismParams.Tier;
import dev.kam.io.CsvOut;
import dev.kam.io.Json;
import dev.kam.io.OutputDir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code mechanisms/}: {@code stars.csv} (year, soldier, starsP50, pPromotion, …), with a simulation
 * {@code leads-lost.csv} (the leads the stars take away per year), {@code compensation.csv}
 * (year, metric, p5 … p95, mean, method), {@code pay.csv} (each soldier's first-year pay under the plan and under
 * today's owners), {@code summary.json} (the scheme, the salary bands, the first year's ROI, the star review) and
 * {@code index.html}, the same as a page ({@link MechanismsHtml}).
 *
 * <p>The base year of stars.csv and the first year of compensation.csv are deterministic ({@code method}
 * {@code base-year} and {@code expected-first-year}: percentiles empty, the value in {@code mean}); the simulated
 * years, with percentiles, are added by the simulation with {@code method} {@code simulated}.
 */
public final class MechanismsWriter {
    /** Columns of compensation.csv. */
    public static final String[] COMPENSATION_HEADER = {"year", "metric", "p5", "p10", "p25", "p50", "p75", "p90",
            "p95", "mean", "method"};
    /** Columns of stars.csv. */
    public static final String[] STARS_HEADER = {"year", "soldier", "starsP50", "pPromotion", "name", "pDemotion",
            "listedStars", "score", "attainment", "performance", "process", "certification", "salaryP50", "method"};

    private MechanismsWriter() {
    }

    /**
     * One row of compensation.csv.
     *
     * @param percentiles p5, p10, p25, p50, p75, p90, p95 (NaN, written empty, when not simulated)
     * @param method      {@code expected-first-year} or {@code simulated}
     */
    public record CompensationRow(int year, String metric, double[] percentiles, double mean, String method) {
        public CompensationRow {
            if (percentiles.length != 7) throw new IllegalArgumentException("7 percentiles: p5 … p95");
            percentiles = percentiles.clone();
        }

        static CompensationRow expected(int year, String metric, double value) {
            double[] p = new double[7];
            java.util.Arrays.fill(p, Double.NaN);
            return new CompensationRow(year, metric, p, value, "expected-first-year");
        }
    }

    /** The first year's rows, one per metric. */
    public static List<CompensationRow> firstYearRows(Compensation.FirstYear f) {
        List<CompensationRow> rows = new ArrayList<>();
        int y = f.year();
        rows.add(CompensationRow.expected(y, "grossProfitUplift", f.grossProfitUplift()));
        rows.add(CompensationRow.expected(y, "salary", f.plan().salary()));
        rows.add(CompensationRow.expected(y, "commission", f.plan().commission()));
        rows.add(CompensationRow.expected(y, "pkBonus", f.plan().pk()));
        rows.add(CompensationRow.expected(y, "compensation", f.plan().total()));
        rows.add(CompensationRow.expected(y, "baselineCompensation", f.baseline().total()));
        rows.add(CompensationRow.expected(y, "incrementalCompensation", f.incrementalCompensation()));
        rows.add(CompensationRow.expected(y, "hiringCost", f.hiringCost()));
        rows.add(CompensationRow.expected(y, "roi", f.roi()));
        return rows;
    }

    /** The simulated rows, year by year: p5 … p95 and the mean over paths. */
    public static List<CompensationRow> simulatedRows(SimulatedCompensation.Result r) {
        List<CompensationRow> rows = new ArrayList<>();
        if (r == null) return rows;
        for (SimulatedCompensation.Figure f : r.figures()) {
            dev.kam.simulation.Stats s = f.stats();
            rows.add(new CompensationRow(f.year(), f.metric(), new double[] {s.p5(), s.p10(), s.p25(), s.p50(), s.p75(),
                    s.p90(), s.p95()}, s.mean(), "simulated"));
        }
        return rows;
    }

    public static void write(OutputDir dir, int baseYear, MechanismParams params, SalaryBands bands,
                             List<StarReview.Row> stars, Compensation.FirstYear first, MechanismsHtml view,
                             String scenario) {
        write(dir, baseYear, params, bands, stars, first, null, view, scenario);
    }

    /**
     * Writes every file; {@code simulated} (or null) adds the rows of every simulated year to compensation.csv
     * after the first year's expected rows.
     */
    public static void write(OutputDir dir, int baseYear, MechanismParams params, SalaryBands bands,
                             List<StarReview.Row> stars, Compensation.FirstYear first,
                             SimulatedCompensation.Result simulated, MechanismsHtml view, String scenario) {
        CsvOut st = new CsvOut(STARS_HEADER);
        for (StarReview.Row r : stars) {
            st.row(baseYear, r.soldierId(), r.computed(), r.promotion() ? 1 : 0, r.name(), r.demotion() ? 1 : 0,
                    r.listed(), r.score(), r.attainment(), r.performance(), r.process(), r.certification(),
                    money(r.salaryComputed()), "base-year");
        }
        if (simulated != null) {
            for (SimulatedCompensation.StarYear r : simulated.stars()) {
                st.row(r.year(), r.soldierId(), r.starsP50(), r.pPromotion(), r.name(), r.pDemotion(), r.listed(),
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, money(r.salaryP50()), "simulated");
            }
        }
        st.write(dir.file("stars.csv"));
        if (simulated != null) leadsLost(simulated).write(dir.file("leads-lost.csv"));

        CsvOut c = new CsvOut(COMPENSATION_HEADER);
        List<CompensationRow> rows = new ArrayList<>(firstYearRows(first));
        rows.addAll(simulatedRows(simulated));
        for (CompensationRow r : rows) {
            double[] p = r.percentiles();
            c.row(r.year(), r.metric(), money(p[0]), money(p[1]), money(p[2]), money(p[3]), money(p[4]), money(p[5]),
                    money(p[6]), money(r.mean()), r.method());
        }
        c.write(dir.file("compensation.csv"));

        Map<String, Compensation.SoldierPay> base = new HashMap<>();
        for (Compensation.SoldierPay p : first.baseline().soldiers()) base.put(p.soldierId(), p);
        CsvOut pay = new CsvOut("year", "soldier", "name", "layer", "stars", "quota", "expectedRevenue", "basis",
                "attainment", "tier", "effectiveRate", "commission", "pkBonus", "salary", "total", "baselineRevenue",
                "baselineAttainment", "baselineCommission", "baselinePkBonus", "hire");
        for (Compensation.SoldierPay p : first.plan().soldiers()) {
            Compensation.SoldierPay b = base.get(p.soldierId());
            pay.row(first.year(), p.soldierId(), p.name(), p.layer().code(), p.stars(), money(p.quota()),
                    money(p.revenue()), money(p.basis()), p.attainment(), p.tier() + 1, p.effectiveRate(),
                    money(p.commission()), money(p.pk()), money(p.salary()), money(p.total()),
                    b == null ? Double.NaN : money(b.revenue()), b == null ? Double.NaN : b.attainment(),
                    b == null ? Double.NaN : money(b.commission()), b == null ? Double.NaN : money(b.pk()), p.hire());
        }
        pay.write(dir.file("pay.csv"));

        Map<String, Object> summary = summary(params, bands, stars, first);
        if (simulated != null) summary.put("simulated", simulatedSummary(simulated, first.year()));
        Json.write(dir.file("summary.json"), summary);
        dir.writeString("index.html", view.page(scenario, params, bands, stars, first, simulated));
    }

    /** Columns of leads-lost.csv. */
    public static final String[] LEADS_LOST_HEADER = {"year", "leads", "leadsLostMean", "byEligibility",
            "byElimination", "pAtLeastOne", "cumulativeMean", "takeLeads"};

    /**
     * leads-lost.csv: per simulated year (but the last), the plan's leads the year's stars take away from the next
     * year on, as means over paths, by rule, with the share of paths losing at least one and the running total.
     */
    static CsvOut leadsLost(SimulatedCompensation.Result r) {
        CsvOut c = new CsvOut(LEADS_LOST_HEADER);
        for (SimulatedCompensation.LeadsLost l : r.leadsLost()) {
            c.row(l.year(), l.leads(), l.mean(), l.byEligibility(), l.byElimination(), l.pAny(), l.cumulative(),
                    r.takesLeads());
        }
        return c;
    }

    /** The first simulated year's ROI and the ROI over the horizon: p5, p50, p95 and mean over paths. */
    static Map<String, Object> simulatedSummary(SimulatedCompensation.Result r, int firstYear) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "simulated");
        m.put("firstYearRoi", spread(r.figure(firstYear, "roi").stats()));
        m.put("firstYearIncrementalCompensation", spread(r.figure(firstYear, "incrementalCompensation").stats()));
        m.put("horizonRoi", spread(r.horizon()));
        m.put("takeLeads", r.takesLeads());
        List<SimulatedCompensation.LeadsLost> lost = r.leadsLost();
        m.put("leadsLostByHorizonMean", lost.isEmpty() ? 0.0 : lost.get(lost.size() - 1).cumulative());
        m.put("firstYearLeadsLostProbability", lost.isEmpty() ? 0.0 : lost.get(0).pAny());
        return m;
    }

    private static Map<String, Object> spread(dev.kam.simulation.Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p5", s.p5());
        m.put("p50", s.p50());
        m.put("p95", s.p95());
        m.put("mean", s.mean());
        return m;
    }

    /** Money in CSV cells: whole currency units (NaN stays empty). */
    static double money(double v) {
        return Double.isNaN(v) ? v : Math.rint(v);
    }

    static Map<String, Object> summary(MechanismParams params, SalaryBands bands, List<StarReview.Row> stars,
                                       Compensation.FirstYear f) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> scheme = scheme(params.commission());
        Map<String, Object> layers = new LinkedHashMap<>();
        for (Map.Entry<Layer, Commission> e : params.commissionByLayer().entrySet()) {
            layers.put(e.getKey().code(), scheme(e.getValue()));
        }
        if (!layers.isEmpty()) scheme.put("layers", layers);
        m.put("commission", scheme);
        Map<String, Object> pk = new LinkedHashMap<>();
        pk.put("on", params.pk().on());
        pk.put("amount", params.pk().amount());
        pk.put("rate", params.pk().rate());
        pk.put("top", params.pk().top());
        pk.put("split", params.pk().split().code());
        pk.put("minAttainment", params.pk().minAttainment());
        m.put("pk", pk);
        Map<String, Object> sal = new LinkedHashMap<>();
        sal.put("source", bands.configured() ? "mechanisms.salaryByStars" : bands.known() ? "median annualCost by stars"
                : "unknown");
        double[] band = bands.band();
        for (int k = 0; k < 5; k++) sal.put((k + 1) + "", Double.isNaN(band[k]) ? null : band[k]);
        m.put("salaryByStars", sal);

        Map<String, Object> first = new LinkedHashMap<>();
        first.put("year", f.year());
        first.put("method", "expected-first-year");
        first.put("revenueTarget", f.target());
        first.put("grossProfitUplift", f.grossProfitUplift());
        first.put("compensation", f.plan().total());
        first.put("salary", f.plan().salary());
        first.put("commission", f.plan().commission());
        first.put("pkBonus", f.plan().pk());
        first.put("baselineCompensation", f.baseline().total());
        first.put("incrementalCompensation", f.incrementalCompensation());
        first.put("hiringCost", f.hiringCost());
        first.put("roi", f.roi());
        m.put("firstYear", first);

        int agree = 0;
        int up = 0;
        int down = 0;
        List<Map<String, Object>> differences = new ArrayList<>();
        for (StarReview.Row r : stars) {
            if (r.promotion()) up++;
            else if (r.demotion()) down++;
            else agree++;
            if (r.listed() != r.computed()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("soldier", r.soldierId());
                d.put("listed", r.listed());
                d.put("computed", r.computed());
                d.put("score", r.score());
                differences.add(d);
            }
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("soldiers", stars.size());
        review.put("agree", agree);
        review.put("higher", up);
        review.put("lower", down);
        review.put("differences", differences);
        m.put("starReview", review);
        return m;
    }

    private static Map<String, Object> scheme(Commission c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("basis", c.basis().code());
        s.put("method", c.method().code());
        List<Map<String, Object>> tiers = new ArrayList<>();
        double lower = 0;
        for (Tier t : c.tiers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            if (t.upTo() == Double.POSITIVE_INFINITY) x.put("above", lower);
            else x.put("upTo", t.upTo());
            x.put("rate", t.rate());
            tiers.add(x);
            lower = t.upTo();
        }
        s.put("tiers", tiers);
        s.put("cap", c.cap() == Double.POSITIVE_INFINITY ? null : c.cap());
        s.put("keyAccountWeight", c.keyAccountWeight());
        return s;
    }
}
