package dev.kam.domain;

import java.util.Objects;
import java.util.Set;

/**
 * One account as read from {@code accounts.csv}. Amounts are in the scenario currency per year.
 * Optional numbers that the file left empty are {@code Double.NaN}; the stage that uses them
 * applies its documented default.
 *
 * @param revenue      revenue with us over the last 12 months (currency/year, 0 for a prospect)
 * @param wallet       the account's yearly spend in our category (currency/year, at least revenue)
 * @param margin       gross margin on this account's business, 0–1
 * @param credit       creditworthiness 0–1
 * @param difficulty   how hard the account is to develop, 0–1
 * @param serviceHours hours per year our people spend serving it, NaN when unknown
 * @param orders       orders per year, NaN when unknown
 * @param needs        need tags that products address (may be empty)
 * @param owner        id of the soldier leading it today, null when none
 * @param mustCover    the plan must give it a lead soldier
 * @param baseHours    selling hours per year a lead needs at standard effort, NaN for the tier default
 * @param locked       a manager's decision: keep today's owner at standard effort (SPEC §9)
 */
public record Account(String id, String name, String industry, String region,
                      double revenue, double wallet, double margin, double credit, double difficulty,
                      double serviceHours, double orders, Set<String> needs, String owner, Stage stage,
                      boolean mustCover, double baseHours, boolean locked) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        needs = Tags.sorted(needs);
        if (owner != null && owner.isBlank()) owner = null;
    }

    /** An account that is not locked. */
    public Account(String id, String name, String industry, String region,
                   double revenue, double wallet, double margin, double credit, double difficulty,
                   double serviceHours, double orders, Set<String> needs, String owner, Stage stage,
                   boolean mustCover, double baseHours) {
        this(id, name, industry, region, revenue, wallet, margin, credit, difficulty, serviceHours, orders, needs,
                owner, stage, mustCover, baseHours, false);
    }

    /** Current share of wallet, revenue / wallet (0 when the wallet is 0). */
    public double shareOfWallet() {
        return wallet > 0 ? revenue / wallet : 0.0;
    }

    public boolean isProspect() {
        return stage == Stage.PROSPECT;
    }

    /**
     * The key-account rule of SPEC §5 step 6, shared by every stage: revenue (currency/year) above 0
     * and at or above the threshold.
     */
    public static boolean isKeyAccountRevenue(double revenue, double threshold) {
        return revenue > 0 && revenue >= threshold;
    }

    /** Whether this account is a key account today at the threshold. */
    public boolean isKeyAccount(double threshold) {
        return isKeyAccountRevenue(revenue, threshold);
    }

    /** Yearly gross profit today (currency/year). */
    public double grossProfit() {
        return revenue * margin;
    }
}
