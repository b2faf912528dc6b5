package dev.kam.domain;

/**
 * Parameters of the Monte Carlo model (SPEC §5), all per year. Keys under {@code simulation:}.
 *
 * @param paths               number of Monte Carlo paths
 * @param seed                master seed
 * @param threads             worker threads (0 = all cores); never changes the numbers
 * @param growthMean          g, expected yearly wallet growth
 * @param growthSd            σ, volatility of the wallet's log-growth
 * @param corrMarket          a², share of shock variance common to all accounts
 * @param corrIndustry        b², share of shock variance common to an industry
 * @param churnCovered        yearly churn probability of a covered active account
 * @param churnUncovered      yearly churn probability of an uncovered active account
 * @param shareCeiling        s_max, the share of wallet an account can reach
 * @param gainCovered         k at full response and fit
 * @param gainUncovered       k when uncovered
 * @param conversionCovered   yearly prospect conversion at full response and fit
 * @param conversionUncovered yearly prospect conversion when uncovered
 * @param initialShare        share of wallet of a converted prospect
 * @param productAdoption     yearly probability that an offered product is adopted
 * @param newProspectsPerYear Poisson mean of new prospects per year
 * @param responseShape       c of the response curve r(e) = e^c / (d^c + e^c)
 * @param responseHalf        d of the response curve: the effort (multiple of base hours) with half response
 * @param fit                 soldier–account fit weights
 */
public record SimulationParams(int paths, long seed, int threads,
                               double growthMean, double growthSd,
                               double corrMarket, double corrIndustry,
                               double churnCovered, double churnUncovered,
                               double shareCeiling, double gainCovered, double gainUncovered,
                               double conversionCovered, double conversionUncovered,
                               double initialShare, double productAdoption, double newProspectsPerYear,
                               double responseShape, double responseHalf, FitWeights fit) {
    public static final SimulationParams DEFAULT = new SimulationParams(10_000, 1L, 0,
            0.05, 0.10, 0.30, 0.20, 0.03, 0.12, 0.80, 0.15, 0.02, 0.25, 0.03, 0.10, 0.50, 20,
            2.0, 0.5, FitWeights.DEFAULT);
}
