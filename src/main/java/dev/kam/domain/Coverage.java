package dev.kam.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who leads which account, how hard, and which products are offered: what the simulation needs of a
 * plan. Accounts missing from {@code leads} are uncovered. Both maps iterate in account-id order, so
 * anything derived from them is the same from run to run.
 *
 * @param label    "baseline", "optimized" or a file name
 * @param leads    account id → lead
 * @param products account id → ids of products offered
 */
public record Coverage(String label, Map<String, Lead> leads, Map<String, List<String>> products) {
    public Coverage {
        leads = Collections.unmodifiableMap(new TreeMap<>(leads));
        products = Collections.unmodifiableMap(new TreeMap<>(products));
    }

    /**
     * @param soldierId lead soldier
     * @param effort    effort as a multiple of the account's base hours
     * @param fit       soldier–account fit 0–1
     */
    public record Lead(String soldierId, double effort, double fit) {
    }

    /** The account's lead in this plan, or null when it is uncovered. */
    public Lead lead(Account a) {
        return leads.get(a.id());
    }

    /**
     * Whether the account has an owner today and ends this plan with another lead or none: a move or a drop, which
     * costs the switching cost (docs/model.md, “What the optimizer maximizes is what the simulation does”).
     */
    public boolean changesLead(Account a) {
        if (a.owner() == null) return false;
        Lead l = leads.get(a.id());
        return l == null || !a.owner().equals(l.soldierId());
    }

    /** Today's owners at standard effort (1.0), no new products. */
    public static Coverage baseline(Scenario s, ResponseModel model) {
        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier so : s.soldiers()) soldiers.put(so.id(), so);
        Map<String, Relationship> rel = s.relationshipIndex();
        Map<String, Lead> leads = new HashMap<>();
        for (Account a : s.accounts()) {
            Soldier owner = a.owner() == null ? null : soldiers.get(a.owner());
            if (owner == null) continue;
            Relationship r = rel.get(Scenario.pairKey(owner.id(), a.id()));
            double strength = r == null ? Double.NaN : r.strength();
            leads.put(a.id(), new Lead(owner.id(), 1.0, model.fit(owner, a, strength)));
        }
        return new Coverage("baseline", leads, Map.of());
    }
}
