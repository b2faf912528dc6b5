package dev.kam.cli;

import dev.kam.assign.GapBench;
import dev.kam.domain.AssignmentParams;
import dev.kam.io.CsvOut;
import dev.kam.io.InputFiles;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
import dev.kam.scenario.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kam bench gap FILE...}: the assignment model on public GAP instances, against best-known values. */
@Command(name = "gap", mixinStandardHelpOptions = true,
        description = {"Solve OR-Library Generalized Assignment Problem files with kam's assignment model "
                + "(all jobs mustCover, per-pair hours = weight, value = -cost) and compare with best-known values "
                + "from best-known.csv beside the files or in their parent folder. The solver path is kam assign's "
                + "(heuristic warm start, exact MIP, proven bound); --peer runs HiGHS (or SCIP) through OR-Tools on "
                + "the same MIP, cold, for the same time limit.",
                "Writes bench/gap.csv: instance, agents, jobs, bestKnown, found, gapPercent, feasible, seconds, bound, "
                        + "provenGapPercent, boundMethod, peer, peerFound, peerGapPercent, peerSeconds."})
public final class BenchGapCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "GAP instance files (OR-Library format).")
    List<Path> files;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "60s",
            description = "Search time per instance, e.g. 60s, 2m (default: ${DEFAULT-VALUE}).")
    String timeLimit;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--peer", paramLabel = "highs|scip",
            description = "Also run this MIP solver (through OR-Tools, cold, one thread) on each instance with the same limit.")
    String peer;

    @Option(names = "--solver", paramLabel = "heuristic|exact|auto", defaultValue = "auto",
            description = "Which side of kam's optimizer runs (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--engine", paramLabel = "auto|scip|cpsat", defaultValue = "auto",
            description = "MIP engine of the exact side (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--steps", paramLabel = "N", description = "Deterministic work limit instead of the time limit.")
    Long steps;

    @Option(names = "--search-share", paramLabel = "0..1",
            description = "Share of the heuristic given to kam's array search (0 = OptaPlanner's construction heuristic "
                    + "instead; default: 0.95, the GAP mapping's). For the benchmark of the custom phase.")
    Double searchShare;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Duration limit;
        try {
            limit = Limits.parseTimeLimit("--time-limit", timeLimit);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        InputFiles inputs = new InputFiles();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new UsageException("GAP file not found: " + f);
            Path dir = f.toAbsolutePath().getParent();
            inputs.add(f).add(dir.resolve("best-known.csv"));
            if (dir.getParent() != null) inputs.add(dir.getParent().resolve("best-known.csv"));
        }
        AssignmentParams.Solver mode = AssignmentParams.Solver.parse(solver);
        if (mode == null) throw new UsageException("--solver must be heuristic, exact or auto, not '" + solver + "'");
        if (!List.of("auto", "scip", "cpsat").contains(engine)) {
            throw new UsageException("--engine must be auto, scip or cpsat, not '" + engine + "'");
        }
        if (peer != null && !List.of("highs", "scip").contains(peer)) {
            throw new UsageException("--peer must be highs or scip, not '" + peer + "'");
        }
        if (steps != null && steps < 1) throw new UsageException("--steps (" + steps + ") must be at least 1");
        if (searchShare != null && !(searchShare >= 0 && searchShare <= 1)) {
            throw new UsageException("--search-share (" + searchShare + ") must be between 0 and 1");
        }
        OutputPlan.of(out, "bench/gap.csv").check(inputs);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        CsvOut csv = new CsvOut("instance", "agents", "jobs", "bestKnown", "found", "gapPercent", "feasible", "seconds",
                "bound", "provenGapPercent", "boundMethod", "peer", "peerFound", "peerGapPercent", "peerSeconds");
        for (Path f : files) {
            GapBench.Row r = GapBench.run(f, limit, seed, null, mode, engine, steps == null ? 0 : steps, peer,
                    searchShare == null ? Double.NaN : searchShare);
            csv.row(r.instance(), r.agents(), r.jobs(), r.bestKnown(), r.found(), round3(r.gapPercent()),
                    Boolean.toString(r.feasible()), Math.round(r.seconds() * 10) / 10.0, r.bound(),
                    round3(r.provenGapPercent()), r.boundMethod(), r.peer(), r.peerFound(), round3(r.peerGapPercent()),
                    Double.isNaN(r.peerSeconds()) ? Double.NaN : Math.round(r.peerSeconds() * 10) / 10.0);
            o.printf(Locale.ROOT, "%-22s %3d agents %5d jobs  best %8s  found %8d  gap %7s  proven %7s  %s  %.1fs%s%n",
                    r.instance(), r.agents(), r.jobs(), CsvOut.num(r.bestKnown()), r.found(), pct(r.gapPercent()),
                    pct(r.provenGapPercent()), r.feasible() ? "feasible" : "INFEASIBLE", r.seconds(),
                    r.peer() == null ? "" : String.format(Locale.ROOT, "  %s %s gap %s", r.peer(),
                            Double.isNaN(r.peerFound()) ? "none" : CsvOut.num(r.peerFound()), pct(r.peerGapPercent())));
            o.flush();
            // rewrite after each instance so a long run leaves its rows even if interrupted
            for (String n : OutputRun.publishFile(out, "bench/gap.csv", csv.text().getBytes(StandardCharsets.UTF_8), inputs)) {
                err.println("kam: " + n);
            }
        }
        err.flush();
        o.println("wrote " + out.resolve("bench").resolve("gap.csv"));
        return Main.OK;
    }

    private static double round3(double v) {
        return Double.isNaN(v) ? Double.NaN : Math.round(v * 1000) / 1000.0;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f%%", v);
    }
}
