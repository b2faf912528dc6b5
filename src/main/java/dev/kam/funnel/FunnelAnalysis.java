package dev.kam.funnel;

import dev.kam.domain.Account;
import dev.kam.domain.MechanismParams.Funnel;
import dev.kam.domain.Msg;
import dev.kam.domain.Opportunity;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.funnel.FunnelResult.MeasuredConversion;
import dev.kam.funnel.FunnelResult.Rule;
import dev.kam.funnel.FunnelResult.SoldierPipeline;
import dev.kam.funnel.FunnelResult.StageCount;
import dev.kam.mechanisms.StarRating;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the sales funnel from a snapshot of open opportunities (SPEC §12, seed ch. 6 过程管理). Pure: no I/O,
 * the same scenario gives the same result.
 *
 * <p>What a snapshot identifies (docs/model.md has the derivation): with opportunities entering the funnel at a
 * steady rate and every stage taking the same time, the number at stage k is proportional to the flow into it,
 * so N_{k+1} / N_k estimates the conversion from k to k+1, and the product from the first active step to the
 * won step telescopes to N_won / N_from. Unequal stage times scale each ratio by T_{k+1} / T_k, which a snapshot
 * cannot see; history of stage moves would.
 */
public final class FunnelAnalysis {
    private static final double DAYS_PER_YEAR = 365.25;
    /** Fewest dated opportunities before the won step to take the cycle length from their dates. */
    static final int MIN_DATED = 3;

    private FunnelAnalysis() {
    }

    public static FunnelResult analyze(Scenario s) {
        Funnel f = s.mechanisms().funnel();
        if (s.pipeline().isEmpty()) return new FunnelResult(false, f, List.of(), List.of(), null);
        List<Opportunity> pipeline = s.pipeline();
        int n = f.size();
        int[] count = new int[n];
        double[] value = new double[n];
        for (Opportunity o : pipeline) {
            count[o.stage() - 1]++;
            value[o.stage() - 1] += o.value();
        }
        double[] conversion = conversions(count, f.wonStage());
        double[] win = winProbabilities(count, f.wonStage());
        List<StageCount> stages = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            stages.add(new StageCount(k + 1, f.stages().get(k), count[k], value[k], conversion[k], win[k],
                    f.active(k + 1)));
        }
        return new FunnelResult(true, f, stages, soldiers(s, f, win), conversion(s, f, count));
    }

    /**
     * The words for a stage: a message {@code funnel.stage.CODE} for the seed's stages (so they show in the
     * reader's language), the configured name otherwise.
     */
    public static Object stageLabel(Funnel f, int step) {
        String name = f.stages().get(step - 1);
        return f.seedStages() ? Msg.of("funnel.stage." + name) : name;
    }

    /** N_{k+1} / N_k for steps k before the won step (index k−1); NaN elsewhere and where N_k = 0. */
    public static double[] conversions(int[] count, int wonStage) {
        double[] c = new double[count.length];
        Arrays.fill(c, Double.NaN);
        for (int k = 0; k < wonStage - 1; k++) {
            if (count[k] > 0) c[k] = (double) count[k + 1] / count[k];
        }
        return c;
    }

    /** min(1, N_won / N_k) before the won step, 1 at and after it; NaN where N_k = 0 (index = step − 1). */
    public static double[] winProbabilities(int[] count, int wonStage) {
        double[] w = new double[count.length];
        for (int k = 0; k < count.length; k++) {
            if (k >= wonStage - 1) w[k] = 1.0;
            else w[k] = count[k] > 0 ? Math.min(1.0, (double) count[wonStage - 1] / count[k]) : Double.NaN;
        }
        return w;
    }

    private static List<SoldierPipeline> soldiers(Scenario s, Funnel f, double[] win) {
        Map<String, List<Opportunity>> by = new HashMap<>();
        for (Opportunity o : s.pipeline()) by.computeIfAbsent(o.soldier(), k -> new ArrayList<>()).add(o);
        List<SoldierPipeline> out = new ArrayList<>();
        for (Soldier so : s.soldiers()) {
            List<Opportunity> mine = by.getOrDefault(so.id(), List.of());
            int active = 0;
            Set<String> accounts = new HashSet<>();
            double v = 0;
            double weighted = 0;
            for (Opportunity o : mine) {
                v += o.value();
                weighted += o.value() * win[o.stage() - 1];
                if (f.active(o.stage())) {
                    active++;
                    accounts.add(o.account());
                }
            }
            int prospects = accounts.size();
            Rule rule = prospects < f.minProspects() ? Rule.BELOW : prospects > f.maxProspects() ? Rule.ABOVE : Rule.WITHIN;
            out.add(new SoldierPipeline(so.id(), so.name(), mine.size(), active, prospects, v, weighted, rule,
                    StarRating.process(prospects, f.minProspects(), f.maxProspects())));
        }
        return out;
    }

    private static MeasuredConversion conversion(Scenario s, Funnel f, int[] count) {
        int entry = count[0];
        int active = count[f.activeFrom() - 1];
        int won = count[f.wonStage() - 1];
        double p = entry > 0 ? Math.min(1.0, (double) won / entry) : Double.NaN;
        double pa = active > 0 ? Math.min(1.0, (double) won / active) : Double.NaN;
        double se = entry > 0 && won > 0 ? Math.sqrt(1.0 / entry + 1.0 / won) : Double.NaN;
        LocalDate asOf = f.asOf(s.baseYear());
        List<Double> years = new ArrayList<>();
        for (Opportunity o : s.pipeline()) {
            if (o.stage() < f.wonStage() && o.expectedClose() != null) {
                double left = Math.max(0, ChronoUnit.DAYS.between(asOf, o.expectedClose())) / DAYS_PER_YEAR;
                years.add(left * (f.wonStage() - 1) / (f.wonStage() - o.stage()));
            }
        }
        boolean dated = years.size() >= MIN_DATED;
        double cycle = dated ? median(years) : f.cycleYears();
        double yearly = Double.isNaN(p) ? Double.NaN : p / Math.max(1.0, cycle);
        double m = meanResponseFit(s, f);
        SimulationParams sp = s.simulation();
        return new MeasuredConversion(p, pa, se, cycle, dated, yearly, m,
                coveredConversion(yearly, sp.conversionUncovered(), m), entry, active, won);
    }

    /**
     * The covered conversion at full response and fit that gives mean conversion {@code yearly} over pairs whose
     * mean r(1)·fit is {@code m}, from p = p_u + (p_c − p_u)·r·fit: p_c = p_u + (yearly − p_u)/m, clamped to
     * [p_u, 1]; NaN when yearly or m is unknown.
     */
    public static double coveredConversion(double yearly, double uncovered, double m) {
        if (Double.isNaN(yearly) || !(m > 0)) return Double.NaN;
        return Math.max(uncovered, Math.min(1.0, uncovered + (yearly - uncovered) / m));
    }

    /** Mean r(1)·fit over the (soldier, account) pairs of opportunities before the won step. */
    private static double meanResponseFit(Scenario s, Funnel f) {
        ResponseModel rm = new ResponseModel(s.simulation());
        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier so : s.soldiers()) soldiers.put(so.id(), so);
        Map<String, Account> accounts = new HashMap<>();
        for (Account a : s.accounts()) accounts.put(a.id(), a);
        Map<String, Relationship> rel = s.relationshipIndex();
        double r1 = rm.response(1.0);
        double sum = 0;
        int n = 0;
        for (Opportunity o : s.pipeline()) {
            if (o.stage() >= f.wonStage()) continue;
            Soldier so = soldiers.get(o.soldier());
            Account a = accounts.get(o.account());
            if (so == null || a == null) continue;
            Relationship r = rel.get(Scenario.pairKey(so.id(), a.id()));
            sum += r1 * rm.fit(so, a, r == null ? Double.NaN : r.strength());
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
}
