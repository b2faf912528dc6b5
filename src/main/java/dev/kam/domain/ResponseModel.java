package dev.kam.domain;

/**
 * How coverage by a soldier changes an account's next year: the single place where the assignment
 * coefficients (SPEC §4) and the Monte Carlo model (SPEC §5) meet, so that the optimizer maximizes
 * exactly what the simulation expects.
 *
 * <p>Effort e is a multiple of the account's base hours (1 = standard). The response curve is the
 * ADBUDG / Hill form r(e) = e^c / (d^c + e^c) of Little (1970) and Lodish's CALLPLAN (1971).
 * A covered account's share-of-wallet gain rate is k = k_u + (k_c − k_u)·r(e)·fit, and its prospect
 * conversion probability p = p_u + (p_c − p_u)·r(e)·fit.
 */
public final class ResponseModel {
    private final SimulationParams p;

    public ResponseModel(SimulationParams p) {
        this.p = p;
    }

    public SimulationParams params() {
        return p;
    }

    /** r(e) in [0, 1); 0 for e ≤ 0. */
    public double response(double effort) {
        if (effort <= 0) return 0.0;
        double ec = Math.pow(effort, p.responseShape());
        return ec / (Math.pow(p.responseHalf(), p.responseShape()) + ec);
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

    /** Share-of-wallet gain rate k of an account covered at effort e with fit f. */
    public double shareGain(double effort, double fit) {
        return p.gainUncovered() + (p.gainCovered() - p.gainUncovered()) * response(effort) * fit;
    }

    /** Yearly conversion probability of a prospect covered at effort e with fit f. */
    public double conversion(double effort, double fit) {
        return p.conversionUncovered() + (p.conversionCovered() - p.conversionUncovered()) * response(effort) * fit;
    }

    /** Next share of wallet: s + max(0, s_max − s)·k (a share above the ceiling stays where it is). */
    public double nextShare(double share, double k) {
        return share + Math.max(0.0, p.shareCeiling() - share) * k;
    }

    /**
     * Expected revenue next year (currency) of an account, before products.
     *
     * @param covered whether a soldier leads it; effort and fit are ignored when not
     */
    public double expectedRevenue(Account a, boolean covered, double effort, double fit) {
        double w1 = a.wallet() * (1 + p.growthMean());
        if (a.isProspect()) {
            double conv = covered ? conversion(effort, fit) : p.conversionUncovered();
            return conv * p.initialShare() * w1;
        }
        double k = covered ? shareGain(effort, fit) : p.gainUncovered();
        double churn = covered ? p.churnCovered() : p.churnUncovered();
        return (1 - churn) * nextShare(a.shareOfWallet(), k) * w1;
    }

    /** Expected one-year gross-profit uplift (currency) of covering the account versus leaving it uncovered. */
    public double coverUplift(Account a, double effort, double fit) {
        return a.margin() * (expectedRevenue(a, true, effort, fit) - expectedRevenue(a, false, 0, 0));
    }

    /** Expected one-year gross profit (currency) of offering a product to a covered account. */
    public double productUplift(Account a, Product prod) {
        // a prospect can adopt only once converted; the coefficient uses conversion at full response
        double survive = a.isProspect() ? p.conversionCovered() : 1 - p.churnCovered();
        return p.productAdoption() * prod.price() * prod.margin() * survive;
    }

    /**
     * Expected one-year gross profit (currency) of offering a product to an account led at effort e with fit f
     * (CONTRACT §3): adoption · price · margin · (1 − covered churn) for an active account; for a prospect,
     * which adopts only in a year it is active, adoption · price · margin · conversion(e, f).
     */
    public double productUplift(Account a, Product prod, double effort, double fit) {
        double active = a.isProspect() ? conversion(effort, fit) : 1 - p.churnCovered();
        return p.productAdoption() * prod.price() * prod.margin() * active;
    }

    /**
     * The response gain g of a pair whose relationships.csv {@code value} fixes its first-year gross-profit
     * uplift at standard effort (CONTRACT §4): for an active account the covered share-gain rate is
     * k_u + g·r(e)/r(e_std), for a prospect the conversion probability p_u + g·r(e)/r(e_std). g is solved so
     * that {@link #overrideUplift} at e_std equals the value, then clamped to the valid range (k and p in
     * [0, 1]); compare {@code overrideUplift} with the value to see whether clamping changed it.
     *
     * @param value          the pair's uplift at standard effort (currency/year)
     * @param standardEffort the standard effort multiple e_std (the level closest to 1.0)
     */
    public double overrideGain(Account a, double value, double standardEffort) {
        double w1 = a.wallet() * (1 + p.growthMean());
        if (a.isProspect()) {
            double per = a.margin() * p.initialShare() * w1;
            double g = per > 0 ? value / per : 0.0;
            return clamp(g, -p.conversionUncovered(), 1 - p.conversionUncovered());
        }
        double s0 = a.shareOfWallet();
        double head = Math.max(0.0, p.shareCeiling() - s0);
        double kept = (1 - p.churnCovered()) * head * w1 * a.margin();
        if (!(kept > 0)) return 0.0;
        double base = a.margin() * w1 * ((1 - p.churnCovered()) - (1 - p.churnUncovered()))
                * (s0 + head * p.gainUncovered());
        double g = (value - base) / kept;
        return clamp(g, -p.gainUncovered(), 1 - p.gainUncovered());
    }

    /** First-year gross-profit uplift (currency) of a pair with response gain g (see {@link #overrideGain}) at effort e. */
    public double overrideUplift(Account a, double gain, double effort, double standardEffort) {
        double w1 = a.wallet() * (1 + p.growthMean());
        if (a.isProspect()) {
            double conv = overrideConversion(gain, effort, standardEffort);
            return a.margin() * (conv - p.conversionUncovered()) * p.initialShare() * w1;
        }
        double k = overrideShareGain(gain, effort, standardEffort);
        return a.margin() * ((1 - p.churnCovered()) * nextShare(a.shareOfWallet(), k) * w1
                - expectedRevenue(a, false, 0, 0));
    }

    /** Covered share-gain rate k of an overridden pair with response gain g at effort e (clamped to [0, 1]). */
    public double overrideShareGain(double gain, double effort, double standardEffort) {
        double rs = response(standardEffort);
        return clamp(p.gainUncovered() + gain * (rs > 0 ? response(effort) / rs : 1.0), 0, 1);
    }

    /** Conversion probability of an overridden prospect pair with response gain g at effort e (clamped to [0, 1]). */
    public double overrideConversion(double gain, double effort, double standardEffort) {
        double rs = response(standardEffort);
        return clamp(p.conversionUncovered() + gain * (rs > 0 ? response(effort) / rs : 1.0), 0, 1);
    }

    /**
     * The first-year churn bump Δq that realises the switching cost of an account that changes lead (CONTRACT
     * §2): Δq = min(1 − q, switchingCost · GP0 / E[GP1 | it survives, under its plan lead]).
     *
     * @param churn            the account's first-year churn probability q under its plan lead
     * @param switchingCost    {@code assignment.switchingCost}
     * @param grossProfitToday GP0, today's yearly gross profit (currency)
     * @param survivingGp1     E[GP1 | survives] under the plan lead, products included (currency)
     */
    public static double switchChurnBump(double churn, double switchingCost, double grossProfitToday,
                                         double survivingGp1) {
        if (!(survivingGp1 > 0)) return 1 - churn;
        return Math.min(1 - churn, Math.max(0.0, switchingCost * grossProfitToday / survivingGp1));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
