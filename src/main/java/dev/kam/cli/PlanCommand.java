package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "plan", description = "(not built yet)")
public final class PlanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'plan' is not built yet");
    }
}
