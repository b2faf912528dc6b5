package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "generate", description = "(not built yet)")
public final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'generate' is not built yet");
    }
}
