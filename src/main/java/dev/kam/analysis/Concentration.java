package dev.kam.analysis;

import java.util.List;

/**
 * How concentrated revenue is over the accounts that bring revenue today (prospects excluded, since
 * their zero revenue would only measure the size of the pipeline).
 *
 * @param activeAccounts  accounts with revenue &gt; 0
 * @param totalRevenue    their revenue (currency/year)
 * @param top1Share       share of revenue of the largest account
 * @param top5Share       share of the five largest
 * @param top10PctCount   how many accounts the top 10% is: ⌈0.1 · activeAccounts⌉
 * @param top10PctShare   share of the top 10% of active accounts
 * @param hhi             Herfindahl–Hirschman index Σ sᵢ² on the 0–1 scale (×10,000 for the antitrust scale)
 * @param effectiveNumber 1 / HHI: the number of equal accounts that would give the same concentration
 * @param gini            Gini coefficient of revenue, 0 (all equal) to 1 − 1/n (one account has all)
 * @param lorenz          the Lorenz curve: (cumulative share of accounts, cumulative share of revenue), accounts
 *                        ranked from smallest, starting at (0, 0)
 */
public record Concentration(int activeAccounts, double totalRevenue, double top1Share, double top5Share,
                            int top10PctCount, double top10PctShare, double hhi, double effectiveNumber, double gini,
                            List<Point> lorenz) {
    public Concentration {
        lorenz = List.copyOf(lorenz);
    }

    /** A point of the Lorenz curve, both coordinates 0–1. */
    public record Point(double accountShare, double revenueShare) {
    }
}
