package dev.kam.strategy;

import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;

import java.util.List;
import java.util.Set;

/** Scenarios built in code for the strategy tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Account account(String id, double revenue, double wallet, double orders, double baseHours) {
        Stage stage = revenue > 0 ? Stage.ACTIVE : Stage.PROSPECT;
        return new Account(id, "Account " + id, "steel", "east", revenue, wallet, 0.3, 0.8, 0.5, Double.NaN,
                orders, Set.of(), null, stage, false, baseHours);
    }

    /** A soldier the assignment's eligibility rules let lead any account (so capacity checks count all hours). */
    static Soldier soldier(String id, double hours) {
        return new Soldier(id, "Soldier " + id, Layer.PROJECT, 5, Set.of("*"), Set.of("*"), hours, 3, Double.NaN);
    }

    /** A branch-base soldier with 2 stars and no certification: may not lead a 3A–5A key account. */
    static Soldier junior(String id, double hours) {
        return new Soldier(id, "Soldier " + id, Layer.BASE, 2, Set.of("*"), Set.of("*"), hours, 0, Double.NaN);
    }

    static Scenario scenario(List<Account> accounts, List<Soldier> soldiers, StrategyParams strategy) {
        return new Scenario("Test Co.", "CNY", 2026, "test.yaml", accounts, soldiers, List.of(), List.of(),
                AnalysisParams.DEFAULT, strategy, AssignmentParams.DEFAULT, SimulationParams.DEFAULT);
    }

    static StrategyParams strategy(int horizon, double threshold, double share, double count, double revenue,
                                   String path) {
        return new StrategyParams(horizon, threshold, share, count, revenue, path, List.of());
    }

    /**
     * The hand-computed example of docs/model.md (Targets): two key accounts (10M with 10 orders, 6M with
     * 20 orders) at a 5M threshold, two smaller accounts, one prospect, one soldier of 1,600 h.
     */
    static Scenario handExample(StrategyParams strategy) {
        return scenario(List.of(
                account("A", 10e6, 20e6, 10, Double.NaN),
                account("B", 6e6, 10e6, 20, Double.NaN),
                account("C", 2e6, 3e6, 30, Double.NaN),
                account("D", 0, 8e6, Double.NaN, Double.NaN),
                account("E", 2e6, 6e6, 5, Double.NaN)),
                List.of(soldier("S1", 1600)), strategy);
    }
}
