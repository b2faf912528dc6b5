package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the benchmark is built. */
@Command(name = "gap", description = "(not built yet)")
public final class BenchGapCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'bench gap' is not built yet");
    }
}
