package dev.kam.cli;

import dev.kam.domain.Scenario;
import dev.kam.scenario.ScenarioReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by every command that reads a scenario and writes outputs. */
public final class ScenarioOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "out")
    public Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key, e.g. --set simulation.churn.covered=0.05 (repeatable).")
    public List<String> overrides = new ArrayList<>();

    /** Reads and validates the scenario with the overrides; throws ScenarioException on errors. */
    public Scenario load(Path scenario) {
        return ScenarioReader.read(scenario, overrides);
    }
}
