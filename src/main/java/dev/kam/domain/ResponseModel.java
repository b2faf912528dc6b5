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
}
