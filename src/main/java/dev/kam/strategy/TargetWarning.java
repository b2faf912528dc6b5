package dev.kam.strategy;

import dev.kam.domain.Msg;

/**
 * A conflict between goals or a feasibility problem, with its numbers.
 *
 * @param check   conflict | belowToday | pipeline | pipelineRate | capacity | marketGrowth | wallet | data
 * @param message one or two sentences naming the years, the figures and what would resolve it (words from the
 *                {@code strategy} bundle)
 */
public record TargetWarning(String check, Msg message) {
    @Override
    public String toString() {
        return check + ": " + message;
    }
}
