package dev.kam.compare;

import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;
import dev.kam.simulation.Metric;
import dev.kam.simulation.SimulationResult;
import dev.kam.strategy.Targets;

/**
 * One scenario of a comparison after simulation.
 *
 * @param label    the variant's label
 * @param scenario the scenario simulated
 * @param plan     the plan it was simulated under
 * @param planNote how the plan was obtained ("re-optimized", "baseline: today's owners", "kept from …")
 * @param targets  the targets its goal probabilities refer to (see {@link GoalBasis})
 * @param result   the simulation, judged against {@code targets}
 * @param crn      how far its random numbers are common with the first scenario's
 */
public record Outcome(String label, Scenario scenario, Coverage plan, String planNote, Targets targets,
                      SimulationResult result, Crn crn) {

    /** The probability of meeting a year's key-account revenue target (NaN without one). */
    public double goalProbability(int year) {
        return result.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
    }

    /** The probability of meeting the final year's key-account revenue target: the end goal. */
    public double goalProbability() {
        int[] years = result.years();
        return goalProbability(years[years.length - 1]);
    }

    /** The final year's key-account revenue target (currency/year), NaN without one. */
    public double goal() {
        return targets == null || targets.years().isEmpty() ? Double.NaN : targets.last().keyAccountRevenue();
    }

    /** Median key-account revenue in the final year (currency/year). */
    public double medianFinalKaRevenue() {
        return result.stats(Metric.KEY_ACCOUNT_REVENUE, result.horizon() - 1).p50();
    }
}
