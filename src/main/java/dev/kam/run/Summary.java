package dev.kam.run;

import dev.kam.analysis.KeyAccountBaseline;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.simulation.Difference;
import dev.kam.simulation.GoalTiming;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Probability;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.Targets;

/**
 * The headline figures of a run, computed once from its {@link RunResults} and shown alike by the command
 * line, the report and the web app. Amounts in the scenario currency per year unless said otherwise;
 * probabilities 0–1. A figure whose stage did not run is NaN (counts: -1).
 *
 * <p><b>P(goal)</b> has one definition everywhere (SPEC §8): the probability that the final-year key-account
 * revenue target is met. The joint probability that the key-account revenue, count and share targets of the
 * final year are all met on the same path is {@link #pAllGoals()}, reported beside it under its own name.
 *
 * @param baseYear               the scenario's today
 * @param finalYear              the last year of the horizon (baseYear + horizonYears)
 * @param todayKaRevenue         revenue of today's key accounts
 * @param todayKaCount           today's key accounts
 * @param todayKaShare           their share of today's total revenue (NaN when there is no revenue)
 * @param finalTarget            the final year's key-account revenue target (the goal when no targets were made)
 * @param requiredGrowth         constant yearly growth from today's key-account revenue to the final target
 * @param paths                  Monte Carlo paths of the plan's simulation (0 when not simulated)
 * @param goal                   P(goal): the final-year key-account revenue target is met, with its Wilson 95%
 *                               interval ({@link Probability#NONE} when not simulated)
 * @param allGoals               the final-year key-account revenue, count and share targets all met on a path,
 *                               with its interval
 * @param goalBaseline           P(goal) of today's owners (no plan), simulated on the same paths, with its interval
 * @param goalVersusBaseline     P(goal) of the plan minus that of today's owners, per-path paired difference with
 *                               its standard error ({@link Difference#NONE} without a baseline)
 * @param medianFinalKaRevenue   median (P50) of final-year key-account revenue under the plan
 * @param p10FinalKaRevenue      its P10
 * @param p90FinalKaRevenue      its P90
 * @param medianFirstYear        the median calendar year in which key-account revenue first reaches the final
 *                               target; null when more than half of the paths never reach it, or not simulated
 * @param neverWithinHorizon     share of paths that never reach it within the horizon
 * @param baselineMedianFirstYear the same median year under today's owners (no plan); null when more than half
 *                               of the baseline's paths never reach it, or there is no baseline
 * @param baselineNeverWithinHorizon share of the baseline's paths that never reach it (NaN without a baseline)
 * @param expectedUplift         the plan's expected gross-profit uplift over today's owners in its first year:
 *                               the simulation's first-year expectation by the response model, switching costs
 *                               of moves and drops included ({@code PlanComparison.expectedFirstYearUplift});
 *                               {@code plan.json} {@code baseline.upliftAdded} when the run has no simulation
 * @param cumulativeUpliftMean   simulated gross-profit uplift of the plan over today's owners summed over the
 *                               horizon, mean over paths (paired on common random numbers; currency)
 * @param cumulativeUpliftStderr standard error of that mean
 * @param cumulativeUpliftP10    P10 of the per-path cumulative uplift
 * @param cumulativeUpliftP90    P90 of the per-path cumulative uplift
 * @param accounts               accounts in the scenario
 * @param accountsCovered        accounts the plan gives a lead soldier (-1 without a plan)
 * @param accountsMoved          accounts the plan gives to another soldier than today's owner (-1 without a plan)
 * @param accountsDropped        accounts with an owner today that the plan leaves without one (-1 without a plan)
 * @param accountsUncovered      accounts the plan leaves without a lead (-1 without a plan)
 */
public record Summary(int baseYear, int finalYear, double todayKaRevenue, int todayKaCount, double todayKaShare,
                      double finalTarget, double requiredGrowth, int paths, Probability goal, Probability allGoals,
                      Probability goalBaseline, Difference goalVersusBaseline, double medianFinalKaRevenue,
                      double p10FinalKaRevenue, double p90FinalKaRevenue, Integer medianFirstYear, double neverWithinHorizon,
                      Integer baselineMedianFirstYear, double baselineNeverWithinHorizon,
                      double expectedUplift, double cumulativeUpliftMean, double cumulativeUpliftStderr,
                      double cumulativeUpliftP10, double cumulativeUpliftP90, int accounts, int accountsCovered,
                      int accountsMoved, int accountsDropped, int accountsUncovered) {

    /** The figures of a run. */
    static Summary of(RunResults r) {
        Scenario sc = r.scenario();
        int horizon = sc.strategy().horizonYears();
        int finalYear = sc.baseYear() + horizon;

        double kaRevenue;
        int kaCount;
        double kaShare;
        KeyAccountBaseline b = r.analysis().map(a -> a.baseline()).orElse(null);
        if (b != null) {
            kaRevenue = b.revenue();
            kaCount = b.count();
            kaShare = b.totalRevenue() > 0 ? b.share() : Double.NaN;
        } else {
            kaRevenue = 0;
            kaCount = 0;
            double threshold = sc.strategy().keyAccountThreshold();
            for (Account a : sc.accounts()) {
                if (a.isKeyAccount(threshold)) {
                    kaRevenue += a.revenue();
                    kaCount++;
                }
            }
            double total = sc.totalRevenue();
            kaShare = total > 0 ? kaRevenue / total : Double.NaN;
        }

        Targets targets = r.targets().orElse(null);
        double target = targets != null && !targets.years().isEmpty() ? targets.last().keyAccountRevenue()
                : sc.strategy().goalRevenue();
        if (targets != null && !targets.years().isEmpty()) finalYear = targets.last().year();
        double growth = kaRevenue > 0 && target > 0 && horizon > 0
                ? Math.pow(target / kaRevenue, 1.0 / horizon) - 1 : Double.NaN;

        int paths = 0;
        Probability pGoal = Probability.NONE;
        Probability pAll = Probability.NONE;
        Probability pBase = Probability.NONE;
        Difference vsBase = Difference.NONE;
        Integer baseFirstYear = null;
        double baseNever = Double.NaN;
        double median = Double.NaN;
        double p10 = Double.NaN;
        double p90 = Double.NaN;
        Integer firstYear = null;
        double never = Double.NaN;
        SimulationResult sim = r.simulation().orElse(null);
        if (sim != null) {
            int last = sim.horizon() - 1;
            finalYear = sim.years()[last];
            paths = sim.paths();
            pGoal = sim.hit(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear);
            pAll = sim.hit(TargetHit.ALL, finalYear);
            Stats ka = sim.stats(Metric.KEY_ACCOUNT_REVENUE, last);
            median = ka.p50();
            p10 = ka.p10();
            p90 = ka.p90();
            GoalTiming g = sim.goalTiming();
            if (g != null) {
                firstYear = g.medianYear();
                never = g.never();
            }
        }
        double cumMean = Double.NaN;
        double cumErr = Double.NaN;
        double cumP10 = Double.NaN;
        double cumP90 = Double.NaN;
        PlanComparison c = r.planVsBaseline().orElse(null);
        if (c != null) {
            pBase = c.baseline().hit(Metric.KEY_ACCOUNT_REVENUE.code(), finalYear);
            vsBase = c.goalProbabilityDifference();
            GoalTiming bg = c.baseline().goalTiming();
            if (bg != null) {
                baseFirstYear = bg.medianYear();
                baseNever = bg.never();
            }
            Stats cum = Stats.of(c.cumulativeProfitUplift());
            cumMean = cum.mean();
            cumErr = cum.stderr();
            cumP10 = cum.p10();
            cumP90 = cum.p90();
        }

        double uplift = Double.NaN;
        int covered = -1;
        int moved = -1;
        int dropped = -1;
        int uncovered = -1;
        Plan plan = r.plan().orElse(null);
        if (plan != null) {
            uplift = c != null ? c.expectedFirstYearUplift() : plan.baseline().upliftAdded();
            covered = (int) plan.accounts().stream().filter(a -> a.soldierId() != null).count();
            moved = plan.baseline().accountsMoved();
            dropped = plan.baseline().accountsDropped();
            uncovered = plan.baseline().uncovered().size();
        }
        return new Summary(sc.baseYear(), finalYear, kaRevenue, kaCount, kaShare, target, growth, paths, pGoal, pAll,
                pBase, vsBase, median, p10, p90, firstYear, never, baseFirstYear, baseNever, uplift, cumMean, cumErr, cumP10, cumP90,
                sc.accounts().size(), covered, moved, dropped, uncovered);
    }

    /** P(goal), 0–1 (NaN when not simulated); its interval is {@link #goal()}. */
    public double pGoal() {
        return goal.value();
    }

    /** The joint probability of all three final-year targets, 0–1 (NaN when unknown); interval in {@link #allGoals()}. */
    public double pAllGoals() {
        return allGoals.value();
    }

    /** P(goal) of today's owners, 0–1 (NaN without a baseline); interval in {@link #goalBaseline()}. */
    public double pGoalBaseline() {
        return goalBaseline.value();
    }

    /** Whether the plan's simulation ran (the probabilities and the distribution are known). */
    public boolean simulated() {
        return paths > 0;
    }

    /** Whether an assignment plan was made (the uplift and the account counts are known). */
    public boolean planned() {
        return accountsCovered >= 0;
    }
}
