package dev.kam.assign;

import dev.kam.domain.AssignmentParams;

import java.time.Duration;

/**
 * How long and how to search. Build with {@link #of(AssignmentParams)} and the {@code with...} methods.
 *
 * @param timeLimit          wall-clock limit of the whole search, null for none (then a step limit must be set)
 * @param unimprovedLimit    stop after this long without a better score, null for none
 * @param seed               random seed (REPRODUCIBLE mode)
 * @param searchShare        share of the time limit given to the array search phase (0–1)
 * @param searchIterations   iteration limit of the array search phase (Long.MAX_VALUE = by time only)
 * @param localSearchSteps   step limit of OptaPlanner's local search phase (−1 = by time only, 0 = skip it)
 * @param progress           told of every better plan, may be null
 * @param stop               lets another thread (Ctrl-C) end the search early, may be null
 */
public record AssignOptions(Duration timeLimit, Duration unimprovedLimit, long seed, double searchShare,
                            long searchIterations, long localSearchSteps, Progress progress, StopSignal stop) {

    /** Receives progress: time since the start and the best score so far (as "hard/medium/soft"). */
    public interface Progress {
        void bestScore(Duration elapsed, String score);
    }

    public static AssignOptions of(AssignmentParams p) {
        return new AssignOptions(p.timeLimit(), p.unimprovedTimeLimit(), p.seed(), p.searchShare(),
                Long.MAX_VALUE, -1, null, null);
    }

    /** A deterministic search bounded by iteration and step counts, no wall time (for tests). */
    public static AssignOptions steps(long seed, long searchIterations, long localSearchSteps) {
        return new AssignOptions(null, null, seed, 1.0, searchIterations, localSearchSteps, null, null);
    }

    public AssignOptions withTimeLimit(Duration d) {
        return new AssignOptions(d, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps, progress, stop);
    }

    public AssignOptions withSeed(long s) {
        return new AssignOptions(timeLimit, unimprovedLimit, s, searchShare, searchIterations, localSearchSteps, progress, stop);
    }

    public AssignOptions withProgress(Progress p) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps, p, stop);
    }

    public AssignOptions withStop(StopSignal s) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps, progress, s);
    }

    public AssignOptions withSearchShare(double share) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, share, searchIterations, localSearchSteps, progress, stop);
    }

    public AssignOptions withLocalSearchSteps(long steps) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, steps, progress, stop);
    }
}
