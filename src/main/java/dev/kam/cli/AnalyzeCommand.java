package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "analyze", description = "(not built yet)")
public final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'analyze' is not built yet");
    }
}
