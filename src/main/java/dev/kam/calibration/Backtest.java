package dev.kam.calibration;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.HistoryEntry;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import dev.kam.simulation.Metric;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.simulation.Stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backtest of SPEC §8: calibrate on all but the last two years of history, simulate those two years from the
 * state of the account base then (under that year's owners, the fitted parameters carrying their errors), and set
 * the forecast against what happened.
 *
 * <p>Wallets are known only today, so the starting shares are reconstructed backwards from today's shares under the
 * training fit's share dynamics (deterministic in the model), and the starting wallets are revenue / share; an
 * account lost before today gets the median reconstructed share, a prospect today's wallet deflated by the fitted
 * growth. The forecast is out of sample for wallet growth, churn, conversion and arrivals.
 *
 * @param fromYear    the last year the training fit used (baseYear − 2)
 * @param trainingFit the fit on the years up to {@code fromYear}
 * @param rows        per forecast year and metric: actual, P5, P50, P95 and whether the actual lies in P5–P95
 * @param history     actual total revenue per calendar year of history (for the chart), first year first
 * @param firstYear   the first year of {@code history}
 * @param paths       paths of the forecast
 */
public record Backtest(int fromYear, CalibrationFit trainingFit, List<Row> rows, double[] history, int firstYear,
                       int paths) {
    public Backtest {
        rows = List.copyOf(rows);
        history = history.clone();
    }

    /** One forecast figure against the actual. */
    public record Row(int year, String metric, double actual, double p5, double p50, double p95, boolean inside) {
    }

    /** The metrics the backtest checks, by their codes. */
    static final List<Metric> METRICS = List.of(Metric.TOTAL_REVENUE, Metric.KEY_ACCOUNT_REVENUE,
            Metric.KEY_ACCOUNT_COUNT);

    /** The backtest, or null when history has fewer than two years of transitions before the last two years. */
    public static Backtest run(Scenario s, SimulationOptions options) {
        int b = s.baseYear();
        int from = b - 2;
        int first = Integer.MAX_VALUE;
        for (HistoryEntry h : s.history()) first = Math.min(first, h.year());
        if (first == Integer.MAX_VALUE || from - first < 2) return null;
        CalibrationFit fit = Calibrator.fit(s, from);
        Scenario start = startingPoint(s, fit, from);
        if (start == null) return null;
        Scenario calibrated = Calibration.apply(start, fit);
        Coverage owners = Coverage.baseline(calibrated, new ResponseModel(calibrated.simulation()));
        SimulationResult r = Simulator.run(calibrated, null, owners, options);

        double[] history = new double[b - first + 1];
        Map<Integer, List<Double>> byYear = new HashMap<>();
        for (HistoryEntry h : s.history()) {
            history[h.year() - first] += h.revenue();
            byYear.computeIfAbsent(h.year(), k -> new ArrayList<>()).add(h.revenue());
        }
        List<Row> rows = new ArrayList<>();
        for (int y = 0; y < 2; y++) {
            int year = from + 1 + y;
            double threshold = s.keyAccountThreshold(year);
            double total = 0;
            double ka = 0;
            int count = 0;
            for (double v : byYear.getOrDefault(year, List.of())) {
                total += v;
                if (Account.isKeyAccountRevenue(v, threshold)) {
                    ka += v;
                    count++;
                }
            }
            double[] actual = {total, ka, count};
            for (int m = 0; m < METRICS.size(); m++) {
                Stats st = r.stats(METRICS.get(m), y);
                rows.add(new Row(year, METRICS.get(m).code(), actual[m], st.p5(), st.p50(), st.p95(),
                        actual[m] >= st.p5() && actual[m] <= st.p95()));
            }
        }
        return new Backtest(from, fit, rows, history, first, options.paths());
    }

    /** The account base in year {@code from}, as a scenario whose base year it is and whose horizon is two years. */
    private static Scenario startingPoint(Scenario s, CalibrationFit fit, int from) {
        double ku = value(fit, Param.GAIN_UNCOVERED, s.simulation().gainUncovered());
        double kc = value(fit, Param.GAIN_COVERED, s.simulation().gainCovered());
        double delta = value(fit, Param.SHARE_EROSION, s.simulation().erosion());
        double growth = value(fit, Param.GROWTH_MEAN, s.simulation().growthMean());
        Map<String, Double> shares = Calibrator.sharesAt(s, ku, kc, delta, from);
        double[] known = shares.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double medianShare = known.length == 0 ? s.simulation().initialShare() : known[known.length / 2];

        Map<String, Account> today = new HashMap<>();
        for (Account a : s.accounts()) today.put(a.id(), a);
        Set<String> soldiers = new HashSet<>();
        for (Soldier so : s.soldiers()) soldiers.add(so.id());
        double[] margins = s.accounts().stream().mapToDouble(Account::margin).sorted().toArray();
        double medianMargin = margins.length == 0 ? 0.25 : margins[margins.length / 2];
        double[] prospectWallets = s.accounts().stream().filter(Account::isProspect).mapToDouble(Account::wallet)
                .sorted().toArray();
        double medianProspect = prospectWallets.length == 0 ? 0 : prospectWallets[prospectWallets.length / 2];

        Map<String, Map<Integer, HistoryEntry>> rows = new HashMap<>();
        for (HistoryEntry h : s.history()) rows.computeIfAbsent(h.account(), k -> new HashMap<>()).put(h.year(), h);
        List<Account> accounts = new ArrayList<>();
        List<String> ids = new ArrayList<>(rows.keySet());
        ids.sort(null);
        for (String id : ids) {
            Map<Integer, HistoryEntry> r = rows.get(id);
            HistoryEntry then = r.get(from);
            if (then == null) continue;
            boolean activeBefore = false;
            for (Map.Entry<Integer, HistoryEntry> e : r.entrySet()) {
                if (e.getKey() < from && e.getValue().revenue() > 0) activeBefore = true;
            }
            Account a = today.get(id);
            double revenue = then.revenue();
            double wallet;
            Stage stage;
            if (revenue > 0) {
                double share = shares.getOrDefault(id, medianShare);
                wallet = revenue / Math.max(share, 1e-6);
                stage = Stage.ACTIVE;
            } else if (activeBefore) {
                continue;       // lost before the backtest starts: not part of the account base then
            } else {
                wallet = a != null ? a.wallet() / Math.pow(1 + growth, 2) : medianProspect;
                stage = Stage.PROSPECT;
            }
            String owner = then.owner() != null && soldiers.contains(then.owner()) ? then.owner() : null;
            accounts.add(new Account(id, a == null ? id : a.name(), a == null ? "(unknown)" : a.industry(),
                    a == null ? "(unknown)" : a.region(), revenue, Math.max(wallet, revenue),
                    a == null ? medianMargin : a.margin(), a == null ? 0.8 : a.credit(),
                    a == null ? 0.5 : a.difficulty(), Double.NaN, Double.NaN, a == null ? Set.of() : a.needs(), owner,
                    stage, false, Double.NaN));
        }
        if (accounts.isEmpty()) return null;
        StrategyParams st = s.strategy().withHorizon(2, s.keyAccountThreshold(from))
                .withThresholdGrowth(s.keyAccountThresholdGrowth());
        // the erosion the training fit reconstructed the shares with (a property of the market, not re-derived from
        // the account base of the starting year), carrying its error
        var sim = s.simulation();
        Estimate e = fit.estimate(Param.SHARE_EROSION);
        if (sim.erosionDerived() && e != null && e.known()) {
            double sd = e.drawSd();
            sim = Double.isFinite(sd) && sd > 0
                    ? sim.withSpread(Param.SHARE_EROSION, dev.kam.domain.SimulationParams.Spread.normal(e.estimate(), sd))
                    : sim.with(Param.SHARE_EROSION, e.estimate());
        }
        return new Scenario(s.name() + " (backtest from " + from + ")", s.currency(), from, s.source(), accounts,
                s.soldiers(), s.products(), s.relationships(), s.analysis(), st, s.assignment(),
                sim.withProvenance(s.simulation().given(), Set.of()), List.of());
    }

    private static double value(CalibrationFit fit, Param p, double fallback) {
        Estimate e = fit.estimate(p);
        return e != null && e.known() ? e.estimate() : fallback;
    }

    /** The rows of one metric. */
    public List<Row> rows(Metric m) {
        return rows.stream().filter(r -> r.metric().equals(m.code())).toList();
    }

    /** How many forecast figures lie within their P5–P95 band. */
    public long inside() {
        return rows.stream().filter(Row::inside).count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Backtest b && b.fromYear == fromYear && b.rows.equals(rows)
                && Arrays.equals(b.history, history) && b.firstYear == firstYear && b.paths == paths
                && b.trainingFit.equals(trainingFit);
    }

    @Override
    public int hashCode() {
        return rows.hashCode() * 31 + Arrays.hashCode(history);
    }
}
