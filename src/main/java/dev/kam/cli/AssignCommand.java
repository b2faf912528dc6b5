package dev.kam.cli;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Coefficients;
import dev.kam.assign.LpWriter;
import dev.kam.assign.Plan;
import dev.kam.assign.StopSignal;
import dev.kam.domain.Scenario;
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
                + "to which accounts (OptaPlanner), under capacity and eligibility rules; compare with today's owners.",
                "Writes DIR/plan/assignments.csv, products.csv, soldiers.csv and plan.json. Ctrl-C ends the search "
                        + "early and still writes the best plan found."})
public final class AssignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
    Path scenario;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Search time, e.g. 30s, 2m (default: assignment.timeLimit, 30s).")
    String timeLimit;

    @Option(names = "--seed", description = "Random seed (default: assignment.seed, 1).")
    Long seed;

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
        Scenario s = options.load(scenario);
        OutputPlan outputs = OutputPlan.of(options.out, "plan");
        if (exportLp != null) outputs = outputs.withFile(exportLp, "--export-lp", LP_SIGNATURE);
        try (OutputRun run = options.begin(outputs)) {
            return solveAndWrite(s, limit, run);
        } catch (RuntimeException e) {
            throw OutputException.translate(options.out, e);
        }
    }

    private int solveAndWrite(Scenario s, Duration limit, OutputRun run) {
        Analysis analysis = Analyzer.analyze(s);
        AssignOptions opt = AssignOptions.of(s.assignment());
        if (limit != null) opt = opt.withTimeLimit(limit);
        if (seed != null) opt = opt.withSeed(seed);
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
                PlanWriter.write(plan, dir, interrupted);
                dir.commit();
            }
            options.publish(run);
            for (String line : PlanWriter.summaryLines(plan, options.out.resolve("plan"))) out.println(line);
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
