package dev.kam.simulation;

import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small hand-built scenarios for the simulation tests. */
final class Fixtures {
    static final double THRESHOLD = 5_000_000;

    private Fixtures() {
    }

    /** Every random effect off: no volatility, churn, share gain, conversion, adoption or arrivals. */
    static SimulationParams allOff(double g) {
        SimulationParams d = SimulationParams.DEFAULT;
        return new SimulationParams(d.paths(), d.seed(), 1, g, 0.0, d.corrMarket(), d.corrIndustry(),
                0, 0, d.shareCeiling(), 0, 0, 0, 0, d.initialShare(), 0, 0,
                d.responseShape(), d.responseHalf(), d.fit());
    }

    static SimulationParams with(SimulationParams p, double sd, double churnCov, double churnUnc) {
        return new SimulationParams(p.paths(), p.seed(), p.threads(), p.growthMean(), sd, p.corrMarket(),
                p.corrIndustry(), churnCov, churnUnc, p.shareCeiling(), p.gainCovered(), p.gainUncovered(),
                p.conversionCovered(), p.conversionUncovered(), p.initialShare(), p.productAdoption(),
                p.newProspectsPerYear(), p.responseShape(), p.responseHalf(), p.fit());
    }

    /** Assignment parameters with another switching cost. */
    static AssignmentParams switchingCost(AssignmentParams a, double cost) {
        return new AssignmentParams(a.timeLimit(), a.unimprovedTimeLimit(), a.seed(), a.effortLevels(), a.effortNames(),
                a.maxProductsPerAccount(), a.ratingPriority(), cost, a.minStars(), a.minCertification(),
                a.requireRegion(), a.layerMinRating(), a.layerMaxRating(), a.baseHours(), a.maxAccountsPerSoldier(),
                a.searchShare());
    }

    static Account account(String id, String industry, double revenue, double wallet, Stage stage, String owner) {
        return new Account(id, "Account " + id, industry, "east", revenue, wallet, 0.3, 0.8, 0.5,
                Double.NaN, Double.NaN, Set.of("erp"), owner, stage, false, Double.NaN);
    }

    /**
     * Forty accounts in three industries, revenues 1–12.7 million (some key accounts), four prospects,
     * half owned by one of two soldiers, and one product.
     */
    static Scenario scenario(SimulationParams p, int horizon) {
        List<Account> accounts = new ArrayList<>();
        String[] industries = {"steel", "chem", "auto"};
        for (int i = 0; i < 40; i++) {
            boolean prospect = i % 10 == 9;
            double revenue = prospect ? 0 : 1_000_000 + 300_000.0 * i;
            double wallet = prospect ? 8_000_000 : revenue * (1.5 + (i % 4) * 0.5);
            String owner = i % 2 == 0 ? (i % 4 == 0 ? "s1" : "s2") : null;
            accounts.add(account("a" + i, industries[i % 3], revenue, wallet,
                    prospect ? Stage.PROSPECT : Stage.ACTIVE, owner));
        }
        List<Soldier> soldiers = List.of(
                new Soldier("s1", "Soldier 1", Layer.PROJECT, 4, Set.of("steel"), Set.of("*"), 1600, 2, 300_000),
                new Soldier("s2", "Soldier 2", Layer.BASE, 2, Set.of("auto"), Set.of("west"), 1600, 1, 200_000));
        List<Product> products = List.of(new Product("p1", "Product 1", Set.of("erp"), 400_000, 0.5, 0.2, 10, 1));
        StrategyParams strategy = new StrategyParams(horizon, THRESHOLD, 0.6, 20, 150_000_000, "steady", List.of());
        return new Scenario("test", "CNY", 2026, "test.yaml", accounts, soldiers, products, List.of(),
                AnalysisParams.DEFAULT, strategy, AssignmentParams.DEFAULT, p);
    }

    /** Targets growing at a constant rate from the given base-year values. */
    static Targets targets(Scenario s, double growth) {
        double[] today = Simulator.today(s);
        List<YearTarget> ys = new ArrayList<>();
        for (int t = 1; t <= s.strategy().horizonYears(); t++) {
            double f = Math.pow(1 + growth, t);
            ys.add(new YearTarget(s.baseYear() + t, today[0] * f, today[1] * f, today[2] + t,
                    today[3], 12, today[1] * f / (today[2] + t) / 12, growth));
        }
        return new Targets(ys);
    }
}
