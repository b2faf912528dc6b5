package dev.kam.simulation;

import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One-at-a-time sensitivity (a tornado): the final-year median key-account revenue when each main
 * parameter is moved down and up by a relative step (default ±20%), all others at their values, every
 * run with the same seed and paths (common random numbers, so the bars show the parameter's effect
 * and not sampling noise). Probabilities are clamped to 0–1, growth to at least −0.99, the volatility and arrivals to at least 0.
 *
 * <p>The plan's coverage (effort and fit) is kept; the per-account gain and conversion rates are
 * recomputed from the moved parameters.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /** The parameters moved, by their {@code simulation:} key. */
    public static final List<String> PARAMETERS = List.of("marketGrowth.mean", "marketGrowth.sd",
            "churn.covered", "churn.uncovered", "shareCeiling", "shareGain.covered", "shareGain.uncovered",
            "conversion.covered", "conversion.uncovered", "initialShare", "productAdoption", "newProspectsPerYear");

    /**
     * One bar of the tornado.
     *
     * @param parameter  the {@code simulation:} key
     * @param base       its value in the scenario
     * @param low        the value moved down
     * @param high       the value moved up
     * @param lowMedian  final-year median KA revenue at the low value (currency/year)
     * @param highMedian final-year median KA revenue at the high value (currency/year)
     */
    public record Bar(String parameter, double base, double low, double high, double lowMedian, double highMedian) {
        /** Width of the bar: |high − low| of the medians. */
        public double swing() {
            return Math.abs(highMedian - lowMedian);
        }
    }

    /**
     * @param step       relative move, e.g. 0.2 for ±20%
     * @param baseMedian final-year median KA revenue with every parameter at its value
     * @param paths      paths per run
     * @param bars       widest swing first
     */
    public record Tornado(double step, double baseMedian, int paths, long seed, List<Bar> bars) {
        public Tornado {
            bars = List.copyOf(bars);
        }
    }

    public static Tornado tornado(Scenario scenario, Coverage plan, SimulationOptions options, double step) {
        SimulationParams p = scenario.simulation();
        double baseMedian = finalMedian(scenario, plan, options);
        List<Bar> bars = new ArrayList<>();
        for (String key : PARAMETERS) {
            double v = get(p, key);
            SimulationParams lo = set(p, key, v * (1 - step));
            SimulationParams hi = set(p, key, v * (1 + step));
            bars.add(new Bar(key, v, get(lo, key), get(hi, key),
                    finalMedian(scenario.withSimulation(lo), plan, options),
                    finalMedian(scenario.withSimulation(hi), plan, options)));
        }
        bars.sort(Comparator.comparingDouble(Bar::swing).reversed().thenComparing(Bar::parameter));
        return new Tornado(step, baseMedian, options.paths(), options.seed(), bars);
    }

    private static double finalMedian(Scenario s, Coverage plan, SimulationOptions o) {
        SimulationResult r = Simulator.run(s, null, plan, o);
        return r.stats(Metric.KEY_ACCOUNT_REVENUE, r.horizon() - 1).p50();
    }

    static double get(SimulationParams p, String key) {
        ToDoubleFunction<SimulationParams> f = switch (key) {
            case "marketGrowth.mean" -> SimulationParams::growthMean;
            case "marketGrowth.sd" -> SimulationParams::growthSd;
            case "churn.covered" -> SimulationParams::churnCovered;
            case "churn.uncovered" -> SimulationParams::churnUncovered;
            case "shareCeiling" -> SimulationParams::shareCeiling;
            case "shareGain.covered" -> SimulationParams::gainCovered;
            case "shareGain.uncovered" -> SimulationParams::gainUncovered;
            case "conversion.covered" -> SimulationParams::conversionCovered;
            case "conversion.uncovered" -> SimulationParams::conversionUncovered;
            case "initialShare" -> SimulationParams::initialShare;
            case "productAdoption" -> SimulationParams::productAdoption;
            case "newProspectsPerYear" -> SimulationParams::newProspectsPerYear;
            default -> throw new IllegalArgumentException("unknown parameter " + key);
        };
        return f.applyAsDouble(p);
    }

    /** A copy of p with one parameter set (probabilities clamped to 0–1). */
    static SimulationParams set(SimulationParams p, String key, double v) {
        double prob = Math.max(0, Math.min(1, v));
        double gm = p.growthMean();
        double sd = p.growthSd();
        double cc = p.churnCovered();
        double cu = p.churnUncovered();
        double ceil = p.shareCeiling();
        double gc = p.gainCovered();
        double gu = p.gainUncovered();
        double vc = p.conversionCovered();
        double vu = p.conversionUncovered();
        double init = p.initialShare();
        double adopt = p.productAdoption();
        double arr = p.newProspectsPerYear();
        switch (key) {
            case "marketGrowth.mean" -> gm = Math.max(-0.99, v);
            case "marketGrowth.sd" -> sd = Math.max(0, v);
            case "churn.covered" -> cc = prob;
            case "churn.uncovered" -> cu = prob;
            case "shareCeiling" -> ceil = prob;
            case "shareGain.covered" -> gc = prob;
            case "shareGain.uncovered" -> gu = prob;
            case "conversion.covered" -> vc = prob;
            case "conversion.uncovered" -> vu = prob;
            case "initialShare" -> init = prob;
            case "productAdoption" -> adopt = prob;
            case "newProspectsPerYear" -> arr = Math.max(0, v);
            default -> throw new IllegalArgumentException("unknown parameter " + key);
        }
        return new SimulationParams(p.paths(), p.seed(), p.threads(), gm, sd, p.corrMarket(), p.corrIndustry(),
                cc, cu, ceil, gc, gu, vc, vu, init, adopt, arr, p.responseShape(), p.responseHalf(), p.fit());
    }
}
