package dev.kam.cli;

import dev.kam.domain.Scenario;
import dev.kam.domain.Problem;
import dev.kam.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
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

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /**
     * Reads and validates the scenario with the overrides; prints its warnings to the command's
     * error stream and throws ScenarioException when there is any error.
     */
    public Scenario load(Path scenario) {
        return load(scenario, true);
    }

    /**
     * As {@link #load(Path)}; with {@code calibrate} a scenario with history.csv uses the parameters fitted from it
     * wherever its file is silent (SPEC §8), as every stage of {@code kam plan} does.
     */
    public Scenario load(Path scenario, boolean calibrate) {
        ScenarioReader.Result r = ScenarioReader.validate(scenario, overrides);
        if (!r.problems().hasErrors() && mixee != null) {
            PrintWriter err = mixee.commandLine().getErr();
            for (Problem p : r.problems().all()) err.println(p);
            err.flush();
        }
        r.problems().throwIfErrors();
        return calibrate ? dev.kam.calibration.Calibration.applyTo(r.scenario()) : r.scenario();
    }
}
