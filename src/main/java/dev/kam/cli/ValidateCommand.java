package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "validate", description = "(not built yet)")
public final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'validate' is not built yet");
    }
}
