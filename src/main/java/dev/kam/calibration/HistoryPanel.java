package dev.kam.calibration;

import dev.kam.domain.Account;
import dev.kam.domain.HistoryEntry;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * history.csv as a panel of primitive arrays: accounts × calendar years (first history year … baseYear), revenue
 * (NaN where there is no row), who led each account each year, and for each led account-year the factor
 * r(1)·fit of the model's covered rates (docs/model.md, “What the optimizer maximizes is what the simulation does”). Built once; the estimators only read it.
 */
final class HistoryPanel {
    final int firstYear;
    final int years;
    final String[] ids;
    final double[][] revenue;
    final boolean[][] owned;
    /** r(1)·fit of the account-year's owner; for an owner or account unknown to the scenario, the mean over known pairs. */
    final double[][] phi;
    /** The account as accounts.csv has it today, or null (lost accounts keep their history). */
    final Account[] today;
    final String[] industry;
    final int[] firstRow;
    final int[] lastRow;

    HistoryPanel(Scenario s) {
        List<HistoryEntry> rows = s.history();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (HistoryEntry h : rows) {
            min = Math.min(min, h.year());
            max = Math.max(max, h.year());
            index.putIfAbsent(h.account(), index.size());
        }
        if (rows.isEmpty()) {
            min = s.baseYear();
            max = s.baseYear();
        }
        firstYear = min;
        years = Math.max(max, s.baseYear()) - min + 1;
        int n = index.size();
        ids = index.keySet().toArray(new String[0]);
        revenue = new double[n][years];
        owned = new boolean[n][years];
        phi = new double[n][years];
        String[][] owner = new String[n][years];
        for (double[] r : revenue) java.util.Arrays.fill(r, Double.NaN);
        for (HistoryEntry h : rows) {
            int i = index.get(h.account());
            int t = h.year() - firstYear;
            revenue[i][t] = h.revenue();
            owner[i][t] = h.owner();
            owned[i][t] = h.owner() != null;
        }
        Map<String, Account> accounts = new HashMap<>();
        for (Account a : s.accounts()) accounts.put(a.id(), a);
        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier so : s.soldiers()) soldiers.put(so.id(), so);
        Map<String, Relationship> rel = s.relationshipIndex();
        ResponseModel rm = new ResponseModel(s.simulation());
        double r1 = rm.response(1.0);
        today = new Account[n];
        industry = new String[n];
        firstRow = new int[n];
        lastRow = new int[n];
        double phiSum = 0;
        int phiCount = 0;
        List<int[]> unknown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Account a = accounts.get(ids[i]);
            today[i] = a;
            industry[i] = a == null ? "" : a.industry();
            firstRow[i] = -1;
            for (int t = 0; t < years; t++) {
                if (Double.isNaN(revenue[i][t])) continue;
                if (firstRow[i] < 0) firstRow[i] = t;
                lastRow[i] = t;
                if (owner[i][t] == null) continue;
                Soldier so = soldiers.get(owner[i][t]);
                if (a == null || so == null) {
                    unknown.add(new int[] {i, t});
                    continue;
                }
                Relationship r = rel.get(Scenario.pairKey(so.id(), a.id()));
                phi[i][t] = r1 * rm.fit(so, a, r == null ? Double.NaN : r.strength());
                phiSum += phi[i][t];
                phiCount++;
            }
        }
        double mean = phiCount > 0 ? phiSum / phiCount : r1 * 0.5;
        for (int[] u : unknown) phi[u[0]][u[1]] = mean;
    }

    int accounts() {
        return ids.length;
    }

    boolean hasRow(int i, int t) {
        return t >= 0 && t < years && !Double.isNaN(revenue[i][t]);
    }

    boolean active(int i, int t) {
        return hasRow(i, t) && revenue[i][t] > 0;
    }

    /** Whether the account had revenue in any year before t. */
    boolean everActiveBefore(int i, int t) {
        for (int u = 0; u < t; u++) if (active(i, u)) return true;
        return false;
    }
}
