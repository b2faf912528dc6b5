package dev.kam.compare;

import dev.kam.simulation.Difference;
import dev.kam.simulation.Metric;
import dev.kam.simulation.Stats;

import java.util.List;

/**
 * Scenarios simulated with common random numbers, the first being the reference. Differences are taken
 * path by path (scenario − first), so they are a distribution, not a difference of medians.
 *
 * @param outcomes one per scenario, in the order given; the first is the reference
 * @param options  how they were compared
 */
public record CompareResult(List<Outcome> outcomes, CompareOptions options) {
    public CompareResult {
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty()) throw new IllegalArgumentException("a comparison needs at least one scenario");
    }

    public Outcome first() {
        return outcomes.get(0);
    }

    /** Calendar years simulated (the same for every scenario). */
    public int[] years() {
        return first().result().years();
    }

    public int paths() {
        return first().result().paths();
    }

    /** Index of the final year. */
    public int last() {
        return first().result().horizon() - 1;
    }

    /** Per path: scenario i minus the first scenario, of a metric in year index y. */
    public double[] difference(int i, Metric m, int y) {
        double[] a = outcomes.get(i).result().values(m, y);
        double[] b = first().result().values(m, y);
        for (int p = 0; p < a.length; p++) a[p] -= b[p];
        return a;
    }

    /** Statistics of {@link #difference}. */
    public Stats differenceStats(int i, Metric m, int y) {
        return Stats.of(difference(i, m, y));
    }

    /**
     * P(goal) of scenario i minus P(goal) of the first scenario, each against its own yardstick (the same one under
     * {@link GoalBasis#FIRST}), with the paired standard error of the per-path difference of hit indicators.
     */
    public Difference goalProbabilityDifference(int i) {
        var a = outcomes.get(i).result();
        var b = first().result();
        int last = a.horizon() - 1;
        return Difference.ofHits(a.values(Metric.KEY_ACCOUNT_REVENUE, last), a.goal(),
                b.values(Metric.KEY_ACCOUNT_REVENUE, last), b.goal());
    }

    /** Fraction of paths on which scenario i is strictly above the first scenario. */
    public double probabilityAhead(int i, Metric m, int y) {
        double[] d = difference(i, m, y);
        int k = 0;
        for (double v : d) if (v > 0) k++;
        return (double) k / d.length;
    }

    /** True when every scenario's random numbers are fully common with the first's. */
    public boolean fullyCommon() {
        for (Outcome o : outcomes) if (!o.crn().full()) return false;
        return true;
    }
}
