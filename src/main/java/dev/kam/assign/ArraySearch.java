package dev.kam.assign;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * kam's own search on the coefficient table, run as a custom OptaPlanner phase before local search:
 * a greedy start, then tabu search over shift and swap moves with adaptive per-soldier penalty
 * weights on capacity overflow (strategic oscillation around the capacity boundary, after Díaz &amp;
 * Fernández 2001 and Yagiura, Ibaraki &amp; Glover 2004), then a repair that restores hard feasibility
 * (dropping the least valuable accounts first, mustCover ones last) and a greedy product offer.
 * Everything works on primitive arrays; each move is evaluated in O(1).
 */
final class ArraySearch {
    /** Told each time a better plan is found: its objective (cents) and capacity overflow (centihours). */
    interface Listener {
        void improved(long value, long overflow);
    }

    private final Coefficients t;
    private final SplittableRandom rnd;
    private final int n;
    private final int m;

    private final int[] choice;   // option per account, −1 = uncovered
    private final long[] load;    // centihours per soldier
    private final int[] count;    // accounts per soldier
    private final double[] w;     // penalty per centihour over capacity
    private final int[] tabuUntil; // [a*m + s]: iteration until which a may not return to s
    private long value;
    private long[] bonus;          // cents added when the account is covered at all (product value it unlocks)
    private long over;
    private int moves;

    private int[] best;
    private long bestValue = Long.MIN_VALUE;
    private long bestOver = Long.MAX_VALUE;

    ArraySearch(Coefficients table, long seed) {
        this.t = table;
        this.rnd = new SplittableRandom(seed);
        this.n = table.accounts;
        this.m = table.soldiers;
        choice = new int[n];
        Arrays.fill(choice, -1);
        load = new long[m];
        count = new int[m];
        w = new double[m];
        tabuUntil = new int[Math.max(1, n * m)];
        bonus = new long[n];
        // with no lead anywhere, every owned account already pays its switching cost and counts as moved
        for (int a = 0; a < n; a++) {
            value += val(a, -1);
            if (t.movable(a)) moves++;
        }
    }

    /** Value (cents) an account brings when covered, whatever its lead, e.g. the products it unlocks. */
    ArraySearch withBonus(long[] coverBonus) {
        this.bonus = coverBonus.clone();
        return this;
    }

    private long val(int a, int o) {
        if (o < 0) return t.owner[a] >= 0 ? -t.switching[a] : 0;
        return t.optValue[o] + bonus[a];
    }

    /** Whether option o (−1 = none) keeps account a with today's owner; an owned account not kept is a move. */
    private boolean kept(int a, int o) {
        return o >= 0 && t.owner[a] >= 0 && t.optSoldier[o] == t.owner[a];
    }

    /** Change of the move count if account a went from option cur to option o. */
    private int moveDelta(int a, int cur, int o) {
        if (!t.movable(a)) return 0;
        return (kept(a, cur) ? 1 : 0) - (kept(a, o) ? 1 : 0);
    }

    /** Whether a change of the move count by d keeps within assignment.maxMoves (always true when it falls). */
    private boolean movesOk(int d) {
        return t.maxMoves < 0 || d <= 0 || moves + d <= t.maxMoves;
    }

    /** The best plan found: option per account (−1 = uncovered). */
    int[] best() {
        return best.clone();
    }

    /**
     * Runs the search until the deadline (System.nanoTime; Long.MAX_VALUE = none), the iteration limit
     * or the stop signal, and returns the best plan after repair.
     */
    int[] run(long deadline, long maxIterations, BooleanSupplier stop, Listener listener) {
        return run(null, deadline, maxIterations, stop, listener);
    }

    /** As {@link #run(long, long, BooleanSupplier, Listener)}, starting from a plan (null = greedy start). */
    int[] run(int[] start, long deadline, long maxIterations, BooleanSupplier stop, Listener listener) {
        if (start == null) {
            greedy();
        } else {
            for (int a = 0; a < n; a++) set(a, start[a]);
        }
        remember(listener);
        double w0 = initialWeight();
        Arrays.fill(w, w0);
        long sinceBest = 0;
        long restartAfter = Math.max(100, 20L * n);
        int evalBudget = 300_000;
        int perAccount = Math.max(1, t.options() / Math.max(1, n));
        int sample = Math.min(n, Math.max(50, evalBudget / perAccount));
        int swapSample = Math.max(1, Math.min(20, 2_000_000 / Math.max(1, n * 50)));
        int tenureBase = Math.max(3, (int) Math.round(Math.sqrt(n) * 0.5));
        for (long it = 1; it <= maxIterations; it++) {
            if ((it & 15) == 0 && (System.nanoTime() > deadline || stop.getAsBoolean())) break;
            if (n == 0 || m == 0) break;
            if (!step((int) it, sample, swapSample, tenureBase)) {
                // no admissible move at all: everything tabu or nothing to change
                if (t.options() == 0) break;
                kick(Math.max(1, n / 50));
            }
            if (over == 0 ? value > bestValue || bestOver > 0 : over < bestOver) {
                remember(listener);
                sinceBest = 0;
            } else if (++sinceBest > restartAfter) {
                restore();
                Arrays.fill(w, w0);
                kick(Math.max(2, n / 50));
                sinceBest = 0;
            }
            adaptWeights(w0);
        }
        restore();
        repair();
        best = choice.clone();
        return best();
    }

    private double pen(int s, long l) {
        return w[s] * violation(s, l);
    }

    /** Centihours a load breaks soldier s's band by: over capacity, or under the minimum. */
    private long violation(int s, long l) {
        return l > t.capacity[s] ? l - t.capacity[s] : (l < t.minHours[s] ? t.minHours[s] - l : 0);
    }

    private long overOf(long l, long cap) {
        return l > cap ? l - cap : 0;
    }

    private boolean step(int it, int sample, int swapSample, int tenureBase) {
        double bestDelta = Double.NEGATIVE_INFINITY;
        int moveA = -1, moveO = -2, moveB = -1, moveOb = -1;
        int start = sample >= n ? 0 : rnd.nextInt(n);
        for (int k = 0; k < sample; k++) {
            int a = (start + k) % n;
            if (t.locked[a]) continue;
            int cur = choice[a];
            int s = cur < 0 ? -1 : t.optSoldier[cur];
            long curH = cur < 0 ? 0 : t.optHours[cur];
            long curV = val(a, cur);
            double rem = s >= 0 ? pen(s, load[s]) - pen(s, load[s] - curH) : 0.0;
            long remOver = s >= 0 ? violation(s, load[s]) - violation(s, load[s] - curH) : 0;
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                if (o == cur) continue;
                if (!movesOk(moveDelta(a, cur, o))) continue;
                int ts = t.optSoldier[o];
                long h = t.optHours[o];
                double delta;
                long newOver;
                if (ts == s) {
                    delta = val(a, o) - curV - (pen(s, load[s] - curH + h) - pen(s, load[s]));
                    newOver = over - violation(s, load[s]) + violation(s, load[s] - curH + h);
                } else {
                    if (t.maxAccountsPerSoldier > 0 && count[ts] >= t.maxAccountsPerSoldier) continue;
                    delta = val(a, o) - curV + rem - (pen(ts, load[ts] + h) - pen(ts, load[ts]));
                    newOver = over - remOver - violation(ts, load[ts]) + violation(ts, load[ts] + h);
                }
                // returning to a soldier just left, or changing the effort at it again, is tabu for a while
                boolean tabu = tabuUntil[a * m + ts] > it;
                if (tabu && !(newOver == 0 && value + val(a, o) - curV > bestValue)) continue;
                if (delta > bestDelta || (delta == bestDelta && rnd.nextInt(2) == 0)) {
                    bestDelta = delta;
                    moveA = a;
                    moveO = o;
                    moveB = -1;
                }
            }
            if (cur >= 0 && !(t.mustCover[a]) && movesOk(moveDelta(a, cur, -1))) {
                double delta = val(a, -1) - curV + rem;
                if (delta > bestDelta) {
                    bestDelta = delta;
                    moveA = a;
                    moveO = -1;
                    moveB = -1;
                }
            }
        }
        // swaps: a few random accounts against every other covered account
        for (int k = 0; k < swapSample && n > 1; k++) {
            int a = rnd.nextInt(n);
            int ca = choice[a];
            if (ca < 0 || t.locked[a]) continue;
            int s = t.optSoldier[ca];
            int ea = t.optEffort[ca];
            for (int b = 0; b < n; b++) {
                int cb = choice[b];
                if (t.locked[b]) continue;
                if (cb < 0) {
                    // exchange: b takes a's place with a's soldier, a is left uncovered
                    if (t.mustCover[a] || b == a) continue;
                    int nb = t.option(b, s, ea);
                    if (nb < 0) continue;
                    if (!movesOk(moveDelta(a, ca, -1) + moveDelta(b, -1, nb))) continue;
                    long ls = load[s] - t.optHours[ca] + t.optHours[nb];
                    long dv = val(b, nb) + val(a, -1) - val(a, ca) - val(b, -1);
                    double delta = dv - (pen(s, ls) - pen(s, load[s]));
                    if (tabuUntil[b * m + s] > it) {
                        long newOver = over - violation(s, load[s]) + violation(s, ls);
                        if (!(newOver == 0 && value + dv > bestValue)) continue;
                    }
                    if (delta > bestDelta) {
                        bestDelta = delta;
                        moveA = a;
                        moveO = -1;
                        moveB = b;
                        moveOb = nb;
                    }
                    continue;
                }
                int ts = t.optSoldier[cb];
                if (ts == s) continue;
                int na = t.option(a, ts, ea);
                if (na < 0) continue;
                int nb = t.option(b, s, t.optEffort[cb]);
                if (nb < 0) continue;
                if (!movesOk(moveDelta(a, ca, na) + moveDelta(b, cb, nb))) continue;
                long ls = load[s] - t.optHours[ca] + t.optHours[nb];
                long lt = load[ts] - t.optHours[cb] + t.optHours[na];
                long dv = val(a, na) + val(b, nb) - val(a, ca) - val(b, cb);
                double delta = dv - (pen(s, ls) - pen(s, load[s])) - (pen(ts, lt) - pen(ts, load[ts]));
                boolean tabu = tabuUntil[a * m + ts] > it || tabuUntil[b * m + s] > it;
                if (tabu) {
                    long newOver = over - violation(s, load[s]) - violation(ts, load[ts])
                            + violation(s, ls) + violation(ts, lt);
                    if (!(newOver == 0 && value + dv > bestValue)) continue;
                }
                if (delta > bestDelta) {
                    bestDelta = delta;
                    moveA = a;
                    moveO = na;
                    moveB = b;
                    moveOb = nb;
                }
            }
        }
        if (moveA < 0) return false;
        int tenure = tenureBase + rnd.nextInt(tenureBase + 1);
        int oldA = choice[moveA];
        if (oldA >= 0) tabuUntil[moveA * m + t.optSoldier[oldA]] = it + tenure;
        if (moveB >= 0) {
            int oldB = choice[moveB];
            if (oldB >= 0) tabuUntil[moveB * m + t.optSoldier[oldB]] = it + tenure;
            set(moveB, -1);
            set(moveA, moveO);
            set(moveB, moveOb);
        } else {
            set(moveA, moveO);
        }
        return true;
    }

    /** Changes one account's option, keeping loads, value and overflow up to date. */
    private void set(int a, int o) {
        int cur = choice[a];
        moves += moveDelta(a, cur, o);
        value -= val(a, cur);
        if (cur >= 0) {
            int s = t.optSoldier[cur];
            over -= violation(s, load[s]);
            load[s] -= t.optHours[cur];
            over += violation(s, load[s]);
            count[s]--;
        }
        if (o >= 0) {
            int s = t.optSoldier[o];
            over -= violation(s, load[s]);
            load[s] += t.optHours[o];
            over += violation(s, load[s]);
            count[s]++;
        }
        value += val(a, o);
        choice[a] = o;
    }

    private void adaptWeights(double w0) {
        if (over > 0) {
            for (int s = 0; s < m; s++) {
                if (violation(s, load[s]) > 0) w[s] *= 1.05;
            }
        } else {
            double floor = w0 * 1e-3;
            for (int s = 0; s < m; s++) w[s] = Math.max(floor, w[s] * 0.98);
        }
    }

    /** A typical value per centihour, so penalties start on the scale of the objective. */
    private double initialWeight() {
        double sum = 0;
        int k = 0;
        for (int o = 0; o < t.options(); o++) {
            if (t.optHours[o] > 0) {
                sum += Math.abs((double) t.optValue[o]) / t.optHours[o];
                k++;
            }
        }
        return k == 0 ? 1.0 : Math.max(1e-6, sum / k);
    }

    private void remember(Listener listener) {
        if (best == null || (over == 0 ? value > bestValue || bestOver > 0 : over < bestOver)) {
            best = choice.clone();
            bestValue = value;
            bestOver = over;
            if (listener != null) listener.improved(value, over);
        }
    }

    private void restore() {
        for (int a = 0; a < n; a++) {
            if (choice[a] != best[a]) set(a, best[a]);
        }
    }

    private void kick(int moves) {
        for (int k = 0; k < moves; k++) {
            int a = rnd.nextInt(n);
            int lo = t.optStart[a], hi = t.optStart[a + 1];
            if (hi == lo || t.locked[a]) continue;
            int o = lo + rnd.nextInt(hi - lo);
            if (!movesOk(moveDelta(a, choice[a], o))) continue;
            int s = t.optSoldier[o];
            boolean same = choice[a] >= 0 && t.optSoldier[choice[a]] == s;
            if (t.maxAccountsPerSoldier > 0 && !same && count[s] >= t.maxAccountsPerSoldier) continue;
            set(a, o);
        }
    }

    /**
     * Greedy start: mustCover accounts first, largest hours first (first-fit decreasing), each on the
     * most valuable option that fits; then the others by best value per hour, only when it pays.
     */
    private void greedy() {
        Integer[] order = new Integer[n];
        double[] key = new double[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
            long bestV = Long.MIN_VALUE, minH = Long.MAX_VALUE;
            double density = Double.NEGATIVE_INFINITY;
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                bestV = Math.max(bestV, t.optValue[o]);
                minH = Math.min(minH, t.optHours[o]);
                density = Math.max(density, t.optValue[o] / (double) Math.max(1, t.optHours[o]));
            }
            key[a] = t.mustCover[a] ? minH : density;
        }
        Arrays.sort(order, (x, y) -> {
            if (t.mustCover[x] != t.mustCover[y]) return t.mustCover[x] ? -1 : 1;
            return Double.compare(key[y], key[x]);
        });
        // locked accounts take their one option; under a move cap, owners keep their accounts first, at the
        // lightest effort so that as many as possible fit (the search raises efforts later)
        for (int a = 0; a < n; a++) if (t.locked[a] && t.optStart[a + 1] > t.optStart[a]) set(a, t.optStart[a]);
        if (t.maxMoves >= 0) {
            for (int a : order) {
                if (t.locked[a] || !t.movable(a)) continue;
                int pick = -1;
                for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                    int s = t.optSoldier[o];
                    if (s != t.owner[a] || load[s] + t.optHours[o] > t.capacity[s]) continue;
                    if (t.maxAccountsPerSoldier > 0 && count[s] >= t.maxAccountsPerSoldier) continue;
                    if (pick < 0 || t.optHours[o] < t.optHours[pick]) pick = o;
                }
                if (pick >= 0) set(a, pick);
            }
        }
        for (int a : order) {
            if (choice[a] >= 0 || t.locked[a]) continue;
            int pick = -1;
            long pickV = t.mustCover[a] ? Long.MIN_VALUE : val(a, -1);
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                int s = t.optSoldier[o];
                if (load[s] + t.optHours[o] > t.capacity[s]) continue;
                if (t.maxAccountsPerSoldier > 0 && count[s] >= t.maxAccountsPerSoldier) continue;
                if (!movesOk(moveDelta(a, -1, o))) continue;
                if (t.optValue[o] > pickV) {
                    pickV = t.optValue[o];
                    pick = o;
                }
            }
            if (pick < 0 && t.mustCover[a]) {
                // nothing fits: take the option that overflows least, the search will move it
                long least = Long.MAX_VALUE;
                for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                    int s = t.optSoldier[o];
                    if (t.maxAccountsPerSoldier > 0 && count[s] >= t.maxAccountsPerSoldier) continue;
                    long ov = load[s] + t.optHours[o] - t.capacity[s];
                    if (ov < least) {
                        least = ov;
                        pick = o;
                    }
                }
            }
            if (pick >= 0) set(a, pick);
        }
    }

    /**
     * Restores hard feasibility: while a soldier is over capacity, drop the account on them whose loss
     * per freed hour is smallest (mustCover accounts only when nothing else is left), then try to put
     * dropped mustCover accounts on any soldier with room.
     */
    private void repair() {
        boolean[] dropped = new boolean[n];
        for (int s = 0; s < m; s++) {
            while (load[s] > t.capacity[s]
                    || (t.maxAccountsPerSoldier > 0 && count[s] > t.maxAccountsPerSoldier)) {
                int victim = -1;
                double bestKey = Double.POSITIVE_INFINITY;
                boolean victimMust = true;
                for (int a = 0; a < n; a++) {
                    int o = choice[a];
                    if (o < 0 || t.optSoldier[o] != s || t.locked[a]) continue;
                    double k = (t.optValue[o] - val(a, -1)) / (double) Math.max(1, t.optHours[o]);
                    boolean must = t.mustCover[a];
                    if ((victimMust && !must) || (victimMust == must && k < bestKey)) {
                        victim = a;
                        bestKey = k;
                        victimMust = must;
                    }
                }
                if (victim < 0) break;
                set(victim, -1);
                dropped[victim] = true;
            }
        }
        for (int a = 0; a < n; a++) {
            if (!dropped[a] || !t.mustCover[a]) continue;
            int pick = -1;
            long pickV = Long.MIN_VALUE;
            for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                int s = t.optSoldier[o];
                if (load[s] + t.optHours[o] > t.capacity[s]) continue;
                if (t.maxAccountsPerSoldier > 0 && count[s] >= t.maxAccountsPerSoldier) continue;
                if (t.optValue[o] > pickV) {
                    pickV = t.optValue[o];
                    pick = o;
                }
            }
            if (pick >= 0) set(a, pick);
        }
    }

    /**
     * Offers products greedily to covered accounts, most valuable pair first, within product capacity
     * and the per-account cap; only pairs worth more than nothing.
     */
    static boolean[] offerProducts(Coefficients t, int[] choice) {
        int pairs = t.pairs();
        boolean[] offered = new boolean[pairs];
        Integer[] order = new Integer[pairs];
        int[] pairAccount = new int[pairs];
        for (int a = 0; a < t.accounts; a++) {
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) pairAccount[q] = a;
        }
        for (int q = 0; q < pairs; q++) order[q] = q;
        long[] value = new long[pairs];
        for (int q = 0; q < pairs; q++) value[q] = choice[pairAccount[q]] < 0 ? 0 : t.pairValue(q, choice[pairAccount[q]]);
        Arrays.sort(order, (x, y) -> Long.compare(value[y], value[x]));
        int[] used = new int[t.products];
        int[] perAccount = new int[t.accounts];
        for (int q : order) {
            int a = pairAccount[q];
            int p = t.pairProduct[q];
            if (value[q] <= 0 || choice[a] < 0) continue;
            if (used[p] >= t.productCapacity[p] || perAccount[a] >= t.maxProductsPerAccount) continue;
            offered[q] = true;
            used[p]++;
            perAccount[a]++;
        }
        return offered;
    }

    /**
     * The product value covering each account unlocks: for a covered account the value of its current
     * offers; for an uncovered one the best offers still possible with the products' spare capacity.
     */
    static long[] productBonus(Coefficients t, int[] choice, boolean[] offered) {
        long[] bonus = new long[t.accounts];
        int[] used = new int[t.products];
        for (int a = 0; a < t.accounts; a++) {
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) if (offered[q]) used[t.pairProduct[q]]++;
        }
        for (int a = 0; a < t.accounts; a++) {
            int lo = t.pairStart[a], hi = t.pairStart[a + 1];
            if (choice[a] >= 0) {
                for (int q = lo; q < hi; q++) if (offered[q]) bonus[a] += t.pairValue(q, choice[a]);
                continue;
            }
            long[] vals = new long[hi - lo];
            int k = 0;
            for (int q = lo; q < hi; q++) {
                if (t.pairValue[q] > 0 && used[t.pairProduct[q]] < t.productCapacity[t.pairProduct[q]]) vals[k++] = t.pairValue[q];
            }
            Arrays.sort(vals, 0, k);
            for (int i = 0; i < Math.min(k, t.maxProductsPerAccount); i++) bonus[a] += vals[k - 1 - i];
        }
        return bonus;
    }

    /** Objective (cents) of a plan, minus 10^15 per uncovered mustCover account (to compare plans lexicographically). */
    static long total(Coefficients t, int[] choice, boolean[] offered) {
        long v = new Solution(choice, offered).objective(t);
        for (int a = 0; a < t.accounts; a++) if (choice[a] < 0 && t.mustCover[a]) v -= 1_000_000_000_000_000L;
        return v;
    }
}
