package dev.kam.calibration;

import dev.kam.domain.Account;
import dev.kam.domain.Msg;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the simulation's parameters to history.csv (SPEC §8; every formula in docs/model.md, "Calibration").
 *
 * <ul>
 *   <li>churn.covered / churn.uncovered: the share of accounts active in year t−1 with no revenue in t, split by
 *       whether they had an owner in t−1;</li>
 *   <li>conversion.uncovered: the share of uncovered prospects (revenue 0 and never active before) with revenue the
 *       next year; conversion.covered from the covered ones, p_c = p_u + (conversions − p_u·n) / Σ r(1)·fit;</li>
 *   <li>shareGain.covered / shareGain.uncovered by profile least squares: for candidate gains (and the erosion they
 *       imply, or the one the scenario gives) each surviving account's share is reconstructed backwards from today's
 *       share (the share dynamics are deterministic in the model), giving its implied wallet growth
 *       u = log(R_t/R_{t−1}) − log(s_t/s_{t−1}); the gains minimise the spread of u within each year and industry;</li>
 *   <li>marketGrowth.mean/sd, correlation.market/industry from the nested random-effects decomposition of u
 *       (year, industry within year, account), method of moments;</li>
 *   <li>initialShare: the mean reconstructed share in the year an account converted; newProspectsPerYear: the mean
 *       number of accounts whose history starts after the first year.</li>
 * </ul>
 *
 * <p>Standard errors: a delete-one-year (block) jackknife over the years of transitions, every estimator refitted on
 * each replicate, so that accounts moving together within a year (the market shock) count once per year; 95%
 * intervals use Student's t with (years − 1) degrees of freedom (few clusters: Cameron and Miller 2015).
 */
public final class Calibrator {
    private Calibrator() {
    }

    /** Fits from every year of history. */
    public static CalibrationFit fit(Scenario s) {
        return fit(s, s.baseYear());
    }

    /**
     * Fits from the transitions up to {@code lastYear} (for the backtest: baseYear − 2); shares are reconstructed
     * from today's wallets, which are the only wallets known.
     */
    public static CalibrationFit fit(Scenario s, int lastYear) {
        return new Run(s, lastYear).fit();
    }

    /**
     * The shares in calendar year {@code year} of the accounts active without a break from then to today,
     * reconstructed backwards from today's shares under gains (ku, kc) and erosion δ (the backtest's starting
     * shares); by account id.
     */
    static Map<String, Double> sharesAt(Scenario s, double ku, double kc, double delta, int year) {
        HistoryPanel h = new HistoryPanel(s);
        Map<String, Double> out = new HashMap<>();
        int b = h.years - 1;
        int target = year - h.firstYear;
        for (int i = 0; i < h.accounts(); i++) {
            Account a = h.today[i];
            if (a == null || !(a.wallet() > 0) || !h.active(i, b) || target < 0 || target > b) continue;
            double share = Math.min(1.0, h.revenue[i][b] / a.wallet());
            boolean ok = true;
            for (int t = b; t > target && ok; t--) {
                if (!h.active(i, t - 1)) {
                    ok = false;
                    break;
                }
                double gain = h.owned[i][t] ? ResponseModel.coveredRate(ku, kc, h.phi[i][t]) : ku;
                double prev = Run.previousShare(share, gain, delta, s.simulation().shareCeiling());
                if (Double.isNaN(prev)) ok = false;
                else share = Math.max(prev, 1e-4);
            }
            if (ok && h.active(i, target)) out.put(a.id(), share);
        }
        return out;
    }

    /** The fitted values of one replicate, in {@link #ORDER}. */
    private static final Param[] ORDER = {Param.GROWTH_MEAN, Param.GROWTH_SD, Param.CORR_MARKET, Param.CORR_INDUSTRY,
            Param.CHURN_COVERED, Param.CHURN_UNCOVERED, Param.GAIN_COVERED, Param.GAIN_UNCOVERED, Param.SHARE_EROSION,
            Param.CONVERSION_COVERED, Param.CONVERSION_UNCOVERED, Param.INITIAL_SHARE, Param.NEW_PROSPECTS};

    private static final class Run {
        final Scenario s;
        final SimulationParams p;
        final HistoryPanel h;
        final int last;          // last transition index in the window (τ ≤ last)
        final List<Msg> notes = new ArrayList<>();

        // per transition year τ = 1..last
        final double[] churnCovN;
        final double[] churnCovC;
        final double[] churnUncN;
        final double[] churnUncC;
        final double[] convUncN;
        final double[] convUncC;
        final double[] convCovN;
        final double[] convCovC;
        final double[] convCovPhi;
        final double[] arrivals;
        final long[] counts = new long[ORDER.length];

        // share sample, flattened: account a's transitions are seg[a] .. seg[a+1]−1, newest first
        final int[] seg;
        final double[] shareToday;
        final double[] logRatio;
        final int[] year;
        final boolean[] owned;
        final double[] phi;
        final int[] cell;
        final int[] conversionYear;   // per share-sample account: the year index it converted, −1 when not seen
        final int industries;
        final double ceiling;

        // today's accounts for the neutral erosion: Σ w·room, Σ_covered w·φ·room, Σ w·s by churn class
        final List<double[]> neutral = new ArrayList<>();

        Run(Scenario s, int lastYear) {
            this.s = s;
            this.p = s.simulation();
            this.h = new HistoryPanel(s);
            this.last = Math.min(h.years - 1, lastYear - h.firstYear);
            this.ceiling = p.shareCeiling();
            int n = h.accounts();
            int t1 = Math.max(0, last) + 1;
            churnCovN = new double[t1];
            churnCovC = new double[t1];
            churnUncN = new double[t1];
            churnUncC = new double[t1];
            convUncN = new double[t1];
            convUncC = new double[t1];
            convCovN = new double[t1];
            convCovC = new double[t1];
            convCovPhi = new double[t1];
            arrivals = new double[t1];
            for (int i = 0; i < n; i++) {
                if (h.firstRow[i] < 0) continue;
                if (h.firstRow[i] >= 1 && h.firstRow[i] <= last) {
                    int t = h.firstRow[i];
                    arrivals[t]++;
                    // an arrival is a prospect of its first year (SPEC §5 step 5): it may convert in that year
                    prospectYear(i, t, h.owned[i][t], h.phi[i][t]);
                }
                for (int t = Math.max(1, h.firstRow[i] + 1); t <= last; t++) {
                    if (h.active(i, t - 1)) {
                        boolean churned;
                        if (h.hasRow(i, t)) churned = h.revenue[i][t] <= 0;
                        else if (h.lastRow[i] < t) churned = true;
                        else continue;
                        if (h.owned[i][t - 1]) {
                            churnCovN[t]++;
                            if (churned) churnCovC[t]++;
                        } else {
                            churnUncN[t]++;
                            if (churned) churnUncC[t]++;
                        }
                    } else if (h.hasRow(i, t - 1) && h.hasRow(i, t) && !h.everActiveBefore(i, t - 1)) {
                        prospectYear(i, t, h.owned[i][t - 1], h.phi[i][t - 1]);
                    }
                }
            }

            // the share sample: accounts in accounts.csv active without a break from some year to today
            Map<String, Integer> ind = new HashMap<>();
            List<double[]> rows = new ArrayList<>();
            List<Integer> segStart = new ArrayList<>();
            List<Double> sToday = new ArrayList<>();
            List<Integer> conv = new ArrayList<>();
            int b = h.years - 1;
            for (int i = 0; i < n; i++) {
                Account a = h.today[i];
                if (a == null || !(a.wallet() > 0) || !h.active(i, b) || a.isProspect()) continue;
                int e = b;
                while (e > 0 && h.active(i, e - 1)) e--;
                if (e == b) continue;
                int j = ind.computeIfAbsent(a.industry(), k -> ind.size());
                segStart.add(rows.size());
                sToday.add(Math.min(1.0, h.revenue[i][b] / a.wallet()));
                for (int t = b; t > e; t--) {
                    rows.add(new double[] {Math.log(h.revenue[i][t] / h.revenue[i][t - 1]), t,
                            h.owned[i][t] ? 1 : 0, h.phi[i][t], j});
                }
                boolean converted = e > 0 && h.hasRow(i, e - 1) && !h.everActiveBefore(i, e - 1);
                conv.add(converted ? e : -1);
            }
            industries = Math.max(1, ind.size());
            int m = rows.size();
            seg = new int[segStart.size() + 1];
            for (int a = 0; a < segStart.size(); a++) seg[a] = segStart.get(a);
            seg[segStart.size()] = m;
            shareToday = new double[segStart.size()];
            conversionYear = new int[segStart.size()];
            for (int a = 0; a < shareToday.length; a++) {
                shareToday[a] = sToday.get(a);
                conversionYear[a] = conv.get(a);
            }
            logRatio = new double[m];
            year = new int[m];
            owned = new boolean[m];
            phi = new double[m];
            cell = new int[m];
            for (int k = 0; k < m; k++) {
                double[] r = rows.get(k);
                logRatio[k] = r[0];
                year[k] = (int) r[1];
                owned[k] = r[2] > 0;
                phi[k] = r[3];
                cell[k] = (int) r[1] * industries + (int) r[4];
            }
        }

        private void prospectYear(int i, int t, boolean covered, double f) {
            boolean converted = h.revenue[i][t] > 0;
            if (covered) {
                convCovN[t]++;
                convCovPhi[t] += f;
                if (converted) convCovC[t]++;
            } else {
                convUncN[t]++;
                if (converted) convUncC[t]++;
            }
        }

        CalibrationFit fit() {
            List<Integer> clusters = new ArrayList<>();
            for (int t = 1; t <= last; t++) {
                if (churnCovN[t] + churnUncN[t] + convCovN[t] + convUncN[t] > 0 || hasShare(t)) clusters.add(t);
            }
            boolean[] all = new boolean[Math.max(1, last + 1)];
            for (int t : clusters) all[t] = true;
            double[] full = replicate(all, true, null);
            int g = clusters.size();
            double[][] reps = new double[g][];
            // the replicates start their search from the full fit's gains (they differ by one year of data)
            double[] start = Double.isFinite(full[7]) ? new double[] {full[7], full[6]} : null;
            for (int r = 0; r < g; r++) {
                boolean[] w = all.clone();
                w[clusters.get(r)] = false;
                reps[r] = replicate(w, false, start);
            }
            double tq = g >= 2 ? new TDistribution(new Well19937c(1), g - 1).inverseCumulativeProbability(0.975)
                    : Double.NaN;
            List<Estimate> out = new ArrayList<>();
            for (int q = 0; q < ORDER.length; q++) {
                Param param = ORDER[q];
                double est = full[q];
                double se = Double.NaN;
                if (g >= 2 && Double.isFinite(est)) {
                    double mean = 0;
                    int k = 0;
                    for (double[] rep : reps) {
                        if (Double.isFinite(rep[q])) {
                            mean += rep[q];
                            k++;
                        }
                    }
                    if (k == g) {
                        mean /= g;
                        double ss = 0;
                        for (double[] rep : reps) ss += (rep[q] - mean) * (rep[q] - mean);
                        se = Math.sqrt((g - 1.0) / g * ss);
                    }
                }
                double lo = Double.isFinite(se) ? param.clamp(est - tq * se) : Double.NaN;
                double hi = Double.isFinite(se) ? param.clamp(est + tq * se) : Double.NaN;
                boolean given = p.given().contains(param);
                boolean derived = param == Param.SHARE_EROSION;
                out.add(new Estimate(param, est, se, counts[q], g, lo, hi, method(param, given),
                        Double.isFinite(est) && !given && !derived));
            }
            if (g < 2) notes.add(Msg.of("calibration.note.fewYears", g));
            return new CalibrationFit(h.firstYear, h.firstYear + last, g, s.history().size(), out, notes);
        }

        private boolean hasShare(int t) {
            for (int k = 0; k < year.length; k++) if (year[k] == t) return true;
            return false;
        }

        private Msg method(Param q, boolean given) {
            if (given) return Msg.of("calibration.method.given", q.key());
            return Msg.of("calibration.method." + q.key());
        }

        /** Every estimate of one replicate (the years with {@code w} true), in {@link #ORDER}. */
        private double[] replicate(boolean[] w, boolean count, double[] start) {
            double[] v = new double[ORDER.length];
            java.util.Arrays.fill(v, Double.NaN);
            double qc = ratio(churnCovC, churnCovN, w);
            double qu = ratio(churnUncC, churnUncN, w);
            v[4] = qc;
            v[5] = qu;
            double pu = ratio(convUncC, convUncN, w);
            v[10] = pu;
            double covN = sum(convCovN, w);
            double covPhi = sum(convCovPhi, w);
            if (covN > 0 && covPhi > 0 && Double.isFinite(pu)) {
                v[9] = Param.CONVERSION_COVERED.clamp(pu + (sum(convCovC, w) - pu * covN) / covPhi);
            }
            double years = 0;
            for (int t = 1; t < w.length; t++) if (w[t]) years++;
            if (years > 0) v[12] = sum(arrivals, w) / years;
            if (count) {
                counts[4] = (long) sum(churnCovN, w);
                counts[5] = (long) sum(churnUncN, w);
                counts[9] = (long) covN;
                counts[10] = (long) sum(convUncN, w);
                counts[12] = (long) years;
            }

            // the churn the scenario will simulate with: given, else fitted, else the scenario's
            double useQc = p.given().contains(Param.CHURN_COVERED) || !Double.isFinite(qc) ? p.churnCovered() : qc;
            double useQu = p.given().contains(Param.CHURN_UNCOVERED) || !Double.isFinite(qu) ? p.churnUncovered() : qu;
            double[] nw = neutralWeights(useQc, useQu);
            boolean erosionGiven = !p.erosionDerived();
            Shares fit = shares(w, nw, erosionGiven, start);
            if (fit == null) return v;
            v[6] = fit.kc;
            v[7] = fit.ku;
            v[8] = fit.erosion;
            v[11] = fit.initialShare;
            v[0] = fit.growth;
            v[1] = fit.sd;
            v[2] = fit.market;
            v[3] = fit.industry;
            if (count) {
                long tr = 0;
                for (int k = 0; k < year.length; k++) if (year[k] < w.length && w[year[k]]) tr++;
                counts[0] = tr;
                counts[1] = tr;
                counts[2] = tr;
                counts[3] = tr;
                counts[6] = tr;
                counts[7] = tr;
                counts[8] = s.accounts().size();
                counts[11] = fit.initialCount;
            }
            return v;
        }

        /** Σ w·room, Σ_covered w·φ·room, Σ w·s over today's active accounts under today's owners (w = (1 − q)·W). */
        private double[] neutralWeights(double qc, double qu) {
            Map<String, Soldier> soldiers = new HashMap<>();
            for (Soldier so : s.soldiers()) soldiers.put(so.id(), so);
            Map<String, Relationship> rel = s.relationshipIndex();
            ResponseModel rm = new ResponseModel(p);
            double r1 = rm.response(1.0);
            double all = 0;
            double cov = 0;
            double share = 0;
            for (Account a : s.accounts()) {
                if (a.isProspect() || !(a.wallet() > 0)) continue;
                Soldier owner = a.owner() == null ? null : soldiers.get(a.owner());
                boolean c = owner != null;
                double q = ResponseModel.churn(a.stage() == Stage.AT_RISK, c, qc, qu, p.churnAtRisk());
                double w = (1 - q) * a.wallet();
                double room = Math.max(0.0, ceiling - a.shareOfWallet());
                all += w * room;
                if (c) {
                    Relationship r = rel.get(Scenario.pairKey(owner.id(), a.id()));
                    cov += w * r1 * rm.fit(owner, a, r == null ? Double.NaN : r.strength()) * room;
                }
                share += w * a.shareOfWallet();
            }
            return new double[] {all, cov, share};
        }

        /** The share-dynamics fit of one replicate. */
        private static final class Shares {
            double ku;
            double kc;
            double erosion;
            double growth;
            double sd;
            double market;
            double industry;
            double initialShare = Double.NaN;
            long initialCount;
        }

        private double erosionOf(double ku, double kc, double[] nw, boolean given) {
            if (given) return p.shareErosion();
            return ResponseModel.neutralErosion(ku * nw[0] + (kc - ku) * nw[1], nw[2]);
        }

        private Shares shares(boolean[] w, double[] nw, boolean erosionGiven, double[] from) {
            boolean any = false;
            for (int k = 0; k < year.length && !any; k++) any = year[k] < w.length && w[year[k]];
            if (!any) return null;
            int cells = h.years * industries;
            double[] cn = new double[cells];
            double[] cs = new double[cells];
            double[] cq = new double[cells];
            // a coarse grid (or the given start), then BOBYQA from its best point
            double best = Double.POSITIVE_INFINITY;
            double[] start = {p.gainUncovered(), p.gainCovered()};
            if (from != null) {
                start = from.clone();
                best = ssr(start[0], start[1], erosionOf(start[0], start[1], nw, erosionGiven), w, cn, cs, cq, null);
            } else {
                for (double ku = 0; ku <= 0.2001; ku += 0.04) {
                    for (double kc = ku; kc <= 0.6001; kc += 0.075) {
                        double f = ssr(ku, kc, erosionOf(ku, kc, nw, erosionGiven), w, cn, cs, cq, null);
                        if (f < best) {
                            best = f;
                            start = new double[] {ku, kc};
                        }
                    }
                }
            }
            BOBYQAOptimizer opt = new BOBYQAOptimizer(5, from != null ? 0.005 : 0.02, 1e-7);
            double[] x;
            try {
                PointValuePair r = opt.optimize(new MaxEval(3000), GoalType.MINIMIZE, new InitialGuess(start),
                        new SimpleBounds(new double[] {0, 0}, new double[] {0.9, 1.0}),
                        new ObjectiveFunction(z -> ssr(z[0], z[1], erosionOf(z[0], z[1], nw, erosionGiven), w, cn, cs,
                                cq, null)));
                x = r.getPoint();
                if (!(r.getValue() <= best)) x = start;
            } catch (RuntimeException e) {
                x = start;
            }
            Shares out = new Shares();
            out.ku = x[0];
            out.kc = x[1];
            out.erosion = erosionOf(x[0], x[1], nw, erosionGiven);
            double[] init = new double[2];
            ssr(out.ku, out.kc, out.erosion, w, cn, cs, cq, init);
            if (init[1] > 0) {
                out.initialShare = init[0] / init[1];
                out.initialCount = (long) init[1];
            }
            components(cn, cs, cq, w, out);
            return out;
        }

        /**
         * The within-(year, industry) sum of squares of implied wallet growth for gains (ku, kc) and erosion δ; fills
         * the cell sums, and with {@code init} the sum and count of reconstructed shares in conversion years.
         */
        private double ssr(double ku, double kc, double delta, boolean[] w, double[] cn, double[] cs, double[] cq,
                           double[] init) {
            java.util.Arrays.fill(cn, 0);
            java.util.Arrays.fill(cs, 0);
            java.util.Arrays.fill(cq, 0);
            double c = ceiling;
            for (int a = 0; a + 1 < seg.length; a++) {
                double sNow = shareToday[a];
                for (int k = seg[a]; k < seg[a + 1]; k++) {
                    double gain = owned[k] ? ResponseModel.coveredRate(ku, kc, phi[k]) : ku;
                    double prev = previousShare(sNow, gain, delta, c);
                    if (Double.isNaN(prev)) return 1e30;
                    // a share the candidate cannot reach from any positive share: a large, smooth penalty
                    prev = Math.max(prev, 1e-4);
                    if (year[k] < w.length && w[year[k]]) {
                        double u = logRatio[k] - Math.log(sNow / prev);
                        cn[cell[k]]++;
                        cs[cell[k]] += u;
                        cq[cell[k]] += u * u;
                    }
                    sNow = prev;
                }
                if (init != null && conversionYear[a] > 0 && conversionYear[a] < w.length && w[conversionYear[a]]) {
                    init[0] += sNow;
                    init[1]++;
                }
            }
            double ss = 0;
            for (int j = 0; j < cn.length; j++) if (cn[j] > 0) ss += cq[j] - cs[j] * cs[j] / cn[j];
            return ss;
        }

        /** The share a year earlier that {@link ResponseModel#nextShare} carries to {@code s}; NaN when none does. */
        static double previousShare(double s, double gain, double delta, double ceiling) {
            if (!(delta < 1)) return Double.NaN;
            double above = s / (1 - delta);
            if (above >= ceiling) return above;
            double slope = 1 - gain - delta;
            if (!(slope > 0)) return Double.NaN;
            return Math.min((s - gain * ceiling) / slope, ceiling);
        }

        /**
         * Nested random effects u = μ + A_t + B_tj + E_itj by the method of moments on unweighted cell means (the
         * expectations are in docs/model.md): σ_E² within cells, σ_B² between the cells of a year, σ_A² between years.
         */
        private void components(double[] cn, double[] cs, double[] cq, boolean[] w, Shares out) {
            double ssw = 0;
            double nObs = 0;
            int nCells = 0;
            for (int j = 0; j < cn.length; j++) {
                if (cn[j] <= 0) continue;
                ssw += cq[j] - cs[j] * cs[j] / cn[j];
                nObs += cn[j];
                nCells++;
            }
            double sE = nObs > nCells ? ssw / (nObs - nCells) : 0;
            List<Double> means = new ArrayList<>();
            List<Double> weightE = new ArrayList<>();
            List<Integer> cellsPerYear = new ArrayList<>();
            double ssb = 0;
            double dfb = 0;
            double eB = 0;
            for (int t = 1; t <= last; t++) {
                if (!w[t]) continue;
                double sum = 0;
                double inv = 0;
                int k = 0;
                for (int j = 0; j < industries; j++) {
                    int c = t * industries + j;
                    if (cn[c] <= 0) continue;
                    sum += cs[c] / cn[c];
                    inv += 1 / cn[c];
                    k++;
                }
                if (k == 0) continue;
                double m = sum / k;
                for (int j = 0; j < industries; j++) {
                    int c = t * industries + j;
                    if (cn[c] <= 0) continue;
                    double d = cs[c] / cn[c] - m;
                    ssb += d * d;
                }
                dfb += k - 1;
                eB += (1 - 1.0 / k) * inv;
                means.add(m);
                weightE.add(inv / ((double) k * k));
                cellsPerYear.add(k);
            }
            double sB = dfb > 0 ? Math.max(0, (ssb - sE * eB) / dfb) : 0;
            int years = means.size();
            double mu = 0;
            for (double m : means) mu += m;
            mu /= Math.max(1, years);
            double sA = 0;
            if (years >= 2) {
                double ssa = 0;
                double noise = 0;
                for (int y = 0; y < years; y++) {
                    ssa += (means.get(y) - mu) * (means.get(y) - mu);
                    noise += sB / cellsPerYear.get(y) + sE * weightE.get(y);
                }
                sA = Math.max(0, (ssa - (1 - 1.0 / years) * noise) / (years - 1));
            }
            double var = sA + sB + sE;
            out.sd = Math.sqrt(var);
            out.growth = Param.GROWTH_MEAN.clamp(Math.exp(mu + var / 2) - 1);
            out.market = var > 0 ? sA / var : 0;
            out.industry = var > 0 ? sB / var : 0;
        }

        private static double ratio(double[] c, double[] n, boolean[] w) {
            double num = sum(c, w);
            double den = sum(n, w);
            return den > 0 ? num / den : Double.NaN;
        }

        private static double sum(double[] x, boolean[] w) {
            double s = 0;
            for (int t = 1; t < x.length && t < w.length; t++) if (w[t]) s += x[t];
            return s;
        }
    }
}
