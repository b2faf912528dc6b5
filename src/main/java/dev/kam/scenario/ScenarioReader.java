package dev.kam.scenario;

import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.StrategyParams;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a scenario: the YAML file, then the CSV tables it names, then cross-checks. Every problem is
 * collected; {@link #read} throws {@link ScenarioException} with all of them when any is an error.
 */
public final class ScenarioReader {
    /** Largest scenario YAML accepted (bytes). */
    public static final long MAX_YAML_BYTES = 1L << 20;

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

    /** The outcome of validation: the scenario (null when errors prevent building it) and every problem. */
    public record Result(Scenario scenario, Problems problems) {
    }

    /** Validates without throwing: every problem, errors and warnings. */
    public static Result validate(Path yaml, List<String> overrides) {
        Problems problems = new Problems();
        String file = yaml.toString();
        Node doc = loadYaml(yaml, problems);
        if (problems.hasErrors()) return new Result(null, problems);
        Section root = Section.root(file, doc, problems);

        String name = root.string("name", yaml.getFileName().toString());
        String currency = root.string("currency", "CNY");
        int baseYear = root.integer("baseYear", java.time.Year.now().getValue(), 1900, 2200);
        StrategyParams strategy = StrategyKeys.read(root.section("strategy"));
        AnalysisParams analysis = AnalysisKeys.read(root.section("analysis"));
        AssignmentParams assignment = AssignmentKeys.read(root.section("assignment"));
        SimulationParams simulation = SimulationKeys.read(root.section("simulation"));
        Tables tables = Tables.read(yaml, root.section("tables"), problems);
        root.finish();
        if (problems.hasErrors()) return new Result(null, problems);
        Scenario s = new Scenario(name, currency, baseYear, file, tables.accounts(), tables.soldiers(),
                tables.products(), tables.relationships(), analysis, strategy, assignment, simulation);
        return new Result(s, problems);
    }

    static Node loadYaml(Path yaml, Problems problems) {
        String file = yaml.toString();
        if (!Files.isRegularFile(yaml)) {
            problems.error(file, 0, "", Files.exists(yaml) ? "is not a file" : "file not found");
            return null;
        }
        try {
            long size = Files.size(yaml);
            if (size > MAX_YAML_BYTES) {
                problems.error(file, 0, "", "file is " + size + " bytes; a scenario YAML may be at most "
                        + MAX_YAML_BYTES + " bytes");
                return null;
            }
            String text = Files.readString(yaml, StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(file)
                    .setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(20)
                    .setAllowRecursiveKeys(false)
                    .setCodePointLimit((int) MAX_YAML_BYTES)
                    .build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            return composer.getSingleNode().orElse(null);
        } catch (java.nio.charset.MalformedInputException e) {
            problems.error(file, 0, "", "is not UTF-8 text");
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            problems.error(file, line, "", "YAML syntax: " + e.getProblem());
        } catch (YamlEngineException e) {
            problems.error(file, 0, "", "YAML: " + e.getMessage());
        } catch (IOException e) {
            problems.error(file, 0, "", "cannot read: " + e.getMessage());
        }
        return null;
    }
}
