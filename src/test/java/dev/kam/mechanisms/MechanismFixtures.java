package dev.kam.mechanisms;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Tier;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.FitWeights;
import dev.kam.domain.HistoryEntry;
import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.Opportunity;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenarios built in code for the mechanism tests (stars, commission, funnel, projects). The "hand" scenario:
 * threshold 1,000,000, share ceiling 0.8; three soldiers; eight accounts chosen so that each project trigger fires
 * at least once (K1 mine, D1 decline from history and assess by the pipeline, R1 decline at risk, P1 assess by
 * the plan, P2 assess by the pipeline)
 * and the others do not (K2 high share, G1 growing key account, P3 small potential).
 */
public final class MechanismFixtures {
    public static final double NA = Double.NaN;

    private MechanismFixtures() {
    }

    /** Simulation parameters under which next year's expectation is exactly today. */
    public static SimulationParams still() {
        return new SimulationParams(100, 1, 1, 0, 0, 0, 0, 0, 0, 0.8, 0, 0, 0, 0, 0.1, 0, 0, 2.0, 0.5,
                FitWeights.DEFAULT);
    }

    public static Soldier soldier(String id, Layer layer, int stars, int cert, double cost) {
        return new Soldier(id, "Name " + id, layer, stars, Set.of("*"), Set.of("*"), 1500, cert, cost);
    }

    public static Account account(String id, double revenue, double wallet, String owner, Stage stage) {
        return new Account(id, "Account " + id, "steel", "east", revenue, wallet, 0.25, 0.8, 0.5, NA, NA, Set.of(),
                owner, stage, false, NA);
    }

    public static List<Soldier> handSoldiers() {
        return List.of(soldier("S1", Layer.PROJECT, 4, 2, 500_000), soldier("S2", Layer.BASE, 2, 0, 300_000),
                soldier("S3", Layer.HQ, 5, 3, 700_000));
    }

    public static List<Account> handAccounts() {
        return List.of(
                account("K1", 2_000_000, 10_000_000, "S1", Stage.ACTIVE),
                account("K2", 3_000_000, 4_000_000, "S3", Stage.ACTIVE),
                account("D1", 600_000, 2_000_000, "S2", Stage.ACTIVE),
                account("R1", 400_000, 1_000_000, "S2", Stage.AT_RISK),
                account("G1", 1_500_000, 1_600_000, "S3", Stage.ACTIVE),
                account("P1", 0, 5_000_000, null, Stage.PROSPECT),
                account("P2", 0, 3_000_000, null, Stage.PROSPECT),
                account("P3", 0, 500_000, null, Stage.PROSPECT));
    }

    public static List<HistoryEntry> handHistory() {
        return List.of(new HistoryEntry("D1", 2024, 700_000, "S2"), new HistoryEntry("D1", 2025, 800_000, "S2"),
                new HistoryEntry("D1", 2026, 600_000, "S2"), new HistoryEntry("G1", 2025, 1_000_000, "S3"),
                new HistoryEntry("G1", 2026, 1_500_000, "S3"));
    }

    private static Opportunity opp(int n, String soldier, String account, int stage, String close) {
        return new Opportunity("O" + n, account, soldier, stage, 100_000 * n,
                close == null ? null : LocalDate.parse(close), n + 1);
    }

    /** Stage counts 4, 3, 4, 3, 2, 1, 1, 1, 0; S1 keeps 3 active prospects, S2 one (twice), S3 six. */
    public static List<Opportunity> handPipeline() {
        List<Opportunity> p = new ArrayList<>();
        p.add(opp(1, "S1", "P3", 1, "2027-12-31"));
        p.add(opp(2, "S2", "P3", 1, "2028-06-30"));
        p.add(opp(3, "S3", "P3", 1, "2027-06-30"));
        p.add(opp(4, "S3", "P1", 1, null));
        p.add(opp(5, "S1", "P1", 2, null));
        p.add(opp(6, "S2", "K1", 2, null));
        p.add(opp(7, "S3", "K2", 2, null));
        p.add(opp(8, "S1", "P1", 3, null));
        p.add(opp(9, "S2", "P2", 3, null));
        p.add(opp(10, "S2", "P2", 3, null));
        p.add(opp(18, "S3", "D1", 3, null));
        p.add(opp(11, "S1", "K1", 4, null));
        p.add(opp(12, "S3", "G1", 4, null));
        p.add(opp(19, "S3", "P3", 4, null));
        p.add(opp(13, "S1", "D1", 5, null));
        p.add(opp(14, "S3", "K1", 5, null));
        p.add(opp(15, "S3", "K2", 6, null));
        p.add(opp(16, "S3", "R1", 7, null));
        p.add(opp(17, "S3", "P2", 8, null));
        return p;
    }

    public static Scenario hand(SimulationParams sim, MechanismParams m, List<Opportunity> pipeline) {
        return new Scenario("Hand Co.", "CNY", 2026, "hand.yaml", handAccounts(), handSoldiers(), List.of(), List.of(),
                AnalysisParams.DEFAULT, new StrategyParams(10, 1_000_000, NA, NA, NA, "steady", List.of()),
                AssignmentParams.DEFAULT, sim, handHistory(), pipeline, m);
    }

    public static Scenario hand() {
        return hand(still(), MechanismParams.DEFAULT, handPipeline());
    }

    /** Ratings: K1, K2, G1 5A; D1, R1 3A; prospects 2A. */
    public static Analysis handAnalysis(Scenario s) {
        List<AccountAssessment> list = new ArrayList<>();
        for (Account a : s.accounts()) {
            int rating = a.id().startsWith("K") || a.id().equals("G1") ? 5 : a.isProspect() ? 2 : 3;
            Tier tier = a.revenue() >= 1_000_000 ? Tier.KEY : a.revenue() > 0 ? Tier.MID : Tier.SMALL;
            list.add(new AccountAssessment(a.id(), tier, rating / 5.0, rating, Diagnosis.HEALTHY, null));
        }
        return new Analysis(list);
    }

    /** A plan leading each account listed as {@code account → soldier} at standard effort, fit 0.5. */
    public static Plan plan(Scenario s, Map<String, String> leads) {
        List<Plan.AccountPlan> rows = new ArrayList<>();
        for (Account a : s.accounts()) {
            String lead = leads.get(a.id());
            rows.add(new Plan.AccountPlan(a.id(), a.name(), 3, lead, lead == null ? null : "standard",
                    lead == null ? 0 : 1.0, lead == null ? 0 : 100, 0, 0, lead == null ? NA : 0.5, a.owner(),
                    lead == null ? "uncovered" : "kept", Msg.of(lead == null ? "assign.uncovered.noSoldiers" : "assign.empty")));
        }
        List<Plan.SoldierPlan> soldiers = new ArrayList<>();
        for (Soldier so : s.soldiers()) {
            long led = leads.values().stream().filter(so.id()::equals).count();
            soldiers.add(new Plan.SoldierPlan(so.id(), so.name(), 100 * led, so.capacityHours(),
                    100 * led / so.capacityHours(), (int) led, 0, 0, null));
        }
        Plan.Quality q = new Plan.Quality("heuristic", "none", "none", false, NA, NA, 0, 0, 0, 0, 0, 0);
        return new Plan(s.name(), s.currency(), 0, 0, 0, 0, NA, NA, q, rows, List.of(), soldiers,
                new Plan.Baseline(0, 0, 0, 0, 0, 0, List.of(), List.of()), List.of(), List.of(), 0,
                Plan.Disruption.none(), Plan.CapacityValue.none(), List.of(), List.of());
    }

    /** Today's owners, plus S1 on P1. */
    public static Map<String, String> handLeads() {
        return Map.of("K1", "S1", "K2", "S3", "D1", "S2", "R1", "S2", "G1", "S3", "P1", "S1");
    }
}
