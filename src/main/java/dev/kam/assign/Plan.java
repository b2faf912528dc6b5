package dev.kam.assign;

import dev.kam.domain.Coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assignment plan and its explanation. Money in the scenario currency per year, hours per year.
 *
 * @param scenario    scenario name
 * @param currency    currency code
 * @param hard        hard score level (0 = every rule kept)
 * @param medium      medium level: minus the number of mustCover accounts left uncovered
 * @param soft        soft level: the objective in cents
 * @param objective   the LP objective at this plan, soft / 100 (currency)
 * @param accounts    one decision per account, in scenario order
 * @param products    the offers made
 * @param soldiers    load per soldier
 * @param baseline    comparison with today's owners at standard effort and no new products
 * @param unmet       statements of what cannot be met and why (empty when everything is met)
 * @param seconds     search time (wall clock)
 */
public record Plan(String scenario, String currency, long hard, long medium, long soft, double objective,
                   List<AccountPlan> accounts, List<ProductPlan> products, List<SoldierPlan> soldiers,
                   Baseline baseline, List<String> unmet, double seconds) {
    public Plan {
        accounts = List.copyOf(accounts);
        products = List.copyOf(products);
        soldiers = List.copyOf(soldiers);
        unmet = List.copyOf(unmet);
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
     * @param reason     one line: why it has this soldier or none
     */
    public record AccountPlan(String accountId, String name, int rating, String soldierId, String effortName,
                              double effort, double hours, double uplift, double value, double fit, String owner,
                              String reason) {
    }

    /** One offer: product to account, its expected uplift (currency, unweighted) and objective value. */
    public record ProductPlan(String accountId, String productId, String productName, double uplift, double value) {
    }

    /** One soldier's load: hours used and capacity per year, utilization 0–1, accounts led. */
    public record SoldierPlan(String soldierId, String name, double hoursUsed, double capacity, double utilization,
                              int accountsLed) {
    }

    /**
     * @param objective         the objective of the baseline (same coefficients)
     * @param uplift            expected uplift of the baseline (currency)
     * @param planUplift        expected uplift of the plan, leads and products (currency)
     * @param upliftAdded       planUplift − uplift
     * @param accountsMoved     accounts that get a lead other than today's owner
     * @param accountsDropped   accounts with an owner today left uncovered by the plan
     * @param uncovered         accounts the plan leaves uncovered, with why
     * @param baselineInfeasible statements of where today's ownership breaks the rules (capacity, eligibility)
     */
    public record Baseline(double objective, double uplift, double planUplift, double upliftAdded,
                           int accountsMoved, int accountsDropped, List<Uncovered> uncovered,
                           List<String> baselineInfeasible) {
    }

    public record Uncovered(String accountId, String reason) {
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
