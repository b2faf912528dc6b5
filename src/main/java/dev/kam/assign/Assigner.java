package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import org.optaplanner.core.config.heuristic.selector.common.SelectionCacheType;
import org.optaplanner.core.config.heuristic.selector.common.SelectionOrder;
import org.optaplanner.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.entity.EntitySelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The assign stage: scenario + analysis → an optimized {@link Plan} with a proven bound. No I/O.
 *
 * <p>Two sides (SPEC §9, {@code --solver}): the <b>heuristic</b> is OptaPlanner (Bavet constraint streams,
 * REPRODUCIBLE mode) with kam's array search as a custom first phase (or OptaPlanner's construction heuristic)
 * and OptaPlanner's local search; the <b>exact</b> side ({@link ExactSearch}) proves a bound from the LP
 * relaxation and solves the MIP on the reduced-cost core with SCIP or CP-SAT, warm-started from the
 * heuristic's plan, with large-neighbourhood search when the core is too big. {@code auto} runs both. The
 * plan kept is scored by the same OptaPlanner constraints, and its soft score equals the MIP objective.
 */
public final class Assigner {
    /** Share of the time limit the what-if analyses get (moves, curve, capacity values). */
    static final double WHAT_IF_SHARE = 0.25;
    /** The least wall time the what-if analyses get under a time limit. */
    static final Duration WHAT_IF_MIN = Duration.ofSeconds(8);

    private Assigner() {
    }

    /** What the solvers found on a table: the plan, its bound (cents) and how it was reached. */
    record Outcome(Solution plan, Solution.Score score, double bound, String boundMethod, String engine, double lpObjective,
                   double[] hourValue, boolean optimal, double heuristicObjective, double heuristicSeconds,
                   double exactSeconds, int neighbourhoods, Lagrangian lagrangian) {
    }

    /** Solves the scenario's assignment problem. Ratings and tiers come from the analysis. */
    public static Plan solve(Scenario scenario, Analysis analysis, AssignOptions options) {
        return solve(scenario, analysis, Coefficients.of(scenario, analysis), options);
    }

    /** Solves a prepared table (a GAP instance maps to one directly) and explains the plan. */
    public static Plan solve(Scenario scenario, Analysis analysis, Coefficients table, AssignOptions options) {
        long started = System.nanoTime();
        AssignOptions main = options;
        long whatIfEnd = Long.MAX_VALUE;
        if (options.whatIf() && !options.deterministic()) {
            // the what-if analyses share the time limit (at least WHAT_IF_MIN of their own): the search gets the rest
            long total = options.timeLimit().toNanos();
            long search = (long) (total * (1 - WHAT_IF_SHARE));
            main = options.withTimeLimit(Duration.ofNanos(search));
            whatIfEnd = started + search + Math.max(total - search, WHAT_IF_MIN.toNanos());
        }
        Outcome out = solveTable(table, main, started);
        double seconds = (System.nanoTime() - started) / 1e9;
        Plan.Disruption disruption = Plan.Disruption.none();
        Plan.CapacityValue capacity = Plan.CapacityValue.none();
        List<Msg> notes = List.of();
        if (options.whatIf() && !stopped(options)) {
            WhatIf.Both w = new WhatIf(scenario, analysis, table, out, options, whatIfEnd).run();
            disruption = w.disruption();
            capacity = w.capacity();
            notes = w.notes();
        }
        return Explainer.plan(scenario, analysis, table, out, options, seconds, disruption, capacity, notes);
    }

    private static boolean stopped(AssignOptions o) {
        return o.stop() != null && o.stop().stopped();
    }

    /** Runs the sides the options ask for within their budget. */
    static Outcome solveTable(Coefficients t, AssignOptions o, long started) {
        AssignmentParams.Solver mode = o.solver();
        Natives.preload();
        boolean timed = !o.deterministic();
        long end = timed ? started + o.timeLimit().toNanos() : Long.MAX_VALUE;
        Solution start = null;
        double heuristicObjective = Double.NaN, heuristicSeconds = 0;
        if (mode != AssignmentParams.Solver.EXACT) {
            long h0 = System.nanoTime();
            AssignOptions ho = o;
            if (timed && mode == AssignmentParams.Solver.AUTO) {
                long share = (long) (o.timeLimit().toNanos() * Math.max(0, Math.min(1, o.heuristicShare())));
                ho = o.withTimeLimit(Duration.ofNanos(Math.max(1_000_000L, share)));
            }
            AssignmentSolution best = heuristic(t, ho, System.nanoTime());
            start = best.toSolution();
            heuristicObjective = start.objective(t) / (double) Coefficients.SCALE;
            heuristicSeconds = (System.nanoTime() - h0) / 1e9;
        } else {
            // the exact side alone still starts from a plan: the greedy start with its repair
            int[] choice = new ArraySearch(t, o.seed()).run(Long.MAX_VALUE, 0, () -> true, null);
            start = new Solution(choice, ProductFlow.offer(t, choice));
        }
        long e0 = System.nanoTime();
        ExactSearch.Budget budget;
        String engine = mode == AssignmentParams.Solver.HEURISTIC ? "none" : (o.deterministic() ? "cpsat"
                : (o.engine().equals("cpsat") ? "cpsat" : "scip"));
        ExactSearch.Listener listener = o.progress() == null ? null : (obj, bound) -> o.progress().bestScore(
                Duration.ofNanos(System.nanoTime() - started), Double.isFinite(bound)
                        ? String.format(Locale.ROOT, "objective %,.0f, bound %,.0f", obj / 100.0, bound / 100.0)
                        : String.format(Locale.ROOT, "objective %,.0f, no bound yet", obj / 100.0));
        MipEngines.Interrupt stop = o.stop() == null ? null : o.stop().mip();
        ExactSearch.Result r;
        try {
            if (mode == AssignmentParams.Solver.HEURISTIC) {
                // the bound alone: LP duals (or subgradient) priced into the Lagrangian, no MIP
                budget = new ExactSearch.Budget(timed ? System.nanoTime() + Math.max(2_000_000_000L, o.timeLimit().toNanos() / 10)
                        : Long.MAX_VALUE, 0, engine, o.seed(), stop, listener);
                r = new ExactSearch(t, budget).boundOnly().run(start);
            } else {
                budget = new ExactSearch.Budget(timed ? Math.max(end, System.nanoTime() + 200_000_000L) : Long.MAX_VALUE,
                        Math.max(0.05, o.exactWork()), o.deterministic() ? "cpsat" : o.engine(), o.seed(), stop, listener);
                r = new ExactSearch(t, budget).run(start);
            }
        } catch (UnsatisfiedLinkError | RuntimeException natives) {
            if (natives instanceof RuntimeException re && !isNativeProblem(re)) throw re;
            // without OR-Tools' natives the heuristic's plan stands, with a pure-Java Lagrangian bound
            r = ExactSearch.javaBound(t, start, o.seed());
            engine = "none";
        }
        double exactSeconds = (System.nanoTime() - e0) / 1e9;
        Solution plan = r.best();
        if (start != null && start.score(t).compareTo(r.score()) > 0) plan = start;
        return new Outcome(plan, plan.score(t), r.bound(), r.method(), engine, r.lpObjective(), r.hourValue(),
                r.optimal(), heuristicObjective, heuristicSeconds, exactSeconds, r.neighbourhoods(), r.lagrangian());
    }

    private static boolean isNativeProblem(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("native") || m.contains("jniortools") || m.contains("unsatisfiedlink");
    }

    /** The OptaPlanner solver configuration (Bavet, REPRODUCIBLE) with its phases. */
    static SolverConfig config(AssignOptions o, long started, Coefficients table, AtomicLong lastBest) {
        long deadline = Long.MAX_VALUE;
        if (o.timeLimit() != null) {
            deadline = started + (long) (o.timeLimit().toNanos() * Math.max(0, Math.min(1, o.searchShare())));
        }
        StopSignal signal = o.stop();
        Duration unimproved = o.unimprovedLimit();
        java.util.function.BooleanSupplier stop = () -> (signal != null && signal.stopped())
                || (unimproved != null && System.nanoTime() - lastBest.get() > unimproved.toNanos());
        ArraySearch.Listener listener = (value, over) -> {
            lastBest.set(System.nanoTime());
            if (o.progress() != null) {
                o.progress().bestScore(Duration.ofNanos(System.nanoTime() - started), (-over) + "hard/" + value + "soft (search)");
            }
        };
        List<PhaseConfig> phases = new ArrayList<>();
        if (o.searchShare() > 0) {
            SearchPhase search = new SearchPhase(o.seed(), deadline, o.searchIterations(), stop, listener,
                    Math.min(table.standard, Math.max(0, table.levels - 1)));
            if (signal != null) search.onStop(() -> {
                if (signal.stopped()) signal.stop();
            });
            phases.add(new CustomPhaseConfig().withCustomPhaseCommands(search));
        } else {
            // OptaPlanner's own construction (first fit): leads with their effort first, then offers
            phases.add(construction(AccountAssignment.class, "lead", "effort"));
            if (table.pairs() > 0) phases.add(construction(ProductOffer.class, "offered"));
        }
        long steps = o.localSearchSteps();
        // local search needs at least one doable move, else a random union selector never returns
        boolean movable = table.options() > 0 || table.pairs() > 0;
        if (movable && steps != 0 && (steps > 0 || o.timeLimit() != null)) {
            LocalSearchPhaseConfig ls = new LocalSearchPhaseConfig();
            ls.setMoveSelectorConfig(moves(table));
            if (steps > 0) ls.setTerminationConfig(new TerminationConfig().withStepCountLimit((int) Math.min(Integer.MAX_VALUE, steps)));
            phases.add(ls);
        }
        TerminationConfig term = new TerminationConfig();
        if (o.timeLimit() != null) term.setSpentLimit(o.timeLimit());
        if (o.unimprovedLimit() != null) term.setUnimprovedSpentLimit(o.unimprovedLimit());
        return new SolverConfig()
                .withSolutionClass(AssignmentSolution.class)
                .withEntityClasses(AccountAssignment.class, ProductOffer.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(AssignmentConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(o.seed())
                .withTerminationConfig(term)
                .withPhases(phases.toArray(new PhaseConfig[0]));
    }

    /** A first-fit construction phase over one entity class, trying every combination of the given variables. */
    private static ConstructionHeuristicPhaseConfig construction(Class<?> entity, String... variables) {
        String id = "place" + entity.getSimpleName();
        List<MoveSelectorConfig> changes = new ArrayList<>();
        for (String v : variables) {
            changes.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig().withMimicSelectorRef(id))
                    .withValueSelectorConfig(new ValueSelectorConfig(v)));
        }
        MoveSelectorConfig<?> moves = changes.size() == 1 ? changes.get(0) : new CartesianProductMoveSelectorConfig(changes);
        return new ConstructionHeuristicPhaseConfig().withEntityPlacerConfig(new QueuedEntityPlacerConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig().withId(id).withEntityClass(entity)
                        .withCacheType(SelectionCacheType.PHASE).withSelectionOrder(SelectionOrder.ORIGINAL))
                .withMoveSelectorConfigList(List.of(moves)));
    }

    /**
     * Local search moves: change the lead (including to none), change the effort, swap the leads of two
     * accounts, flip an offer; a selector is left out when it would have nothing to select.
     */
    private static MoveSelectorConfig<?> moves(Coefficients t) {
        List<MoveSelectorConfig> list = new ArrayList<>();
        if (t.options() > 0) {
            list.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig(AccountAssignment.class))
                    .withValueSelectorConfig(new ValueSelectorConfig("lead")));
            if (t.levels > 1) {
                list.add(new ChangeMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig(AccountAssignment.class))
                        .withValueSelectorConfig(new ValueSelectorConfig("effort")));
            }
            if (t.accounts > 1) {
                list.add(new SwapMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig(AccountAssignment.class))
                        .withVariableNameIncludes("lead"));
            }
        }
        if (t.pairs() > 0) {
            list.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig(ProductOffer.class))
                    .withValueSelectorConfig(new ValueSelectorConfig("offered")));
        }
        // a cap on moves per step lets a step end when no move is accepted (else a step-count-only
        // termination would never be reached on a plan that no move improves)
        MoveSelectorConfig<?> union = list.size() == 1 ? list.get(0) : new UnionMoveSelectorConfig(list);
        union.setSelectedCountLimit(10_000L);
        return union;
    }

    /** The heuristic side: OptaPlanner with the array search (or construction heuristic) and local search. */
    static AssignmentSolution heuristic(Coefficients table, AssignOptions o, long started) {
        AtomicLong lastBest = new AtomicLong(started);
        SolverConfig cfg = config(o, started, table, lastBest);
        Solver<AssignmentSolution> solver = SolverFactory.<AssignmentSolution>create(cfg).buildSolver();
        if (o.progress() != null) {
            solver.addEventListener(e -> o.progress().bestScore(Duration.ofNanos(System.nanoTime() - started),
                    e.getNewBestScore().toString()));
        }
        if (o.stop() != null) o.stop().attach(solver);
        AssignmentSolution problem = AssignmentSolution.of(table);
        AssignmentSolution best = solver.solve(problem);
        if (best.getScore() == null || !best.getScore().isSolutionInitialized()) {
            // stopped before the first phase finished: fall back to the greedy plan
            best = greedyOnly(table, o.seed());
        }
        return best;
    }

    /** A plan from the array search alone (used when the solver was stopped before it had one). */
    private static AssignmentSolution greedyOnly(Coefficients t, long seed) {
        int[] choice = new ArraySearch(t, seed).run(Long.MAX_VALUE, 0, () -> true, null);
        AssignmentSolution sol = AssignmentSolution.of(t, new Solution(choice, ProductFlow.offer(t, choice)));
        score(sol);
        return sol;
    }

    /** Scores a solution with the same constraints (sets and returns its score). */
    static HardMediumSoftLongScore score(AssignmentSolution sol) {
        SolutionManager<AssignmentSolution, HardMediumSoftLongScore> m = SolutionManager.create(
                SolverFactory.<AssignmentSolution>create(scoreOnlyConfig()));
        return m.update(sol);
    }

    static SolverConfig scoreOnlyConfig() {
        return new SolverConfig()
                .withSolutionClass(AssignmentSolution.class)
                .withEntityClasses(AccountAssignment.class, ProductOffer.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(AssignmentConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET));
    }
}
