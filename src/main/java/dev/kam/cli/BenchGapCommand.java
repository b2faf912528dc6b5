package dev.kam.cli;

import dev.kam.assign.GapBench;
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
                + "from best-known.csv beside the files or in their parent folder.",
                "Writes bench/gap.csv: instance, agents, jobs, bestKnown, found, gapPercent, feasible, seconds."})
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
        OutputPlan.of(out, "bench/gap.csv").check(inputs);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        CsvOut csv = new CsvOut("instance", "agents", "jobs", "bestKnown", "found", "gapPercent", "feasible", "seconds");
        for (Path f : files) {
            GapBench.Row r = GapBench.run(f, limit, seed, null);
            csv.row(r.instance(), r.agents(), r.jobs(), r.bestKnown(), r.found(),
                    Double.isNaN(r.gapPercent()) ? Double.NaN : Math.round(r.gapPercent() * 1000) / 1000.0,
                    Boolean.toString(r.feasible()), Math.round(r.seconds() * 10) / 10.0);
            o.printf(Locale.ROOT, "%-22s %3d agents %5d jobs  best %8s  found %8d  gap %7s  %s  %.1fs%n",
                    r.instance(), r.agents(), r.jobs(), CsvOut.num(r.bestKnown()), r.found(),
                    Double.isNaN(r.gapPercent()) ? "-" : String.format(Locale.ROOT, "%.2f%%", r.gapPercent()),
                    r.feasible() ? "feasible" : "INFEASIBLE", r.seconds());
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
}
