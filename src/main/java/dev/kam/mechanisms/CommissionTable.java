package dev.kam.mechanisms;

import dev.kam.domain.MechanismParams.Basis;
import dev.kam.domain.MechanismParams.Commission;
import dev.kam.domain.MechanismParams.Method;
import dev.kam.domain.MechanismParams.Tier;

import java.util.List;

/**
 * A tiered commission scheme (阶梯提成) compiled to primitive arrays, so that it can be evaluated per soldier,
 * path and year without allocating. Immutable and safe to share between threads.
 *
 * <p>Attainment x = revenue delivered / revenue quota. Tier k covers attainments in (lower_k, upper_k] with
 * rate ρ_k (lower_0 = 0, the last tier open). With basis amount B (revenue or gross profit, key accounts
 * weighted):
 * <ul>
 *   <li>marginal (超额累进, the default): each slice of attainment is paid at its own tier's rate,
 *       pay = B · A(x) / x with A(x) = ∫₀ˣ ρ(u) du; on a revenue basis this is Σ_k ρ_k · quota · |slice_k|;</li>
 *   <li>whole-amount (全额累进): the whole amount is paid at the rate of the tier x falls in, pay = B · ρ(x).</li>
 * </ul>
 * Then pay = min(pay, cap). At x = 0, or without a quota, the pay is 0.
 */
public final class CommissionTable {
    private final double[] lower;
    private final double[] upper;
    private final double[] rate;
    /** A(lower_k): the integral of the rate from 0 to the start of tier k. */
    private final double[] area;
    private final boolean marginal;
    private final double cap;
    private final double keyAccountWeight;
    private final Basis basis;

    private CommissionTable(Commission c) {
        List<Tier> tiers = c.tiers();
        int n = tiers.size();
        lower = new double[n];
        upper = new double[n];
        rate = new double[n];
        area = new double[n];
        double lo = 0;
        double a = 0;
        for (int k = 0; k < n; k++) {
            lower[k] = lo;
            upper[k] = tiers.get(k).upTo();
            rate[k] = tiers.get(k).rate();
            area[k] = a;
            if (k < n - 1) a += rate[k] * (upper[k] - lo);
            lo = upper[k];
        }
        marginal = c.method() == Method.MARGINAL;
        cap = c.cap();
        keyAccountWeight = c.keyAccountWeight();
        basis = c.basis();
    }

    public static CommissionTable of(Commission c) {
        return new CommissionTable(c);
    }

    public Basis basis() {
        return basis;
    }

    /** The tier (0-based) an attainment falls in: the first whose upper bound is at least x. */
    public int tier(double attainment) {
        int k = 0;
        while (k < upper.length - 1 && attainment > upper[k]) k++;
        return k;
    }

    /**
     * Commission paid per unit of basis at this attainment: A(x)/x (marginal) or ρ(x) (whole); 0 at x ≤ 0.
     * An infinite attainment pays the top rate.
     */
    public double effectiveRate(double attainment) {
        if (!(attainment > 0)) return 0.0;
        int k = tier(attainment);
        if (!marginal) return rate[k];
        if (attainment == Double.POSITIVE_INFINITY) return rate[rate.length - 1];
        return (area[k] + rate[k] * (attainment - lower[k])) / attainment;
    }

    /**
     * One soldier's commission for a year (currency).
     *
     * @param basis      the basis delivered (revenue or gross profit, currency), key accounts already weighted
     * @param attainment revenue delivered / revenue quota (0 when the soldier has no quota)
     */
    public double pay(double basis, double attainment) {
        if (!(basis > 0)) return 0.0;
        return Math.min(cap, basis * effectiveRate(attainment));
    }

    /** The basis with key-account business weighted: other + weight · keyAccount (both currency). */
    public double weightedBasis(double otherBasis, double keyAccountBasis) {
        return otherBasis + keyAccountWeight * keyAccountBasis;
    }

    /** The basis amount of an account-year: its revenue, or its gross profit (both currency). */
    public double basisOf(double revenue, double grossProfit) {
        return basis == Basis.GROSS_PROFIT ? grossProfit : revenue;
    }
}
