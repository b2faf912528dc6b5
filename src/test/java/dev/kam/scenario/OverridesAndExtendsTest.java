package dev.kam.scenario;

import dev.kam.domain.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverridesAndExtendsTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    private Scenario ok(String... overrides) {
        ScenarioReader.Result r = f.validate(overrides);
        assertEquals(List.of(), r.problems().all());
        return r.scenario();
    }

    // ---------------------------------------------------------------- --set

    @Test
    void setOverridesExistingAndNewKeys() {
        Scenario s = ok("simulation.paths=1234", "strategy.keyAccountThreshold=2500000", "name=Variant 变体",
                "simulation.churn.covered=0.05");
        assertEquals(1234, s.simulation().paths());
        assertEquals(2_500_000, s.strategy().keyAccountThreshold());
        assertEquals("Variant 变体", s.name());
        assertEquals(0.05, s.simulation().churnCovered());
        assertEquals(f.validate().scenario().simulation().churnUncovered(), s.simulation().churnUncovered(),
                "sibling keys keep their values");
    }

    @Test
    void setValuesAreYamlSoMappingsWork() {
        Scenario s = ok("simulation.churn={covered: 0.01, uncovered: 0.2}", "strategy.goals.keyAccountCount=42");
        assertEquals(0.01, s.simulation().churnCovered());
        assertEquals(0.2, s.simulation().churnUncovered());
        assertEquals(42, s.strategy().goalCount());
    }

    @Test
    void plainValuesAreTakenVerbatim() {
        assertEquals("Co: Ltd #1 [draft]", ok("name=Co: Ltd #1 [draft]").name());
        assertEquals("a=b", ok("name=a=b").name(), "only the first '=' separates key and value");
    }

    @Test
    void anEmptyValueRestoresTheDefault() {
        f.write("scenario.yaml", Fixture.YAML + "simulation: {paths: 10}\n");
        assertEquals(10, ok().simulation().paths());
        assertEquals(dev.kam.domain.SimulationParams.DEFAULT.paths(), ok("simulation.paths=").simulation().paths());
    }

    @Test
    void setIsValidatedLikeTheFileAndReportedAsSet() {
        assertEquals(List.of("--set: strategy.horizonYears: 'ten' is not a whole number",
                        "--set: simulation.paths: (0) must be between 1 and 100000000",
                        "--set: simulation.chrun: unknown key (did you mean 'churn'?)"),
                f.problems("simulation.chrun.covered=0.1", "simulation.paths=0", "strategy.horizonYears=ten"));
    }

    @Test
    void malformedSetIsReportedAndTheRestStillValidated() {
        assertEquals(List.of("--set: 'simulation.paths' must be KEY.PATH=VALUE, e.g. simulation.paths=5000",
                        "--set: a..b: 'a..b' has an empty key; write keys separated by single dots",
                        "--set: YAML syntax: while parsing a flow sequence: expected ',' or ']', but got <stream end>",
                        "--set: simulation.seed: 'x' is not a whole number"),
                f.problems("simulation.paths", "a..b=1", "simulation.churn=[1", "simulation.seed=x"));
    }

    @Test
    void setTablePathsResolveInTheWorkingDirectory() {
        f.write("other/accounts.csv", Fixture.ACCOUNTS.replace("Beta Ltd", "Other Beta"));
        Scenario s = ok("tables.accounts=" + dir.resolve("other/accounts.csv"));
        assertEquals("Other Beta", s.accounts().get(1).name());
        List<String> ps = f.problems("tables.accounts=no/such.csv");
        assertEquals(List.of("no/such.csv: file not found"), ps);
    }

    @Test
    void setMayReplaceAValueByAMappingAndIsThenReported() {
        assertEquals(List.of("--set: name: expected a single value, found a mapping"), f.problems("name.first=x"));
    }

    // ---------------------------------------------------------------- extends

    @Test
    void extendsMergesMappingsChildWins() {
        f.write("scenario.yaml", Fixture.YAML + "simulation:\n  paths: 500\n  churn: {covered: 0.02, uncovered: 0.1}\n");
        f.write("variants/retention.yaml", "extends: ../scenario.yaml\nname: Retention\nsimulation:\n  churn: {covered: 0.01}\n");
        ScenarioReader.Result r = ScenarioReader.validate(dir.resolve("variants/retention.yaml"), List.of());
        assertEquals(List.of(), r.problems().all());
        Scenario s = r.scenario();
        assertEquals("Retention", s.name());
        assertEquals(0.01, s.simulation().churnCovered(), "child wins");
        assertEquals(0.1, s.simulation().churnUncovered(), "sibling from the base is kept");
        assertEquals(500, s.simulation().paths());
        assertEquals(2026, s.baseYear());
        assertEquals(3, s.accounts().size(), "tables resolve relative to the base file that declared them");
    }

    @Test
    void aChildKeyWithoutValueKeepsTheBase() {
        f.write("scenario.yaml", Fixture.YAML + "simulation: {paths: 500}\n");
        f.write("child.yaml", "extends: scenario.yaml\nsimulation:\n");
        assertEquals(500, ScenarioReader.read(dir.resolve("child.yaml")).simulation().paths());
    }

    @Test
    void tablesDeclaredInTheChildResolveRelativeToTheChild() {
        f.write("variants/team.csv", Fixture.SOLDIERS + "S3,New Hire,base,2,*,*,1500,1,300000\n");
        f.write("variants/hire.yaml", "extends: ../scenario.yaml\ntables:\n  soldiers: team.csv\n");
        Scenario s = ScenarioReader.read(dir.resolve("variants/hire.yaml"));
        assertEquals(3, s.soldiers().size());
        assertEquals(3, s.accounts().size());
    }

    @Test
    void extendsChainsAndSetAppliesLast() {
        f.write("b.yaml", "extends: scenario.yaml\nsimulation: {paths: 700}\n");
        f.write("c.yaml", "extends: b.yaml\nsimulation: {seed: 9}\n");
        Scenario s = ScenarioReader.read(dir.resolve("c.yaml"), List.of("simulation.seed=11"));
        assertEquals(700, s.simulation().paths());
        assertEquals(11, s.simulation().seed());
    }

    @Test
    void problemsAreReportedInTheFileThatHasThem() {
        f.write("scenario.yaml", Fixture.YAML + "simulation: {pathz: 700}\n");
        f.write("child.yaml", "name: Child\n\nextends: scenario.yaml\nstrategy: {horizonYears: 0}\n");
        List<String> ps = ScenarioReader.validate(dir.resolve("child.yaml"), List.of()).problems().all().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(List.of("child.yaml:4: strategy.horizonYears: (0) must be between 1 and 50",
                "scenario.yaml:8: simulation.pathz: unknown key (did you mean 'paths'?)"), ps);
    }

    @Test
    void extendsCycleIsDetected() {
        f.write("a.yaml", "extends: b.yaml\n");
        f.write("b.yaml", "name: B\nextends: a.yaml\n");
        List<String> ps = ScenarioReader.validate(dir.resolve("a.yaml"), List.of()).problems().all().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(List.of("b.yaml:2: extends: 'a.yaml' makes a cycle: a.yaml → b.yaml → a.yaml"), ps);
        f.write("self.yaml", "extends: self.yaml\n");
        ps = ScenarioReader.validate(dir.resolve("self.yaml"), List.of()).problems().all().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(List.of("self.yaml:1: extends: 'self.yaml' makes a cycle: self.yaml → self.yaml"), ps);
    }

    @Test
    void missingOrBadBase() {
        f.write("a.yaml", "extends: nowhere.yaml\n");
        List<String> ps = ScenarioReader.validate(dir.resolve("a.yaml"), List.of()).problems().all().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).startsWith("a.yaml:1: extends: 'nowhere.yaml' not found"), ps.get(0));
        f.write("a.yaml", "extends: {x: 1}\n");
        ps = ScenarioReader.validate(dir.resolve("a.yaml"), List.of()).problems().all().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(List.of("a.yaml:1: extends: must be the path of the scenario YAML this one builds on"), ps);
        f.write("broken.yaml", "a: [1\n");
        f.write("a.yaml", "extends: broken.yaml\n");
        ps = ScenarioReader.validate(dir.resolve("a.yaml"), List.of()).problems().all().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).startsWith("broken.yaml:2: YAML syntax"), ps.get(0));
    }

    @Test
    void committedVariantsExtendTheDemo() {
        Path root = Path.of("scenarios");
        Scenario demo = ScenarioReader.read(root.resolve("demo/scenario.yaml"));
        Scenario aggressive = ScenarioReader.read(root.resolve("demo-aggressive.yaml"));
        Scenario retention = ScenarioReader.read(root.resolve("demo-retention.yaml"));
        assertEquals(demo.accounts(), aggressive.accounts());
        assertEquals(demo.soldiers().size() + 4, aggressive.soldiers().size());
        assertTrue(aggressive.strategy().goalRevenue() > demo.strategy().goalRevenue());
        assertTrue(retention.simulation().churnCovered() < demo.simulation().churnCovered());
        assertEquals(demo.strategy(), retention.strategy());
    }
}
