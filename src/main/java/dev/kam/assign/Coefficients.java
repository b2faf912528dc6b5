package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Tier;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.EligibilityRule;
import dev.kam.domain.Msg;
import dev.kam.domain.Problem;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.ScenarioException;
import dev.kam.domain.Soldier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coefficient table of one instance: every number the score, the MIP and the LP export need, computed
 * once from the scenario, on primitive arrays. Money is held in cents (currency × 100, rounded to the
 * nearest cent) and hours in centihours (rounded up for what a lead takes, down for what a soldier has),
 * so score levels are exact longs, the exported LP (these integers divided by 100) has exactly the same
 * objective, and a plan that fits in centihours also fits in the scenario's real hours.
 *
 * <p>An <em>option</em> is one (account, soldier, effort level) triple, i.e. one binary x[a,s,e] of the
 * MIP; options of account a are {@code optStart[a] .. optStart[a+1]-1}, ordered by soldier then effort.
 * A <em>pair</em> is one eligible (account, product), i.e. one binary y[a,p]. A pair's value may depend on
 * the account's option (a prospect adopts only once converted, and conversion depends on effort and fit):
 * then {@link #pairValue(int, int)} reads it per option.
 *
 * <p>Switching cost (docs/model.md, “What the optimizer maximizes is what the simulation does”): an account with an owner today pays {@code switching[a]} when it ends
 * with another lead (folded into that option's value) or with none (the "Owned account dropped" rule).
 */
public final class Coefficients {
    /** Cents per currency unit and centihours per hour. */
    public static final long SCALE = 100;

    final int accounts;
    final int soldiers;
    final int products;
    final int levels;
    final double[] effort;         // multiple of base hours per level
    final String[] effortName;
    final int standard;            // index of the standard level

    final String[] accountId;
    final String[] soldierId;
    final String[] productId;
    final int[] rating;            // 1–5
    final boolean[] mustCover;
    final int[] owner;             // soldier index leading it today, −1 if none
    final boolean[] locked;        // keep the owner at standard effort
    final long[] switching;        // cents charged when an owned account changes lead or is dropped
    final long[] capacity;         // centihours per soldier
    final long[] minHours;         // centihours per soldier the plan must at least give (0 = none)
    final long[] minRequested;     // the minimum the scenario asked for, before an unreachable one was lowered
    final int maxAccountsPerSoldier; // 0 = no cap
    final int maxMoves;            // −1 = no cap

    final int[] optStart;
    final int[] optBase;           // [a*soldiers + s]: first option of (a, s), −1 when s has no option for a
    final int[] optSoldier;
    final int[] optEffort;
    final long[] optHours;         // centihours
    final long[] optValue;         // cents, priority-weighted uplift minus switching cost when moved
    final double[] optFit;
    final double[] optUplift;      // unweighted expected uplift, currency
    final boolean[] optOverride;   // the pair is not eligible but the account is locked to this soldier

    final int[] pairStart;         // pairs of account a: pairStart[a] .. pairStart[a+1]-1
    final int[] pairAccount;
    final int[] pairProduct;
    final long[] pairValue;        // cents; when the value depends on the option: the largest one
    final double[] pairUplift;     // unweighted, currency (largest one when it depends on the option)
    final int[] pairOptBase;       // −1: constant value; else index of option optStart[a]'s value in pairOpt*
    final long[] pairOptValue;
    final double[] pairOptUplift;
    final int[] productCapacity;
    final int maxProductsPerAccount;

    /** Why each account has no option at all (null when it has one). */
    final Msg[] noOptionReason;
    /** Broken eligibility rules per (account, soldier) as a bit mask over {@link EligibilityRule} (0 = eligible). */
    final byte[] broken;
    /** Notes on the table itself: locks that override eligibility, minimums lowered, overrides clamped. */
    final List<Msg> warnings;
    /** Upper bound (currency) of what rounding to cents can take from any plan's real objective. */
    final double roundingSlack;

    private Coefficients(Builder b) {
        accounts = b.accountId.length;
        soldiers = b.soldierId.length;
        products = b.productId.length;
        levels = b.effort.length;
        effort = b.effort;
        effortName = b.effortName;
        standard = b.standard;
        accountId = b.accountId;
        soldierId = b.soldierId;
        productId = b.productId;
        rating = b.rating;
        mustCover = b.mustCover;
        owner = b.owner;
        locked = b.locked;
        switching = b.switching;
        capacity = b.capacity;
        minHours = b.minHours;
        minRequested = b.minRequested;
        maxAccountsPerSoldier = b.maxAccountsPerSoldier;
        maxMoves = b.maxMoves;
        optStart = b.optStart;
        optSoldier = b.optSoldier.toArray();
        optEffort = b.optEffort.toArray();
        optHours = b.optHours.toArray();
        optValue = b.optValue.toArray();
        optFit = b.optFit.toArray();
        optUplift = b.optUplift.toArray();
        boolean[] ov = new boolean[optSoldier.length];
        for (int i = 0; i < b.optOverride.size(); i++) ov[b.optOverride.a[i]] = true;
        optOverride = ov;
        optBase = new int[accounts * soldiers];
        Arrays.fill(optBase, -1);
        for (int a = 0; a < accounts; a++) {
            for (int o = optStart[a + 1] - 1; o >= optStart[a]; o--) optBase[a * soldiers + optSoldier[o]] = o;
        }
        pairStart = b.pairStart;
        pairProduct = b.pairProduct.toArray();
        pairAccount = new int[pairProduct.length];
        for (int a = 0; a < accounts; a++) for (int q = pairStart[a]; q < pairStart[a + 1]; q++) pairAccount[q] = a;
        pairValue = b.pairValue.toArray();
        pairUplift = b.pairUplift.toArray();
        pairOptBase = b.pairOptBase.toArray();
        pairOptValue = b.pairOptValue.toArray();
        pairOptUplift = b.pairOptUplift.toArray();
        productCapacity = b.productCapacity;
        maxProductsPerAccount = b.maxProductsPerAccount;
        noOptionReason = b.noOptionReason;
        broken = b.broken;
        warnings = List.copyOf(b.warnings);
        roundingSlack = b.slack;
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

    /** The option of account a with soldier s and effort level e, or −1 when the soldier has no such option. */
    int option(int a, int s, int e) {
        int b = optBase[a * soldiers + s];
        if (b < 0) return -1;
        for (int o = b; o < optStart[a + 1] && optSoldier[o] == s; o++) if (optEffort[o] == e) return o;
        return -1;
    }

    /** The pair of account a and product p, or −1 when the product may not be offered to it. */
    int pair(int a, int p) {
        for (int q = pairStart[a]; q < pairStart[a + 1]; q++) {
            if (pairProduct[q] == p) return q;
        }
        return -1;
    }

    /** The value (cents) of offering pair q when its account has option o (o of the pair's account, ≥ 0). */
    long pairValue(int q, int o) {
        int b = pairOptBase[q];
        return b < 0 ? pairValue[q] : pairOptValue[b + o - optStart[pairAccount[q]]];
    }

    /** The unweighted expected uplift (currency) of pair q when its account has option o. */
    double pairUplift(int q, int o) {
        int b = pairOptBase[q];
        return b < 0 ? pairUplift[q] : pairOptUplift[b + o - optStart[pairAccount[q]]];
    }

    /** Whether some pair's value depends on the lead's option. */
    boolean pairsVary() {
        return pairOptValue.length > 0;
    }

    /** Whether account a is owned today by soldier s. */
    boolean ownedBy(int a, int s) {
        return owner[a] >= 0 && owner[a] == s;
    }

    /**
     * Whether a change of lead of account a counts against {@code assignment.maxMoves}: it has an owner today
     * who may still lead it. An account whose owner the rules no longer allow must change lead anyway (a
     * forced move, listed but not counted); a manager who wants to keep that owner locks the account.
     */
    boolean movable(int a) {
        return owner[a] >= 0 && optBase[a * soldiers + owner[a]] >= 0;
    }

    /** Rounds money (currency) to cents, to the nearest cent. */
    static long scaled(double v) {
        return Math.round(v * SCALE);
    }

    /** Hours a lead takes, in centihours, rounded up from the exact decimal product base × effort. */
    static long hoursUp(double baseHours, double effortLevel) {
        // the common case, both the double nearest a number of hundredths: exact in longs (hundredths ×
        // hundredths / 100), the same as the decimal product below, without its allocation per option
        long b = Math.round(baseHours * 100), e = Math.round(effortLevel * 100);
        if (b >= 0 && e >= 0 && b < 1_000_000_000L && e < 1_000_000_000L && b / 100.0 == baseHours && e / 100.0 == effortLevel) {
            long p = b * e;
            return p / 100 + (p % 100 == 0 ? 0 : 1);
        }
        return hoursUpDecimal(baseHours, effortLevel);
    }

    /** {@link #hoursUp} by decimal arithmetic on the numbers as written ({@link Double#toString}). */
    static long hoursUpDecimal(double baseHours, double effortLevel) {
        BigDecimal h = new BigDecimal(Double.toString(baseHours)).multiply(new BigDecimal(Double.toString(effortLevel)));
        return h.movePointRight(2).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Hours a soldier has, in centihours, rounded down. */
    static long hoursDown(double hours) {
        return new BigDecimal(Double.toString(hours)).movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** Default base hours of an account by tier, or its own baseHours when given (hours/year at standard effort). */
    static double baseHours(Account a, Tier tier, AssignmentParams p) {
        if (!Double.isNaN(a.baseHours())) return a.baseHours();
        return p.baseHours()[tier.ordinal()];
    }

    /** The rules soldier s breaks for account a of the given rating, as a bit mask over EligibilityRule. */
    static byte brokenRules(AssignmentParams p, Soldier s, Account a, int rating) {
        int m = 0;
        for (EligibilityRule r : EligibilityRule.values()) if (r.breaks(p, s, a.region(), rating)) m |= 1 << r.ordinal();
        return (byte) m;
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

        Builder b = new Builder(acc.size(), sol.size(), prod.size(), p.effortLevels(), p.effortNames(), p.standardEffort());
        for (int s = 0; s < sol.size(); s++) {
            b.soldierId[s] = sol.get(s).id();
            b.capacity[s] = hoursDown(sol.get(s).capacityHours());
        }
        for (int q = 0; q < prod.size(); q++) {
            b.productId[q] = prod.get(q).id();
            b.productCapacity[q] = prod.get(q).capacity();
        }
        b.maxProductsPerAccount = p.maxProductsPerAccount();
        b.maxAccountsPerSoldier = p.maxAccountsPerSoldier();
        b.maxMoves = p.maxMoves();
        int std = p.standardEffort();
        double[] prioOf = p.ratingPriority();

        for (int a = 0; a < acc.size(); a++) {
            Account ac = acc.get(a);
            int r = Math.max(1, Math.min(5, analysis.rating(ac.id())));
            b.accountId[a] = ac.id();
            b.rating[a] = r;
            b.mustCover[a] = ac.mustCover() || ac.locked();
            Integer ow = ac.owner() == null ? null : soldierIndex.get(ac.owner());
            b.owner[a] = ow == null ? -1 : ow;
            b.locked[a] = ac.locked() && b.owner[a] >= 0;
            double prio = prioOf[r - 1];
            double base = baseHours(ac, analysis.tier(ac.id()), p);
            double sw = b.owner[a] >= 0 ? p.switchingCost() * Math.max(0, ac.grossProfit()) : 0.0;
            b.switching[a] = scaled(sw);
            // the alternatives of this account for the rounding slack: none, then every option
            double slackA = b.owner[a] >= 0 ? -sw + b.switching[a] / (double) SCALE : 0.0;
            List<double[]> fits = new ArrayList<>();
            for (int s = 0; s < sol.size(); s++) {
                Soldier so = sol.get(s);
                byte mask = brokenRules(p, so, ac, r);
                b.broken[a * sol.size() + s] = mask;
                boolean lockedHere = b.locked[a] && b.owner[a] == s;
                if (b.locked[a] && !lockedHere) continue;
                if (mask != 0 && !lockedHere) continue;
                if (mask != 0) {
                    b.warnings.add(Msg.of("assign.warn.lockIneligible", ac.id(), so.id(), Reasons.rules(p, so, ac, r, mask)));
                }
                Relationship re = rel.get(Scenario.pairKey(so.id(), ac.id()));
                double strength = re == null ? Double.NaN : re.strength();
                double hours = re != null && !Double.isNaN(re.hours()) ? re.hours() : base;
                double fit = model.fit(so, ac, strength);
                double pairValue = re == null ? Double.NaN : re.value();
                if (model.overrideClamped(ac, pairValue)) {
                    b.warnings.add(Msg.of("assign.warn.overrideClamped", so.id(), ac.id(), pairValue,
                            model.coverUplift(ac, 1.0, fit, pairValue)));
                }
                for (int e = 0; e < b.levels; e++) {
                    if (lockedHere && e != std) continue;
                    double level = p.effortLevels()[e];
                    double uplift = model.coverUplift(ac, level, fit, pairValue);
                    boolean moved = b.owner[a] >= 0 && b.owner[a] != s;
                    long value = scaled(prio * uplift) - (moved ? b.switching[a] : 0);
                    double real = prio * uplift - (moved ? sw : 0);
                    slackA = Math.max(slackA, real - value / (double) SCALE);
                    if (lockedHere && mask != 0) b.optOverride.add(b.optSoldier.size());
                    b.addOption(s, e, hoursUp(hours, level), value, fit, uplift);
                    fits.add(new double[] {level, fit, pairValue});
                }
            }
            // 1e-6 per account covers the floating-point error of the difference itself
            b.slack += Math.max(0.0, slackA) + 1e-6;
            b.optStart[a + 1] = b.optSoldier.size();
            if (b.optStart[a + 1] == b.optStart[a]) {
                b.noOptionReason[a] = sol.isEmpty() ? Msg.of("assign.uncovered.noSoldiers")
                        : Reasons.noEligible(p, sol, ac, r, b.broken, a * sol.size());
            }
            for (int q = 0; q < prod.size(); q++) {
                Product pr = prod.get(q);
                if (!pr.addresses(ac) || r < pr.minRating()) continue;
                b.pairProduct.add(q);
                int nOpt = fits.size();
                if (!ac.isProspect() || nOpt == 0) {
                    double uplift = model.productUplift(ac, pr, 1.0, 0.5, Double.NaN);
                    long v = scaled(prio * uplift);
                    b.pairValue.add(v);
                    b.pairUplift.add(uplift);
                    b.pairOptBase.add(-1);
                    b.slack += Math.max(0.0, prio * uplift - v / (double) SCALE);
                } else {
                    b.pairOptBase.add(b.pairOptValue.size());
                    long max = Long.MIN_VALUE;
                    double maxU = 0, slackQ = 0;
                    for (double[] f : fits) {
                        // the prospect adopts only in a year it converts: at this option's effort, fit and pair value
                        double uplift = model.productUplift(ac, pr, f[0], f[1], f[2]);
                        long v = scaled(prio * uplift);
                        b.pairOptValue.add(v);
                        b.pairOptUplift.add(uplift);
                        if (v > max) {
                            max = v;
                            maxU = uplift;
                        }
                        slackQ = Math.max(slackQ, prio * uplift - v / (double) SCALE);
                    }
                    b.pairValue.add(max);
                    b.pairUplift.add(maxU);
                    b.slack += slackQ;
                }
            }
            b.pairStart[a + 1] = b.pairProduct.size();
        }
        checkLocks(sc, b);
        band(p, sol, b);
        return new Coefficients(b);
    }

    /** Locks that overbook their owner are a validation error with the numbers (SPEC §9). */
    private static void checkLocks(Scenario sc, Builder b) {
        long[] load = new long[b.soldierId.length];
        Map<Integer, List<String>> who = new HashMap<>();
        IntList os = b.optSoldier;
        for (int a = 0; a < b.accountId.length; a++) {
            if (!b.locked[a]) continue;
            int o = b.optStart[a];
            int s = os.a[o];
            load[s] += b.optHours.a[o];
            who.computeIfAbsent(s, k -> new ArrayList<>()).add(b.accountId[a] + " "
                    + Problem.show(b.optHours.a[o] / (double) SCALE) + " h");
        }
        List<Problem> problems = new ArrayList<>();
        for (int s = 0; s < load.length; s++) {
            if (load[s] <= b.capacity[s]) continue;
            problems.add(new Problem(sc.source(), 0, "accounts.locked", String.format(Locale.ROOT,
                    "soldier %s has %s h a year, but the accounts locked to them need %s h at standard effort (%s): "
                            + "unlock some or give %s more capacityHours", b.soldierId[s],
                    Problem.show(b.capacity[s] / (double) SCALE), Problem.show(load[s] / (double) SCALE),
                    String.join(" + ", who.get(s)), b.soldierId[s]), Problem.Severity.ERROR));
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
    }

    /**
     * Balanced books: each soldier's minimum = max(minHours, minUtilization × capacity); a minimum no plan
     * could give (more than the soldier's options can take) is lowered to what is reachable, with a warning.
     */
    private static void band(AssignmentParams p, List<Soldier> sol, Builder b) {
        int m = b.soldierId.length;
        long[][] best = new long[m][];
        int[] count = new int[m];
        long[] reach = new long[m];
        for (int s = 0; s < m; s++) best[s] = new long[8];
        for (int a = 0; a < b.accountId.length; a++) {
            long[] perSoldier = new long[m];
            for (int o = b.optStart[a]; o < b.optStart[a + 1]; o++) {
                int s = b.optSoldier.a[o];
                perSoldier[s] = Math.max(perSoldier[s], b.optHours.a[o]);
            }
            for (int s = 0; s < m; s++) {
                if (perSoldier[s] == 0) continue;
                if (count[s] == best[s].length) best[s] = Arrays.copyOf(best[s], count[s] * 2);
                best[s][count[s]++] = perSoldier[s];
            }
        }
        for (int s = 0; s < m; s++) {
            Soldier so = sol.get(s);
            double want = Math.max(Double.isNaN(so.minHours()) ? 0.0 : so.minHours(), p.minUtilization() * so.capacityHours());
            long min = want > 0 ? new BigDecimal(Double.toString(want)).movePointRight(2).setScale(0, RoundingMode.CEILING).longValue() : 0;
            min = Math.min(min, b.capacity[s]);
            b.minRequested[s] = min;
            long[] h = Arrays.copyOf(best[s], count[s]);
            Arrays.sort(h);
            int take = b.maxAccountsPerSoldier > 0 ? Math.min(h.length, b.maxAccountsPerSoldier) : h.length;
            long sum = 0;
            for (int i = 0; i < take; i++) sum += h[h.length - 1 - i];
            reach[s] = Math.min(sum, b.capacity[s]);
            if (min > reach[s]) {
                b.warnings.add(Msg.of("assign.warn.bandUnreachable", so.id(), min / (double) SCALE,
                        reach[s] / (double) SCALE, count[s]));
                min = reach[s];
            }
            b.minHours[s] = min;
        }
        shareFloors(b);
    }

    /**
     * Minimums met together: soldiers whose floors draw on the same few accounts (two soldiers who may lead only
     * the same three accounts, each asked for all their hours) cannot all reach them, though each could alone.
     * A greedy witness checks it: soldiers with a floor (the least slack first) claim whole accounts they may
     * lead (the ones fewest other floors compete for, then the largest) within capacity and the account cap,
     * either each in turn until its floor is met or in rounds of one account each, whichever leaves the floors
     * less short; a soldier left short has the floor lowered to what the witness gives, with a
     * warning naming who holds the accounts (or, with nobody competing, that no choice of whole accounts and effort
     * levels fits the floor within the capacity and the account cap). The witness is one assignment that meets every lowered floor, so
     * the floors never make the model infeasible on their own; it can lower a floor that a cleverer assignment
     * would have met, and says so in the warning.
     */
    private static void shareFloors(Builder b) {
        int m = b.soldierId.length, n = b.accountId.length;
        List<Integer> floored = new ArrayList<>();
        for (int s = 0; s < m; s++) if (b.minHours[s] > 0) floored.add(s);
        if (floored.isEmpty()) return;
        boolean[] isFloored = new boolean[m];
        for (int s : floored) isFloored[s] = true;
        // per floored soldier, the accounts they may lead with the most hours an option there takes
        IntList[] accountsOf = new IntList[m];
        long[][] hoursOf = new long[m][];
        int[] competing = new int[n];
        for (int s : floored) {
            accountsOf[s] = new IntList();
            hoursOf[s] = new long[16];
        }
        long[] most = new long[m];
        for (int a = 0; a < n; a++) {
            Arrays.fill(most, 0);
            for (int o = b.optStart[a]; o < b.optStart[a + 1]; o++) {
                int s = b.optSoldier.a[o];
                if (isFloored[s]) most[s] = Math.max(most[s], b.optHours.a[o]);
            }
            for (int s : floored) {
                if (most[s] == 0) continue;
                competing[a]++;
                IntList l = accountsOf[s];
                if (l.n == hoursOf[s].length) hoursOf[s] = Arrays.copyOf(hoursOf[s], l.n * 2);
                hoursOf[s][l.n] = most[s];
                l.add(a);
            }
        }
        long[] slack = new long[m];
        for (int s : floored) {
            long sum = 0;
            long[] h = hoursOf[s];
            for (int i = 0; i < accountsOf[s].n; i++) sum += h[i];
            slack[s] = Math.min(sum, b.capacity[s]) - b.minHours[s];
        }
        floored.sort((x, y) -> slack[x] != slack[y] ? Long.compare(slack[x], slack[y]) : Integer.compare(x, y));
        Integer[][] order = new Integer[m][];
        for (int s : floored) {
            IntList l = accountsOf[s];
            long[] h = hoursOf[s];
            Integer[] idx = new Integer[l.n];
            for (int i = 0; i < l.n; i++) idx[i] = i;
            Arrays.sort(idx, (x, y) -> competing[l.a[x]] != competing[l.a[y]] ? Integer.compare(competing[l.a[x]], competing[l.a[y]])
                    : h[x] != h[y] ? Long.compare(h[y], h[x]) : Integer.compare(l.a[x], l.a[y]));
            order[s] = idx;
        }
        // two witnesses: each soldier in turn takes what it needs, or in rounds one account each (sharing
        // contested accounts); the one that leaves the floors less short is kept
        Witness inTurn = witness(b, floored, accountsOf, order, false);
        Witness inRounds = witness(b, floored, accountsOf, order, true);
        Witness w = inRounds.deficit(b, floored) <= inTurn.deficit(b, floored) ? inRounds : inTurn;
        for (int s : floored) {
            long got = w.got(s);
            if (got >= b.minHours[s]) continue;
            Set<String> holders = new TreeSet<>();
            for (int i = 0; i < accountsOf[s].n; i++) {
                int c = w.by[accountsOf[s].a[i]];
                if (c >= 0 && c != s) holders.add(b.soldierId[c]);
            }
            b.warnings.add(holders.isEmpty()
                    ? Msg.of("assign.warn.bandFit", b.soldierId[s], b.minHours[s] / (double) SCALE, got / (double) SCALE,
                            b.capacity[s] / (double) SCALE)
                    : Msg.of("assign.warn.bandShared", b.soldierId[s], b.minHours[s] / (double) SCALE, got / (double) SCALE,
                            String.join(", ", holders)));
            b.minHours[s] = got;
        }
    }

    /** An assignment that shows which floors can be met: each account's soldier (−1: none) and its hours. */
    private record Witness(int[] by, long[] hours) {
        long got(int s) {
            long g = 0;
            for (int a = 0; a < by.length; a++) if (by[a] == s) g += hours[a];
            return g;
        }

        /** Hours by which it leaves the floors short, summed over soldiers. */
        long deficit(Builder b, List<Integer> floored) {
            long d = 0;
            for (int s : floored) d += Math.max(0, b.minHours[s] - got(s));
            return d;
        }
    }

    /**
     * A witness: floored soldiers claim whole accounts, each at the largest effort level that still fits their
     * capacity, in their order of accounts, in turn (each until its floor is met) or in rounds of one account.
     */
    private static Witness witness(Builder b, List<Integer> floored, IntList[] accountsOf, Integer[][] order, boolean rounds) {
        int m = b.soldierId.length;
        int[] by = new int[b.accountId.length];
        long[] hours = new long[b.accountId.length];
        Arrays.fill(by, -1);
        int[] next = new int[m], taken = new int[m];
        long[] got = new long[m];
        // a locked account is its owner's whatever the floors
        for (int a = 0; a < by.length; a++) {
            if (!b.locked[a] || b.optStart[a + 1] == b.optStart[a]) continue;
            int o = b.optStart[a], s = b.optSoldier.a[o];
            by[a] = s;
            hours[a] = b.optHours.a[o];
            got[s] += hours[a];
            taken[s]++;
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int s : floored) {
                while (got[s] < b.minHours[s] && (b.maxAccountsPerSoldier == 0 || taken[s] < b.maxAccountsPerSoldier)
                        && next[s] < order[s].length) {
                    int a = accountsOf[s].a[order[s][next[s]++]];
                    if (by[a] >= 0) continue;
                    long fit = 0;
                    for (int o = b.optStart[a]; o < b.optStart[a + 1]; o++) {
                        long h = b.optHours.a[o];
                        if (b.optSoldier.a[o] == s && h <= b.capacity[s] - got[s]) fit = Math.max(fit, h);
                    }
                    if (fit == 0) continue;
                    by[a] = s;
                    hours[a] = fit;
                    got[s] += fit;
                    taken[s]++;
                    progress = true;
                    if (rounds) break;
                }
            }
            if (!rounds) break;
        }
        return new Witness(by, hours);
    }

    /**
     * A GAP instance as a table (SPEC §4): agents are soldiers, jobs mustCover accounts, value = −cost, hours
     * = weight, one effort level; costs and weights are integers, so no rounding is involved.
     */
    static Coefficients gap(GapInstance g) {
        Builder b = new Builder(g.jobs(), g.agents(), 0, new double[] {1.0}, new String[] {"standard"}, 0);
        for (int i = 0; i < g.agents(); i++) {
            b.soldierId[i] = "a" + i;
            b.capacity[i] = g.capacity()[i] * SCALE;
        }
        b.maxProductsPerAccount = 0;
        b.maxMoves = -1;
        for (int j = 0; j < g.jobs(); j++) {
            b.accountId[j] = "j" + j;
            b.rating[j] = 1;
            b.mustCover[j] = true;
            b.owner[j] = -1;
            for (int i = 0; i < g.agents(); i++) {
                b.addOption(i, 0, g.weight()[i][j] * SCALE, -g.cost()[i][j] * SCALE, 1.0, -g.cost()[i][j]);
            }
            b.optStart[j + 1] = b.optSoldier.size();
            b.pairStart[j + 1] = 0;
        }
        return new Coefficients(b);
    }

    /** A copy with {@code extra} centihours more capacity for soldier s, for what-if solves. */
    Coefficients withCapacity(int s, long extra) {
        Builder b = new Builder(this);
        b.capacity[s] += extra;
        return new Coefficients(b);
    }

    /** Collects the table while it is built. */
    private static final class Builder {
        final int levels;
        final double[] effort;
        final String[] effortName;
        final int standard;
        final String[] accountId;
        final String[] soldierId;
        final String[] productId;
        final int[] rating;
        final boolean[] mustCover;
        final int[] owner;
        final boolean[] locked;
        final long[] switching;
        final long[] capacity;
        final long[] minHours;
        final long[] minRequested;
        final int[] optStart;
        final int[] pairStart;
        final int[] productCapacity;
        final Msg[] noOptionReason;
        final byte[] broken;
        final List<Msg> warnings = new ArrayList<>();
        double slack;
        int maxProductsPerAccount;
        int maxAccountsPerSoldier;
        int maxMoves = -1;
        final IntList optSoldier = new IntList();
        final IntList optEffort = new IntList();
        final LongList optHours = new LongList();
        final LongList optValue = new LongList();
        final DoubleList optFit = new DoubleList();
        final DoubleList optUplift = new DoubleList();
        final IntList optOverride = new IntList();
        final IntList pairProduct = new IntList();
        final LongList pairValue = new LongList();
        final DoubleList pairUplift = new DoubleList();
        final IntList pairOptBase = new IntList();
        final LongList pairOptValue = new LongList();
        final DoubleList pairOptUplift = new DoubleList();

        Builder(int n, int m, int np, double[] effort, String[] names, int standard) {
            this.levels = effort.length;
            this.effort = effort.clone();
            this.effortName = names.clone();
            this.standard = standard;
            accountId = new String[n];
            soldierId = new String[m];
            productId = new String[np];
            rating = new int[n];
            mustCover = new boolean[n];
            owner = new int[n];
            locked = new boolean[n];
            switching = new long[n];
            capacity = new long[m];
            minHours = new long[m];
            minRequested = new long[m];
            optStart = new int[n + 1];
            pairStart = new int[n + 1];
            productCapacity = new int[np];
            noOptionReason = new Msg[n];
            broken = new byte[n * m];
        }

        /** A builder holding a copy of a finished table (arrays that what-ifs change are cloned). */
        Builder(Coefficients t) {
            levels = t.levels;
            effort = t.effort;
            effortName = t.effortName;
            standard = t.standard;
            accountId = t.accountId;
            soldierId = t.soldierId;
            productId = t.productId;
            rating = t.rating;
            mustCover = t.mustCover;
            owner = t.owner;
            locked = t.locked;
            switching = t.switching;
            capacity = t.capacity.clone();
            minHours = t.minHours.clone();
            minRequested = t.minRequested.clone();
            optStart = t.optStart;
            pairStart = t.pairStart;
            productCapacity = t.productCapacity.clone();
            noOptionReason = t.noOptionReason;
            broken = t.broken;
            warnings.addAll(t.warnings);
            slack = t.roundingSlack;
            maxProductsPerAccount = t.maxProductsPerAccount;
            maxAccountsPerSoldier = t.maxAccountsPerSoldier;
            maxMoves = t.maxMoves;
            optSoldier.set(t.optSoldier);
            optEffort.set(t.optEffort);
            optHours.set(t.optHours);
            optValue.set(t.optValue);
            optFit.set(t.optFit);
            optUplift.set(t.optUplift);
            for (int o = 0; o < t.optOverride.length; o++) if (t.optOverride[o]) optOverride.add(o);
            pairProduct.set(t.pairProduct);
            pairValue.set(t.pairValue);
            pairUplift.set(t.pairUplift);
            pairOptBase.set(t.pairOptBase);
            pairOptValue.set(t.pairOptValue);
            pairOptUplift.set(t.pairOptUplift);
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

    /** A copy with another move cap (−1 = none), for the gain-vs-moves curve. */
    Coefficients withMaxMoves(int moves) {
        Builder b = new Builder(this);
        b.maxMoves = moves;
        return new Coefficients(b);
    }

    static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        void set(int[] v) {
            a = v.length == 0 ? new int[16] : v.clone();
            n = v.length;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static final class LongList {
        long[] a = new long[16];
        int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        void set(long[] v) {
            a = v.length == 0 ? new long[16] : v.clone();
            n = v.length;
        }

        int size() {
            return n;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static final class DoubleList {
        double[] a = new double[16];
        int n;

        void add(double v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        void set(double[] v) {
            a = v.length == 0 ? new double[16] : v.clone();
            n = v.length;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
