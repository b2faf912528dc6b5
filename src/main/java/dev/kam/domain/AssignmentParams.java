package dev.kam.domain;

import java.time.Duration;

/**
 * Settings of the assignment optimizer (keys under {@code assignment:}).
 *
 * @param timeLimit              wall-clock limit of the search
 * @param unimprovedTimeLimit    stop after this long without a better score (null = no such limit)
 * @param seed                   random seed of the search
 * @param effortLevels           effort levels as multiples of an account's base hours, ascending
 * @param effortNames            display names of the effort levels, same order
 * @param maxProductsPerAccount  cap on products offered to one account
 * @param ratingPriority         objective weight per 5A rating, index 0 = 1A … 4 = 5A
 * @param switchingCost          cost of moving an account away from its current owner, as a fraction
 *                               of the account's current yearly gross profit
 */
public record AssignmentParams(Duration timeLimit, Duration unimprovedTimeLimit, long seed,
                               double[] effortLevels, String[] effortNames, int maxProductsPerAccount,
                               double[] ratingPriority, double switchingCost) {
    public static final AssignmentParams DEFAULT = new AssignmentParams(Duration.ofSeconds(30), null, 1L,
            new double[] {0.5, 1.0, 1.5}, new String[] {"light", "standard", "intensive"}, 2,
            new double[] {0.8, 0.9, 1.0, 1.25, 1.5}, 0.10);
}
