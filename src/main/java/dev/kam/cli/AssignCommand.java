package dev.kam.cli;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Coefficients;
import dev.kam.assign.LpWriter;
import dev.kam.assign.Plan;
import dev.kam.assign.StopSignal;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import dev.kam.io.OutputException;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
import dev.kam.report.PlanWriter;
import dev.kam.scenario.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code kam assign}: the optimized soldier, effort and product plan. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Optimize who leads which account with how much effort, and which products are offered "
                + "to which accounts, under capacity, eligibility, lock, move-cap and workload rules: OptaPlanner's "
                + "heuristic warm-starts an exact MIP (OR-Tools) that proves how close the plan is to the best one.",
                "Writes DIR/plan/assignments.csv, products.csv, soldiers.csv, moves.csv, gain-vs-moves.csv (+ chart), "
                        + "capacity-value.csv and plan.json (with bound and gapPercent). Ctrl-C ends the search early "
                        + "and still writes the best plan found."})
public final class AssignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
    Path scenario;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Search time, e.g. 30s, 2m (default: assignment.timeLimit, 30s).")
    String timeLimit;

    @Option(names = "--seed", description = "Random seed (default: assignment.seed, 1).")
    Long seed;

    @Option(names = "--steps", paramLabel = "N",
            description = "Deterministic work limit instead of the time limit: N heuristic steps and N/1000 "
                    + "deterministic seconds of CP-SAT; the same seed then gives the same plan on any machine "
                    + "(default: assignment.steps, off).")
    Long steps;

    @Option(names = "--solver", paramLabel = "heuristic|exact|auto",
            description = "heuristic (OptaPlanner + a Lagrangian bound), exact (MIP only) or auto (both; "
                    + "default: assignment.solver.mode, auto).")
    String solver;

    @Option(names = "--engine", paramLabel = "auto|scip|cpsat",
            description = "MIP engine of the exact side (default: assignment.solver.engine, auto = SCIP under a time "
                    + "limit, CP-SAT under --steps).")
    String engine;

    @Option(names = "--no-what-if", negatable = false,
            description = "Skip the value of each move, the gain-vs-moves curve and the capacity values.")
    boolean noWhatIf;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of the reasons in the plan files (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--export-lp", paramLabel = "FILE",
            description = "Also write the exact MILP of the instance in CPLEX LP format.")
    Path exportLp;

    @Mixin
    ScenarioOptions options;

    @Spec
    CommandSpec spec;

    /** The first bytes of every LP file kam writes ({@code LpWriter}): an existing --export-lp file without them is not replaced. */
    static final String LP_SIGNATURE = "\\ kam assignment MILP";

    @Override
    public Integer call() {
        Duration limit = null;
        if (timeLimit != null) {
            try {
                limit = Limits.parseTimeLimit("--time-limit", timeLimit);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        AssignmentParams.Solver mode = null;
        if (solver != null) {
            mode = AssignmentParams.Solver.parse(solver);
            if (mode == null) throw new UsageException("--solver must be heuristic, exact or auto, not '" + solver + "'");
        }
        if (engine != null && !java.util.List.of("auto", "scip", "cpsat").contains(engine)) {
            throw new UsageException("--engine must be auto, scip or cpsat, not '" + engine + "'");
        }
        if (steps != null && (steps < 1 || steps > 1_000_000_000L)) {
            throw new UsageException("--steps (" + steps + ") must be between 1 and 1,000,000,000");
        }
        if (steps != null && limit != null) {
            throw new UsageException("--steps and --time-limit exclude each other: --steps makes the search deterministic");
        }
        Lang language = Lang.parse(lang);
        if (language == null) throw new UsageException("--lang must be en or zh, not '" + lang + "'");
        Messages words = Messages.of(language);
        Scenario s = options.load(scenario);
        OutputPlan outputs = OutputPlan.of(options.out, "plan");
        if (exportLp != null) outputs = outputs.withFile(exportLp, "--export-lp", LP_SIGNATURE);
        try (OutputRun run = options.begin(outputs)) {
            return solveAndWrite(s, limit, mode, run, words);
        } catch (RuntimeException e) {
            throw OutputException.translate(options.out, e);
        }
    }

    private int solveAndWrite(Scenario s, Duration limit, AssignmentParams.Solver mode, OutputRun run, Messages words) {
        Analysis analysis = Analyzer.analyze(s);
        AssignOptions opt = AssignOptions.of(s.assignment());
        if (limit != null) opt = opt.withTimeLimit(limit);
        if (steps != null) opt = opt.withSteps(steps);
        if (seed != null) opt = opt.withSeed(seed);
        if (mode != null) opt = opt.withSolver(mode);
        if (engine != null) opt = opt.withEngine(engine);
        if (noWhatIf) opt = opt.withWhatIf(false);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (System.console() != null) {
            long[] last = {0};
            opt = opt.withProgress((elapsed, score) -> {
                long now = System.nanoTime();
                if (now - last[0] < 250_000_000L) return;
                last[0] = now;
                err.printf(Locale.ROOT, "\rassign: %5.1fs  best %s   ", elapsed.toMillis() / 1000.0, score);
                err.flush();
            });
        }
        if (exportLp != null) writeLp(Coefficients.of(s, analysis), s.name(), exportLp);

        StopSignal stop = new StopSignal();
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.stop();
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kam-assign-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Plan plan = Assigner.solve(s, analysis, opt.withStop(stop));
            if (System.console() != null) err.println();
            Instant interrupted = stop.stopped() ? Instant.now() : null;
            if (interrupted != null) err.println("assign: interrupted; writing the best plan found so far");
            try (OutputDir dir = OutputDir.open(run.root(), "plan")) {
                PlanWriter.write(plan, dir, words, interrupted);
                dir.commit();
            }
            options.publish(run);
            for (String line : PlanWriter.summaryLines(plan, options.out.resolve("plan"), words)) out.println(line);
            if (exportLp != null) out.println("Wrote the MILP to " + exportLp + " (objective = plan.json objective)");
            out.flush();
            err.flush();
            return Main.OK;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch released above
            }
        }
    }

    /** Writes the LP file through a temporary sibling and a rename: the old file or the new one, never half. */
    private static void writeLp(Coefficients table, String title, Path file) {
        StringWriter text = new StringWriter();
        LpWriter.write(table, title, text);
        try {
            OutputDir.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw OutputException.cannotWrite(file, e);
        }
    }
}
