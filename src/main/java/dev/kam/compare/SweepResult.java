package dev.kam.compare;

import dev.kam.simulation.Metric;
import dev.kam.simulation.Stats;

import java.util.List;

/**
 * A sweep's outcome: one simulated scenario per value of the swept key, in sweep order, judged each
 * against its own targets (so sweeping a goal moves the yardstick with it).
 *
 * @param spec   the sweep
 * @param points one comparison outcome per value; the first value is the reference of the differences
 */
public record SweepResult(SweepSpec spec, CompareResult points) {
    public SweepResult {
        if (spec.values().size() != points.outcomes().size()) {
            throw new IllegalArgumentException("one outcome per sweep value expected");
        }
    }

    /** Statistics of final-year key-account revenue at value index i. */
    public Stats finalKaRevenue(int i) {
        return points.outcomes().get(i).result().stats(Metric.KEY_ACCOUNT_REVENUE, points.last());
    }

    /** Probability of meeting the final-year key-account revenue target at value index i. */
    public double goalProbability(int i) {
        return points.outcomes().get(i).goalProbability();
    }

    public List<Outcome> outcomes() {
        return points.outcomes();
    }
}
