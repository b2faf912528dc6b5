package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the benchmark is built. */
@Command(name = "sim", description = "(not built yet)")
public final class BenchSimCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'bench sim' is not built yet");
    }
}
