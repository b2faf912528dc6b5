package dev.kam.compare;

import dev.kam.simulation.SimulationOptions;

import java.util.Objects;

/**
 * How to compare.
 *
 * @param simulation paths, seed and threads, the same for every scenario (the same seed is what makes the
 *                   random numbers common)
 * @param keepPlan   true: plan the first scenario only and use that plan, mapped by account id, for every
 *                   scenario; false: plan every scenario on its own
 * @param goals      which targets the goal probabilities refer to
 */
public record CompareOptions(SimulationOptions simulation, boolean keepPlan, GoalBasis goals) {
    public CompareOptions {
        Objects.requireNonNull(simulation, "simulation");
        if (goals == null) goals = GoalBasis.FIRST;
    }
}
