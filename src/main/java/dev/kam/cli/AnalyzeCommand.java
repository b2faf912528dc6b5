package dev.kam.cli;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.domain.Scenario;
import dev.kam.report.AnalysisWriter;
import dev.kam.io.OutputDir;
import dev.kam.io.OutputException;
import dev.kam.io.OutputRun;
import dev.kam.domain.Problem;
import dev.kam.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kam analyze}: customer pyramid, concentration, structure health, 5A rating and lifecycle diagnosis. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Diagnose the customer base: the customer pyramid (key / mid / small), revenue "
                + "concentration (top shares, HHI, Gini), the key-account baseline and structure health against the "
                + "strategy goals, the 5A rating of every account and its lifecycle diagnosis "
                + "(cannot win 进不来 / cannot grow 做不大 / cannot keep 留不住).",
                "Writes DIR/analysis/accounts.csv, summary.json and the charts pyramid, lorenz and ratings (PNG and SVG)."},
        footer = {"", "Settings live under 'analysis:' in the scenario (pyramid cuts, rating weights and cuts, "
                + "normalization, health limits, diagnosis thresholds), e.g.",
                "  kam analyze scenario.yaml --set analysis.pyramid.keyShare=0.6",
                "Exit codes: 0 done, 1 internal error, 2 bad scenario or usage (nothing is written)."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
    Path scenario;

    @Mixin
    ScenarioOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioReader.Result read = ScenarioReader.validate(scenario, options.overrides);
        options.inputs.addAll(read.files());
        read.problems().throwIfErrors();
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : read.problems().all()) err.println(p);
        err.flush();
        Scenario s = read.scenario();
        Analysis a;
        Path target = options.out.resolve("analysis");
        try (OutputRun run = options.begin("analysis")) {
            a = Analyzer.analyze(s);
            try (OutputDir dir = OutputDir.open(run.root(), "analysis")) {
                AnalysisWriter.write(s, a, dir, Main.WORDS);
                dir.commit();
            }
            options.publish(run);
        } catch (RuntimeException e) {
            throw OutputException.translate(options.out, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String line : AnalysisWriter.summaryLines(s, a, target, Main.WORDS)) out.println(line);
        out.flush();
        return Main.OK;
    }
}
