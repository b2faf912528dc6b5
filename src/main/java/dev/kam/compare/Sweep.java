package dev.kam.compare;

import dev.kam.domain.Scenario;
import dev.kam.simulation.SimulationOptions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a one-parameter sweep: the scenario read once per value of the swept key (by the caller, through
 * the same override mechanism as {@code --set}), each simulated with the same seed and paths and judged
 * against its own targets. No I/O.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * @param scenarios the scenario read at each value of {@code spec}, same order
     * @param keepPlan  plan the first value only and keep that plan for every value
     */
    public static SweepResult run(SweepSpec spec, List<Scenario> scenarios, Planner planner, SimulationOptions options,
                                  boolean keepPlan, Comparison.Listener listener) {
        if (scenarios.size() != spec.values().size()) {
            throw new IllegalArgumentException("one scenario per sweep value expected: " + spec.values().size()
                    + " values, " + scenarios.size() + " scenarios");
        }
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) variants.add(new Variant(label(spec, spec.values().get(i)), scenarios.get(i)));
        CompareResult r = Comparison.run(variants, planner, new CompareOptions(options, keepPlan, GoalBasis.OWN), listener);
        return new SweepResult(spec, r);
    }

    /** The label of one sweep point, e.g. {@code simulation.churn.covered=0.02}. */
    public static String label(SweepSpec spec, BigDecimal value) {
        return spec.key() + "=" + value.toPlainString();
    }
}
