package dev.kam;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.report.AnalysisWriter;
import dev.kam.report.ChartTheme;
import dev.kam.report.HtmlReport;
import dev.kam.i18n.Lang;
import dev.kam.io.InputFiles;
import dev.kam.io.OutputDir;
import dev.kam.io.OutputException;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
import dev.kam.report.PlanWriter;
import dev.kam.report.SimulationWriter;
import dev.kam.report.Summary;
import dev.kam.report.TargetsWriter;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole job of {@code kam plan}: validate → analyze → targets → assign → simulate → report, each
 * stage taking the previous stages' results as values (SPEC §2).
 *
 * <p>Outputs: every stage writes into one {@link OutputRun}; only when all stages and the report have
 * succeeded are they published, all at once (see {@link OutputRun}). A failed run leaves {@code out} as
 * it was. An {@code out} that would replace a file the run read (the scenario, its bases, its tables,
 * the --compare scenarios and theirs) is refused after validation, before any stage runs.
 */
public final class Pipeline {
    /** Stage folders a run may write under {@code out}, and the report file. */
    public static final List<String> OUTPUTS = List.of("analysis", "targets", "plan", "simulation", "compare",
            "mechanisms", "pipeline", "projects", "report.html");

    /**
     * What to run.
     *
     * @param scenario  the scenario YAML file
     * @param overrides {@code key.path=value} overrides applied before validation
     * @param out       output folder
     * @param lang      label language of charts and report
     * @param compare   further scenarios to compare with this one (each planned on its own, simulated on the
     *                  same random paths); empty for none
     */
    public record Options(Path scenario, List<String> overrides, Path out, Lang lang, List<Path> compare) {
        public Options {
            overrides = List.copyOf(overrides);
            compare = List.copyOf(compare);
            if (lang == null) lang = Lang.EN;
        }

        public Options(Path scenario, List<String> overrides, Path out, Lang lang) {
            this(scenario, overrides, out, lang, List.of());
        }
    }

    /** Progress of a run; the command line prints it on stderr. */
    public interface Listener {
        /** A stage starts ({@code index} counts from 1 of {@code count}). */
        void started(String stage, int index, int count);

        /** A stage finished after {@code seconds}; {@code detail} is a short result line (may be empty). */
        void finished(String stage, double seconds, String detail);

        /** A warning for the user (a scenario warning with file:line, a missing font); also shown in the report. */
        default void warning(String text) {
        }

        /** A long stage reports progress: seconds into the stage, a short status (e.g. the best score). */
        default void progress(String stage, double seconds, String status) {
        }

        Listener SILENT = new Listener() {
            @Override
            public void started(String stage, int index, int count) {
            }

            @Override
            public void finished(String stage, double seconds, String detail) {
            }
        };
    }

    /**
     * The outcome of a run.
     *
     * @param scenario the scenario as read
     * @param out      the output folder
     * @param report   the report file
     * @param stages   the stages that ran, in order
     * @param summary  the headline figures (NaN where a stage did not run)
     * @param timings  seconds per stage
     * @param warnings warnings for the user (e.g. no CJK font)
     */
    public record Result(Scenario scenario, Path out, Path report, List<String> stages, Summary summary,
                         Map<String, Double> timings, List<String> warnings) {
    }

    private final Options options;
    private final Listener listener;
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private final List<String> stages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final InputFiles inputs = new InputFiles();
    private int index;
    private String compareSection;

    private Pipeline(Options options, Listener listener) {
        this.options = options;
        this.listener = listener == null ? Listener.SILENT : listener;
    }

    /** The stages this build runs, in order ({@code compare} only when other scenarios are given). */
    public List<String> stageNames() {
        return options.compare().isEmpty()
                ? List.of("validate", "analyze", "targets", "assign", "simulate", "mechanisms", "report")
                : List.of("validate", "analyze", "targets", "assign", "simulate", "mechanisms", "compare", "report");
    }

    /** Runs every stage; throws ScenarioException on bad input and {@link dev.kam.io.OutputException} on a bad --out. */
    public static Result run(Options options, Listener listener) {
        return new Pipeline(options, listener).run();
    }

    private Result run() {
        Lang lang = ChartTheme.lang();
        String currency = ChartTheme.currency();
        ChartTheme.setLang(options.lang());
        try {
            return runStages();
        } finally {
            ChartTheme.setLang(lang);
            ChartTheme.setCurrency(currency);
        }
    }

    private Result runStages() {

        Scenario scenario = stage("validate", () -> {
            ScenarioReader.Result r = ScenarioReader.validate(options.scenario(), options.overrides());
            inputs.addAll(r.files());
            List<dev.kam.domain.Problem> compared = readCompared();
            if (!compared.isEmpty()) {
                List<dev.kam.domain.Problem> all = new ArrayList<>(r.problems().all());
                all.addAll(compared);
                throw new dev.kam.domain.ScenarioException(all);
            }
            r.problems().throwIfErrors();
            for (dev.kam.domain.Problem p : r.problems().all()) warn(p.toString());
            Scenario s = r.scenario();
            return new Step<>(s, s.accounts().size() + " accounts, " + s.soldiers().size() + " soldiers, "
                    + s.products().size() + " products");
        });
        ChartTheme.setCurrency(scenario.currency());
        fontWarning(scenario).ifPresent(this::warn);

        Path out = options.out();
        try (OutputRun run = OutputRun.begin(OutputPlan.of(out, outputs()), inputs)) {
            for (String note : run.notes()) warn(note);
            Path staging = run.root();
            Analysis analysis = stage("analyze", () -> {
                Analysis a = Analyzer.analyze(scenario);
                try (OutputDir dir = OutputDir.open(staging, "analysis")) {
                    AnalysisWriter.write(scenario, a, dir);
                    dir.commit();
                }
                return new Step<>(a, a.accounts().size() + " accounts rated");
            });
            Targets targets = stage("targets", () -> {
                Targets t = TargetPlanner.plan(scenario);
                TargetsWriter.write(t, scenario, staging);
                return new Step<>(t, t.years().size() + " yearly targets, " + t.warnings().size() + " warnings");
            });
            Plan assignment = stage("assign", () -> {
                AssignOptions opt = AssignOptions.of(scenario.assignment())
                        .withProgress((elapsed, score) -> listener.progress("assign", elapsed.toMillis() / 1000.0, score));
                Plan p = Assigner.solve(scenario, analysis, opt);
                try (OutputDir dir = OutputDir.open(staging, "plan")) {
                    PlanWriter.write(p, dir);
                    dir.commit();
                }
                return new Step<>(p, String.format(java.util.Locale.ROOT,
                        "score %s, expected uplift added %s %,.0f a year, %d accounts moved%s", p.score(),
                        scenario.currency(), p.baseline().upliftAdded(), p.baseline().accountsMoved(),
                        p.unmet().isEmpty() ? "" : ", " + p.unmet().size() + " rules not met"));
            });
            Coverage baseline = Coverage.baseline(scenario, new ResponseModel(scenario.simulation()));
            Coverage plan = assignment.coverage();
            stage("simulate", () -> simulate(scenario, targets, baseline, plan, staging));
            stage("mechanisms", () -> {
                var m = dev.kam.mechanisms.stage.MechanismsStage.run(scenario, analysis, targets, assignment, staging,
                        options.lang());
                return new Step<>(m, m.detail(scenario.currency()));
            });
            if (!options.compare().isEmpty()) {
                compareSection = stage("compare", () -> compare(scenario, plan, staging));
            }
            Path report = stage("report", () -> {
                HtmlReport.Input in = reportInput(scenario, staging);
                Path file = HtmlReport.write(in, staging.resolve("report.html"));
                return new Step<>(file, "");
            });
            Summary summary = Summary.of(reportInput(scenario, staging), scenario);
            for (String note : run.publish()) warn(note);
            return new Result(scenario, out, out.resolve(report.getFileName()), List.copyOf(stages), summary,
                    new LinkedHashMap<>(timings), List.copyOf(warnings));
        } catch (RuntimeException e) {
            throw OutputException.translate(out, e);
        }
    }

    /** What this run writes under --out: every stage folder and the report ({@code compare/} only with --compare). */
    private List<String> outputs() {
        List<String> out = new ArrayList<>(List.of("analysis", "targets", "plan", "simulation", "report.html"));
        out.addAll(dev.kam.mechanisms.stage.MechanismsStage.OUTPUTS);
        if (!options.compare().isEmpty()) out.add("compare");
        return out;
    }

    /**
     * Reads the --compare scenarios once up front, so their files are known to the output check before
     * anything is written, and their errors are reported before the long stages run. Returns their
     * problems when any of them has an error, else nothing.
     */
    private List<dev.kam.domain.Problem> readCompared() {
        List<dev.kam.domain.Problem> problems = new ArrayList<>();
        for (Path p : options.compare()) {
            ScenarioReader.Result c = ScenarioReader.validate(p, options.overrides());
            inputs.addAll(c.files());
            if (c.problems().hasErrors()) problems.addAll(c.problems().all());
        }
        return problems;
    }

    /** Paths of the sensitivity tornado per run (25 runs), capped by the scenario's paths. */
    public static final int TORNADO_PATHS = 500;

    private Step<SimulationResult> simulate(Scenario scenario, Targets targets, Coverage baseline, Coverage plan,
                                            Path staging) {
        SimulationOptions options = SimulationOptions.of(scenario.simulation());
        PlanComparison comparison = null;
        SimulationResult result;
        if (plan == baseline) {
            result = Simulator.run(scenario, targets, baseline, options);
        } else {
            comparison = Simulator.compare(scenario, targets, baseline, plan, options);
            result = comparison.plan();
        }
        Sensitivity.Tornado tornado = Sensitivity.tornado(scenario, plan,
                options.withPaths(Math.min(options.paths(), TORNADO_PATHS)), 0.2);
        try (OutputDir dir = OutputDir.open(staging, "simulation")) {
            SimulationWriter.write(dir, new SimulationWriter.Input(scenario.name(), scenario.currency(), result, targets,
                    comparison, tornado));
            dir.commit();
        }
        int year = result.years()[result.horizon() - 1];
        double p = result.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
        return new Step<>(result, String.format(java.util.Locale.ROOT, "%,d paths, P(%d KA revenue target) = %.1f%%",
                result.paths(), year, 100 * p));
    }

    private void warn(String text) {
        warnings.add(text);
        listener.warning(text);
    }

    private HtmlReport.Input reportInput(Scenario scenario, Path root) {
        return new HtmlReport.Input(scenario, root, options.lang(), timings, warnings, version(), compareSection);
    }

    /**
     * The scenario and the {@code --compare} scenarios on common random numbers: this scenario keeps the plan
     * just made, each other one gets its own optimized plan; judged against this scenario's targets.
     */
    private Step<String> compare(Scenario scenario, Coverage plan, Path staging) {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(scenario);
        List<dev.kam.domain.Problem> problems = new ArrayList<>();
        for (Path p : options.compare()) {
            try {
                scenarios.add(ScenarioReader.read(p, options.overrides()));
            } catch (dev.kam.domain.ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new dev.kam.domain.ScenarioException(problems);
        List<String> labels = new ArrayList<>();
        for (Scenario s : scenarios) labels.add(s.name());
        labels = dev.kam.compare.Comparison.uniqueLabels(labels);
        List<dev.kam.compare.Variant> variants = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) variants.add(new dev.kam.compare.Variant(labels.get(i), scenarios.get(i)));
        dev.kam.compare.Planner planner = (s, analysis) -> s == scenario ? plan
                : Assigner.solve(s, analysis, AssignOptions.of(s.assignment())).coverage();
        dev.kam.compare.CompareResult result = dev.kam.compare.Comparison.run(variants, planner,
                new dev.kam.compare.CompareOptions(SimulationOptions.of(scenario.simulation()), false,
                        dev.kam.compare.GoalBasis.FIRST),
                (i, n, label, step) -> listener.progress("compare", 0, "[" + i + "/" + n + "] " + label + ": " + step));
        try (OutputDir dir = OutputDir.open(staging, "compare")) {
            dev.kam.report.CompareWriter.write(dir, new dev.kam.report.CompareWriter.Input(scenario.currency(), result, null));
            dir.commit();
        }
        return new Step<>(dev.kam.report.CompareHtml.section(result, options.lang()),
                scenarios.size() + " scenarios on the same " + result.paths() + " paths");
    }

    /** A stage's value and a short line for the progress output. */
    private record Step<T>(T value, String detail) {
    }

    private interface StageBody<T> {
        Step<T> run();
    }

    private <T> T stage(String name, StageBody<T> body) {
        index++;
        listener.started(name, index, stageNames().size());
        long t0 = System.nanoTime();
        Step<T> step = body.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        timings.put(name, seconds);
        stages.add(name);
        listener.finished(name, seconds, step.detail());
        return step.value();
    }

    /** kam's version (from the jar manifest, "dev" when run from classes). */
    public static String version() {
        String v = Pipeline.class.getPackage().getImplementationVersion();
        return "kam " + (v == null ? "dev" : v);
    }

    private static Optional<String> fontWarning(Scenario s) {
        Set<String> names = new LinkedHashSet<>();
        for (Account a : s.accounts()) names.add(a.name());
        for (Soldier so : s.soldiers()) names.add(so.name());
        for (Product p : s.products()) names.add(p.name());
        names.add(s.name());
        return ChartTheme.missingGlyphWarning(names);
    }
}
