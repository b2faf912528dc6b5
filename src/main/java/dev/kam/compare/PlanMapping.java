package dev.kam.compare;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries one scenario's plan over to another scenario by account, soldier and product id (for
 * {@code --keep-plan}): the same soldier leads the same account at the same effort, the same products
 * are offered. The fit of each pair is recomputed under the target scenario (its soldiers' attributes,
 * relationships and fit weights may differ). Leads whose account or soldier, and offers whose account or
 * product, are missing from the target scenario are dropped and counted.
 */
public final class PlanMapping {
    private PlanMapping() {
    }

    /**
     * @param coverage      the plan as it applies to the target scenario
     * @param droppedLeads  leads dropped because the account or soldier does not exist there
     * @param droppedOffers product offers dropped because the account or product does not exist there
     */
    public record Mapped(Coverage coverage, int droppedLeads, int droppedOffers) {
    }

    public static Mapped map(Coverage plan, Scenario target, String label) {
        Map<String, Account> accounts = new HashMap<>();
        for (Account a : target.accounts()) accounts.put(a.id(), a);
        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier s : target.soldiers()) soldiers.put(s.id(), s);
        Set<String> products = new HashSet<>();
        for (Product p : target.products()) products.add(p.id());
        Map<String, Relationship> rel = target.relationshipIndex();
        ResponseModel model = new ResponseModel(target.simulation());

        Map<String, Coverage.Lead> leads = new LinkedHashMap<>();
        int droppedLeads = 0;
        for (Map.Entry<String, Coverage.Lead> e : plan.leads().entrySet()) {
            Account a = accounts.get(e.getKey());
            Soldier s = soldiers.get(e.getValue().soldierId());
            if (a == null || s == null) {
                droppedLeads++;
                continue;
            }
            Relationship r = rel.get(Scenario.pairKey(s.id(), a.id()));
            double fit = model.fit(s, a, r == null ? Double.NaN : r.strength());
            leads.put(a.id(), new Coverage.Lead(s.id(), e.getValue().effort(), fit));
        }
        Map<String, List<String>> offers = new LinkedHashMap<>();
        int droppedOffers = 0;
        for (Map.Entry<String, List<String>> e : plan.products().entrySet()) {
            if (!accounts.containsKey(e.getKey())) {
                droppedOffers += e.getValue().size();
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (String p : e.getValue()) {
                if (products.contains(p)) kept.add(p);
                else droppedOffers++;
            }
            if (!kept.isEmpty()) offers.put(e.getKey(), List.copyOf(kept));
        }
        return new Mapped(new Coverage(label, leads, offers), droppedLeads, droppedOffers);
    }
}
