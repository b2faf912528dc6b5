package dev.kam.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Settings of the assignment optimizer (keys under {@code assignment:}). Rating-indexed arrays use
 * index 0 = 1A … 4 = 5A; layer-indexed arrays follow {@link Layer} order (base, project, hq).
 *
 * @param timeLimit              wall-clock limit of the whole search (null when {@code steps} bounds it instead)
 * @param unimprovedTimeLimit    stop the heuristic after this long without a better score (null = no such limit)
 * @param seed                   random seed of the search
 * @param effortLevels           the effort levels that exist, as multiples of an account's base hours, ascending
 *                               (exactly the levels listed under {@code assignment.effort})
 * @param effortNames            display names of the effort levels, same order
 * @param maxProductsPerAccount  cap on products offered to one account
 * @param ratingPriority         objective weight per 5A rating, index 0 = 1A … 4 = 5A
 * @param switchingCost          cost of an account changing lead (moved to another soldier or dropped), as a
 *                               fraction of the account's current yearly gross profit
 * @param minStars               lowest soldier star rating allowed to lead an account of each rating
 * @param minCertification       lowest certification level (0–3) allowed to lead an account of each rating
 * @param requireRegion          a soldier may lead only accounts in regions they work in
 * @param layerMinRating         lowest account rating each layer may lead
 * @param layerMaxRating         highest account rating each layer may lead
 * @param baseHours              default selling hours per year at standard effort by tier: key, mid, small
 * @param maxAccountsPerSoldier  cap on accounts one soldier leads (0 = no cap)
 * @param searchShare            share of the heuristic's time given to kam's own array search phase before
 *                               OptaPlanner's local search (0–1; 0 = OptaPlanner's construction heuristic instead)
 * @param maxMoves               at most this many accounts owned today change lead (moved or dropped); −1 = no cap
 * @param minUtilization         every soldier's planned hours at least this share of capacity (0–1, default 0)
 * @param solver                 which solvers run: the heuristic alone, the exact side alone, or both (auto)
 * @param steps                  deterministic work limit (0 = none, the time limit bounds the search): heuristic
 *                               steps, and 1/1000 of it in deterministic seconds for the exact side
 * @param engine                 MIP engine of the exact side: {@code scip}, {@code cpsat} or {@code auto}
 * @param whatIf                 compute the value of each move, the gain-vs-moves curve and capacity values
 */
public record AssignmentParams(Duration timeLimit, Duration unimprovedTimeLimit, long seed,
                               double[] effortLevels, String[] effortNames, int maxProductsPerAccount,
                               double[] ratingPriority, double switchingCost,
                               int[] minStars, int[] minCertification, boolean requireRegion,
                               int[] layerMinRating, int[] layerMaxRating, double[] baseHours,
                               int maxAccountsPerSoldier, double searchShare,
                               int maxMoves, double minUtilization, Solver solver, long steps, String engine,
                               boolean whatIf) {

    /** Which side of the optimizer runs (SPEC §9 {@code --solver}). */
    public enum Solver {
        /** OptaPlanner (construction, kam's array search, local search) and a Lagrangian bound. */
        HEURISTIC,
        /** The exact side alone (LP bound, MIP on the reduced-cost core, large-neighbourhood search). */
        EXACT,
        /** The heuristic for a warm start, then the exact side. */
        AUTO;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode for {@code heuristic}, {@code exact} or {@code auto}; null for anything else. */
        public static Solver parse(String text) {
            for (Solver s : values()) if (s.code().equals(text)) return s;
            return null;
        }
    }

    public AssignmentParams {
        if (effortLevels.length == 0 || effortLevels.length != effortNames.length) {
            throw new IllegalArgumentException("effort levels and names must be non-empty and of the same length");
        }
        for (int i = 1; i < effortLevels.length; i++) {
            if (!(effortLevels[i] > effortLevels[i - 1])) throw new IllegalArgumentException("effort levels must increase");
        }
        if (solver == null) solver = Solver.AUTO;
        if (engine == null) engine = "auto";
    }

    /** The settings as they were before disruption control and the exact side (kept for callers of wave 1). */
    public AssignmentParams(Duration timeLimit, Duration unimprovedTimeLimit, long seed,
                            double[] effortLevels, String[] effortNames, int maxProductsPerAccount,
                            double[] ratingPriority, double switchingCost,
                            int[] minStars, int[] minCertification, boolean requireRegion,
                            int[] layerMinRating, int[] layerMaxRating, double[] baseHours,
                            int maxAccountsPerSoldier, double searchShare) {
        this(timeLimit, unimprovedTimeLimit, seed, effortLevels, effortNames, maxProductsPerAccount, ratingPriority,
                switchingCost, minStars, minCertification, requireRegion, layerMinRating, layerMaxRating, baseHours,
                maxAccountsPerSoldier, searchShare, -1, 0.0, Solver.AUTO, 0L, "auto", true);
    }

    public static final AssignmentParams DEFAULT = new AssignmentParams(Duration.ofSeconds(30), null, 1L,
            new double[] {0.5, 1.0, 1.5}, new String[] {"light", "standard", "intensive"}, 2,
            new double[] {0.8, 0.9, 1.0, 1.25, 1.5}, 0.10,
            new int[] {1, 1, 2, 3, 4}, new int[] {0, 0, 1, 2, 3}, true,
            new int[] {1, 1, 3}, new int[] {4, 5, 5}, new double[] {300, 120, 40},
            0, 0.8, -1, 0.0, Solver.AUTO, 0L, "auto", true);

    /** The index of the standard effort level (the level closest to 1.0; the lower one on a tie). */
    public int standardEffort() {
        int best = 0;
        for (int i = 1; i < effortLevels.length; i++) {
            if (Math.abs(effortLevels[i] - 1.0) < Math.abs(effortLevels[best] - 1.0)) best = i;
        }
        return best;
    }

    /** The effort multiple of the standard level. */
    public double standardEffortLevel() {
        return effortLevels[standardEffort()];
    }

    /**
     * The first eligibility rule soldier {@code s} breaks for an account of rating {@code rating} in
     * {@code region}, or null when it may lead it (SPEC §4). Rules in order: stars, certification, region, layer.
     */
    public EligibilityRule firstBrokenRule(Soldier s, String region, int rating) {
        for (EligibilityRule r : EligibilityRule.values()) if (r.breaks(this, s, region, rating)) return r;
        return null;
    }

    /** A copy with another time limit. */
    public AssignmentParams withTimeLimit(Duration limit) {
        return new AssignmentParams(limit, unimprovedTimeLimit, seed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare, maxMoves,
                minUtilization, solver, steps, engine, whatIf);
    }

    public AssignmentParams withSeed(long newSeed) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, newSeed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare, maxMoves,
                minUtilization, solver, steps, engine, whatIf);
    }

    /** A copy with other effort levels (for the GAP benchmark: one level, 1.0). */
    public AssignmentParams withEffort(double[] levels, String[] names) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, seed, levels, names,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare, maxMoves,
                minUtilization, solver, steps, engine, whatIf);
    }

    /** A copy with another cap on moves (−1 = none). */
    public AssignmentParams withMaxMoves(int moves) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, seed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare, moves,
                minUtilization, solver, steps, engine, whatIf);
    }

    /** A copy with another switching cost and minimum utilization. */
    public AssignmentParams withBand(double switching, double minUtil) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, seed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switching, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare, maxMoves,
                minUtil, solver, steps, engine, whatIf);
    }

    /** A copy with other eligibility rules (used to test that a reason names the rule that binds). */
    public AssignmentParams withEligibility(int[] stars, int[] certification, boolean region, int[] layerMin,
                                            int[] layerMax) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, seed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, stars, certification, region,
                layerMin, layerMax, baseHours, maxAccountsPerSoldier, searchShare, maxMoves,
                minUtilization, solver, steps, engine, whatIf);
    }

    /** A copy with another solver mode, step limit, engine and what-if switch. */
    public AssignmentParams withSolver(Solver mode, long workSteps, String mipEngine, boolean whatIfs) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, seed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, searchShare, maxMoves, minUtilization,
                mode, workSteps, mipEngine, whatIfs);
    }

    /** A copy with another array-search share (0 = OptaPlanner's construction heuristic instead). */
    public AssignmentParams withSearchShare(double share) {
        return new AssignmentParams(timeLimit, unimprovedTimeLimit, seed, effortLevels, effortNames,
                maxProductsPerAccount, ratingPriority, switchingCost, minStars, minCertification, requireRegion,
                layerMinRating, layerMaxRating, baseHours, maxAccountsPerSoldier, share, maxMoves,
                minUtilization, solver, steps, engine, whatIf);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssignmentParams p && toString().equals(p.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "AssignmentParams[" + timeLimit + ", " + unimprovedTimeLimit + ", " + seed + ", "
                + Arrays.toString(effortLevels) + ", " + Arrays.toString(effortNames) + ", " + maxProductsPerAccount
                + ", " + Arrays.toString(ratingPriority) + ", " + switchingCost + ", " + Arrays.toString(minStars)
                + ", " + Arrays.toString(minCertification) + ", " + requireRegion + ", "
                + Arrays.toString(layerMinRating) + ", " + Arrays.toString(layerMaxRating) + ", "
                + Arrays.toString(baseHours) + ", " + maxAccountsPerSoldier + ", " + searchShare + ", " + maxMoves
                + ", " + minUtilization + ", " + solver + ", " + steps + ", " + engine + ", " + whatIf + "]";
    }
}
