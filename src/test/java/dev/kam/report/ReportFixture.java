package dev.kam.report;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Coverage;
import dev.kam.domain.Layer;
import dev.kam.domain.Product;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.practice.MechanismsStage;
import dev.kam.run.RunInfo;
import dev.kam.run.RunResults;
import dev.kam.scenario.Generator;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationOptions;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results for the report tests, made by the real stages (analysis, targets, a step-bounded assignment, a
 * seeded simulation and tornado), never written by hand: a small scenario with hostile and Chinese names,
 * and generated scenarios of any size.
 */
public final class ReportFixture {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String CHINESE = "华东重工集团";

    private ReportFixture() {
    }

    static Scenario scenario() {
        List<Account> accounts = List.of(
                account("A1", SCRIPT, 9_000_000, "S1", Stage.ACTIVE),
                account("A2", FORMULA, 6_000_000, "S2", Stage.AT_RISK),
                account("A3", CHINESE, 2_000_000, "S1", Stage.ACTIVE),
                account("A4", "Small & Co \"quoted\"", 300_000, null, Stage.ACTIVE),
                account("A5", "Prospect Ltd", 0, null, Stage.PROSPECT));
        List<Soldier> soldiers = List.of(
                new Soldier("S1", "Li <b>Wei</b>", Layer.HQ, 5, Set.of("*"), Set.of("*"), 1600, 3, 300_000),
                new Soldier("S2", "张伟", Layer.PROJECT, 4, Set.of("energy"), Set.of("east"), 1400, 2, 250_000),
                new Soldier("S3", "Idle <u>Ivan</u>", Layer.BASE, 1, Set.of("retail"), Set.of("west"), 1500, 0, 200_000));
        List<Product> products = List.of(
                new Product("P1", "Remote <i>monitoring</i>", Set.of("uptime"), 400_000, 0.5, 0.3, 10, 3));
        StrategyParams strategy = new StrategyParams(3, 5_000_000, 0.6, 4, 30_000_000, "steady", List.of());
        return new Scenario("Hostile <Co> & \"Sons\"", "CNY", 2026, "scenarios/x/scenario.yaml", accounts, soldiers,
                products, List.of(), AnalysisParams.DEFAULT, strategy, AssignmentParams.DEFAULT, SimulationParams.DEFAULT);
    }

    private static Account account(String id, String name, double revenue, String owner, Stage stage) {
        return new Account(id, name, "energy", "east", revenue, Math.max(revenue * 2, 1_000_000), 0.3, 0.8, 0.5,
                Double.NaN, Double.NaN, Set.of("uptime"), owner, stage, false, Double.NaN);
    }

    /** Every stage of the hostile scenario. */
    static RunResults results() {
        return run(scenario(), 300);
    }

    /** Only the analysis of the hostile scenario. */
    static RunResults analysisOnly() {
        Scenario s = scenario();
        return RunResults.of(s).analysis(Analyzer.analyze(s)).info(RunInfo.of("kam test")).build();
    }

    /**
     * Every stage of a scenario with deterministic settings: the assignment bounded by steps (no wall time),
     * {@code paths} simulated paths with seed 1, the tornado on 50 paths.
     */
    public static RunResults run(Scenario s, int paths) {
        Analysis a = Analyzer.analyze(s);
        Targets t = TargetPlanner.plan(s);
        Plan plan = Assigner.solve(s, a, AssignOptions.steps(1, 20_000, 200));
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationOptions o = new SimulationOptions(paths, 1, 2);
        SimulatedCompensation.Watched watched = SimulatedCompensation.compare(s, t, baseline, plan.coverage(), o,
                dev.kam.funnel.FunnelAnalysis.analyze(s).processScores());
        PlanComparison c = watched.comparison();
        Sensitivity.Tornado tornado = Sensitivity.tornado(s, t, plan.coverage(), o.withPaths(50));
        return RunResults.of(s).analysis(a).targets(t).plan(plan).planVsBaseline(c).sensitivity(tornado)
                .mechanisms(MechanismsStage.compute(s, a, t, plan, watched.compensation()))
                .info(new RunInfo("kam test", List.of("validate", "analyze", "targets", "assign", "simulate", "mechanisms"),
                        Map.of("validate", 0.2), List.of(), List.of()))
                .build();
    }

    /** A scenario made by {@code kam generate}'s generator, written to {@code dir} and read back. */
    public static Scenario generated(Path dir, int accounts, int soldiers, int products, long seed) {
        try {
            Files.createDirectories(dir);
            Map<String, String> files = Generator.generate(new Generator.Spec(accounts, soldiers, products, seed, "生成的示例集团 (" + accounts + ")"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScenarioReader.read(dir.resolve("scenario.yaml"));
    }
}
