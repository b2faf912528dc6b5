package dev.kam.domain;

import java.time.Duration;

/**
 * Settings of the assignment optimizer (keys under {@code assignment:}). Rating-indexed arrays use
 * index 0 = 1A … 4 = 5A; layer-indexed arrays follow {@link Layer} order (base, project, hq).
 *
 * @param timeLimit              wall-clock limit of the search
 * @param unimprovedTimeLimit    stop after this long without a better score (null = no such limit)
 * @param seed                   random seed of the search
 * @param effortLevels           effort levels as multiples of an account's base hours, ascending
 * @param effortNames            display names of the effort levels, same order
 * @param maxProductsPerAccount  cap on products offered to one account
 * @param ratingPriority         objective weight per 5A rating, index 0 = 1A … 4 = 5A
 * @param switchingCost          cost of moving an account away from its current owner to another soldier,
 *                               as a fraction of the account's current yearly gross profit
 * @param minStars               lowest soldier star rating allowed to lead an account of each rating
 * @param minCertification       lowest certification level (0–3) allowed to lead an account of each rating
 * @param requireRegion          a soldier may lead only accounts in regions they work in
 * @param layerMinRating         lowest account rating each layer may lead
 * @param layerMaxRating         highest account rating each layer may lead
 * @param baseHours              default selling hours per year at standard effort by tier: key, mid, small
 * @param maxAccountsPerSoldier  cap on accounts one soldier leads (0 = no cap)
 * @param searchShare            share of the time limit given to kam's own array search phase before
 *                               OptaPlanner's local search polishes the plan (0–1)
 */
public record AssignmentParams(Duration timeLimit, Duration unimprovedTimeLimit, long seed,
                               double[] effortLevels, String[] effortNames, int maxProductsPerAccount,
                               double[] ratingPriority, double switchingCost,
                               int[] minStars, int[] minCertification, boolean requireRegion,
                               int[] layerMinRating, int[] layerMaxRating, double[] baseHours,
                               int maxAccountsPerSoldier, double searchShare) {
    public static final AssignmentParams DEFAULT = new AssignmentParams(Duration.ofSeconds(30), null, 1L,
            new double[] {0.5, 1.0, 1.5}, new String[] {"light", "standard", "intensive"}, 2,
            new double[] {0.8, 0.9, 1.0, 1.25, 1.5}, 0.10,
            new int[] {1, 1, 2, 3, 4}, new int[] {0, 0, 1, 2, 3}, true,
            new int[] {1, 1, 3}, new int[] {4, 5, 5}, new double[] {300, 120, 40},
            0, 0.8);

    /** The index of the standard effort level (the level closest to 1.0). */
    public int standardEffort() {
        int best = 0;
        for (int i = 1; i < effortLevels.length; i++) {
            if (Math.abs(effortLevels[i] - 1.0) < Math.abs(effortLevels[best] - 1.0)) best = i;
        }
        return best;
    }

    public AssignmentParams withTimeLimit(Duration limit) {
        return new AssignmentParams(limit, unimprovedTimeLimit, seed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare);
    }

    public AssignmentParams withSeed(long newSeed) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, newSeed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare);
    }

    /** A copy with other effort levels (for the GAP benchmark: one level, 1.0). */
    public AssignmentParams withEffort(double[] levels, String[] names) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, seed, levels, names,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare);
    }
}
