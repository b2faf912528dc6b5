package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Tier;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coefficient table of one instance: every number the score and the LP need, computed once from
 * the scenario, on primitive arrays. Money is held in cents (currency × 100, rounded) and hours in
 * centihours (hours × 100, rounded), so score levels are exact longs and the exported LP, whose
 * coefficients are these integers divided by 100, has exactly the same objective.
 *
 * <p>An <em>option</em> is one (account, eligible soldier, effort level) triple, i.e. one binary
 * x[a,s,e] of the LP; options of account a are {@code optStart[a] .. optStart[a+1]-1}, ordered by
 * soldier then effort. A <em>pair</em> is one eligible (account, product), i.e. one binary y[a,p].
 */
public final class Coefficients {
    /** Cents per currency unit and centihours per hour. */
    public static final long SCALE = 100;

    final int accounts;
    final int soldiers;
    final int products;
    final int levels;

    final String[] accountId;
    final String[] soldierId;
    final String[] productId;
    final int[] rating;            // 1–5
    final boolean[] mustCover;
    final int[] owner;             // soldier index leading it today, −1 if none
    final long[] capacity;         // centihours per soldier
    final int maxAccountsPerSoldier; // 0 = no cap

    final int[] optStart;
    final int[] optBase;           // [a*soldiers + s]: first option of (a, s), −1 when s is not eligible for a
    final int[] optSoldier;
    final int[] optEffort;
    final long[] optHours;         // centihours
    final long[] optValue;         // cents, priority-weighted uplift minus switching cost
    final double[] optFit;
    final double[] optUplift;      // unweighted expected uplift, currency

    final int[] pairStart;         // pairs of account a: pairStart[a] .. pairStart[a+1]-1
    final int[] pairProduct;
    final long[] pairValue;        // cents
    final double[] pairUplift;     // unweighted, currency
    final int[] productCapacity;
    final int maxProductsPerAccount;

    /** Why each account has no eligible soldier (null when it has one). */
    final String[] noOptionReason;

    private Coefficients(Builder b) {
        accounts = b.accountId.length;
        soldiers = b.soldierId.length;
        products = b.productId.length;
        levels = b.levels;
        accountId = b.accountId;
        soldierId = b.soldierId;
        productId = b.productId;
        rating = b.rating;
        mustCover = b.mustCover;
        owner = b.owner;
        capacity = b.capacity;
        maxAccountsPerSoldier = b.maxAccountsPerSoldier;
        optStart = b.optStart;
        optBase = new int[accounts * soldiers];
        java.util.Arrays.fill(optBase, -1);
        int[] os = b.optSoldier.toArray();
        int[] oe = b.optEffort.toArray();
        for (int a = 0; a < accounts; a++) {
            for (int o = optStart[a]; o < optStart[a + 1]; o++) {
                if (oe[o] == 0) optBase[a * soldiers + os[o]] = o;
            }
        }
        optSoldier = b.optSoldier.toArray();
        optEffort = b.optEffort.toArray();
        optHours = b.optHours.toArray();
        optValue = b.optValue.toArray();
        optFit = b.optFit.toArray();
        optUplift = b.optUplift.toArray();
        pairStart = b.pairStart;
        pairProduct = b.pairProduct.toArray();
        pairValue = b.pairValue.toArray();
        pairUplift = b.pairUplift.toArray();
        productCapacity = b.productCapacity;
        maxProductsPerAccount = b.maxProductsPerAccount;
        noOptionReason = b.noOptionReason;
    }

    public int accounts() {
        return accounts;
    }

    public int soldiers() {
        return soldiers;
    }

    public int products() {
        return products;
    }

    public int options() {
        return optSoldier.length;
    }

    public int pairs() {
        return pairProduct.length;
    }

    /** The option of account a with soldier s and effort e, or −1 when the soldier is not eligible. */
    int option(int a, int s, int e) {
        int b = optBase[a * soldiers + s];
        return b < 0 ? -1 : b + e;
    }

    /** The pair of account a and product p, or −1 when the product may not be offered to it. */
    int pair(int a, int p) {
        for (int q = pairStart[a]; q < pairStart[a + 1]; q++) {
            if (pairProduct[q] == p) return q;
        }
        return -1;
    }

    /** Rounds money (currency) or hours to the scaled long used by scores and the LP. */
    static long scaled(double v) {
        return Math.round(v * SCALE);
    }

    /** Default base hours of an account by tier, or its own baseHours when given (hours/year at standard effort). */
    static double baseHours(Account a, Tier tier, AssignmentParams p) {
        if (!Double.isNaN(a.baseHours())) return a.baseHours();
        return p.baseHours()[tier.ordinal()];
    }

    /** Whether soldier s may lead account a, or the reason why not (null = eligible). */
    static String ineligibility(Soldier s, Account a, int rating, AssignmentParams p) {
        if (s.stars() < p.minStars()[rating - 1]) {
            return "needs " + p.minStars()[rating - 1] + "+ stars for " + rating + "A";
        }
        if (s.certification() < p.minCertification()[rating - 1]) {
            return "needs certification " + p.minCertification()[rating - 1] + "+ for " + rating + "A";
        }
        if (p.requireRegion() && !s.worksIn(a.region())) return "no soldier works in region " + a.region();
        int l = s.layer().ordinal();
        if (rating < p.layerMinRating()[l] || rating > p.layerMaxRating()[l]) {
            return "layer rules (" + s.layer().code() + " leads " + p.layerMinRating()[l] + "A–"
                    + p.layerMaxRating()[l] + "A)";
        }
        return null;
    }

    /** Builds the table of a scenario; ratings and tiers come from the analysis. */
    public static Coefficients of(Scenario sc, Analysis analysis) {
        AssignmentParams p = sc.assignment();
        ResponseModel model = new ResponseModel(sc.simulation());
        List<Account> acc = sc.accounts();
        List<Soldier> sol = sc.soldiers();
        List<Product> prod = sc.products();
        Map<String, Relationship> rel = sc.relationshipIndex();
        Map<String, Integer> soldierIndex = new HashMap<>();
        for (int s = 0; s < sol.size(); s++) soldierIndex.put(sol.get(s).id(), s);

        Builder b = new Builder(acc.size(), sol.size(), prod.size(), p.effortLevels().length);
        for (int s = 0; s < sol.size(); s++) {
            b.soldierId[s] = sol.get(s).id();
            b.capacity[s] = scaled(sol.get(s).capacityHours());
        }
        for (int q = 0; q < prod.size(); q++) {
            b.productId[q] = prod.get(q).id();
            b.productCapacity[q] = prod.get(q).capacity();
        }
        b.maxProductsPerAccount = p.maxProductsPerAccount();
        b.maxAccountsPerSoldier = p.maxAccountsPerSoldier();
        int std = p.standardEffort();
        double rStd = model.response(p.effortLevels()[std]);

        for (int a = 0; a < acc.size(); a++) {
            Account ac = acc.get(a);
            int r = Math.max(1, Math.min(5, analysis.rating(ac.id())));
            b.accountId[a] = ac.id();
            b.rating[a] = r;
            b.mustCover[a] = ac.mustCover();
            Integer ow = ac.owner() == null ? null : soldierIndex.get(ac.owner());
            b.owner[a] = ow == null ? -1 : ow;
            double prio = p.ratingPriority()[r - 1];
            double base = baseHours(ac, analysis.tier(ac.id()), p);
            double switching = p.switchingCost() * Math.max(0, ac.grossProfit());
            String why = null;
            for (int s = 0; s < sol.size(); s++) {
                Soldier so = sol.get(s);
                String no = ineligibility(so, ac, r, p);
                if (no != null) {
                    if (why == null) why = no;
                    continue;
                }
                Relationship re = rel.get(Scenario.pairKey(so.id(), ac.id()));
                double strength = re == null ? Double.NaN : re.strength();
                double hours = re != null && !Double.isNaN(re.hours()) ? re.hours() : base;
                double fit = model.fit(so, ac, strength);
                for (int e = 0; e < b.levels; e++) {
                    double effort = p.effortLevels()[e];
                    double uplift;
                    if (re != null && !Double.isNaN(re.value())) {
                        // a manager's value is for standard effort; other levels follow the response curve
                        uplift = rStd > 0 ? re.value() * model.response(effort) / rStd : re.value();
                    } else {
                        uplift = model.coverUplift(ac, effort, fit);
                    }
                    double moved = b.owner[a] >= 0 && b.owner[a] != s ? switching : 0.0;
                    b.addOption(s, e, scaled(hours * effort), scaled(prio * uplift) - scaled(moved), fit, uplift);
                }
            }
            b.optStart[a + 1] = b.optSoldier.size();
            if (b.optStart[a + 1] == b.optStart[a]) {
                b.noOptionReason[a] = sol.isEmpty() ? "there are no soldiers" : "no eligible soldier: " + why;
            }
            for (int q = 0; q < prod.size(); q++) {
                Product pr = prod.get(q);
                if (!pr.addresses(ac) || r < pr.minRating()) continue;
                double uplift = model.productUplift(ac, pr);
                b.pairProduct.add(q);
                b.pairValue.add(scaled(prio * uplift));
                b.pairUplift.add(uplift);
            }
            b.pairStart[a + 1] = b.pairProduct.size();
        }
        return new Coefficients(b);
    }

    /** Collects the table while it is built. */
    private static final class Builder {
        final int levels;
        final String[] accountId;
        final String[] soldierId;
        final String[] productId;
        final int[] rating;
        final boolean[] mustCover;
        final int[] owner;
        final long[] capacity;
        final int[] optStart;
        final int[] pairStart;
        final int[] productCapacity;
        final String[] noOptionReason;
        int maxProductsPerAccount;
        int maxAccountsPerSoldier;
        final IntList optSoldier = new IntList();
        final IntList optEffort = new IntList();
        final LongList optHours = new LongList();
        final LongList optValue = new LongList();
        final DoubleList optFit = new DoubleList();
        final DoubleList optUplift = new DoubleList();
        final IntList pairProduct = new IntList();
        final LongList pairValue = new LongList();
        final DoubleList pairUplift = new DoubleList();

        Builder(int n, int m, int np, int levels) {
            this.levels = levels;
            accountId = new String[n];
            soldierId = new String[m];
            productId = new String[np];
            rating = new int[n];
            mustCover = new boolean[n];
            owner = new int[n];
            capacity = new long[m];
            optStart = new int[n + 1];
            pairStart = new int[n + 1];
            productCapacity = new int[np];
            noOptionReason = new String[n];
        }

        void addOption(int s, int e, long hours, long value, double fit, double uplift) {
            optSoldier.add(s);
            optEffort.add(e);
            optHours.add(hours);
            optValue.add(value);
            optFit.add(fit);
            optUplift.add(uplift);
        }
    }

    private static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    private static final class LongList {
        long[] a = new long[16];
        int n;

        void add(long v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    private static final class DoubleList {
        double[] a = new double[16];
        int n;

        void add(double v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
