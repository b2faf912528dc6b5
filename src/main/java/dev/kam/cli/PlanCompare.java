package dev.kam.cli;

import dev.kam.compare.CompareOptions;
import dev.kam.compare.CompareResult;
import dev.kam.compare.Comparison;
import dev.kam.compare.GoalBasis;
import dev.kam.compare.Planner;
import dev.kam.compare.Variant;
import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;
import dev.kam.report.CompareHtml;
import dev.kam.report.CompareWriter;
import dev.kam.report.Lang;
import dev.kam.report.OutputDir;
import dev.kam.scenario.Problem;
import dev.kam.scenario.ScenarioException;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.SimulationOptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code kam plan --compare OTHER.yaml ...}: after the pipeline has run, the plan's scenario is compared
 * with the other scenarios (common random numbers, the pipeline's own seed and paths), {@code compare/} is
 * written beside the other stage folders and the comparison section is added to report.html.
 *
 * <p>The plan's scenario is simulated under the plan the pipeline wrote ({@code plan/plan.json}), so its
 * figures in the section are the report's own; the other scenarios are optimized on their own. When the
 * pipeline ran no assignment, every scenario is simulated under today's owners, like the report.
 */
final class PlanCompare {
    private PlanCompare() {
    }

    /** Validates the other scenarios up front (before the pipeline runs), with the plan's overrides. */
    static List<Scenario> read(List<Path> others, List<String> overrides) {
        List<Scenario> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : others) {
            try {
                out.add(ScenarioReader.read(f, overrides));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    /** Runs the comparison, writes {@code out/compare} and splices the section into {@code report}. */
    static CompareResult run(Scenario main, List<Scenario> others, Path out, Path report, Lang lang, PrintWriter err) {
        Path planJson = out.resolve("plan").resolve("plan.json");
        boolean optimized = Files.isRegularFile(planJson);
        Coverage mainPlan = optimized ? PlanInput.read(planJson, main) : null;
        Planner others0 = optimized ? CompareCommand.optimizer(null, err) : Planner.BASELINE;
        Planner planner = (s, a) -> s == main && mainPlan != null ? mainPlan : others0.plan(s, a);

        List<String> names = new ArrayList<>();
        names.add(main.name());
        for (Scenario s : others) names.add(s.name());
        List<String> labels = Comparison.uniqueLabels(names);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(labels.get(0), main));
        for (int i = 0; i < others.size(); i++) variants.add(new Variant(labels.get(i + 1), others.get(i)));

        CompareResult r;
        try {
            r = Comparison.run(variants, planner, new CompareOptions(SimulationOptions.of(main.simulation()), false,
                    GoalBasis.FIRST), (i, n, label, step) -> {
                err.printf(Locale.ROOT, "kam plan: compare [%d/%d] %s: %s ...%n", i, n, label, step);
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException("--compare: " + e.getMessage());
        }
        try (OutputDir dir = OutputDir.open(out, "compare")) {
            CompareWriter.write(dir, new CompareWriter.Input(main.currency(), r, null));
            dir.commit();
        }
        splice(report, CompareHtml.section(r, lang), lang);
        return r;
    }

    /** Inserts the section before the action list (else at the end of main) and adds it to the contents. */
    static void splice(Path report, String section, Lang lang) {
        try {
            String html = Files.readString(report, StandardCharsets.UTF_8);
            int at = html.indexOf("<section id=\"actions\"");
            if (at < 0) at = html.indexOf("</main>");
            if (at < 0) throw new IllegalStateException(report + " has no <main> to add the comparison to");
            html = html.substring(0, at) + section + html.substring(at);
            String title = lang == Lang.ZH ? "情景对比" : "Scenario comparison";
            String link = "<li><a href=\"#compare\">" + title + "</a></li>";
            int actions = html.indexOf("<li><a href=\"#actions\">");
            int nav = actions >= 0 ? actions : html.indexOf("</ol></nav>");
            if (nav >= 0) html = html.substring(0, nav) + link + html.substring(nav);
            OutputDir.writeAtomically(report, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the comparison to " + report + ": " + e.getMessage(), e);
        }
    }
}
