package dev.kam;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Plan;
import dev.kam.compare.CompareOptions;
import dev.kam.compare.CompareResult;
import dev.kam.compare.Comparison;
import dev.kam.compare.GoalBasis;
import dev.kam.compare.Planner;
import dev.kam.compare.Variant;
import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Money;
import dev.kam.domain.Msg;
import dev.kam.domain.Problem;
import dev.kam.domain.Product;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.ScenarioException;
import dev.kam.domain.Soldier;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.InputFiles;
import dev.kam.io.OutputDir;
import dev.kam.io.OutputException;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.practice.MechanismsStage;
import dev.kam.report.ChartTheme;
import dev.kam.report.RunWriter;
import dev.kam.run.RunInfo;
import dev.kam.run.RunResults;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole job of {@code kam plan}: validate → analyze → targets → assign → simulate (→ compare), each stage
 * taking the previous stages' results as values (SPEC §2), collected in one {@link RunResults}; then every
 * output is written from those results ({@link RunWriter}).
 *
 * <p>Outputs: every output is written into one {@link OutputRun}; only when all stages and the report have
 * succeeded are they published, all at once (see {@link OutputRun}). A failed run leaves {@code out} as it
 * was. An {@code out} that would replace a file the run read (the scenario, its bases, its tables, the
 * --compare scenarios and theirs) is refused right after validation, before the other stages run.
 */
public final class Pipeline {
    /** Stage folders a run may write under {@code out}, and the report file. */
    public static final List<String> OUTPUTS = List.of("analysis", "targets", "plan", "simulation", "compare",
            "mechanisms", "pipeline", "projects", "report.html", "plan.xlsx");

    /**
     * What to run.
     *
     * @param scenario  the scenario YAML file
     * @param overrides {@code key.path=value} overrides applied before validation
     * @param out       output folder
     * @param lang      language of the charts and the report (the data files are the same in every language)
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

    /**
     * Progress of a run; the command line prints it on stderr. Everything it is told is a code or a
     * {@link Msg}, rendered in the reader's language by the listener.
     */
    public interface Listener {
        /** A stage starts ({@code index} counts from 1 of {@code count}). */
        void started(String stage, int index, int count);

        /** A stage finished after {@code seconds} (wall clock); {@code detail} is its one-line result, or null. */
        void finished(String stage, double seconds, Msg detail);

        /** A warning of the scenario as read, with its file and line; also shown in the report. */
        default void problem(Problem p) {
        }

        /** Another warning for the user (a missing font); also shown in the report. */
        default void warning(Msg text) {
        }

        /** A long stage reports progress: seconds into the stage, its status (e.g. the best score so far). */
        default void progress(String stage, double seconds, Msg status) {
        }

        Listener SILENT = new Listener() {
            @Override
            public void started(String stage, int index, int count) {
            }

            @Override
            public void finished(String stage, double seconds, Msg detail) {
            }
        };
    }

    /**
     * The outcome of a run.
     *
     * @param results every stage's result, the run's metadata and its summary
     * @param out     the output folder
     * @param report  the report file
     * @param written the outputs written under {@code out} (stage folders and {@code report.html})
     */
    public record Result(RunResults results, Path out, Path report, List<String> written) {
        public Result {
            written = List.copyOf(written);
        }
    }

    private final Options options;
    private final Listener listener;
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private final List<String> stages = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Msg> warnings = new ArrayList<>();
    private final boolean writes;
    private final InputFiles inputs = new InputFiles();
    private int index;
    /** The plan's compensation per simulated path and year, set by the simulate stage. */
    private SimulatedCompensation.Result compensation;

    private Pipeline(Options options, Listener listener, boolean writes) {
        this.options = options;
        this.listener = listener == null ? Listener.SILENT : listener;
        this.writes = writes;
    }

    /** The stages of a run, in order ({@code compare} only when other scenarios are given; {@code report} when writing). */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>(List.of("validate", "analyze", "targets", "assign", "simulate",
                "mechanisms"));
        if (!options.compare().isEmpty()) names.add("compare");
        if (writes) names.add("report");
        return names;
    }

    /**
     * Runs every stage and writes every output; throws ScenarioException on bad input and
     * {@link OutputException} on a bad --out (or an output folder that cannot be written).
     */
    public static Result run(Options options, Listener listener) {
        return new Pipeline(options, listener, true).runAndWrite();
    }

    /**
     * Runs every stage and returns the results, writing nothing ({@code options.out()} is not used); throws
     * ScenarioException on bad input.
     */
    public static RunResults compute(Options options, Listener listener) {
        return new Pipeline(options, listener, false).stages();
    }

    private Result runAndWrite() {
        RunResults results = stages();
        Path out = options.out();
        try (OutputRun run = OutputRun.begin(outputs(), inputs)) {
            for (String note : run.notes()) warn(Msg.of("cli.text", note));
            Path staging = run.root();
            Messages m = Messages.of(options.lang());
            List<String> written = stage("report", () -> new Step<>(RunWriter.write(results, m, staging), null));
            for (String note : run.publish()) warn(Msg.of("cli.text", note));
            RunResults done = results.withInfo(info());
            return new Result(done, out, out.resolve(RunWriter.REPORT), written);
        } catch (RuntimeException e) {
            throw OutputException.translate(out, e);
        }
    }

    /** What a run writes under --out: every stage folder and the report ({@code compare/} only with --compare). */
    private OutputPlan outputs() {
        List<String> out = new ArrayList<>(List.of("analysis", "targets", "plan", "simulation", RunWriter.REPORT,
                dev.kam.xlsx.PlanXlsx.FILE));
        out.addAll(MechanismsStage.OUTPUTS);
        if (!options.compare().isEmpty()) out.add("compare");
        return OutputPlan.of(options.out(), out);
    }

    /**
     * Reads the --compare scenarios once up front, so their files are known to the output check before
     * anything is written, and their errors are reported before the long stages run. Returns their
     * problems when any of them has an error, else nothing.
     */
    private List<Problem> readCompared() {
        List<Problem> found = new ArrayList<>();
        for (Path p : options.compare()) {
            ScenarioReader.Result c = ScenarioReader.validate(p, options.overrides());
            inputs.addAll(c.files());
            if (c.problems().hasErrors()) found.addAll(c.problems().all());
        }
        return found;
    }

    private RunInfo info() {
        return new RunInfo(version(), stages, timings, problems, warnings);
    }

    private RunResults stages() {
        Scenario scenario = stage("validate", () -> {
            ScenarioReader.Result r = ScenarioReader.validate(options.scenario(), options.overrides());
            inputs.addAll(r.files());
            List<Problem> compared = readCompared();
            if (!compared.isEmpty()) {
                List<Problem> all = new ArrayList<>(r.problems().all());
                all.addAll(compared);
                throw new ScenarioException(all);
            }
            r.problems().throwIfErrors();
            if (writes) outputs().check(inputs); // refused before the long stages, and again when the run opens
            for (Problem p : r.problems().all()) {
                problems.add(p);
                listener.problem(p);
            }
            // a scenario with history.csv uses what it fits wherever the file is silent (SPEC §8)
            Scenario s = dev.kam.calibration.Calibration.applyTo(r.scenario());
            int calibrated = s.simulation().calibrated().size();
            return new Step<>(s, calibrated == 0 ? Msg.of("cli.plan.validated", s.accounts().size(),
                    s.soldiers().size(), s.products().size()) : Msg.of("calibration.plan.validated",
                    s.accounts().size(), s.soldiers().size(), s.products().size(), calibrated));
        });
        fontWarning(scenario).ifPresent(this::warn);
        double measured = dev.kam.funnel.FunnelConversion.measured(scenario);
        if (!Double.isNaN(measured)) warn(Msg.of("funnel.applied", measured));
        RunResults.Builder results = RunResults.of(scenario);

        Analysis analysis = stage("analyze", () -> {
            Analysis a = Analyzer.analyze(scenario);
            return new Step<>(a, Msg.of("cli.plan.analyzed", a.accounts().size()));
        });
        results.analysis(analysis);
        Targets targets = stage("targets", () -> {
            Targets t = TargetPlanner.plan(scenario, analysis.baseline());
            return new Step<>(t, Msg.of("cli.plan.targeted", t.years().size(), t.warnings().size()));
        });
        results.targets(targets);
        Plan plan = stage("assign", () -> {
            AssignOptions opt = AssignOptions.of(scenario.assignment())
                    .withProgress((elapsed, score) -> listener.progress("assign", elapsed.toMillis() / 1000.0,
                            Msg.of("cli.plan.best", score)));
            Plan p = Assigner.solve(scenario, analysis, opt);
            Msg quality = Double.isNaN(p.gapPercent()) ? Msg.of("cli.plan.noBound")
                    : p.quality().optimal() ? Msg.of("cli.plan.optimal") : Msg.of("cli.plan.gap", p.gapPercent());
            return new Step<>(p, Msg.of("cli.plan.assigned", new Money(p.baseline().upliftAdded(), scenario.currency()),
                    p.baseline().accountsMoved(), p.unmet().size(), quality, p.baseline().accountsDropped()));
        });
        results.plan(plan);
        Coverage baseline = Coverage.baseline(scenario, new ResponseModel(scenario.simulation()));
        stage("simulate", () -> simulate(scenario, targets, baseline, plan.coverage(), results));
        MechanismsStage.Result mechanisms = stage("mechanisms", () -> {
            MechanismsStage.Result x = MechanismsStage.compute(scenario, analysis, targets, plan, compensation);
            return new Step<>(x, Msg.of("cli.text", x.detail(scenario.currency())));
        });
        results.mechanisms(mechanisms);
        if (!options.compare().isEmpty()) {
            CompareResult c = stage("compare", () -> compare(scenario, plan.coverage()));
            results.comparison(c);
        }
        return results.info(info()).build();
    }

    /** Paths of the sensitivity tornado per run (two runs per model parameter), capped by the scenario's paths. */
    public static final int TORNADO_PATHS = 500;

    private Step<SimulationResult> simulate(Scenario scenario, Targets targets, Coverage baseline, Coverage plan,
                                            RunResults.Builder results) {
        SimulationOptions options = SimulationOptions.of(scenario.simulation());
        SimulationResult result;
        if (plan == baseline) {
            result = SimulatedCompensation.run(scenario, targets, baseline, options,
                    dev.kam.funnel.FunnelAnalysis.analyze(scenario).processScores());
            results.simulation(result);
        } else {
            // compensation per path and year (SPEC 12) is computed on the same paths; watching only reads
            SimulatedCompensation.Watched watched = SimulatedCompensation.compare(scenario, targets, baseline, plan, options,
                    dev.kam.funnel.FunnelAnalysis.analyze(scenario).processScores());
            PlanComparison comparison = watched.comparison();
            result = comparison.plan();
            results.planVsBaseline(comparison);
            compensation = watched.compensation();
        }
        Sensitivity.Tornado tornado = Sensitivity.tornado(scenario, targets, plan,
                options.withPaths(Math.min(options.paths(), TORNADO_PATHS)));
        results.sensitivity(tornado);
        int year = result.years()[result.horizon() - 1];
        double p = result.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
        return new Step<>(result, Msg.of("cli.plan.simulated", result.paths(), String.valueOf(year), p));
    }

    private void warn(Msg text) {
        warnings.add(text);
        listener.warning(text);
    }

    /**
     * The scenario and the {@code --compare} scenarios on common random numbers: this scenario keeps the plan
     * just made, each other one gets its own optimized plan; judged against this scenario's targets.
     */
    private Step<CompareResult> compare(Scenario scenario, Coverage plan) {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(scenario);
        List<Problem> found = new ArrayList<>();
        for (Path p : options.compare()) {
            try {
                scenarios.add(ScenarioReader.read(p, options.overrides()));
            } catch (ScenarioException e) {
                found.addAll(e.problems());
            }
        }
        if (!found.isEmpty()) throw new ScenarioException(found);
        List<String> labels = new ArrayList<>();
        for (Scenario s : scenarios) labels.add(s.name());
        labels = Comparison.uniqueLabels(labels);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) variants.add(new Variant(labels.get(i), scenarios.get(i)));
        Planner planner = (s, analysis) -> s == scenario ? plan
                : Assigner.solve(s, analysis, AssignOptions.of(s.assignment())).coverage();
        CompareResult result = Comparison.run(variants, planner,
                new CompareOptions(SimulationOptions.of(scenario.simulation()), false, GoalBasis.FIRST),
                (i, n, label, step) -> listener.progress("compare", 0,
                        Msg.of("cli.plan.compareStep", i, n, label, Msg.of("cli.plan.compareStep." + step))));
        return new Step<>(result, Msg.of("cli.plan.compared", scenarios.size(), result.paths()));
    }

    /** A stage's value and its one-line result for the progress output (null for none). */
    private record Step<T>(T value, Msg detail) {
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

    private static Optional<Msg> fontWarning(Scenario s) {
        Set<String> names = new LinkedHashSet<>();
        for (Account a : s.accounts()) names.add(a.name());
        for (Soldier so : s.soldiers()) names.add(so.name());
        for (Product p : s.products()) names.add(p.name());
        names.add(s.name());
        return ChartTheme.missingGlyphWarning(names);
    }
}
