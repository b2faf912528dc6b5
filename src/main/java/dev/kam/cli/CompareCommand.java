package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "compare", description = "(not built yet)")
public final class CompareCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'compare' is not built yet");
    }
}
