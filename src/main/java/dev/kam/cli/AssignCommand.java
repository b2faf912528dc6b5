package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "assign", description = "(not built yet)")
public final class AssignCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'assign' is not built yet");
    }
}
