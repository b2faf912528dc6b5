package dev.kam.serve;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.TierSummary;
import dev.kam.assign.Plan;
import dev.kam.compare.CompareResult;
import dev.kam.compare.Outcome;
import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.StrategyParams;
import dev.kam.simulation.GoalTiming;
import dev.kam.simulation.Probability;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static dev.kam.serve.JsonIo.obj;

/**
 * The stage results as the web API's JSON (ordered maps and records; NaN becomes null). With
 * {@link Workspace}, the one place that knows the stages' types: when the stages grow a typed result
 * holder and new fields (intervals, bounds, moves), only these two classes change.
 *
 * <p>"P(goal)" is one thing everywhere (SPEC §8): the probability that the final year's key-account
 * revenue target is met; the joint probability of the three key-account goals is reported beside it as
 * {@code allGoalsProbability}. Every probability carries its Wilson 95% interval.
 */
final class Views {
    private static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);

    /**
     * The assumptions the simulation page has sliders for: {@code --set} key, and how to read its value
     * from the scenario's simulation parameters.
     */
    record Slider(String key, ToDoubleFunction<SimulationParams> value) {
    }

    static final List<Slider> SLIDERS = List.of(
            new Slider("simulation.marketGrowth.mean", SimulationParams::growthMean),
            new Slider("simulation.marketGrowth.sd", SimulationParams::growthSd),
            new Slider("simulation.churn.covered", SimulationParams::churnCovered),
            new Slider("simulation.churn.uncovered", SimulationParams::churnUncovered),
            new Slider("simulation.shareGain.covered", SimulationParams::gainCovered),
            new Slider("simulation.conversion.covered", SimulationParams::conversionCovered),
            new Slider("simulation.productAdoption", SimulationParams::productAdoption),
            new Slider("simulation.newProspectsPerYear", SimulationParams::newProspectsPerYear));

    private Views() {
    }

    /** The slider assumptions of a scenario, key → value. */
    static Map<String, Object> assumptions(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Slider sl : SLIDERS) m.put(sl.key(), sl.value().applyAsDouble(s.simulation()));
        return m;
    }

    /** The goals and path the targets page edits, as {@code --set} keys (null where the YAML leaves a goal out). */
    static Map<String, Object> strategyInputs(Scenario s) {
        StrategyParams p = s.strategy();
        return obj("strategy.goals.keyAccountRevenue", p.goalRevenue(),
                "strategy.goals.keyAccountCount", p.goalCount(),
                "strategy.goals.keyAccountRevenueShare", p.goalShare(),
                "strategy.path", p.path(),
                "strategy.horizonYears", p.horizonYears(),
                "strategy.keyAccountThreshold", p.keyAccountThreshold(),
                "milestones", p.milestones().size());
    }

    /** Today's key-account figures at the scenario's threshold. */
    static Map<String, Object> today(Scenario s) {
        double threshold = s.strategy().keyAccountThreshold();
        double total = 0;
        double ka = 0;
        int count = 0;
        int prospects = 0;
        for (Account a : s.accounts()) {
            total += a.revenue();
            if (a.isKeyAccount(threshold)) {
                ka += a.revenue();
                count++;
            }
            if (a.isProspect()) prospects++;
        }
        return obj("totalRevenue", total, "keyAccountRevenue", ka, "keyAccountCount", count,
                "keyAccountShare", total > 0 ? ka / total : Double.NaN, "threshold", threshold,
                "accounts", s.accounts().size(), "prospects", prospects, "soldiers", s.soldiers().size(),
                "products", s.products().size());
    }

    /** A probability with its Wilson interval: {@code {p, low, high}}. */
    static Map<String, Object> probability(double p, int paths) {
        double[] ci = Wilson.interval(p, paths);
        return obj("p", p, "low", ci[0], "high", ci[1]);
    }

    /** The overview page: pyramid, ratings, diagnosis, health and every account's assessment. */
    static Map<String, Object> overview(Scenario s, Analysis a, Targets t) {
        List<Map<String, Object>> pyramid = new ArrayList<>();
        if (a.pyramid() != null) {
            for (TierSummary ts : a.pyramid()) {
                pyramid.add(obj("tier", ts.tier().code(), "count", ts.count(), "revenue", ts.revenue(),
                        "countShare", ts.countShare(), "revenueShare", ts.revenueShare(),
                        "minRevenue", ts.minRevenue(), "maxRevenue", ts.maxRevenue()));
            }
        }
        int[] rc = a.ratingCounts();
        double[] rr = a.ratingRevenue();
        List<Map<String, Object>> ratings = new ArrayList<>();
        for (int r = 0; r < 5; r++) ratings.add(obj("rating", r + 1, "count", rc[r], "revenue", rr[r]));
        Map<Diagnosis, double[]> diag = new LinkedHashMap<>();
        for (Diagnosis d : Diagnosis.values()) diag.put(d, new double[2]);
        List<Map<String, Object>> accounts = new ArrayList<>();
        Map<String, Account> byId = new LinkedHashMap<>();
        for (Account ac : s.accounts()) byId.put(ac.id(), ac);
        for (AccountAssessment x : a.accounts()) {
            double[] d = diag.get(x.diagnosis());
            d[0]++;
            d[1] += Double.isNaN(x.revenue()) ? 0 : x.revenue();
            Account ac = byId.get(x.accountId());
            accounts.add(obj("id", x.accountId(), "name", ac == null ? x.accountId() : ac.name(),
                    "industry", ac == null ? null : ac.industry(), "region", ac == null ? null : ac.region(),
                    "tier", x.tier().code(), "rating", x.rating(), "score", x.score(),
                    "diagnosis", code(x.diagnosis()), "reason", x.reason(), "revenue", x.revenue(),
                    "wallet", x.wallet(), "shareOfWallet", x.shareOfWallet(), "rank", x.rank(),
                    "owner", ac == null ? null : ac.owner(), "stage", ac == null ? null : ac.stage().name().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Map<String, Object>> diagnosis = new ArrayList<>();
        for (Map.Entry<Diagnosis, double[]> e : diag.entrySet()) {
            diagnosis.add(obj("code", code(e.getKey()), "count", (int) e.getValue()[0], "revenue", e.getValue()[1]));
        }
        Map<String, Object> health = null;
        if (a.health() != null) {
            health = obj("verdict", a.health().verdict().name().toLowerCase(java.util.Locale.ROOT),
                    "summary", a.health().summary(), "keyAccountLed", a.health().keyAccountLed(),
                    "findings", a.health().findings(), "gaps", a.health().gaps());
        }
        Map<String, Object> concentration = a.concentration() == null ? null : obj(
                "activeAccounts", a.concentration().activeAccounts(), "top1Share", a.concentration().top1Share(),
                "top5Share", a.concentration().top5Share(), "top10PctCount", a.concentration().top10PctCount(),
                "top10PctShare", a.concentration().top10PctShare(), "hhi", a.concentration().hhi(),
                "effectiveNumber", a.concentration().effectiveNumber(), "gini", a.concentration().gini());
        YearTarget last = t.years().isEmpty() ? null : t.last();
        return obj("scenario", s.name(), "currency", s.currency(), "baseYear", s.baseYear(),
                "today", today(s), "pyramid", pyramid, "ratings", ratings, "diagnosis", diagnosis,
                "health", health, "concentration", concentration,
                "goal", last == null ? null : obj("year", last.year(), "keyAccountRevenue", last.keyAccountRevenue(),
                        "keyAccountCount", last.keyAccountCount(), "keyAccountShare", last.keyAccountShare()),
                "accounts", accounts);
    }

    /** {@code cannotWin}, {@code cannotGrow}, {@code cannotKeep}, {@code healthy}. */
    static String code(Diagnosis d) {
        return switch (d) {
            case CANNOT_WIN -> "cannotWin";
            case CANNOT_GROW -> "cannotGrow";
            case CANNOT_KEEP -> "cannotKeep";
            case HEALTHY -> "healthy";
        };
    }

    /** The targets page: yearly and department targets, the goals behind them, warnings and notes. */
    static Map<String, Object> targets(Scenario s, Targets t, List<String> warnings) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (YearTarget y : t.years()) {
            var f = t.feasibility(y.year());
            years.add(obj("year", y.year(), "totalRevenue", y.totalRevenue(), "keyAccountRevenue", y.keyAccountRevenue(),
                    "keyAccountCount", y.keyAccountCount(), "keyAccountShare", y.keyAccountShare(),
                    "ordersPerAccount", y.ordersPerAccount(), "orderValue", y.orderValue(), "growth", y.growth(),
                    "winsNeeded", f == null ? null : f.winsNeeded(),
                    "headcountNeeded", f == null ? null : f.headcountNeeded(),
                    "headcountAvailable", f == null ? null : f.headcountAvailable()));
        }
        Map<String, Object> goals = null;
        if (t.goals() != null) {
            goals = obj("keyAccountRevenue", t.goals().keyAccountRevenue(), "keyAccountCount", t.goals().keyAccountCount(),
                    "keyAccountShare", t.goals().keyAccountShare(), "totalRevenue", t.goals().totalRevenue(),
                    "yearlyGrowth", t.goals().yearlyGrowth());
        }
        return obj("scenario", s.name(), "currency", s.currency(), "baseYear", s.baseYear(), "path", t.path(),
                "inputs", strategyInputs(s), "today", today(s), "goals", goals, "years", years,
                "departments", t.departments(), "warnings", t.warnings(), "notes", t.notes(),
                "scenarioWarnings", warnings);
    }

    /** Percentile bands, mean and today's value of every metric, year by year. */
    static Map<String, Object> fan(SimulationResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        int h = r.horizon();
        for (Metric m : Metric.values()) {
            double[][] p = new double[Stats.LEVELS.length][h];
            double[] mean = new double[h];
            for (int y = 0; y < h; y++) {
                Stats st = r.stats(m, y);
                double[] ps = st.percentiles();
                for (int k = 0; k < ps.length; k++) p[k][y] = ps[k];
                mean[y] = st.mean();
            }
            out.put(m.code(), obj("p5", p[0], "p10", p[1], "p25", p[2], "p50", p[3], "p75", p[4], "p90", p[5],
                    "p95", p[6], "mean", mean, "today", r.today(m)));
        }
        return out;
    }

    /** The median (P50) of every metric, year by year. */
    static Map<String, Object> medians(SimulationResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            double[] v = new double[r.horizon()];
            for (int y = 0; y < v.length; y++) v[y] = r.stats(m, y).p50();
            out.put(m.code(), v);
        }
        return out;
    }

    /** The yearly targets per simulated metric (null where a year has no target). */
    static Map<String, Object> targetSeries(SimulationResult r, Targets t) {
        int[] years = r.years();
        double[][] v = new double[4][years.length];
        for (int y = 0; y < years.length; y++) {
            YearTarget yt = t.year(years[y]);
            v[0][y] = yt == null ? Double.NaN : yt.keyAccountRevenue();
            v[1][y] = yt == null ? Double.NaN : yt.keyAccountCount();
            v[2][y] = yt == null ? Double.NaN : yt.keyAccountShare();
            v[3][y] = yt == null ? Double.NaN : yt.totalRevenue();
        }
        return obj(Metric.KEY_ACCOUNT_REVENUE.code(), v[0], Metric.KEY_ACCOUNT_COUNT.code(), v[1],
                Metric.KEY_ACCOUNT_SHARE.code(), v[2], Metric.TOTAL_REVENUE.code(), v[3]);
    }

    /** P(goal) of a result: the final year's key-account revenue target met. */
    static double goalProbability(SimulationResult r) {
        int[] y = r.years();
        return r.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), y[y.length - 1]);
    }

    /** All three key-account goals met together in the final year. */
    static double allGoalsProbability(SimulationResult r) {
        int[] y = r.years();
        return r.hitProbability(TargetHit.ALL, y[y.length - 1]);
    }

    /**
     * The simulation page: P(goal) with its interval for the plan and the no-plan baseline, the fans, the
     * yearly chances, and the change from the starting point (the scenario as loaded, the same plan, the
     * same seed and paths: common random numbers, so the change is the assumptions' effect).
     *
     * @param start    the starting point's result under the same plan (the same object as the plan's result
     *                 when nothing was changed)
     * @param startGoal the starting point's final key-account revenue target
     * @param crn      null when the random numbers are common with the starting point, else why not
     */
    static Map<String, Object> simulation(Scenario s, Targets t, PlanComparison c, SimulationResult start,
                                          double startGoal, String crn) {
        SimulationResult r = c.plan();
        int n = r.paths();
        int last = r.horizon() - 1;
        double p = goalProbability(r);
        double pb = goalProbability(c.baseline());
        double[] ci = Wilson.interval(p, n);
        double[] cib = Wilson.interval(pb, n);
        double goal = t.years().isEmpty() ? Double.NaN : t.last().keyAccountRevenue();
        GoalTiming timing = r.goalTiming();
        List<Map<String, Object>> hits = new ArrayList<>();
        for (int year : r.years()) {
            double h = r.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
            double hb = c.baseline().hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
            double ha = r.hitProbability(TargetHit.ALL, year);
            double[] hc = Wilson.interval(h, n);
            double[] hbc = Wilson.interval(hb, n);
            double[] hac = Wilson.interval(ha, n);
            hits.add(obj("year", year, "probability", h, "ciLow", hc[0], "ciHigh", hc[1], "baseline", hb,
                    "baselineCiLow", hbc[0], "baselineCiHigh", hbc[1], "all", ha, "allCiLow", hac[0],
                    "allCiHigh", hac[1]));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.name());
        m.put("currency", s.currency());
        m.put("goalProbability", p);
        m.put("goalProbabilityCiLow", ci[0]);
        m.put("goalProbabilityCiHigh", ci[1]);
        m.put("baselineGoalProbability", pb);
        m.put("baselineGoalProbabilityCiLow", cib[0]);
        m.put("baselineGoalProbabilityCiHigh", cib[1]);
        double pa = allGoalsProbability(r);
        double[] cia = Wilson.interval(pa, n);
        m.put("allGoalsProbability", pa);
        m.put("allGoalsProbabilityCiLow", cia[0]);
        m.put("allGoalsProbabilityCiHigh", cia[1]);
        var vs = c.goalProbabilityDifference();
        m.put("planMinusBaseline", vs.value());
        m.put("planMinusBaselineStderr", vs.stderr());
        m.put("goalYear", r.years()[last]);
        m.put("goal", goal);
        m.put("medianFinalKaRevenue", r.stats(Metric.KEY_ACCOUNT_REVENUE, last).p50());
        m.put("medianYear", timing == null ? null : timing.medianYear());
        m.put("neverWithinHorizon", timing == null ? null : timing.never());
        double[] cin = timing == null ? null : Wilson.interval(timing.never(), n);
        m.put("neverWithinHorizonCiLow", cin == null ? null : cin[0]);
        m.put("neverWithinHorizonCiHigh", cin == null ? null : cin[1]);
        GoalTiming baseTiming = c.baseline().goalTiming();
        m.put("baselineMedianYear", baseTiming == null ? null : baseTiming.medianYear());
        m.put("metBy", timing == null ? null : timing.metBy());
        m.put("paths", n);
        m.put("seed", r.options().seed());
        m.put("years", r.years());
        m.put("fan", fan(r));
        m.put("baselineMedian", medians(c.baseline()));
        m.put("targets", targetSeries(r, t));
        m.put("hits", hits);
        m.put("start", startPoint(r, start, goal, startGoal, crn));
        m.put("assumptions", assumptions(s));
        return m;
    }

    /**
     * The change from the starting point, path by path: P(goal) and median final key-account revenue,
     * each with the standard error of the paired difference (the same paths, so most of the noise cancels).
     */
    static Map<String, Object> startPoint(SimulationResult r, SimulationResult start, double goal, double startGoal,
                                          String crn) {
        int last = r.horizon() - 1;
        double ps = goalProbability(start);
        double[] psc = Wilson.interval(ps, start.paths());
        Map<String, Object> startFan = medians(start);
        if (start.paths() != r.paths() || start.horizon() != r.horizon()) {
            return obj("goalProbability", ps, "ciLow", psc[0], "ciHigh", psc[1], "difference", goalProbability(r) - ps,
                    "differenceStderr", null, "crn", crn == null ? "different paths" : crn, "median", startFan);
        }
        double[] a = r.values(Metric.KEY_ACCOUNT_REVENUE, last);
        double[] b = start.values(Metric.KEY_ACCOUNT_REVENUE, last);
        int n = a.length;
        double[] d = new double[n];
        double[] dr = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (a[i] >= goal ? 1 : 0) - (b[i] >= startGoal ? 1 : 0);
            dr[i] = a[i] - b[i];
        }
        double dm = Stats.mean(d);
        double drm = Stats.mean(dr);
        return obj("goalProbability", ps, "ciLow", psc[0], "ciHigh", psc[1], "difference", dm,
                "differenceStderr", Stats.stderr(d, dm),
                "medianFinalKaRevenue", start.stats(Metric.KEY_ACCOUNT_REVENUE, last).p50(),
                "kaRevenueDifference", drm, "kaRevenueDifferenceStderr", Stats.stderr(dr, drm),
                "crn", crn, "median", startFan);
    }

    /**
     * A plan's summary for {@code /api/assign}: {@code bound} is the solve's proven upper bound on the objective and
     * {@code gapPercent} how far this plan is below it (null when no bound was proven, e.g. an edit of a plan re-solved under locks with other assumptions, or
     * the plan breaks a hard rule); the {@code moves} carry each move's value on this plan.
     */
    static Map<String, Object> assign(Plan p, List<Map<String, Object>> moves, Map<String, ?> locks, boolean cancelled,
                                      long revision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", p.scenario());
        m.put("currency", p.currency());
        m.put("objective", p.objective());
        m.put("bound", finite(p.bound()));
        m.put("gapPercent", finite(p.gapPercent()));
        m.put("score", p.score());
        m.put("hard", p.hard());
        m.put("medium", p.medium());
        m.put("feasible", p.feasible());
        m.put("baselineObjective", p.baseline().objective());
        m.put("planUplift", p.baseline().planUplift());
        m.put("upliftAdded", p.baseline().upliftAdded());
        m.put("accountsMoved", p.baseline().accountsMoved());
        m.put("accountsDropped", p.baseline().accountsDropped());
        m.put("moves", moves);
        m.put("locks", locks);
        m.put("cancelled", cancelled);
        m.put("seconds", p.seconds());
        m.put("unmet", words(p.unmet()));
        m.put("revision", revision);
        return m;
    }

    /** The compare page: every variant's P(goal), medians and its difference from the first, path by path. */
    static Map<String, Object> compare(CompareResult r, List<String> ids) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int last = r.last();
        int n = r.paths();
        Outcome first = r.first();
        double[] fv = first.result().values(Metric.KEY_ACCOUNT_REVENUE, last);
        double fg = first.goal();
        for (int i = 0; i < r.outcomes().size(); i++) {
            Outcome o = r.outcomes().get(i);
            SimulationResult res = o.result();
            double p = o.goalProbability();
            double[] ci = Wilson.interval(p, n);
            Stats st = res.stats(Metric.KEY_ACCOUNT_REVENUE, last);
            double[] v = res.values(Metric.KEY_ACCOUNT_REVENUE, last);
            double g = o.goal();
            double[] d = new double[n];
            double[] dr = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = (v[k] >= g ? 1 : 0) - (fv[k] >= fg ? 1 : 0);
                dr[k] = v[k] - fv[k];
            }
            double dm = Stats.mean(d);
            double drm = Stats.mean(dr);
            double[] median = new double[res.horizon()];
            for (int y = 0; y < res.horizon(); y++) median[y] = res.stats(Metric.KEY_ACCOUNT_REVENUE, y).p50();
            GoalTiming timing = res.goalTiming();
            Probability all = o.allGoalsProbability();
            Probability base = o.baselineGoalProbability();
            var vs = o.goalProbabilityVersusBaseline();
            rows.add(obj("id", ids.get(i), "name", o.label(), "goalProbability", p, "ciLow", ci[0], "ciHigh", ci[1],
                    "allGoalsProbability", all.value(), "allGoalsCiLow", all.ciLow(), "allGoalsCiHigh", all.ciHigh(),
                    "baselineGoalProbability", base.value(), "baselineCiLow", base.ciLow(),
                    "baselineCiHigh", base.ciHigh(), "planMinusBaseline", vs.value(),
                    "planMinusBaselineStderr", vs.stderr(), "baselineMedianYear", o.baselineMedianGoalYear(),
                    "goal", g,
                    "medianFinalKaRevenue", st.p50(), "p10FinalKaRevenue", st.p10(), "p90FinalKaRevenue", st.p90(),
                    "medianYear", timing == null ? null : timing.medianYear(),
                    "difference", i == 0 ? null : obj("goalProbability", dm, "stderr", Stats.stderr(d, dm),
                            "kaRevenue", drm, "kaRevenueStderr", Stats.stderr(dr, drm)),
                    "crn", obj("full", o.crn().full(), "detail", o.crn().full() ? null : EN.render(o.crn().detail())),
                    "planNote", EN.render(o.planNote()),
                    "medianKaRevenue", median, "currency", o.scenario().currency(),
                    "assumptions", assumptions(o.scenario()), "goals", strategyInputs(o.scenario())));
        }
        return obj("years", r.years(), "paths", n, "seed", r.options().simulation().seed(),
                "fullyCommon", r.fullyCommon(), "variants", rows);
    }

    /** Messages in English words (the pages' language for the plan's reasons). */
    static List<String> words(List<dev.kam.domain.Msg> msgs) {
        dev.kam.i18n.Messages en = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);
        List<String> out = new ArrayList<>();
        for (dev.kam.domain.Msg x : msgs) out.add(en.render(x));
        return out;
    }

    /** A number for JSON: null when NaN or infinite. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
