package dev.kam.scenario;

import dev.kam.domain.ScenarioException;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.StrategyParams;
import dev.kam.io.InputFiles;

import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a scenario: the YAML file, then the CSV tables it names, then cross-checks. Every problem is
 * collected; {@link #read} throws {@link ScenarioException} with all of them when any is an error.
 */
public final class ScenarioReader {
    /** Largest scenario YAML accepted (bytes). */
    public static final long MAX_YAML_BYTES = YamlTree.MAX_BYTES;

    /** The file read when a folder is given instead of a scenario YAML. */
    public static final String DEFAULT_FILE = "scenario.yaml";

    private ScenarioReader() {
    }

    public static Scenario read(Path yaml) {
        return read(yaml, List.of());
    }

    /** Reads and validates; overrides are {@code key.path=value} applied before validation. */
    public static Scenario read(Path yaml, List<String> overrides) {
        Result r = validate(yaml, overrides);
        r.problems().throwIfErrors();
        return r.scenario();
    }

    /** Reads and validates as {@link #read(Path, List)}, adding every file it opened to {@code files} (errors or not). */
    public static Scenario read(Path yaml, List<String> overrides, InputFiles files) {
        Result r = validate(yaml, overrides);
        files.addAll(r.files());
        r.problems().throwIfErrors();
        return r.scenario();
    }

    /** The outcome of validation: the scenario (null when errors prevent building it) and every problem. */
    public record Result(Scenario scenario, Problems problems) {
        /** Every file the reader opened: the YAML, each {@code extends:} base, each table (for the output check). */
        public InputFiles files() {
            return problems.inputs();
        }
    }

    /**
     * Validates without throwing: every problem, errors and warnings. A folder holding a
     * {@code scenario.yaml} may be given instead of the file.
     */
    public static Result validate(Path yaml, List<String> overrides) {
        if (Files.isDirectory(yaml) && Files.isRegularFile(yaml.resolve(DEFAULT_FILE))) yaml = yaml.resolve(DEFAULT_FILE);
        Problems problems = new Problems();
        String file = yaml.toString();
        Node doc = YamlTree.load(yaml, overrides, problems);
        if (doc == null && problems.hasErrors()) return new Result(null, problems);
        Section root = Section.root(file, doc, problems);
        if (problems.hasErrors() && !root.present()) return new Result(null, problems);
        root.accept("extends");

        String name = root.string("name", defaultName(yaml));
        String currency = root.string("currency", "CNY");
        int baseYear = root.integer("baseYear", java.time.Year.now().getValue(), 1900, 2200);
        Csv.Encoding encoding = Csv.Encoding.read(root, "encoding", Csv.Encoding.AUTO);
        StrategyParams strategy = StrategyKeys.read(root.section("strategy"));
        AnalysisParams analysis = AnalysisKeys.read(root.section("analysis"));
        AssignmentParams assignment = AssignmentKeys.read(root.section("assignment"));
        Section simulationSection = root.section("simulation");
        SimulationParams simulation = SimulationKeys.read(simulationSection);
        checkSize(simulationSection, simulation, strategy.horizonYears());
        dev.kam.domain.MechanismParams mechanisms = MechanismKeys.read(root.section("mechanisms"));
        Tables tables;
        List<dev.kam.domain.Opportunity> pipeline;
        try (Tables.Context ctx = Tables.context(yaml, root, root.section("tables"), encoding, currency, problems)) {
            tables = Tables.read(ctx, baseYear, problems);
            pipeline = PipelineTable.read(ctx, mechanisms.funnel(), tables.accounts(), tables.soldiers(), problems);
        }
        List<dev.kam.domain.Soldier> soldiers = HiringKeys.apply(root.section("hiring"), tables.soldiers());
        root.finish();
        if (problems.hasErrors()) return new Result(null, problems);
        Scenario s = new Scenario(name, currency, baseYear, file, tables.accounts(), soldiers,
                tables.products(), tables.relationships(), analysis, strategy, assignment, simulation, tables.history(),
                pipeline, mechanisms.withHires(soldiers.subList(tables.soldiers().size(), soldiers.size()).stream()
                        .map(dev.kam.domain.Soldier::id).toList()));
        return new Result(s, problems);
    }

    /** The simulation must fit in memory: paths × years and the prospects arriving over the horizon ({@link Limits}). */
    private static void checkSize(Section s, SimulationParams p, int years) {
        String tooMany = Limits.pathYearsProblem(p.paths(), years);
        if (tooMany != null) s.error("paths", "(" + p.paths() + ") with strategy.horizonYears " + years + ": " + tooMany);
        if (p.newProspectsPerYear() * years > Limits.MAX_ARRIVALS) {
            s.error("newProspectsPerYear", "(" + dev.kam.domain.Problem.show(p.newProspectsPerYear()) + ") × strategy.horizonYears "
                    + years + " must be at most " + String.format(java.util.Locale.ROOT, "%,.0f", Limits.MAX_ARRIVALS)
                    + " new prospects over the horizon, the most a simulation can hold");
        }
    }

    /** The scenario's folder name when the file is called scenario.yaml, else the file name without extension. */
    private static String defaultName(Path yaml) {
        String f = yaml.getFileName() == null ? "scenario" : yaml.getFileName().toString();
        String stem = f.replaceFirst("\\.(ya?ml)$", "");
        Path dir = yaml.toAbsolutePath().getParent();
        if (stem.equals("scenario") && dir != null && dir.getFileName() != null) return dir.getFileName().toString();
        return stem;
    }
}
