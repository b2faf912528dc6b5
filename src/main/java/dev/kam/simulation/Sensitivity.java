package dev.kam.simulation;

import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.SimulationParams.Spread;
import dev.kam.strategy.Targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One-at-a-time sensitivity (a tornado, SPEC §8): P(goal) and the final-year median key-account revenue when each
 * model parameter is set to the low and the high end of its plausible range, the others kept as they are (with
 * their own uncertainty, if any). The plausible range is the parameter's calibrated 95% interval, else the
 * distribution the scenario gives it ({@code {low, high}}, or mean ± 1.96 sd), else a documented default range
 * ({@link Param#defaultRange}). Every run uses the same seed, so the bars show the parameter's effect rather than
 * sampling noise.
 *
 * <p>The plan's coverage (effort and fit) and the targets are kept; the key-account threshold keeps its path (so
 * moving the market growth does not move the definition of a key account); rates are re-derived from the moved
 * parameter, and a derived (status-quo-neutral) erosion is re-derived unless erosion itself is the bar.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /** Where a bar's range comes from. */
    public enum RangeSource {
        /** the calibrated estimate ± 1.96 standard errors */
        CALIBRATED,
        /** the distribution given in the scenario */
        GIVEN,
        /** the documented default range around the value */
        DEFAULT
    }

    /**
     * One bar of the tornado.
     *
     * @param parameter           the {@code simulation:} key
     * @param base                its value in the scenario (centre)
     * @param low                 the low end of its plausible range
     * @param high                the high end
     * @param source              where the range comes from
     * @param lowMedian           final-year median KA revenue at the low value (currency/year)
     * @param highMedian          final-year median KA revenue at the high value (currency/year)
     * @param lowGoalProbability  P(goal) at the low value (NaN without targets)
     * @param highGoalProbability P(goal) at the high value
     */
    public record Bar(String parameter, double base, double low, double high, RangeSource source,
                      double lowMedian, double highMedian, double lowGoalProbability, double highGoalProbability) {
        /** Width of the median bar: |high − low| of the medians (currency/year). */
        public double swing() {
            return Math.abs(highMedian - lowMedian);
        }

        /** Width of the P(goal) bar: |high − low| of the probabilities (0–1; NaN without targets). */
        public double goalSwing() {
            return Math.abs(highGoalProbability - lowGoalProbability);
        }
    }

    /**
     * @param baseMedian          final-year median KA revenue with every parameter as given (currency/year)
     * @param baseGoalProbability P(goal) with every parameter as given (NaN without targets)
     * @param goal                the final-year KA revenue target (NaN without targets)
     * @param paths               paths per run
     * @param bars                widest P(goal) swing first (widest median swing without targets)
     */
    public record Tornado(double baseMedian, double baseGoalProbability, double goal, int paths, long seed,
                          List<Bar> bars) {
        public Tornado {
            bars = List.copyOf(bars);
        }
    }

    /** The parameters moved, by their {@code simulation:} key, in {@link Param} order. */
    public static List<String> parameters() {
        List<String> keys = new ArrayList<>();
        for (Param q : Param.values()) keys.add(q.key());
        return keys;
    }

    public static Tornado tornado(Scenario scenario, Targets targets, Coverage plan, SimulationOptions options) {
        Scenario fixed = scenario.withStrategy(
                scenario.strategy().withThresholdGrowth(scenario.keyAccountThresholdGrowth()));
        SimulationParams p = fixed.simulation();
        SimulationResult base = Simulator.run(fixed, targets, plan, options);
        double baseMedian = finalMedian(base);
        double baseGoal = base.goalProbability().value();
        List<Bar> bars = new ArrayList<>();
        for (Param q : Param.values()) {
            double v = p.get(q);
            Spread given = p.spreads().get(q);
            RangeSource source;
            double[] range;
            if (given != null) {
                source = p.calibrated().contains(q) ? RangeSource.CALIBRATED : RangeSource.GIVEN;
                range = given.range95(q.min(), q.max());
            } else {
                source = RangeSource.DEFAULT;
                range = q.defaultRange(v);
            }
            SimulationResult lo = range[0] == v && given == null ? base : Simulator.run(
                    fixed.withSimulation(p.with(q, range[0])), targets, plan, options);
            SimulationResult hi = range[1] == v && given == null ? base : Simulator.run(
                    fixed.withSimulation(p.with(q, range[1])), targets, plan, options);
            bars.add(new Bar(q.key(), v, range[0], range[1], source, finalMedian(lo), finalMedian(hi),
                    lo.goalProbability().value(), hi.goalProbability().value()));
        }
        boolean byGoal = !Double.isNaN(baseGoal);
        Comparator<Bar> order = byGoal
                ? Comparator.comparingDouble(Bar::goalSwing).reversed().thenComparing(
                        Comparator.comparingDouble(Bar::swing).reversed())
                : Comparator.comparingDouble(Bar::swing).reversed();
        bars.sort(order.thenComparing(Bar::parameter));
        return new Tornado(baseMedian, baseGoal, base.goal(), options.paths(), options.seed(), bars);
    }

    private static double finalMedian(SimulationResult r) {
        return r.stats(Metric.KEY_ACCOUNT_REVENUE, r.horizon() - 1).p50();
    }
}
