package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which soldier's book each account is in, as arrays (index = position in the scenario's accounts / soldiers),
 * and each soldier's quota weight: the share of all accounts' wallet that their book holds.
 *
 * <p>Quota rule (documented in docs/model.md): a soldier's share of a year's revenue target is the share of the
 * customer base's potential (wallet) in their book — quotas set on territory potential, so that a soldier
 * with big accounts is asked for more. The soldiers' quotas add up to the target times the share of wallet
 * that is led; the wallet of uncovered accounts carries no one's quota.
 *
 * @param lead        soldier index leading each account, −1 when none
 * @param bookWallet  wallet of each soldier's book (currency/year)
 * @param totalWallet wallet of every account (currency/year)
 */
public record Books(int[] lead, double[] bookWallet, double totalWallet) {

    /** Books of today's owners (accounts.csv {@code owner}). */
    public static Books today(Scenario s) {
        Map<String, String> owners = new HashMap<>();
        for (Account a : s.accounts()) if (a.owner() != null) owners.put(a.id(), a.owner());
        return of(s.accounts(), s.soldiers(), owners);
    }

    /** Books of a plan's leads. */
    public static Books of(Scenario s, Coverage c) {
        Map<String, String> leads = new HashMap<>();
        for (Map.Entry<String, Coverage.Lead> e : c.leads().entrySet()) leads.put(e.getKey(), e.getValue().soldierId());
        return of(s.accounts(), s.soldiers(), leads);
    }

    static Books of(List<Account> accounts, List<Soldier> soldiers, Map<String, String> leadOf) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < soldiers.size(); i++) index.put(soldiers.get(i).id(), i);
        int[] lead = new int[accounts.size()];
        double[] book = new double[soldiers.size()];
        double total = 0;
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            total += a.wallet();
            String id = leadOf.get(a.id());
            Integer s = id == null ? null : index.get(id);
            lead[i] = s == null ? -1 : s;
            if (s != null) book[s] += a.wallet();
        }
        return new Books(lead, book, total);
    }

    /** A soldier's revenue quota (currency/year) when the year's total-revenue target is {@code target}. */
    public double quota(int soldier, double target) {
        return quota(target, bookWallet[soldier], totalWallet);
    }

    /** Quota = target × book wallet / total wallet; 0 without wallet. */
    public static double quota(double target, double bookWallet, double totalWallet) {
        return totalWallet > 0 ? target * bookWallet / totalWallet : 0.0;
    }

    /** Attainment = delivered / quota (both currency); 0 when there is no quota. */
    public static double attainment(double delivered, double quota) {
        return quota > 0 ? delivered / quota : 0.0;
    }
}
