package dev.kam.projects;

import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Tier;
import dev.kam.domain.Msg;
import dev.kam.domain.Stage;

import java.util.List;

/**
 * The account operating report (项目客户运作报告, seed ch. 9, 113项目管理法: 1个报告) of one account, in the seed's
 * seven parts, computed from the data. A value object: the HTML view ({@link ProjectHtml}) only renders it.
 * Money in the scenario currency per year; shares 0–1; NaN where a figure is unknown.
 *
 * @param accountId   the account
 * @param currency    currency code of the amounts
 * @param overall     1. 客户整体情况
 * @param maintenance 2. 维护客户情况
 * @param trend       3. 大客户增量或减量情况
 * @param potential   4. 确定挖潜对象及目标
 * @param competitors 5. 竞争对手分析
 * @param team        6. 团队管理情况
 * @param nextSteps   7. 下一步重点工作, most urgent first
 * @param processes   the register entries of this account
 */
public record OperatingReport(String accountId, String currency, Overall overall, Maintenance maintenance,
                              Trend trend, Potential potential, Competitors competitors, Team team,
                              List<Msg> nextSteps, List<RegisterEntry> processes) {
    public OperatingReport {
        nextSteps = List.copyOf(nextSteps);
        processes = List.copyOf(processes);
    }

    /** 1. The account as a whole. */
    public record Overall(String name, String industry, String region, Tier tier, int rating, Stage stage,
                          Diagnosis diagnosis, boolean keyAccount, double revenue, double wallet, double share,
                          double margin, double grossProfit, double credit, double difficulty) {
    }

    /**
     * 2. How it is maintained: who leads it in the plan and how hard, against today.
     *
     * @param leadId       the plan's lead, null when uncovered
     * @param effortName   the plan's effort level, null when uncovered
     * @param hours        selling hours per year of the lead on it
     * @param relationship relationship strength 0–1 of the lead (relationships.csv), NaN when unknown
     * @param fit          soldier–account fit 0–1, NaN when uncovered
     * @param ownerId      today's owner, null when none
     * @param moved        the plan gives it another lead than today's owner (or drops it)
     * @param reason       the plan's one-line reason for its lead (or for none)
     * @param serviceHours hours per year our people spend serving it, NaN when unknown
     * @param orders       orders per year, NaN when unknown
     */
    public record Maintenance(String leadId, String leadName, String effortName, double effort, double hours,
                              double relationship, double fit, String ownerId, String ownerName, boolean moved,
                              Msg reason, double serviceHours, double orders) {
    }

    /** Direction of the account's revenue over the last year. */
    public enum Direction {
        GROWING("growing"), FLAT("flat"), DECLINING("declining"), NO_HISTORY("noHistory");

        private final String code;

        Direction(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** One year of the account's revenue with us. */
    public record YearRevenue(int year, double revenue, String ownerId) {
    }

    /**
     * 3. Growth or decline, from history.csv.
     *
     * @param years       revenue by year, oldest first, ending with the base year (empty without history)
     * @param lastChange  growth of the base year over the year before (0.1 = +10%), NaN when unknown
     * @param cagr        compound yearly growth over the history, NaN when unknown
     * @param direction   growing, flat, declining (a change beyond ± mechanisms.projects.decline.drop), or no history
     * @param marketGrowth the market growth the simulation assumes, to compare with
     */
    public record Trend(List<YearRevenue> years, double lastChange, double cagr, Direction direction,
                        double marketGrowth) {
        public Trend {
            years = List.copyOf(years);
        }
    }

    /** A product the plan offers the account. */
    public record Offer(String productId, String productName, double uplift) {
    }

    /**
     * 4. Potential and targets.
     *
     * @param ceilingRevenue  share ceiling × wallet: the most the account can bring at today's wallet
     * @param gapToCeiling    ceilingRevenue − revenue, at least 0
     * @param expectedRevenue the plan's target: expected first-year revenue under the plan (products included)
     * @param expectedGrowth  expectedRevenue / revenue − 1, NaN when revenue is 0
     * @param uplift          the plan's expected first-year gross-profit uplift of its lead
     * @param keyAccountGap   threshold − revenue when not a key account, else 0
     * @param offers          products the plan offers it
     */
    public record Potential(double ceilingRevenue, double gapToCeiling, double expectedRevenue, double expectedGrowth,
                            double uplift, double keyAccountGap, List<Offer> offers) {
        public Potential {
            offers = List.copyOf(offers);
        }
    }

    /**
     * 5. Competitors: what of the wallet is not ours.
     *
     * @param shareNotOurs 1 − share of wallet
     * @param amount       wallet − revenue (currency/year)
     */
    public record Competitors(double shareNotOurs, double amount) {
    }

    /** An open opportunity on the account. */
    public record OpportunityView(String id, String soldierId, int stage, String stageName, double value,
                                  String expectedClose) {
    }

    /**
     * 6. The team: the lead soldier and the pipeline on the account.
     *
     * @param leadId          the plan's lead, null when uncovered
     * @param layer           the lead's layer code, null when uncovered
     * @param listedStars     stars in soldiers.csv, 0 when uncovered
     * @param computedStars   stars recomputed from the base year, 0 when unknown (uncovered or a hire)
     * @param minStars        stars the account's 5A rating needs (assignment.eligibility.minStars)
     * @param certification   the lead's certification level 0–3
     * @param utilization     the lead's planned hours / capacity, NaN when uncovered
     * @param accountsLed     accounts the lead leads in the plan
     * @param opportunities   open opportunities on the account (pipeline.csv)
     */
    public record Team(String leadId, String leadName, String layer, int listedStars, int computedStars, int minStars,
                       int certification, double utilization, int accountsLed, List<OpportunityView> opportunities) {
        public Team {
            opportunities = List.copyOf(opportunities);
        }
    }
}
