package dev.kam.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How coverage by a soldier changes an account's next year: the single place where the assignment
 * coefficients (SPEC §4) and the Monte Carlo model (SPEC §5, §8) meet, so that the optimizer maximizes
 * exactly what the simulation expects (docs/model.md, “What the optimizer maximizes is what the simulation does”).
 *
 * <p>Effort e is a multiple of the account's base hours (1 = standard). The response curve is the
 * ADBUDG / Hill form r(e) = e^c / (d^c + e^c) of Little (1970) and Lodish's CALLPLAN (1971).
 * A covered account's share-of-wallet gain rate is k = k_u + (k_c − k_u)·r(e)·fit, and its prospect
 * conversion probability p = p_u + (p_c − p_u)·r(e)·fit. A surviving account's share moves by
 * s₁ = s₀ + k·max(0, s_max − s₀) − δ·s₀ (SPEC §8 share erosion δ).
 *
 * <p>The static methods are the formulas themselves, on plain numbers; the simulation's hot loop calls them
 * directly, and every instance method below is built from them.
 */
public final class ResponseModel {
    private final SimulationParams p;

    public ResponseModel(SimulationParams p) {
        this.p = p;
    }

    public SimulationParams params() {
        return p;
    }

    // ---- the formulas, on plain numbers ---------------------------------------------------------------

    /** r(e) = e^c / (d^c + e^c) in [0, 1); 0 for e ≤ 0. */
    public static double response(double effort, double shape, double half) {
        if (effort <= 0) return 0.0;
        double ec = Math.pow(effort, shape);
        return ec / (Math.pow(half, shape) + ec);
    }

    /** A covered rate (share gain k or conversion p): uncovered + (covered − uncovered)·r(e)·fit. */
    public static double coveredRate(double uncovered, double covered, double responseTimesFit) {
        return uncovered + (covered - uncovered) * responseTimesFit;
    }

    /**
     * Next share of wallet of a surviving account: s + k·max(0, s_max − s) − δ·s, at least 0. For s ≤ s_max this
     * is SPEC §8's s + k(s_max − s) − δs, which stays within [0, s_max] for k, δ in [0, 1]; a share above the
     * ceiling gains nothing and erodes.
     */
    public static double nextShare(double share, double gain, double ceiling, double erosion) {
        double s = share + gain * Math.max(0.0, ceiling - share) - erosion * share;
        return s > 0 ? s : 0.0;
    }

    /**
     * Yearly churn of an active account: churn.covered / churn.uncovered, and for an account whose stage is
     * at-risk churn.atRisk when uncovered, scaled by the same hazard ratio churn.covered / churn.uncovered when
     * covered (coverage removes the same fraction of the risk as for any account).
     */
    public static double churn(boolean atRisk, boolean covered, double churnCovered, double churnUncovered,
                               double churnAtRisk) {
        if (!atRisk) return covered ? churnCovered : churnUncovered;
        if (!covered) return churnAtRisk;
        double ratio = churnUncovered > 0 ? churnCovered / churnUncovered : 1.0;
        return Math.min(1.0, churnAtRisk * ratio);
    }

    /**
     * The first-year churn bump that realises a switching cost (docs/model.md, “What the optimizer maximizes is what the simulation does”): Δq = min(1 − q,
     * cost / E[GP₁ | it survives]), so that Δq·E[GP₁ | survives] = cost unless the whole account would not pay it.
     *
     * @param churn          the account's first-year churn q under its plan lead
     * @param cost           switching cost (currency): assignment.switchingCost × today's gross profit
     * @param profitIfSurvives expected first-year gross profit if it survives, products included (currency)
     */
    public static double churnBump(double churn, double cost, double profitIfSurvives) {
        if (!(cost > 0)) return 0.0;
        double room = Math.max(0.0, 1.0 - churn);
        if (!(profitIfSurvives > 0)) return room;
        return Math.min(room, cost / profitIfSurvives);
    }

    /**
     * The gain rate k* of an active account that makes its expected first-year gross-profit uplift of coverage at
     * standard effort (over leaving it uncovered) equal a manager's value V (docs/model.md, “What the optimizer maximizes is what the simulation does”):
     * V = m·W₁·[(1 − q_c)·s₁(k*) − (1 − q_u)·s₁(k_u)], solved for k* and clamped to [0, 1].
     *
     * @param profitWallet m·W₁: margin × expected wallet next year (currency)
     * @return k*, or NaN when no k can express a value (no room below the ceiling, certain churn or no wallet)
     */
    public static double overrideGain(double value, double profitWallet, double share, double ceiling, double erosion,
                                      double churnCovered, double churnUncovered, double gainUncovered) {
        double room = Math.max(0.0, ceiling - share);
        double alive = 1 - churnCovered;
        if (!(profitWallet > 0) || !(room > 0) || !(alive > 0)) return Double.NaN;
        double uncovered = (1 - churnUncovered) * nextShare(share, gainUncovered, ceiling, erosion);
        double k = (value / profitWallet + uncovered - alive * (share - erosion * share)) / (alive * room);
        return Math.max(0.0, Math.min(1.0, k));
    }

    /**
     * The conversion probability p* of a prospect that makes its first-year uplift at standard effort equal V:
     * V = m·W₁·s_init·(p* − p_u), clamped to [0, 1]; NaN when no wallet or initial share.
     */
    public static double overrideConversion(double value, double profitWallet, double initialShare,
                                            double conversionUncovered) {
        double scale = profitWallet * initialShare;
        if (!(scale > 0)) return Double.NaN;
        return Math.max(0.0, Math.min(1.0, conversionUncovered + value / scale));
    }

    /** An overridden rate at effort e: uncovered + (rate at standard effort − uncovered)·r(e)/r(1). */
    public static double overrideRate(double uncovered, double atStandard, double responseRatio) {
        return uncovered + (atStandard - uncovered) * responseRatio;
    }

    /**
     * The status-quo-neutral erosion (SPEC §8, derivation in docs/model.md): δ = Σ wᵢ·kᵢ·max(0, s_max − s₀ᵢ) /
     * Σ wᵢ·s₀ᵢ, with wᵢ = (1 − qᵢ)·W₀ᵢ over today's active accounts under today's owners, so that the expected
     * share of wallet of the survivors after one year equals their share today; clamped to [0, 1].
     *
     * @param weightedGain  Σ wᵢ·kᵢ·max(0, s_max − s₀ᵢ)
     * @param weightedShare Σ wᵢ·s₀ᵢ
     */
    public static double neutralErosion(double weightedGain, double weightedShare) {
        if (!(weightedShare > 0)) return 0.0;
        return Math.max(0.0, Math.min(1.0, weightedGain / weightedShare));
    }

    // ---- the same formulas for one account --------------------------------------------------------------

    /** r(e) in [0, 1); 0 for e ≤ 0. */
    public double response(double effort) {
        return response(effort, p.responseShape(), p.responseHalf());
    }

    /** r(e) / r(1): how an overridden pair's response at effort e compares with standard effort. */
    public double responseRatio(double effort) {
        double r1 = response(1.0);
        return r1 > 0 ? response(effort) / r1 : 0.0;
    }

    /**
     * Fit of a soldier to an account, 0–1.
     *
     * @param strength relationship strength 0–1, NaN when unknown (then the owner / default strength applies)
     */
    public double fit(Soldier s, Account a, double strength) {
        FitWeights w = p.fit();
        double rel = !Double.isNaN(strength) ? strength
                : (s.id().equals(a.owner()) ? w.ownerStrength() : w.defaultStrength());
        double f = (s.knowsIndustry(a.industry()) ? w.industry() : 0.0)
                + (s.worksIn(a.region()) ? w.region() : 0.0)
                + w.stars() * s.stars() / 5.0
                + w.relationship() * rel;
        return Math.max(0.0, Math.min(1.0, f));
    }

    /** δ in use. */
    public double erosion() {
        double d = p.erosion();
        if (Double.isNaN(d)) {
            throw new IllegalStateException("simulation.shareErosion is the status-quo-neutral default, which is "
                    + "derived from a scenario's accounts: build the Scenario (or give shareErosion) first");
        }
        return d;
    }

    /** Share-of-wallet gain rate k of an account covered at effort e with fit f. */
    public double shareGain(double effort, double fit) {
        return coveredRate(p.gainUncovered(), p.gainCovered(), response(effort) * fit);
    }

    /** Yearly conversion probability of a prospect covered at effort e with fit f. */
    public double conversion(double effort, double fit) {
        return coveredRate(p.conversionUncovered(), p.conversionCovered(), response(effort) * fit);
    }

    /** Next share of wallet of a survivor with gain rate k (erosion included). */
    public double nextShare(double share, double k) {
        return nextShare(share, k, p.shareCeiling(), erosion());
    }

    /** Yearly churn of an active account, at-risk accounts included. */
    public double churn(Account a, boolean covered) {
        return churn(a.stage() == Stage.AT_RISK, covered, p.churnCovered(), p.churnUncovered(), p.churnAtRisk());
    }

    /** Margin × expected wallet next year (currency). */
    private double profitWallet(Account a) {
        return a.margin() * a.wallet() * (1 + p.growthMean());
    }

    /**
     * Gain rate k of an active account covered at effort e with fit f, or with a relationships.csv value V for the
     * pair (NaN: none), which replaces fit and the response at standard effort (docs/model.md, “What the optimizer maximizes is what the simulation does”).
     */
    public double shareGain(Account a, double effort, double fit, double value) {
        if (!Double.isNaN(value)) {
            double k = overrideGain(value, profitWallet(a), a.shareOfWallet(), p.shareCeiling(), erosion(),
                    churn(a, true), churn(a, false), p.gainUncovered());
            if (!Double.isNaN(k)) return overrideRate(p.gainUncovered(), k, responseRatio(effort));
        }
        return shareGain(effort, fit);
    }

    /** Conversion probability of a prospect covered at effort e with fit f, or with a pair value V (NaN: none). */
    public double conversion(Account a, double effort, double fit, double value) {
        if (!Double.isNaN(value)) {
            double c = overrideConversion(value, profitWallet(a), p.initialShare(), p.conversionUncovered());
            if (!Double.isNaN(c)) return overrideRate(p.conversionUncovered(), c, responseRatio(effort));
        }
        return conversion(effort, fit);
    }

    /**
     * Whether a pair value cannot be expressed exactly: the solved k or conversion was clamped to [0, 1], or the
     * account leaves no room for any gain; the plan should say so.
     */
    public boolean overrideClamped(Account a, double value) {
        if (Double.isNaN(value)) return false;
        double uplift = coverUplift(a, 1.0, 0.0, value);
        return Math.abs(uplift - value) > 1e-6 * Math.max(1.0, Math.abs(value));
    }

    /**
     * Expected revenue next year (currency) of an account, before products and switching cost.
     *
     * @param covered whether a soldier leads it; effort and fit are ignored when not
     */
    public double expectedRevenue(Account a, boolean covered, double effort, double fit) {
        return expectedRevenue(a, covered, effort, fit, Double.NaN);
    }

    /** As {@link #expectedRevenue(Account, boolean, double, double)}, with a pair value V for the lead (NaN: none). */
    public double expectedRevenue(Account a, boolean covered, double effort, double fit, double value) {
        double w1 = a.wallet() * (1 + p.growthMean());
        if (a.isProspect()) {
            double conv = covered ? conversion(a, effort, fit, value) : p.conversionUncovered();
            return conv * p.initialShare() * w1;
        }
        double k = covered ? shareGain(a, effort, fit, value) : p.gainUncovered();
        return (1 - churn(a, covered)) * nextShare(a.shareOfWallet(), k) * w1;
    }

    /** Expected one-year gross-profit uplift (currency) of covering the account versus leaving it uncovered. */
    public double coverUplift(Account a, double effort, double fit) {
        return coverUplift(a, effort, fit, Double.NaN);
    }

    /** As {@link #coverUplift(Account, double, double)} with a pair value V (NaN: none); equals V at effort 1. */
    public double coverUplift(Account a, double effort, double fit, double value) {
        return a.margin() * (expectedRevenue(a, true, effort, fit, value) - expectedRevenue(a, false, 0, 0));
    }

    /**
     * Expected one-year gross profit (currency) of offering a product to an account covered at effort e with fit f
     * (docs/model.md, “What the optimizer maximizes is what the simulation does”): adoption·price·margin times the probability that the account is active next year, i.e.
     * 1 − churn for an active account and the conversion probability conv(e, fit) for a prospect.
     */
    public double productUplift(Account a, Product prod, double effort, double fit) {
        return productUplift(a, prod, effort, fit, Double.NaN);
    }

    /** As {@link #productUplift(Account, Product, double, double)} with a pair value V of the lead (NaN: none). */
    public double productUplift(Account a, Product prod, double effort, double fit, double value) {
        double active = a.isProspect() ? conversion(a, effort, fit, value) : 1 - churn(a, true);
        return p.productAdoption() * prod.price() * prod.margin() * active;
    }

    /**
     * Expected one-year gross profit of offering a product to an active account (1 − churn); for a prospect the
     * value at full response and fit, an upper bound: use {@link #productUplift(Account, Product, double, double)}.
     */
    public double productUplift(Account a, Product prod) {
        if (!a.isProspect()) return productUplift(a, prod, 1.0, 1.0);
        return p.productAdoption() * prod.price() * prod.margin() * p.conversionCovered();
    }

    /** The switching cost of moving or dropping the account (currency): switchingCost × today's gross profit. */
    public static double switchingCost(Account a, double switchingCost) {
        return switchingCost * Math.max(0.0, a.grossProfit());
    }

    /**
     * Expected first-year gross profit of the account if it survives (active) or is active (prospect), under a lead
     * (covered) or none, products offered included (currency).
     */
    public double profitIfActive(Account a, boolean covered, double effort, double fit, double value,
                                 Collection<Product> offered) {
        double w1 = a.wallet() * (1 + p.growthMean());
        double base;
        if (a.isProspect()) {
            base = p.initialShare() * w1;
        } else {
            double k = covered ? shareGain(a, effort, fit, value) : p.gainUncovered();
            base = nextShare(a.shareOfWallet(), k) * w1;
        }
        double gp = base * a.margin();
        for (Product pr : offered) gp += p.productAdoption() * pr.price() * pr.margin();
        return gp;
    }

    /**
     * The first-year churn bump of an account that has an owner today and ends the plan with another lead or none
     * (docs/model.md, “What the optimizer maximizes is what the simulation does”); 0 for an account that keeps its owner or has none today.
     *
     * @param lead    its lead in the plan, null when dropped
     * @param value   relationships.csv value of the plan's pair (NaN: none)
     * @param offered products offered to it in the plan
     */
    public double churnBump(Account a, Coverage.Lead lead, double value, Collection<Product> offered,
                            double switchingCost) {
        if (a.owner() == null || a.isProspect()) return 0.0;
        if (lead != null && a.owner().equals(lead.soldierId())) return 0.0;
        if (!(a.wallet() > 0)) return 0.0;
        boolean covered = lead != null;
        double effort = covered ? lead.effort() : 0;
        double fit = covered ? lead.fit() : 0;
        double q = churn(a, covered);
        return churnBump(q, switchingCost(a, switchingCost), profitIfActive(a, covered, effort, fit, value, offered));
    }

    /**
     * Expected first-year gross profit of an account under a plan (currency): (1 − q − Δq)·E[GP₁ | survives] for an
     * active account (Δq the switching-cost bump of a move or drop), conv·E[GP₁ | active] for a prospect. Summed
     * over the accounts, the plan's total minus the baseline's is Σ coverUplift + Σ productUplift − the switching
     * costs of moves and drops (exactly, unless a bump is capped at 1 − q): the optimizer's objective before its
     * rating weights (docs/model.md, “What the optimizer maximizes is what the simulation does”).
     *
     * @param lead  the plan's lead, null when uncovered
     * @param value relationships.csv value of the plan's pair (NaN: none)
     */
    public double expectedProfit(Account a, Coverage.Lead lead, double value, Collection<Product> offered,
                                 double switchingCost) {
        boolean covered = lead != null;
        double effort = covered ? lead.effort() : 0;
        double fit = covered ? lead.fit() : 0;
        double gp = profitIfActive(a, covered, effort, fit, value, offered);
        if (a.isProspect()) {
            return (covered ? conversion(a, effort, fit, value) : p.conversionUncovered()) * gp;
        }
        double q = churn(a, covered);
        return (1 - q - churnBump(a, lead, value, offered, switchingCost)) * gp;
    }

    /**
     * The status-quo-neutral erosion of a set of accounts under today's owners at standard effort (see
     * {@link #neutralErosion(double, double)}); relationships.csv values of owner pairs count, solved at the δ they
     * produce (a fixed point reached by iteration).
     */
    public static double derivedErosion(List<Account> accounts, List<Soldier> soldiers, List<Relationship> relationships,
                                        SimulationParams params) {
        Map<String, Soldier> byId = new HashMap<>();
        for (Soldier s : soldiers) byId.put(s.id(), s);
        Map<String, Relationship> rel = new HashMap<>();
        for (Relationship r : relationships) rel.put(Scenario.pairKey(r.soldier(), r.account()), r);
        double delta = 0;
        for (int iter = 0; iter < 50; iter++) {
            ResponseModel m = new ResponseModel(params.withDerivedErosion(delta));
            double gain = 0;
            double share = 0;
            for (Account a : accounts) {
                if (a.isProspect() || !(a.wallet() > 0)) continue;
                Soldier owner = a.owner() == null ? null : byId.get(a.owner());
                boolean covered = owner != null;
                double k = params.gainUncovered();
                if (covered) {
                    Relationship r = rel.get(Scenario.pairKey(owner.id(), a.id()));
                    double strength = r == null ? Double.NaN : r.strength();
                    double value = r == null ? Double.NaN : r.value();
                    k = m.shareGain(a, 1.0, m.fit(owner, a, strength), value);
                }
                double w = (1 - m.churn(a, covered)) * a.wallet();
                gain += w * k * Math.max(0.0, params.shareCeiling() - a.shareOfWallet());
                share += w * a.shareOfWallet();
            }
            double next = neutralErosion(gain, share);
            if (Math.abs(next - delta) < 1e-15) return next;
            delta = next;
        }
        return delta;
    }
}
