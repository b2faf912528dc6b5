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
import dev.kam.io.OutputDir;
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
import dev.kam.xlsx.PlanXlsx;
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
 * The whole job of {@code kam plan}: validate → analyze → targets → assign → simulate → report, each
 * stage taking the previous stages' results as values (SPEC §2).
 *
 * <p>Outputs: every stage writes its folder into a hidden staging folder under {@code out}; only when
 * all stages and the report have succeeded are the stage folders swapped into {@code out} (each by
 * rename) and {@code report.html} renamed into place. A failed run leaves {@code out} as it was. An
 * {@code out} that would replace an input file is refused before anything runs.
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

    /** Runs every stage; throws ScenarioException on bad input and IllegalArgumentException on a bad --out. */
    public static Result run(Options options, Listener listener) {
        return new Pipeline(options, listener).run();
    }

    private Result run() {
        checkOutput(options.scenario(), options.out()).ifPresent(msg -> {
            throw new IllegalArgumentException(msg);
        });
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
            r.problems().throwIfErrors();
            for (dev.kam.domain.Problem p : r.problems().all()) warn(p.toString());
            Scenario s = r.scenario();
            return new Step<>(s, s.accounts().size() + " accounts, " + s.soldiers().size() + " soldiers, "
                    + s.products().size() + " products");
        });
        ChartTheme.setCurrency(scenario.currency());
        fontWarning(scenario).ifPresent(this::warn);

        Path out = options.out();
        Path staging = createStaging(out);
        try {
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
            SimulationResult simulated = stage("simulate", () -> simulate(scenario, targets, baseline, plan, staging));
            stage("mechanisms", () -> {
                var m = dev.kam.mechanisms.stage.MechanismsStage.run(scenario, analysis, targets, assignment, staging,
                        options.lang());
                return new Step<>(m, m.detail(scenario.currency()));
            });
            if (!options.compare().isEmpty()) {
                compareSection = stage("compare", () -> compare(scenario, plan, staging));
            }
            Path report = stage("report", () -> {
                PlanXlsx.write(new PlanXlsx.Input(scenario, analysis, targets, assignment, simulated), staging.resolve("plan.xlsx"));
                HtmlReport.Input in = reportInput(scenario, staging);
                Path file = HtmlReport.write(in, staging.resolve("report.html"));
                return new Step<>(file, "");
            });
            Summary summary = Summary.of(reportInput(scenario, staging), scenario);
            publish(staging, out);
            return new Result(scenario, out, out.resolve(report.getFileName()), List.copyOf(stages), summary,
                    new LinkedHashMap<>(timings), List.copyOf(warnings));
        } finally {
            deleteQuietly(staging);
        }
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
