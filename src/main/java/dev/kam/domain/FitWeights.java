package dev.kam.domain;

/**
 * Weights of the soldier–account fit, a number in 0–1:
 * fit = industry·[knows industry] + region·[works in region] + stars·(stars/5) + relationship·strength.
 * The weights sum to 1. A pair without a known relationship strength gets {@code ownerStrength}
 * when the soldier leads the account today, else {@code defaultStrength}.
 */
public record FitWeights(double industry, double region, double stars, double relationship,
                         double defaultStrength, double ownerStrength) {
    public static final FitWeights DEFAULT = new FitWeights(0.3, 0.2, 0.3, 0.2, 0.3, 0.8);
}
