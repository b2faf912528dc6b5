package dev.kam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kam bench gap|sim}: the benchmark commands whose figures go in docs/benchmarks.md. */
@Command(name = "bench", description = "Benchmarks: solver quality on public GAP instances, simulation throughput.",
        subcommands = {BenchGapCommand.class, BenchSimCommand.class, BenchXlsxCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: 'gap' or 'sim'.");
    }
}
