package dev.kam.strategy;

/**
 * A conflict between goals or a feasibility problem, with its numbers.
 *
 * @param check   conflict | belowToday | pipeline | pipelineRate | capacity | marketGrowth | wallet | data
 * @param message one or two sentences naming the years, the figures and what would resolve it
 */
public record TargetWarning(String check, String message) {
    @Override
    public String toString() {
        return check + ": " + message;
    }
}
