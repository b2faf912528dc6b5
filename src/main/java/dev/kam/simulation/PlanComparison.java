package dev.kam.simulation;

/**
 * A baseline and a plan simulated with common random numbers: path p of both saw the same market,
 * industry and account shocks and the same churn and conversion draws, so the per-path difference
 * isolates the plan's effect. The uplift is a distribution over paths, not a difference of medians.
 */
public final class PlanComparison {
    private final SimulationResult baseline;
    private final SimulationResult plan;

    /** The pair of two results simulated on the same paths (the same object twice when the plan is the baseline). */
    public static PlanComparison of(SimulationResult baseline, SimulationResult plan) {
        return new PlanComparison(baseline, plan);
    }

    PlanComparison(SimulationResult baseline, SimulationResult plan) {
        if (baseline.paths() != plan.paths() || baseline.horizon() != plan.horizon()) {
            throw new IllegalArgumentException("baseline and plan must have the same paths and horizon");
        }
        this.baseline = baseline;
        this.plan = plan;
    }

    public SimulationResult baseline() {
        return baseline;
    }

    public SimulationResult plan() {
        return plan;
    }

    /** Per path: plan − baseline of a metric in year index y. */
    public double[] uplift(Metric m, int y) {
        double[] a = plan.valuesView(m, y);
        double[] b = baseline.valuesView(m, y);
        double[] d = new double[a.length];
        for (int p = 0; p < a.length; p++) d[p] = a[p] - b[p];
        return d;
    }

    /** Per path: plan − baseline of the gross profit summed over the whole horizon (currency). */
    public double[] cumulativeProfitUplift() {
        double[] d = new double[plan.paths()];
        for (int y = 0; y < plan.horizon(); y++) {
            double[] a = plan.valuesView(Metric.GROSS_PROFIT, y);
            double[] b = baseline.valuesView(Metric.GROSS_PROFIT, y);
            for (int p = 0; p < d.length; p++) d[p] += a[p] - b[p];
        }
        return d;
    }

    /** Statistics of the per-path uplift of a metric in year index y. */
    public Stats upliftStats(Metric m, int y) {
        return Stats.of(uplift(m, y));
    }

    /**
     * The uplift headline's first figure: the expected first-year gross-profit uplift of the plan over the
     * baseline by ResponseModel (currency, at the parameters' centres) — what the optimizer maximizes.
     */
    public double expectedFirstYearUplift() {
        return plan.expectedFirstYearProfit() - baseline.expectedFirstYearProfit();
    }

    /** The simulated first-year gross-profit uplift, per-path mean with its paired standard error and interval. */
    public Difference firstYearUplift() {
        return Difference.paired(plan.valuesView(Metric.GROSS_PROFIT, 0), baseline.valuesView(Metric.GROSS_PROFIT, 0));
    }

    /**
     * The uplift headline's second figure: the simulated gross-profit uplift summed over the horizon, per-path mean
     * with its paired standard error and 95% interval (currency).
     */
    public Difference cumulativeUplift() {
        return Difference.of(cumulativeProfitUplift());
    }

    /** P(goal) of the plan minus P(goal) of the baseline, with its paired standard error. */
    public Difference goalProbabilityDifference() {
        int last = plan.horizon() - 1;
        return Difference.ofHits(plan.valuesView(Metric.KEY_ACCOUNT_REVENUE, last), plan.goal(),
                baseline.valuesView(Metric.KEY_ACCOUNT_REVENUE, last), baseline.goal());
    }

    /** Fraction of paths on which the plan's value is strictly above the baseline's. */
    public double probabilityBetter(Metric m, int y) {
        double[] d = uplift(m, y);
        int k = 0;
        for (double v : d) if (v > 0) k++;
        return (double) k / d.length;
    }
}
