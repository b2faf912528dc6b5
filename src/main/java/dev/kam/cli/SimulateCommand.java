package dev.kam.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the stage is built. */
@Command(name = "simulate", description = "(not built yet)")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'simulate' is not built yet");
    }
}
