package dev.kam.domain;

import java.util.Arrays;

/**
 * Settings of the diagnosis (keys under {@code analysis:}); defaults in {@link #DEFAULT}, documented in
 * docs/model.md (Analyze).
 *
 * @param keyShare         cumulative revenue share covered by the key tier (accounts ranked by revenue); 0 = no
 *                         key tier by share
 * @param midShare         cumulative revenue share covered by key plus mid tiers
 * @param useThreshold     accounts at or above the key-account threshold are key whatever their rank
 * @param ratingWeights    weights of the five 5A criteria: revenue, profit, credit, efficiency, ease (≥ 0, not all 0)
 * @param ratingCuts       score cut points for 2A, 3A, 4A, 5A (ascending, score 0–1)
 * @param normalization    how revenue, profit and efficiency become 0–1 scores: {@code percentile} or
 *                         {@code log-minmax}
 * @param prospectShare    share of wallet a prospect is assumed to reach when it is rated on potential;
 *                         NaN = the median share of wallet of today's active accounts
 * @param healthKeyShare   key-account revenue share at or above which the base counts as key-account-led
 * @param healthMaxTop1    largest healthy revenue share of the single biggest account
 * @param bigWallet        wallet (currency/year) from which an account is worth winning or growing;
 *                         NaN = the key-account threshold
 * @param winFootholdShare share of wallet below which an account with a big wallet is not really won (进不来)
 * @param growCeilingRatio an account with a big wallet below this fraction of the share ceiling
 *                         ({@code simulation.shareCeiling}) cannot grow (做不大)
 * @param keepMinCredit    credit below which an account is at risk of being lost (留不住)
 * @param keepOrdersRatio  orders per year below this fraction of the median of its size peers (the 20 accounts
 *                         nearest by revenue) mark it at risk (0 = off)
 */
public record AnalysisParams(double keyShare, double midShare, boolean useThreshold,
                             double[] ratingWeights, double[] ratingCuts,
                             String normalization, double prospectShare,
                             double healthKeyShare, double healthMaxTop1,
                             double bigWallet, double winFootholdShare, double growCeilingRatio,
                             double keepMinCredit, double keepOrdersRatio) {
    public static final String PERCENTILE = "percentile";
    public static final String LOG_MINMAX = "log-minmax";

    public static final AnalysisParams DEFAULT = new AnalysisParams(0.5, 0.8, true,
            new double[] {0.30, 0.25, 0.15, 0.15, 0.15}, new double[] {0.2, 0.4, 0.6, 0.8},
            PERCENTILE, Double.NaN, 0.5, 0.2, Double.NaN, 0.05, 0.5, 0.4, 1.0 / 3);

    public AnalysisParams {
        ratingWeights = ratingWeights.clone();
        ratingCuts = ratingCuts.clone();
        if (ratingWeights.length != 5) throw new IllegalArgumentException("ratingWeights needs 5 weights");
        if (ratingCuts.length != 4) throw new IllegalArgumentException("ratingCuts needs 4 cuts (2A–5A)");
    }

    /** The pyramid and rating settings with every other setting at its default. */
    public AnalysisParams(double keyShare, double midShare, boolean useThreshold,
                          double[] ratingWeights, double[] ratingCuts) {
        this(keyShare, midShare, useThreshold, ratingWeights, ratingCuts, PERCENTILE, Double.NaN, 0.5, 0.2,
                Double.NaN, 0.05, 0.5, 0.4, 1.0 / 3);
    }

    @Override
    public double[] ratingWeights() {
        return ratingWeights.clone();
    }

    @Override
    public double[] ratingCuts() {
        return ratingCuts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalysisParams p && keyShare == p.keyShare && midShare == p.midShare
                && useThreshold == p.useThreshold && Arrays.equals(ratingWeights, p.ratingWeights)
                && Arrays.equals(ratingCuts, p.ratingCuts) && normalization.equals(p.normalization)
                && Double.compare(prospectShare, p.prospectShare) == 0 && healthKeyShare == p.healthKeyShare
                && healthMaxTop1 == p.healthMaxTop1 && Double.compare(bigWallet, p.bigWallet) == 0
                && winFootholdShare == p.winFootholdShare && growCeilingRatio == p.growCeilingRatio
                && keepMinCredit == p.keepMinCredit && keepOrdersRatio == p.keepOrdersRatio;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ratingWeights) * 31 + Arrays.hashCode(ratingCuts) * 17
                + Double.hashCode(keyShare) + Double.hashCode(midShare) + normalization.hashCode();
    }

    @Override
    public String toString() {
        return "AnalysisParams[keyShare=" + keyShare + ", midShare=" + midShare + ", useThreshold=" + useThreshold
                + ", ratingWeights=" + Arrays.toString(ratingWeights) + ", ratingCuts=" + Arrays.toString(ratingCuts)
                + ", normalization=" + normalization + ", prospectShare=" + prospectShare
                + ", healthKeyShare=" + healthKeyShare + ", healthMaxTop1=" + healthMaxTop1
                + ", bigWallet=" + bigWallet + ", winFootholdShare=" + winFootholdShare
                + ", growCeilingRatio=" + growCeilingRatio + ", keepMinCredit=" + keepMinCredit
                + ", keepOrdersRatio=" + keepOrdersRatio + "]";
    }
}
