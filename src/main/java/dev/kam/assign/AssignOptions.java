package dev.kam.assign;

import dev.kam.domain.AssignmentParams;

import java.time.Duration;

/**
 * How long and how to search. Build with {@link #of(AssignmentParams)} and the {@code with...} methods.
 *
 * @param timeLimit          wall-clock limit of the whole search, null for none (then the step limits bound it)
 * @param unimprovedLimit    stop the heuristic after this long without a better score, null for none
 * @param seed               random seed (REPRODUCIBLE mode, CP-SAT and SCIP seeds)
 * @param searchShare        share of the heuristic given to the array search phase (0–1; 0 = OptaPlanner's
 *                           construction heuristic instead)
 * @param searchIterations   iteration limit of the array search phase (Long.MAX_VALUE = by time only)
 * @param localSearchSteps   step limit of OptaPlanner's local search phase (−1 = by time only, 0 = skip it)
 * @param progress           told of every better plan, may be null
 * @param stop               lets another thread (Ctrl-C) end the search early, may be null
 * @param solver             heuristic, exact or auto
 * @param exactWork          deterministic seconds of the exact side when there is no time limit (CP-SAT's
 *                           work measure); ignored under a time limit
 * @param engine             auto, scip or cpsat
 * @param whatIf             also value each move, trace the gain-vs-moves curve and value capacity
 * @param heuristicShare     share of the time limit given to the heuristic in auto mode (0–1)
 */
public record AssignOptions(Duration timeLimit, Duration unimprovedLimit, long seed, double searchShare,
                            long searchIterations, long localSearchSteps, Progress progress, StopSignal stop,
                            AssignmentParams.Solver solver, double exactWork, String engine, boolean whatIf,
                            double heuristicShare) {

    /** Share of the time limit the heuristic gets in auto mode by default. */
    public static final double HEURISTIC_SHARE = 0.15;

    /** Receives progress: time since the start and the best score so far (as "hard/medium/soft", or a bound line). */
    public interface Progress {
        void bestScore(Duration elapsed, String score);
    }

    /** The scenario's settings: its time limit, or its deterministic step limit when {@code assignment.steps} is set. */
    public static AssignOptions of(AssignmentParams p) {
        AssignOptions o = new AssignOptions(p.timeLimit(), p.unimprovedTimeLimit(), p.seed(), p.searchShare(),
                Long.MAX_VALUE, -1, null, null, p.solver(), 0, p.engine(), p.whatIf(), HEURISTIC_SHARE);
        return p.steps() > 0 ? o.withSteps(p.steps()) : o;
    }

    /** A deterministic search bounded by iteration and step counts, no wall time (for tests). */
    public static AssignOptions steps(long seed, long searchIterations, long localSearchSteps) {
        return new AssignOptions(null, null, seed, 1.0, searchIterations, localSearchSteps, null, null,
                AssignmentParams.Solver.AUTO, Math.max(0.2, searchIterations / 1000.0), "auto", true, HEURISTIC_SHARE);
    }

    /**
     * The deterministic work limit of {@code --steps N}: N iterations of the array search, N local-search steps
     * and N/1000 deterministic seconds of the exact side; no wall-clock limit, so the same seed gives the same
     * plan whatever the machine's load.
     */
    public AssignOptions withSteps(long n) {
        return new AssignOptions(null, null, seed, searchShare, n, n, progress, stop, solver, n / 1000.0, engine,
                whatIf, heuristicShare);
    }

    public AssignOptions withTimeLimit(Duration d) {
        return new AssignOptions(d, unimprovedLimit, seed, searchShare, Long.MAX_VALUE, -1, progress, stop, solver,
                exactWork, engine, whatIf, heuristicShare);
    }

    public AssignOptions withSeed(long s) {
        return new AssignOptions(timeLimit, unimprovedLimit, s, searchShare, searchIterations, localSearchSteps, progress,
                stop, solver, exactWork, engine, whatIf, heuristicShare);
    }

    public AssignOptions withProgress(Progress p) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps, p,
                stop, solver, exactWork, engine, whatIf, heuristicShare);
    }

    public AssignOptions withStop(StopSignal s) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps,
                progress, s, solver, exactWork, engine, whatIf, heuristicShare);
    }

    public AssignOptions withSearchShare(double share) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, share, searchIterations, localSearchSteps, progress,
                stop, solver, exactWork, engine, whatIf, heuristicShare);
    }

    public AssignOptions withLocalSearchSteps(long steps) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, steps, progress, stop,
                solver, exactWork, engine, whatIf, heuristicShare);
    }

    public AssignOptions withSolver(AssignmentParams.Solver mode) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps,
                progress, stop, mode, exactWork, engine, whatIf, heuristicShare);
    }

    public AssignOptions withEngine(String e) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps,
                progress, stop, solver, exactWork, e, whatIf, heuristicShare);
    }

    public AssignOptions withWhatIf(boolean on) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps,
                progress, stop, solver, exactWork, engine, on, heuristicShare);
    }

    public AssignOptions withHeuristicShare(double share) {
        return new AssignOptions(timeLimit, unimprovedLimit, seed, searchShare, searchIterations, localSearchSteps,
                progress, stop, solver, exactWork, engine, whatIf, share);
    }

    /** Whether no wall-clock limit applies (the work limits alone bound the search). */
    public boolean deterministic() {
        return timeLimit == null;
    }
}
