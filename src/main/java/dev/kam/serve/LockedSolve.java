package dev.kam.serve;

import dev.kam.analysis.Analysis;
import dev.kam.assign.AccountAssignment;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.AssignmentSolution;
import dev.kam.assign.Coefficients;
import dev.kam.assign.Plan;
import dev.kam.assign.PlanModel;
import dev.kam.assign.ProductOffer;
import dev.kam.assign.SoldierFact;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.scenario.Hints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Re-optimization with a manager's locks ("A001 stays with S003 at intensive effort"). The stage's own
 * {@code locked} column keeps today's owner at standard effort; a lock here may name any eligible soldier and
 * any effort level, so it is solved by decomposition: the locked decisions are fixed, and the stage solves the
 * rest, which is the same problem with the locked accounts removed and what the locks use taken out of each
 * shared limit — each soldier's selling hours and balanced-book minimum (SPEC §9), each product's capacity, and
 * the move budget (a lock that moves an account spends one move). Capacity, band and move limits are sums over
 * accounts, and every other rule and the objective are per account, so the rest's optimum plus the locked
 * decisions' value is the optimum under the locks, and the rest's proven bound plus that value bounds it: the
 * re-solved plan carries a bound and a gap like any plan the stage writes. The one limit that does not split
 * is the per-soldier account cap ({@code assignment.maxAccountsPerSoldier}): the rest is solved with the whole
 * cap (a relaxation, so the bound stays valid) and the combined plan is checked against it. A locked account
 * keeps the product offers it has in the plan the tab shows.
 */
final class LockedSolve {
    /** One lock: the soldier and the effort level index (null = standard). */
    record Lock(String soldier, Integer effort) {
    }

    private LockedSolve() {
    }

    /**
     * The best plan the stage finds with the locks kept.
     *
     * @param keepOffers product ids offered to each account in the tab's current plan (kept for locked accounts)
     */
    static Plan solve(Scenario s, Analysis a, Map<String, Lock> locks, Map<String, List<String>> keepOffers,
                      AssignOptions options) {
        // the pages value moves themselves (serve/PlanSession): the stage's what-if analyses would only cost time here
        options = options.withWhatIf(false);
        if (locks.isEmpty()) return Assigner.solve(s, a, options);
        Coefficients full = Coefficients.of(s, a);
        AssignmentSolution model = PlanModel.of(full);
        Map<String, AccountAssignment> entities = new LinkedHashMap<>();
        int standard = s.assignment().standardEffort();
        for (AccountAssignment e : model.getAccounts()) {
            entities.put(e.getAccountId(), e);
            e.setLead(null);
            e.setEffort(standard);
        }
        Map<String, SoldierFact> facts = new HashMap<>();
        for (SoldierFact f : model.getSoldiers()) facts.put(f.id(), f);
        Map<String, List<ProductOffer>> offers = new HashMap<>();
        for (ProductOffer o : model.getOffers()) {
            o.setOffered(Boolean.FALSE);
            offers.computeIfAbsent(o.getAccount().getAccountId(), k -> new ArrayList<>()).add(o);
        }

        List<String> problems = new ArrayList<>();
        Map<String, Double> lockedHours = new LinkedHashMap<>();
        Map<String, List<String>> lockedAccounts = new LinkedHashMap<>();
        int levels = s.assignment().effortLevels().length;
        for (Map.Entry<String, Lock> x : locks.entrySet()) {
            String acc = x.getKey();
            Lock lock = x.getValue();
            AccountAssignment e = entities.get(acc);
            if (e == null) {
                String hint = Hints.closest(acc, entities.keySet());
                problems.add("locks: " + acc + ": no account has this id" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
                continue;
            }
            SoldierFact f = facts.get(lock.soldier());
            if (f == null) {
                String hint = Hints.closest(lock.soldier(), facts.keySet());
                problems.add("locks: " + acc + ": no soldier has the id '" + lock.soldier() + "'"
                        + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
                continue;
            }
            if (!e.getEligible().contains(f)) {
                problems.add("locks: " + acc + ": " + f.id() + " may not lead it (not eligible under the assignment "
                        + "rules: stars, certification, region, layer)");
                continue;
            }
            int level = lock.effort() == null ? standard : lock.effort();
            if (level < 0 || level >= levels) {
                problems.add("locks: " + acc + ": effort " + level + " is not an effort level (0–" + (levels - 1) + ")");
                continue;
            }
            e.setLead(f);
            e.setEffort(level);
            lockedHours.merge(f.id(), PlanModel.hours(e), Double::sum);
            lockedAccounts.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(acc);
        }
        for (Map.Entry<String, Double> x : lockedHours.entrySet()) {
            double cap = PlanModel.capacity(facts.get(x.getKey()));
            if (x.getValue() > cap + 1e-9) {
                problems.add(String.format(Locale.ROOT, "locks: %s would lead %s for %,.0f h a year, more than its "
                                + "%,.0f h of selling time (locks may not overbook a soldier)", x.getKey(),
                        String.join(", ", lockedAccounts.get(x.getKey())), x.getValue(), cap));
            }
        }
        if (!problems.isEmpty()) throw ApiException.badInput(problems);

        Map<String, Integer> productUse = new HashMap<>();
        Map<String, Integer> capacity = new HashMap<>();
        for (Product p : s.products()) capacity.put(p.id(), p.capacity());
        for (String acc : locks.keySet()) {
            for (String pid : keepOffers.getOrDefault(acc, List.of())) {
                for (ProductOffer o : offers.getOrDefault(acc, List.of())) {
                    if (!o.getProduct().id().equals(pid)) continue;
                    int used = productUse.getOrDefault(pid, 0);
                    if (used >= capacity.getOrDefault(pid, 0) || countOffered(offers.get(acc)) >= s.assignment().maxProductsPerAccount()) continue;
                    o.setOffered(Boolean.TRUE);
                    productUse.put(pid, used + 1);
                }
            }
        }

        List<Account> rest = new ArrayList<>();
        int lockedMoves = 0;
        for (Account ac : s.accounts()) {
            Lock lock = locks.get(ac.id());
            if (lock == null) rest.add(ac);
            else if (ac.owner() != null && !ac.owner().equals(lock.soldier())) lockedMoves++;
        }
        AssignmentParams p = s.assignment();
        List<Soldier> soldiers = new ArrayList<>();
        for (Soldier so : s.soldiers()) {
            double used = lockedHours.getOrDefault(so.id(), 0.0);
            if (used == 0 && p.minUtilization() == 0) {
                soldiers.add(so);
                continue;
            }
            // the balanced-book minimum is an hours floor: what the locks give counts towards it
            double floor = Math.max(Double.isNaN(so.minHours()) ? 0.0 : so.minHours(), p.minUtilization() * so.capacityHours());
            soldiers.add(new Soldier(so.id(), so.name(), so.layer(), so.stars(), so.industries(), so.regions(),
                    Math.max(0, so.capacityHours() - used), so.certification(), so.annualCost(), Math.max(0, floor - used)));
        }
        List<Product> products = new ArrayList<>();
        for (Product pr : s.products()) {
            int used = productUse.getOrDefault(pr.id(), 0);
            products.add(used == 0 ? pr : new Product(pr.id(), pr.name(), pr.needs(), pr.price(), pr.margin(),
                    pr.serviceShare(), Math.max(0, pr.capacity() - used), pr.minRating()));
        }
        AssignmentParams restParams = p.withBand(p.switchingCost(), 0);
        if (p.maxMoves() >= 0) restParams = restParams.withMaxMoves(Math.max(0, p.maxMoves() - lockedMoves));
        double seconds = 0;
        Plan part = null;
        if (!rest.isEmpty()) {
            Scenario reduced = new Scenario(s.name(), s.currency(), s.baseYear(), s.source(), rest, soldiers, products,
                    s.relationships(), s.analysis(), s.strategy(), restParams, s.simulation(), s.history(),
                    s.pipeline(), s.mechanisms());
            part = Assigner.solve(reduced, a, options);
            seconds = part.seconds();
            String[] names = s.assignment().effortNames();
            for (Plan.AccountPlan ap : part.accounts()) {
                AccountAssignment e = entities.get(ap.accountId());
                if (e == null || ap.soldierId() == null) continue;
                e.setLead(facts.get(ap.soldierId()));
                int level = standard;
                for (int i = 0; i < names.length; i++) if (names[i].equals(ap.effortName())) level = i;
                e.setEffort(level);
            }
            for (Plan.ProductPlan pp : part.products()) {
                for (ProductOffer o : offers.getOrDefault(pp.accountId(), List.of())) {
                    if (o.getProduct().id().equals(pp.productId())) o.setOffered(Boolean.TRUE);
                }
            }
        }
        Plan combined = PlanModel.explain(s, a, full, model);
        if (part == null) return PlanModel.explain(s, a, full, model, combined.objective(), "locked").withSeconds(seconds);
        if (!Double.isFinite(part.bound())) return combined.withSeconds(seconds);
        // the rest's distance from its bound is the combined plan's distance from the bound under the locks
        double bound = combined.objective() + Math.max(0, part.bound() - part.objective());
        return PlanModel.explain(s, a, full, model, bound, part.quality().boundMethod()).withSeconds(seconds);
    }

    private static int countOffered(List<ProductOffer> os) {
        int n = 0;
        for (ProductOffer o : os) if (Boolean.TRUE.equals(o.getOffered())) n++;
        return n;
    }
}
