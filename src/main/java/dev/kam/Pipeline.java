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
import dev.kam.io.OutputDir;
import dev.kam.mechanisms.stage.MechanismsStage;
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
import dev.kam.simulation.Simulator;
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
 * <p>Outputs: the outputs are written into a hidden staging folder under {@code out}; only when all stages and
 * the report have succeeded are the stage folders swapped into {@code out} (each by rename) and
 * {@code report.html} renamed into place. A failed run leaves {@code out} as it was. An {@code out} that would
 * replace an input file is refused before anything runs.
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
    private int index;
    private MechanismsStage.Result mechanisms;

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
     * IllegalArgumentException on a bad --out.
     */
    public static Result run(Options options, Listener listener) {
        checkOutput(options.scenario(), options.out()).ifPresent(msg -> {
            throw new IllegalArgumentException(msg);
        });
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
        Path staging = createStaging(out);
        try {
            Messages m = Messages.of(options.lang());
            List<String> written = stage("report", () -> {
                List<String> w = new ArrayList<>(RunWriter.write(results, m, staging));
                if (mechanisms != null) {
                    MechanismsStage.write(results.scenario(), mechanisms, staging, m);
                    for (String o : MechanismsStage.OUTPUTS) {
                        if (Files.isDirectory(staging.resolve(o))) w.add(w.size() - 1, o);
                    }
                }
                return new Step<>(w, null);
            });
            RunResults done = results.withInfo(info());
            publish(staging, out);
            return new Result(done, out, out.resolve(RunWriter.REPORT), written);
        } finally {
            deleteQuietly(staging);
        }
    }

    private RunInfo info() {
        return new RunInfo(version(), stages, timings, problems, warnings);
    }

    private RunResults stages() {
        Scenario scenario = stage("validate", () -> {
            ScenarioReader.Result r = ScenarioReader.validate(options.scenario(), options.overrides());
            r.problems().throwIfErrors();
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
            return new Step<>(p, Msg.of("cli.plan.assigned", new Money(p.baseline().upliftAdded(), scenario.currency()),
                    p.baseline().accountsMoved(), p.unmet().size()));
        });
        results.plan(plan);
        Coverage baseline = Coverage.baseline(scenario, new ResponseModel(scenario.simulation()));
        stage("simulate", () -> simulate(scenario, targets, baseline, plan.coverage(), results));
        // the seed's mechanisms (SPEC 12) are kept beside the results: their package still writes its own files
        // and draws charts through report/, so RunResults cannot hold them without an import cycle
        mechanisms = stage("mechanisms", () -> {
            MechanismsStage.Result x = MechanismsStage.compute(scenario, analysis, targets, plan);
            return new Step<>(x, Msg.of("cli.text", x.detail(scenario.currency())));
        });
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
            result = Simulator.run(scenario, targets, baseline, options);
            results.simulation(result);
        } else {
            PlanComparison comparison = Simulator.compare(scenario, targets, baseline, plan, options);
            result = comparison.plan();
            results.planVsBaseline(comparison);
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

    // ------------------------------------------------------------------ outputs

    /**
     * Why {@code out} may not be used for this scenario, or empty when it may: it must not be a file, and
     * none of the folders and files a run replaces ({@link #OUTPUTS}) may hold an input file (the scenario
     * YAML or a table it names).
     */
    public static Optional<String> checkOutput(Path scenario, Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return Optional.of("--out " + out + " is a file, not a folder");
        }
        Path outAbs = normal(out);
        for (Path input : inputFiles(scenario)) {
            Path in = normal(input);
            for (String o : OUTPUTS) {
                Path replaced = outAbs.resolve(o);
                if (in.equals(replaced) || in.startsWith(replaced)) {
                    return Optional.of("--out " + out + " would overwrite the input file " + input
                            + " (kam plan replaces " + replaced + "); choose another output folder");
                }
            }
        }
        return Optional.empty();
    }

    /** The scenario file and the table files it names (best effort: unreadable YAML yields just the file). */
    static List<Path> inputFiles(Path scenario) {
        List<Path> files = new ArrayList<>();
        files.add(scenario);
        try {
            String text = Files.readString(scenario, StandardCharsets.UTF_8);
            if (text.length() > 1 << 20) return files;
            LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(20).build();
            Object doc = new Load(settings).loadFromString(text.startsWith("\uFEFF") ? text.substring(1) : text);
            if (doc instanceof Map<?, ?> m && m.get("tables") instanceof Map<?, ?> tables) {
                Path dir = scenario.toAbsolutePath().getParent();
                for (Object v : tables.values()) {
                    if (v instanceof String s && !s.isBlank()) files.add(dir.resolve(s));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the scenario reader reports unreadable files; here only the YAML itself is protected
        }
        return files;
    }

    private static Path normal(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : realParent(abs);
        } catch (IOException e) {
            return abs;
        }
    }

    private static Path realParent(Path abs) throws IOException {
        Path parent = abs.getParent();
        if (parent == null) return abs;
        Path real = Files.exists(parent) ? parent.toRealPath() : realParent(parent);
        return real.resolve(abs.getFileName());
    }

    private static Path createStaging(Path out) {
        try {
            Files.createDirectories(out);
            return Files.createTempDirectory(out, ".kam-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + out + ": " + e.getMessage(), e);
        }
    }

    /** Moves every finished stage folder and the report from staging into {@code out}. */
    private static void publish(Path staging, Path out) {
        for (String name : OUTPUTS) {
            Path from = staging.resolve(name);
            if (!Files.exists(from)) continue;
            if (Files.isDirectory(from)) {
                OutputDir.replaceDir(from, out.resolve(name));
            } else {
                try {
                    OutputDir.writeAtomically(out.resolve(name), Files.readAllBytes(from));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out.resolve(name) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover hidden staging folder is harmless and is not read by later runs
        }
    }
}
