package dev.kam.mechanisms;

import dev.kam.RandomCases;
import dev.kam.domain.MechanismParams.Basis;
import dev.kam.domain.MechanismParams.Commission;
import dev.kam.domain.MechanismParams.Method;
import dev.kam.domain.MechanismParams.Tier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiered commission (阶梯提成) on hand-computed cases: 1% to 80% of quota, 2% to 100%, 4% above. */
class CommissionTableTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final List<Tier> SPEC = List.of(new Tier(0.8, 0.01), new Tier(1.0, 0.02), new Tier(INF, 0.04));
    private static final double QUOTA = 1_000_000;

    private static CommissionTable table(Method method, double cap, double kaWeight) {
        return CommissionTable.of(new Commission(Basis.REVENUE, method, SPEC, cap, kaWeight));
    }

    private static double pay(CommissionTable t, double revenue) {
        return t.pay(revenue, Books.attainment(revenue, QUOTA));
    }

    @Test
    void marginalPaysEachSliceAtItsOwnRate() {
        CommissionTable t = table(Method.MARGINAL, INF, 1);
        assertEquals(5_000, pay(t, 500_000), 1e-9);                    // 500k × 1%
        assertEquals(8_000, pay(t, 800_000), 1e-9);                    // the boundary belongs to the lower tier
        assertEquals(10_000, pay(t, 900_000), 1e-9);                   // 800k × 1% + 100k × 2%
        assertEquals(12_000, pay(t, 1_000_000), 1e-9);                 // 8,000 + 200k × 2%
        assertEquals(20_000, pay(t, 1_200_000), 1e-9);                 // 12,000 + 200k × 4%
        assertEquals(0, pay(t, 0), 0);
        assertEquals(0, t.tier(0.8));
        assertEquals(1, t.tier(0.8000001));
        assertEquals(2, t.tier(1.0000001));
        assertEquals(20_000.0 / 1_200_000, t.effectiveRate(1.2), 1e-15);
    }

    @Test
    void wholeAmountPaysEverythingAtTheTierReached() {
        CommissionTable t = table(Method.WHOLE, INF, 1);
        assertEquals(8_000, pay(t, 800_000), 1e-9);                    // 800k × 1%
        assertEquals(18_000, pay(t, 900_000), 1e-9);                   // 900k × 2%
        assertEquals(20_000, pay(t, 1_000_000), 1e-9);                 // 1,000k × 2%
        assertEquals(48_000, pay(t, 1_200_000), 1e-9);                 // 1,200k × 4%
    }

    @Test
    void grossProfitBasisUsesTheRevenueAttainmentsRate() {
        CommissionTable t = CommissionTable.of(new Commission(Basis.GROSS_PROFIT, Method.MARGINAL, SPEC, INF, 1));
        assertEquals(300_000, t.basisOf(1_200_000, 300_000));
        // effective rate at 120% is 20,000 / 1,200,000 = 1/60; on 300,000 of gross profit that is 5,000
        assertEquals(5_000, t.pay(300_000, 1.2), 1e-9);
    }

    @Test
    void capAndKeyAccountWeight() {
        assertEquals(15_000, pay(table(Method.MARGINAL, 15_000, 1), 1_200_000), 1e-9);
        CommissionTable t = table(Method.MARGINAL, INF, 1.5);
        assertEquals(400_000 + 1.5 * 600_000, t.weightedBasis(400_000, 600_000), 1e-9);
        // basis 1.3M paid at the rate of a 1.0 attainment (1.2%): 15,600
        assertEquals(15_600, t.pay(t.weightedBasis(400_000, 600_000), 1.0), 1e-9);
    }

    @Test
    void noQuotaOrInfiniteAttainment() {
        CommissionTable t = table(Method.MARGINAL, INF, 1);
        assertEquals(0, Books.attainment(500_000, 0));
        assertEquals(0, t.pay(500_000, 0));
        assertEquals(0.04, t.effectiveRate(INF), 0);
    }

    @Test
    void schemesThatLeaveAttainmentsWithoutARateAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Commission(Basis.REVENUE, Method.MARGINAL,
                List.of(new Tier(0.8, 0.01), new Tier(1.0, 0.02)), INF, 1));
        assertThrows(IllegalArgumentException.class, () -> new Commission(Basis.REVENUE, Method.MARGINAL,
                List.of(new Tier(1.0, 0.02), new Tier(0.8, 0.01), new Tier(INF, 0.04)), INF, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tier(1.0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Tier(1.0, -0.01));
    }

    /** Marginal pay equals the sum over slices computed directly, and never falls when revenue rises. */
    @Test
    void marginalPayIsTheSumOfSlicesAndMonotone() {
        RandomCases.forAll(16_001, 300, (i, r) -> {
            int n = 1 + r.nextInt(5);
            List<Tier> tiers = new ArrayList<>();
            double up = 0;
            for (int k = 0; k < n - 1; k++) {
                up += 0.05 + r.nextDouble();
                tiers.add(new Tier(up, r.nextDouble() * 0.1));
            }
            tiers.add(new Tier(INF, r.nextDouble() * 0.1));
            return new Object[] {tiers, 1 + r.nextDouble() * 1e6, r.nextDouble() * 3, r.nextDouble() * 3};
        }, c -> {
            @SuppressWarnings("unchecked")
            List<Tier> tiers = (List<Tier>) c[0];
            double quota = (double) c[1];
            double a = Math.min((double) c[2], (double) c[3]);
            double b = Math.max((double) c[2], (double) c[3]);
            CommissionTable t = CommissionTable.of(new Commission(Basis.REVENUE, Method.MARGINAL, tiers, INF, 1));
            double slices = 0;
            double lower = 0;
            for (Tier tier : tiers) {
                double hi = Math.min(a, tier.upTo());
                if (hi > lower) slices += tier.rate() * quota * (hi - lower);
                lower = tier.upTo();
            }
            assertEquals(slices, t.pay(a * quota, a), 1e-9 * Math.max(1, slices));
            assertTrue(t.pay(b * quota, b) + 1e-9 >= t.pay(a * quota, a), "pay falls from " + a + " to " + b);
        });
    }
}
