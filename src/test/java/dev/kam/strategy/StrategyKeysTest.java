package dev.kam.strategy;

import dev.kam.domain.StrategyParams;
import dev.kam.domain.Problem;
import dev.kam.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code strategy:} keys: values, defaults, and every bad value reported with its line. */
class StrategyKeysTest {
    @TempDir
    Path dir;

    /** Writes a scenario with valid tables and the given strategy block (indented under strategy:). */
    private Path scenario(String strategy) throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "id,name,industry,region,revenue,wallet,margin,needs\n"
                + "A,Alpha,steel,east,6000000,9000000,0.3,erp\nB,Beta,steel,west,1000000,7000000,0.2,erp\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("soldiers.csv"), "id,name,stars,regions,capacityHours\nS,Sun,3,*,1600\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("products.csv"), "id,name,needs,price,margin,capacity\nP,Plan,erp,100000,0.4,10\n",
                StandardCharsets.UTF_8);
        String yaml = "name: Keys Co.\n"                                                  // line 1
                + "currency: CNY\n"                                                       // 2
                + "baseYear: 2026\n"                                                      // 3
                + "tables: {accounts: accounts.csv, soldiers: soldiers.csv, products: products.csv}\n" // 4
                + "strategy:\n"                                                           // 5
                + strategy;                                                               // 6 …
        Path p = dir.resolve("scenario.yaml");
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    private List<Problem> strategyProblems(String strategy) throws IOException {
        return ScenarioReader.validate(scenario(strategy), List.of()).problems().all().stream()
                .filter(x -> x.field().startsWith("strategy")).toList();
    }

    private static String text(List<Problem> ps) {
        return String.join("\n", ps.stream().map(p -> p.line() + ": " + p.field() + ": " + p.message()).toList());
    }

    @Test
    void everyKeyIsRead() throws IOException {
        var r = ScenarioReader.validate(scenario("""
                  horizonYears: 8
                  keyAccountThreshold: 4_000_000
                  goals: {keyAccountRevenueShare: 0.6, keyAccountCount: 120, keyAccountRevenue: 900000000}
                  path: s-curve
                  sCurve: {steepness: 6, midpoint: 0.4}
                  growthSplit: {ordersPerAccount: 0.3}
                  expectedChurn: 0.05
                  assumedMarketGrowth: 0.04
                  growthMargin: 0.02
                  defaultOrdersPerAccount: 24
                  productivity: {keyAccountHours: 150, hoursPerWin: 80, soldierHours: 1500, sellingTimeShare: 0.8, otherAccountHours: 60}
                """), List.of());
        assertEquals("", text(r.problems().all()));
        StrategyParams p = r.scenario().strategy();
        assertEquals(8, p.horizonYears());
        assertEquals(4e6, p.keyAccountThreshold());
        assertEquals(0.6, p.goalShare());
        assertEquals(120, p.goalCount());
        assertEquals(9e8, p.goalRevenue());
        assertEquals("s-curve", p.path());
        assertEquals(6, p.sCurveSteepness());
        assertEquals(0.4, p.sCurveMidpoint());
        assertEquals(0.3, p.frequencyWeight());
        assertEquals(0.05, p.expectedChurn());
        assertEquals(0.04, p.assumedMarketGrowth());
        assertEquals(0.02, p.growthMargin());
        assertEquals(24, p.defaultOrdersPerAccount());
        assertEquals(150, p.keyAccountHours());
        assertEquals(80, p.hoursPerWin());
        assertEquals(1500, p.soldierHours());
        assertEquals(0.8, p.sellingTimeShare());
        assertEquals(60, p.otherAccountHours());
    }

    @Test
    void defaultsWhenAbsent() throws IOException {
        var r = ScenarioReader.validate(scenario("  path: linear\n"), List.of());
        StrategyParams p = r.scenario().strategy();
        StrategyParams d = StrategyParams.DEFAULT;
        assertEquals(d.horizonYears(), p.horizonYears());
        assertTrue(Double.isNaN(p.goalRevenue()) && Double.isNaN(p.goalCount()) && Double.isNaN(p.goalShare()));
        assertTrue(Double.isNaN(p.expectedChurn()) && Double.isNaN(p.assumedMarketGrowth()));
        assertEquals(d.frequencyWeight(), p.frequencyWeight());
        assertEquals(d.keyAccountHours(), p.keyAccountHours());
    }

    @Test
    void badValuesAreErrorsWithTheirLine() throws IOException {
        List<Problem> ps = strategyProblems("""
                  horizonYears: 0
                  keyAccountThreshold: -5
                  goals: {keyAccountRevenueShare: 1.5, keyAccountCount: 12.5, keyAccountRevenue: lots}
                  path: stedy
                  sCurve: {steepness: 0, midpoint: 1}
                  growthSplit: {ordersPerAccount: 2}
                  expectedChurn: 1
                  productivity: {soldierHours: 0, sellingTimeShare: 0}
                  horizon: 10
                """);
        assertEquals("""
                6: strategy.horizonYears: (0) must be between 1 and 50
                7: strategy.keyAccountThreshold: (-5) must be at least 0
                8: strategy.goals.keyAccountRevenueShare: (1.5) must be between 0 and 1
                8: strategy.goals.keyAccountCount: (12.5) must be a whole number of accounts
                8: strategy.goals.keyAccountRevenue: 'lots' is not a number
                9: strategy.path: 'stedy' must be one of steady, linear, s-curve, milestones (did you mean 'steady'?)
                10: strategy.sCurve.steepness: (0) must be between 0.1 and 100
                10: strategy.sCurve.midpoint: (1) must be between 0.05 and 0.95
                11: strategy.growthSplit.ordersPerAccount: (2) must be between 0 and 1
                12: strategy.expectedChurn: (1) must be between 0 and 0.99
                13: strategy.productivity.soldierHours: (0) must be between 1 and 100000
                13: strategy.productivity.sellingTimeShare: (0) must be between 0.01 and 1
                14: strategy.horizon: unknown key""", text(ps).replaceAll(" \\((did you mean|known:).*\\)$", ""));
    }

    @Test
    void milestonesAreCheckedWhereTheyStand() throws IOException {
        List<Problem> ps = strategyProblems("""
                  path: milestones
                  milestones:
                    - {year: 2028, keyAccountRevenue: 100000000}
                    - {keyAccountRevenue: 5}
                    - {year: 2028, keyAccountCount: 30}
                    - {year: 2030}
                    - {year: 2031, keyAccountShare: 0.5}
                """);
        String t = text(ps);
        assertTrue(t.contains("9: strategy.milestones[1].year: a milestone needs a year"), t);
        assertTrue(t.contains("10: strategy.milestones[2].year: (2028) appears twice (first at line 8)"), t);
        assertTrue(t.contains("11: strategy.milestones[3]: a milestone needs at least one of keyAccountRevenue, "
                + "keyAccountCount, keyAccountRevenueShare"), t);
        assertTrue(t.contains("12: strategy.milestones[4].keyAccountShare: unknown key"), t);
    }

    @Test
    void milestonesPathNeedsMilestones() throws IOException {
        assertEquals("6: strategy.path: 'milestones' needs a list under strategy.milestones "
                + "(e.g. - {year: 2030, keyAccountRevenue: 400000000})", text(strategyProblems("  path: milestones\n")));
    }

    @Test
    void milestonesWithAnotherPathAreAWarning() throws IOException {
        List<Problem> ps = strategyProblems("""
                  path: steady
                  milestones:
                    - {year: 2030, keyAccountRevenue: 100000000}
                """);
        assertEquals(1, ps.size());
        assertEquals(Problem.Severity.WARNING, ps.get(0).severity());
        assertEquals("milestones are used only with path: milestones (path is steady)", ps.get(0).message());
    }

    @Test
    void milestonesAreReadInYearOrderWithTheirLines() throws IOException {
        var r = ScenarioReader.validate(scenario("""
                  path: milestones
                  milestones:
                    - {year: 2031, keyAccountCount: 40}
                    - year: 2029
                      keyAccountRevenue: 200000000
                      keyAccountRevenueShare: 0.5
                """), List.of());
        assertEquals("", text(r.problems().all()));
        List<StrategyParams.Milestone> ms = r.scenario().strategy().milestones();
        assertEquals(2029, ms.get(0).year());
        assertEquals(9, ms.get(0).line());
        assertEquals(2e8, ms.get(0).keyAccountRevenue());
        assertEquals(0.5, ms.get(0).keyAccountShare());
        assertEquals(2031, ms.get(1).year());
        assertEquals(40, ms.get(1).keyAccountCount());
        assertTrue(Double.isNaN(ms.get(1).keyAccountRevenue()));
    }
}
