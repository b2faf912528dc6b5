package dev.kam.assign;

import dev.kam.domain.Coverage;
import dev.kam.domain.Msg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assignment plan, how good it provably is, and its explanation. Money in the scenario currency per
 * year, hours per year. Reasons and notes are {@link Msg}s (rule ids and numbers); words are chosen by
 * whoever renders them.
 *
 * @param scenario     scenario name
 * @param currency     currency code
 * @param hard         hard score level (0 = every rule kept)
 * @param medium       medium level: minus the number of mustCover accounts left uncovered
 * @param soft         soft level: the objective in cents
 * @param objective    the LP objective at this plan, soft / 100 (currency)
 * @param bound        an upper bound on the objective of any feasible plan (currency; NaN when none was proven)
 * @param gapPercent   100·(bound − objective)/|bound| (NaN without a bound)
 * @param quality      how the plan and the bound were found
 * @param accounts     one decision per account, in scenario order
 * @param products     the offers made
 * @param soldiers     load per soldier, with a note when a soldier is idle or underused
 * @param baseline     comparison with today's owners at standard effort and no new products
 * @param unmet        what cannot be met and why (empty when everything is met)
 * @param warnings     notes on the input: locks that override eligibility, minimums lowered, overrides clamped
 * @param seconds      search time (wall clock), what-if analyses excluded
 * @param disruption   the moves with their values and the gain-vs-moves curve (empty when not computed)
 * @param capacity     value of hours, certification, stars and hires (empty when not computed)
 * @param reasons      uncovered accounts counted by the rule or cause that keeps them uncovered
 * @param effort       how effort is spread per rating, and why
 */
public record Plan(String scenario, String currency, long hard, long medium, long soft, double objective,
                   double bound, double gapPercent, Quality quality,
                   List<AccountPlan> accounts, List<ProductPlan> products, List<SoldierPlan> soldiers,
                   Baseline baseline, List<Msg> unmet, List<Msg> warnings, double seconds,
                   Disruption disruption, CapacityValue capacity, List<ReasonCount> reasons,
                   List<EffortPattern> effort) {
    public Plan {
        accounts = List.copyOf(accounts);
        products = List.copyOf(products);
        soldiers = List.copyOf(soldiers);
        unmet = List.copyOf(unmet);
        warnings = List.copyOf(warnings);
        reasons = List.copyOf(reasons);
        effort = List.copyOf(effort);
    }

    /** The same plan with another search time (seconds). */
    public Plan withSeconds(double newSeconds) {
        return new Plan(scenario, currency, hard, medium, soft, objective, bound, gapPercent, quality, accounts, products,
                soldiers, baseline, unmet, warnings, newSeconds, disruption, capacity, reasons, effort);
    }

    /**
     * How the plan and its bound came about.
     *
     * @param solver          heuristic, exact or auto
     * @param engine          MIP engine of the exact side (scip, cpsat; "none" for the heuristic alone)
     * @param boundMethod     lagrangian (LP duals or subgradient), core-optimal, core-scip, core-cpsat, …
     * @param optimal         the plan is proven optimal (its objective equals the bound up to rounding)
     * @param lpObjective     the LP relaxation's optimum (currency, NaN when not solved)
     * @param heuristicObjective objective of the heuristic's plan (currency, NaN when it did not run)
     * @param heuristicSeconds   wall seconds of the heuristic
     * @param exactSeconds       wall seconds of the exact side
     * @param nativeLoadSeconds  seconds OR-Tools' natives took to load in this JVM (NaN when not loaded)
     * @param steps              the deterministic work limit, 0 when the time limit bounded the search
     * @param roundingSlack      what rounding money to cents can take from a plan's real objective (currency),
     *                           included in the bound
     * @param neighbourhoods     large-neighbourhood rounds run
     */
    public record Quality(String solver, String engine, String boundMethod, boolean optimal, double lpObjective,
                          double heuristicObjective, double heuristicSeconds, double exactSeconds,
                          double nativeLoadSeconds, long steps, double roundingSlack, int neighbourhoods) {
    }

    /**
     * The decision for one account.
     *
     * @param soldierId  lead soldier, null when uncovered
     * @param effortName effort level name, null when uncovered
     * @param effort     effort as a multiple of base hours, 0 when uncovered
     * @param hours      selling hours per year taken from the lead
     * @param uplift     expected one-year gross-profit uplift of the lead (currency, unweighted)
     * @param value      contribution to the objective (priority-weighted uplift minus switching cost)
     * @param fit        soldier–account fit 0–1 (NaN when uncovered)
     * @param owner      today's owner, null when none
     * @param status     kept, moved, new, dropped, uncovered or locked
     * @param reason     why it has this soldier or none
     */
    public record AccountPlan(String accountId, String name, int rating, String soldierId, String effortName,
                              double effort, double hours, double uplift, double value, double fit, String owner,
                              String status, Msg reason) {
    }

    /** One offer: product to account, its expected uplift (currency, unweighted) and objective value. */
    public record ProductPlan(String accountId, String productId, String productName, double uplift, double value) {
    }

    /**
     * One soldier's load: hours used, capacity and the minimum per year, utilization 0–1, accounts led, the
     * LP's value of one more hour (currency per hour, NaN without an LP) and a note when idle or underused.
     */
    public record SoldierPlan(String soldierId, String name, double hoursUsed, double capacity, double utilization,
                              int accountsLed, double minHours, double hourValue, Msg note) {
    }

    /**
     * @param objective         the objective of the baseline (same coefficients)
     * @param uplift            expected uplift of the baseline (currency)
     * @param planUplift        expected uplift of the plan, leads and products (currency)
     * @param upliftAdded       planUplift − uplift
     * @param accountsMoved     accounts owned today that get another lead
     * @param accountsDropped   accounts owned today left without a lead
     * @param uncovered         accounts the plan leaves uncovered, with why
     * @param baselineInfeasible where today's ownership breaks the rules (capacity, eligibility)
     */
    public record Baseline(double objective, double uplift, double planUplift, double upliftAdded,
                           int accountsMoved, int accountsDropped, List<Uncovered> uncovered,
                           List<Msg> baselineInfeasible) {
    }

    public record Uncovered(String accountId, Msg reason) {
    }

    /**
     * One move: an account owned today that ends with another lead ({@code to}) or none (a drop).
     *
     * @param value  the objective with the move minus the best plan found without it (currency)
     * @param method how "without it" was solved: {@code reoptimized} (the neighbourhood of the two soldiers
     *               and the accounts they could take, re-solved exactly) or {@code local} (its own term only)
     */
    public record Move(String accountId, String from, String to, String effortName, double value, String method,
                       Msg reason) {
    }

    /** A point of the gain-vs-moves curve: best objective with at most {@code maxMoves} moves (−1 = unlimited). */
    public record CurvePoint(int maxMoves, double objective, double bound, int movesUsed) {
    }

    public record Disruption(List<Move> moves, List<CurvePoint> curve) {
        public Disruption {
            moves = List.copyOf(moves);
            curve = List.copyOf(curve);
        }

        public static Disruption none() {
            return new Disruption(List.of(), List.of());
        }
    }

    /**
     * Per soldier: the value of one more selling hour from the LP relaxation (its dual), and from re-solving
     * with {@code resolveHours} more hours (gain / hours); the gain if they passed one more certification
     * level or gained one star (NaN at the top). Currency per year.
     */
    public record SoldierValue(String soldierId, String name, double hourValueLp, double hourValueResolve,
                               double resolveHours, int certificationTo, double certificationGain, int starsTo,
                               double starGain) {
    }

    /** Hiring one more soldier like {@code likeSoldier}: the plan's gain, the cost a year and the net (currency). */
    public record HireValue(String likeSoldier, String profile, int sameProfile, double gain, double annualCost,
                            double net) {
    }

    /** A recommendation in the seed's terms (深通关: certify before you hire): kind certify, star, hire or hours. */
    public record Recommendation(String kind, String soldierId, double gain, double net, Msg text) {
    }

    public record CapacityValue(List<SoldierValue> soldiers, List<HireValue> hires, List<Recommendation> top) {
        public CapacityValue {
            soldiers = List.copyOf(soldiers);
            hires = List.copyOf(hires);
            top = List.copyOf(top);
        }

        public static CapacityValue none() {
            return new CapacityValue(List.of(), List.of(), List.of());
        }
    }

    /** Uncovered accounts that share one reason (a rule id or cause), with the accounts. */
    public record ReasonCount(String code, int count, List<String> accounts) {
        public ReasonCount {
            accounts = List.copyOf(accounts);
        }
    }

    /**
     * How effort is spread over the covered accounts of one rating: count per effort level (in level order),
     * the share of their cover uplift that does not depend on effort (retention), and the explanation.
     */
    public record EffortPattern(int rating, int covered, List<Integer> byLevel, double retentionShare, Msg note) {
        public EffortPattern {
            byLevel = List.copyOf(byLevel);
        }
    }

    public boolean feasible() {
        return hard == 0;
    }

    /** The score as OptaPlanner prints it. */
    public String score() {
        return hard + "hard/" + medium + "medium/" + soft + "soft";
    }

    /** What the simulation needs: who leads what at which effort and fit, and the products offered. */
    public Coverage coverage() {
        Map<String, Coverage.Lead> leads = new HashMap<>();
        for (AccountPlan a : accounts) {
            if (a.soldierId() != null) leads.put(a.accountId(), new Coverage.Lead(a.soldierId(), a.effort(), a.fit()));
        }
        Map<String, List<String>> prods = new LinkedHashMap<>();
        for (ProductPlan p : products) prods.computeIfAbsent(p.accountId(), k -> new ArrayList<>()).add(p.productId());
        return new Coverage("optimized", leads, prods);
    }
}
