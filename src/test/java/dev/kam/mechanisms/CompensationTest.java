package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Coverage;
import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kam.mechanisms.MechanismFixtures.NA;
import static dev.kam.mechanisms.MechanismFixtures.account;
import static dev.kam.mechanisms.MechanismFixtures.soldier;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** First-year compensation and ROI on a hand-computed case where next year is exactly today. */
class CompensationTest {
    /**
     * A (revenue 1.0M, wallet 2M, S1) and B (1.5M, 2M, S2); total wallet 4M, total revenue 2.5M, which is the
     * target (no targets: the status quo). Each book holds half the wallet: quota 1.25M each.
     */
    private static Scenario two(MechanismParams m, List<Soldier> soldiers) {
        List<Account> accounts = List.of(account("A", 1_000_000, 2_000_000, "S1", Stage.ACTIVE),
                account("B", 1_500_000, 2_000_000, "S2", Stage.ACTIVE));
        return new Scenario("Two", "CNY", 2026, "two.yaml", accounts, soldiers, List.of(), List.of(),
                AnalysisParams.DEFAULT, new StrategyParams(10, 5_000_000, NA, NA, NA, "steady", List.of()),
                AssignmentParams.DEFAULT, MechanismFixtures.still(), List.of(), List.of(), m);
    }

    private static MechanismParams params(double hiringCost, List<String> hires) {
        return new MechanismParams(MechanismParams.Stars.DEFAULT, new double[] {100_000, 200_000, 300_000, 400_000,
                500_000}, MechanismParams.Commission.DEFAULT, Map.of(),
                new MechanismParams.Pk(10_000, 0, 0.5, MechanismParams.Split.EQUAL, 1.0), MechanismParams.Funnel.DEFAULT,
                MechanismParams.Projects.DEFAULT, hiringCost, hires);
    }

    @Test
    void handComputedFirstYear() {
        List<Soldier> team = List.of(soldier("S1", Layer.BASE, 2, 0, NA), soldier("S2", Layer.BASE, 3, 0, NA),
                soldier("H1", Layer.BASE, 2, 0, NA));
        Scenario s = two(params(50_000, List.of("H1")), team);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Coverage plan = new Coverage("plan", Map.of("A", new Coverage.Lead("S2", 1, 0.5),
                "B", new Coverage.Lead("S2", 1, 0.5)), Map.of());
        Compensation.FirstYear f = Compensation.firstYear(s, null, plan, baseline);
        assertEquals(2_500_000, f.target(), 1e-6);

        // today: S1 at 0.8 of 1.25M pays 1% of 1M = 10,000; S2 at 1.2 pays 1.25M × (0.8·1% + 0.2·2% + 0.2·4%)
        // = 25,000 and wins the PK pool of 10,000 (top half of 2 soldiers = 1, at least 100%)
        Compensation.SoldierPay b1 = f.baseline().soldiers().get(0);
        Compensation.SoldierPay b2 = f.baseline().soldiers().get(1);
        assertEquals(2, f.baseline().soldiers().size());              // the hire is not in today's team
        assertEquals(0.8, b1.attainment(), 1e-12);
        assertEquals(10_000, b1.commission(), 1e-9);
        assertEquals(1.2, b2.attainment(), 1e-12);
        assertEquals(25_000, b2.commission(), 1e-9);
        assertEquals(10_000, b2.pk(), 1e-9);
        assertEquals(200_000 + 300_000 + 35_000 + 10_000, f.baseline().total(), 1e-9);

        // the plan: S2 leads both, quota 2.5M, attainment 1.0 pays 2.5M × (0.8·1% + 0.2·2%) = 30,000 and the pool
        Compensation.SoldierPay p2 = f.plan().soldiers().get(1);
        assertEquals(1.0, p2.attainment(), 1e-12);
        assertEquals(30_000, p2.commission(), 1e-9);
        assertEquals(10_000, p2.pk(), 1e-9);
        assertEquals(0, f.plan().soldiers().get(0).commission());
        // next year is today under both, but A moves from S1 to S2: the switching cost 10% × A's gross profit
        // (1M × 0.25) is expected to be lost, as the report's headline uplift counts it
        assertEquals(-25_000, f.grossProfitUplift(), 1e-9);
        assertEquals(-5_000, f.incrementalCompensation(), 1e-9);       // 40,000 of variable pay against 45,000
        assertEquals(200_000 + 50_000, f.hiringCost(), 1e-9);          // the hire's 2★ salary and the one-off cost
        assertEquals(-25_000 + 5_000 - 250_000, f.roi(), 1e-9);
    }

    @Test
    void layerSchemesAndGrossProfitBasis() {
        MechanismParams.Commission gp = new MechanismParams.Commission(MechanismParams.Basis.GROSS_PROFIT,
                MechanismParams.Method.WHOLE, MechanismParams.Commission.DEFAULT.tiers(), Double.POSITIVE_INFINITY, 1);
        MechanismParams base = params(0, List.of());
        MechanismParams m = new MechanismParams(base.stars(), base.salaryByStars(), base.commission(),
                Map.of(Layer.HQ, gp), base.pk(), base.funnel(), base.projects(), 0, List.of());
        Scenario s = two(m, List.of(soldier("S1", Layer.BASE, 2, 0, NA), soldier("S2", Layer.HQ, 3, 0, NA)));
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Compensation.FirstYear f = Compensation.firstYear(s, null, baseline, baseline);
        // S2 (HQ): whole-amount 4% at 1.2 on gross profit 1.5M × 0.25 = 375,000: 15,000
        assertEquals(15_000, f.plan().soldiers().get(1).commission(), 1e-9);
        assertEquals(10_000, f.plan().soldiers().get(0).commission(), 1e-9);
        assertEquals(0, f.incrementalCompensation(), 1e-9);
    }
}
