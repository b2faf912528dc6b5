package dev.kam.compare;

import dev.kam.domain.Coverage;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.simulation.Difference;
import dev.kam.simulation.Metric;
import dev.kam.simulation.Probability;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.strategy.Targets;

/**
 * One scenario of a comparison after simulation.
 *
 * @param label    the variant's label
 * @param scenario the scenario simulated (calibrated from its history when it has one)
 * @param plan     the plan it was simulated under
 * @param planNote how the plan was obtained (words from the {@code compare} bundle)
 * @param targets  the targets its goal probabilities refer to (see {@link GoalBasis})
 * @param result   the simulation, judged against {@code targets}
 * @param baseline the same scenario under today's owners (no plan), on the same paths; the same object as
 *                 {@code result} when the plan is the baseline
 * @param crn      how far its random numbers are common with the first scenario's
 * @param compensation the plan's compensation and ROI against today's owners per simulated path and year, on
 *                 the same paths (SPEC §12); never null
 */
public record Outcome(String label, Scenario scenario, Coverage plan, Msg planNote, Targets targets,
                      SimulationResult result, SimulationResult baseline, Crn crn,
                      SimulatedCompensation.Result compensation) {
    public Outcome {
        java.util.Objects.requireNonNull(compensation, "compensation");
    }

    /** The plan's ROI summed over the horizon (currency), over paths. */
    public Stats horizonRoi() {
        return compensation.horizon();
    }

    /** The plan's incremental compensation over today's owners summed over the horizon (currency), over paths. */
    public Stats horizonIncrementalCompensation() {
        return compensation.horizonIncremental();
    }

    /** The probability of meeting a year's key-account revenue target (NaN without one). */
    public double goalProbability(int year) {
        return result.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
    }

    /** P(goal): the probability of meeting the final year's key-account revenue target (NaN without one). */
    public double goalProbability() {
        return goal(result).value();
    }

    /** P(goal) with its Wilson 95% interval. */
    public Probability goalProbabilityInterval() {
        return goal(result);
    }

    /** P(goal) of the no-plan baseline (today's owners) with its interval. */
    public Probability baselineGoalProbability() {
        return goal(baseline);
    }

    /** P(goal) of the plan minus P(goal) of the baseline, with its paired standard error. */
    public Difference goalProbabilityVersusBaseline() {
        int last = result.horizon() - 1;
        return Difference.ofHits(result.values(Metric.KEY_ACCOUNT_REVENUE, last), result.goal(),
                baseline.values(Metric.KEY_ACCOUNT_REVENUE, last), baseline.goal());
    }

    /** The joint probability of all three final-year key-account targets, with its interval. */
    public Probability allGoalsProbability() {
        return result.allGoalsProbability();
    }

    /** The median calendar year the goal is first met under the plan; null when most paths never meet it. */
    public Integer medianGoalYear() {
        return result.medianGoalYear();
    }

    /** The median calendar year the goal is first met under the baseline; null when most paths never meet it. */
    public Integer baselineMedianGoalYear() {
        return baseline.medianGoalYear();
    }

    /** The final year's key-account revenue target (currency/year), NaN without one. */
    public double goal() {
        return targets == null || targets.years().isEmpty() ? Double.NaN : targets.last().keyAccountRevenue();
    }

    /** Median key-account revenue in the final year (currency/year). */
    public double medianFinalKaRevenue() {
        return result.stats(Metric.KEY_ACCOUNT_REVENUE, result.horizon() - 1).p50();
    }

    private static Probability goal(SimulationResult r) {
        return r.goalProbability();
    }
}
