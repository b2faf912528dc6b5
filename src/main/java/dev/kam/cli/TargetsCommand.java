package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "targets", description = "(not built yet)")
public final class TargetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'targets' is not built yet");
    }
}
