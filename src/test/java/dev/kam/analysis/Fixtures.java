package dev.kam.analysis;

import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Scenarios built in code for the analysis tests. */
final class Fixtures {
    static final double NA = Double.NaN;

    private Fixtures() {
    }

    static Account acc(String id, double revenue, double wallet, double margin, double credit, double difficulty,
                       double hours, double orders, String owner, Stage stage) {
        return new Account(id, "Name " + id, "steel", "east", revenue, wallet, margin, credit, difficulty, hours, orders,
                Set.of(), owner, stage, false, NA);
    }

    static Account active(String id, double revenue, double wallet) {
        return acc(id, revenue, wallet, 0.2, NA, NA, NA, NA, "S1", Stage.ACTIVE);
    }

    static StrategyParams strategy(double threshold, double goalShare, double goalCount, double goalRevenue) {
        return new StrategyParams(10, threshold, goalShare, goalCount, goalRevenue, "steady", List.of());
    }

    static Scenario scenario(List<Account> accounts, AnalysisParams analysis, StrategyParams strategy) {
        return new Scenario("Test Co.", "CNY", 2026, "test.yaml", accounts, List.of(), List.of(), List.of(),
                analysis, strategy, AssignmentParams.DEFAULT, SimulationParams.DEFAULT);
    }

    /**
     * The hand-computed example of AnalyzerTest: four customers with revenue 50, 25, 15, 10 (total 100) and one
     * prospect with a 200 wallet; key-account threshold 40.
     */
    static List<Account> handExample() {
        return List.of(
                acc("A", 50, 100, 0.2, 0.9, 0.2, 10, 12, "S1", Stage.ACTIVE),
                acc("B", 25, 50, 0.4, 0.5, 0.5, 10, 10, "S1", Stage.ACTIVE),
                acc("C", 15, 300, 0.3, 0.8, 0.4, 5, 8, null, Stage.ACTIVE),
                acc("D", 10, 20, 0.1, 0.3, 0.8, NA, 6, "S2", Stage.ACTIVE),
                acc("E", 0, 200, 0.25, NA, NA, NA, NA, null, Stage.PROSPECT));
    }

    static Scenario handScenario() {
        return scenario(handExample(), AnalysisParams.DEFAULT, strategy(40, 0.6, 4, 200));
    }

    /** A seeded, heavy-tailed customer base for the writer tests. */
    static Scenario synthetic(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Account> list = new ArrayList<>();
        String[] industries = {"steel", "auto", "chem", "food"};
        Stage[] stages = {Stage.ACTIVE, Stage.ACTIVE, Stage.ACTIVE, Stage.AT_RISK};
        for (int i = 0; i < n; i++) {
            boolean prospect = r.nextDouble() < 0.15;
            double wallet = Math.exp(14 + 1.5 * gaussian(r));
            double rev = prospect ? 0 : wallet * (0.02 + 0.7 * r.nextDouble());
            Stage st = prospect ? Stage.PROSPECT : stages[r.nextInt(stages.length)];
            list.add(new Account(String.format("A%03d", i), "客户 " + i, industries[r.nextInt(4)], "east", rev, wallet,
                    0.1 + 0.3 * r.nextDouble(), 0.3 + 0.7 * r.nextDouble(), r.nextDouble(),
                    r.nextDouble() < 0.2 ? NA : 50 + 500 * r.nextDouble(), prospect ? NA : 1 + r.nextInt(24),
                    Set.of(), r.nextDouble() < 0.7 ? "S" + r.nextInt(10) : null, st, false, NA));
        }
        return scenario(list, AnalysisParams.DEFAULT, strategy(5_000_000, 0.6, 60, 900_000_000));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
