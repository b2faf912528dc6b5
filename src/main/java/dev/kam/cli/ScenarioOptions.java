package dev.kam.cli;

import dev.kam.domain.Scenario;
import dev.kam.domain.Problem;
import dev.kam.io.InputFiles;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
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

    /** Every file the command read: {@link #load} adds the scenario's; a command adds others (e.g. --plan). */
    public final InputFiles inputs = new InputFiles();

    /**
     * Opens the command's outputs under {@code --out}: refused (exit 2, nothing written) when one of
     * {@code entries} would replace a file in {@link #inputs}. Call after reading every input.
     */
    public OutputRun begin(String... entries) {
        return begin(OutputPlan.of(out, entries));
    }

    /** As {@link #begin(String...)} for a plan that also writes files outside --out (e.g. --export-lp). */
    public OutputRun begin(OutputPlan plan) {
        OutputRun run = OutputRun.begin(plan, inputs);
        notes(run.notes());
        return run;
    }

    /** Publishes the run's outputs all at once and tells the user of any file moved aside. */
    public void publish(OutputRun run) {
        notes(run.publish());
    }

    private void notes(List<String> notes) {
        if (notes.isEmpty() || mixee == null) return;
        PrintWriter err = mixee.commandLine().getErr();
        for (String n : notes) err.println("kam: " + n);
        err.flush();
    }

    /**
     * Reads and validates the scenario with the overrides; prints its warnings to the command's
     * error stream and throws ScenarioException when there is any error. The files read join {@link #inputs}.
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
        inputs.addAll(r.files());
        if (!r.problems().hasErrors() && mixee != null) {
            PrintWriter err = mixee.commandLine().getErr();
            for (Problem p : r.problems().all()) err.println(p);
            err.flush();
        }
        r.problems().throwIfErrors();
        return calibrate ? dev.kam.calibration.Calibration.applyTo(r.scenario()) : r.scenario();
    }
}
