package dev.kam.domain;

import java.util.Locale;

/**
 * The rules of SPEC §4 that decide whether a soldier may lead an account (keys under
 * {@code assignment.eligibility}). Each rule can be checked on its own and relaxed on its own, so an
 * explanation can name the rule that binds: the one whose removal alone would make the pair eligible.
 */
public enum EligibilityRule {
    /** stars ≥ minStars[rating]. */
    STARS,
    /** certification ≥ minCertification[rating]. */
    CERTIFICATION,
    /** the soldier works in the account's region (when requireRegion). */
    REGION,
    /** the layer's minRating ≤ rating ≤ maxRating (正奇合: base, project, HQ project). */
    LAYER;

    /** The rule id used in messages and files: stars, certification, region, layer. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether soldier s breaks this rule for an account of the given region and rating (1–5). */
    public boolean breaks(AssignmentParams p, Soldier s, String region, int rating) {
        return switch (this) {
            case STARS -> s.stars() < p.minStars()[rating - 1];
            case CERTIFICATION -> s.certification() < p.minCertification()[rating - 1];
            case REGION -> p.requireRegion() && !s.worksIn(region);
            case LAYER -> rating < p.layerMinRating()[s.layer().ordinal()] || rating > p.layerMaxRating()[s.layer().ordinal()];
        };
    }

    /** The same settings with this rule switched off (every soldier passes it). */
    public AssignmentParams relax(AssignmentParams p) {
        return switch (this) {
            case STARS -> p.withEligibility(new int[] {1, 1, 1, 1, 1}, p.minCertification(), p.requireRegion(),
                    p.layerMinRating(), p.layerMaxRating());
            case CERTIFICATION -> p.withEligibility(p.minStars(), new int[] {0, 0, 0, 0, 0}, p.requireRegion(),
                    p.layerMinRating(), p.layerMaxRating());
            case REGION -> p.withEligibility(p.minStars(), p.minCertification(), false, p.layerMinRating(),
                    p.layerMaxRating());
            case LAYER -> p.withEligibility(p.minStars(), p.minCertification(), p.requireRegion(),
                    new int[] {1, 1, 1}, new int[] {5, 5, 5});
        };
    }
}
