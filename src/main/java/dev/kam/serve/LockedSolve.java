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
 * Re-optimization with a manager's locks ("A001 stays with S003"), on today's assign stage, which has no
 * locks of its own: the locked decisions are fixed, and the stage solves the rest of the problem, which
 * is the same problem with the locked accounts removed and each soldier's capacity and each product's
 * capacity reduced by what the locks use (capacity constraints are sums over accounts, and every other
 * rule and the objective are per account). The locked and the solved decisions are then scored together
 * in the full model. A locked account keeps the product offers it has in the plan the tab shows.
 *
 * <p>Interim: once the assign stage honours locks itself (SPEC §9, {@code Account.locked}), this class
 * hands them to it. Until then a lock may name only a soldier eligible for the account, and the per-soldier
 * account cap ({@code assignment.maxAccountsPerSoldier}) is checked on the combined plan, not inside the search.
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
        for (Account ac : s.accounts()) if (!locks.containsKey(ac.id())) rest.add(ac);
        List<Soldier> soldiers = new ArrayList<>();
        for (Soldier so : s.soldiers()) {
            double used = lockedHours.getOrDefault(so.id(), 0.0);
            soldiers.add(used == 0 ? so : new Soldier(so.id(), so.name(), so.layer(), so.stars(), so.industries(),
                    so.regions(), Math.max(0, so.capacityHours() - used), so.certification(), so.annualCost(), so.minHours()));
        }
        List<Product> products = new ArrayList<>();
        for (Product p : s.products()) {
            int used = productUse.getOrDefault(p.id(), 0);
            products.add(used == 0 ? p : new Product(p.id(), p.name(), p.needs(), p.price(), p.margin(),
                    p.serviceShare(), Math.max(0, p.capacity() - used), p.minRating()));
        }
        double seconds = 0;
        if (!rest.isEmpty()) {
            Scenario reduced = new Scenario(s.name(), s.currency(), s.baseYear(), s.source(), rest, soldiers, products,
                    s.relationships(), s.analysis(), s.strategy(), s.assignment(), s.simulation(), s.history(),
                    s.pipeline(), s.mechanisms());
            Plan part = Assigner.solve(reduced, a, options);
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
        return PlanModel.explain(s, a, full, model).withSeconds(seconds);
    }

    private static int countOffered(List<ProductOffer> os) {
        int n = 0;
        for (ProductOffer o : os) if (Boolean.TRUE.equals(o.getOffered())) n++;
        return n;
    }
}
