package dev.kam.domain;

/**
 * Settings of the diagnosis (keys under {@code analysis:}).
 *
 * @param keyShare       cumulative revenue share covered by the key tier (accounts ranked by revenue)
 * @param midShare       cumulative revenue share covered by key plus mid tiers
 * @param useThreshold   accounts at or above the key-account threshold are key whatever their rank
 * @param ratingWeights  weights of the five 5A criteria: revenue, profit, credit, efficiency, ease
 * @param ratingCuts     score cut points for 2A, 3A, 4A, 5A (ascending, score 0–1)
 */
public record AnalysisParams(double keyShare, double midShare, boolean useThreshold,
                             double[] ratingWeights, double[] ratingCuts) {
    public static final AnalysisParams DEFAULT = new AnalysisParams(0.5, 0.8, true,
            new double[] {0.30, 0.25, 0.15, 0.15, 0.15}, new double[] {0.2, 0.4, 0.6, 0.8});
}
