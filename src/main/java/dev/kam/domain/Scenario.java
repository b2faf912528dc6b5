package dev.kam.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole scenario: the company's tables and every parameter, validated.
 *
 * @param name      display name
 * @param currency  currency code of all amounts
 * @param baseYear  calendar year of "today"; the first planned year is baseYear + 1
 * @param source    the scenario file as the user named it (for messages and reports)
 * @param history   rows of the optional {@code history.csv}, in file order (empty when there is none)
 * @param pipeline  open opportunities of the optional {@code pipeline.csv}, in file order (empty when none)
 * @param mechanisms the seed's mechanisms: stars, commission, funnel, projects (SPEC §12)
 */
public record Scenario(String name, String currency, int baseYear, String source,
                       List<Account> accounts, List<Soldier> soldiers, List<Product> products,
                       List<Relationship> relationships,
                       AnalysisParams analysis, StrategyParams strategy,
                       AssignmentParams assignment, SimulationParams simulation, List<HistoryEntry> history,
                       List<Opportunity> pipeline, MechanismParams mechanisms) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        accounts = List.copyOf(accounts);
        soldiers = List.copyOf(soldiers);
        products = List.copyOf(products);
        relationships = List.copyOf(relationships);
        history = List.copyOf(history);
        pipeline = List.copyOf(pipeline);
        if (mechanisms == null) mechanisms = MechanismParams.DEFAULT;
        // the status-quo-neutral share erosion (SPEC §8) is a property of these accounts under today's owners
        if (simulation != null && simulation.erosionDerived()) {
            simulation = simulation.withDerivedErosion(
                    ResponseModel.derivedErosion(accounts, soldiers, relationships, simulation));
        }
    }

    /** A scenario without pipeline, at the default mechanisms. */
    public Scenario(String name, String currency, int baseYear, String source,
                    List<Account> accounts, List<Soldier> soldiers, List<Product> products,
                    List<Relationship> relationships,
                    AnalysisParams analysis, StrategyParams strategy,
                    AssignmentParams assignment, SimulationParams simulation, List<HistoryEntry> history) {
        this(name, currency, baseYear, source, accounts, soldiers, products, relationships, analysis, strategy,
                assignment, simulation, history, List.of(), MechanismParams.DEFAULT);
    }

    /**
     * The key-account threshold in a calendar year (currency/year): {@code strategy.keyAccountThreshold} today,
     * raised each year by {@code strategy.keyAccountThresholdGrowth} (default {@code simulation.marketGrowth.mean})
     * so that inflation alone does not make key accounts (SPEC §8). Targets, simulation and report all use this.
     */
    public double keyAccountThreshold(int year) {
        return strategy.keyAccountThreshold() * Math.pow(1 + keyAccountThresholdGrowth(), year - baseYear);
    }

    /** The yearly growth of the key-account threshold: strategy.keyAccountThresholdGrowth, else the market growth mean. */
    public double keyAccountThresholdGrowth() {
        double g = strategy.keyAccountThresholdGrowth();
        if (!Double.isNaN(g)) return g;
        return simulation == null ? SimulationParams.DEFAULT.growthMean() : simulation.growthMean();
    }

    /** A scenario without history. */
    public Scenario(String name, String currency, int baseYear, String source,
                    List<Account> accounts, List<Soldier> soldiers, List<Product> products,
                    List<Relationship> relationships,
                    AnalysisParams analysis, StrategyParams strategy,
                    AssignmentParams assignment, SimulationParams simulation) {
        this(name, currency, baseYear, source, accounts, soldiers, products, relationships, analysis, strategy,
                assignment, simulation, List.of());
    }

    /** Relationships keyed by {@link #pairKey(String, String)}; build once and keep it. */
    public Map<String, Relationship> relationshipIndex() {
        Map<String, Relationship> m = new HashMap<>();
        for (Relationship r : relationships) m.put(pairKey(r.soldier(), r.account()), r);
        return m;
    }

    public static String pairKey(String soldierId, String accountId) {
        return soldierId + "\u0000" + accountId;
    }

    public Scenario withSimulation(SimulationParams p) {
        return new Scenario(name, currency, baseYear, source, accounts, soldiers, products, relationships,
                analysis, strategy, assignment, p, history, pipeline, mechanisms);
    }

    public Scenario withStrategy(StrategyParams p) {
        return new Scenario(name, currency, baseYear, source, accounts, soldiers, products, relationships,
                analysis, p, assignment, simulation, history, pipeline, mechanisms);
    }

    public Scenario withAssignment(AssignmentParams p) {
        return new Scenario(name, currency, baseYear, source, accounts, soldiers, products, relationships,
                analysis, strategy, p, simulation, history, pipeline, mechanisms);
    }

    public Scenario withMechanisms(MechanismParams m) {
        return new Scenario(name, currency, baseYear, source, accounts, soldiers, products, relationships,
                analysis, strategy, assignment, simulation, history, pipeline, m);
    }

    /** Sum of revenue over all accounts (currency/year). */
    public double totalRevenue() {
        double s = 0;
        for (Account a : accounts) s += a.revenue();
        return s;
    }
}
