package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.domain.EligibilityRule;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What-if analyses around a solved plan (SPEC §9), each a small exact re-solve with a deterministic work
 * limit, so that they repeat exactly for the same plan:
 * <ul>
 *   <li>the value of each move: the plan's objective minus the best plan found with that account kept by its
 *       owner, re-optimizing the accounts of the two soldiers involved and the accounts either could take;</li>
 *   <li>the gain-vs-moves curve: the best objective with at most 0, 5, 10, 20, 50 moves and unlimited;</li>
 *   <li>capacity values: one more selling hour (LP dual, and a re-solve with one more account's hours), one more
 *       certification level, one more star, and one more soldier like each profile.</li>
 * </ul>
 */
final class WhatIf {
    /** The caps of the gain-vs-moves curve (−1 = unlimited). */
    static final int[] CURVE = {0, 5, 10, 20, 50, -1};
    /** Work per capacity re-solve (the changed soldier's neighbourhood), as SCIP nodes / 10,000. */
    static final double PER_SOLVE = 0.05;
    /** Work per move re-solve (the two soldiers' accounts), as SCIP nodes / 10,000. */
    static final double PER_MOVE = 0.02;

    private static long nodes(double work) {
        return Math.max(50, Math.round(work * 10_000));
    }
    /** At most this many moves are re-solved one by one; the others get their local value. */
    static final int MAX_MOVE_SOLVES = 300;
    /** At most this many soldiers (and profiles) get certification, star and hiring re-solves. */
    static final int MAX_SOLDIER_SOLVES = 40;

    private final Scenario sc;
    private final Analysis analysis;
    private final Coefficients t;
    private final Assigner.Outcome out;
    private final AssignOptions options;
    private final Solution plan;
    private final long objective;
    private final long deadline;

    /**
     * @param deadline System.nanoTime by which the analyses stop (Long.MAX_VALUE = none: every item is
     *                 re-solved with its deterministic limit); items left when it passes keep a local value or none
     */
    WhatIf(Scenario sc, Analysis analysis, Coefficients t, Assigner.Outcome out, AssignOptions options, long deadline) {
        this.sc = sc;
        this.analysis = analysis;
        this.t = t;
        this.out = out;
        this.options = options;
        this.plan = out.plan();
        this.objective = plan.objective(t);
        this.deadline = deadline;
    }

    private long phaseEnd = Long.MAX_VALUE;

    /** Out of time or interrupted: the analyses still owed give cheap values or none. */
    private boolean stopped() {
        return (options.stop() != null && options.stop().stopped()) || System.nanoTime() > Math.min(deadline, phaseEnd);
    }

    /**
     * Both analyses; under a deadline the curve runs first with 40% of the time, capacity values get 55% of the time
     * left, move values the rest.
     * {@code notes} says what the deadline cut short (empty when everything ran).
     */
    record Both(Plan.Disruption disruption, Plan.CapacityValue capacity, List<Msg> notes) {
    }

    /** Items the deadline (or Ctrl-C) left out: curve points, move re-solves, capacity re-solves. */
    private final AtomicInteger curveSkipped = new AtomicInteger(), movesSkipped = new AtomicInteger(),
            capacitySkipped = new AtomicInteger();

    Both run() {
        long now = System.nanoTime();
        long left = deadline == Long.MAX_VALUE ? 0 : Math.max(0, deadline - now);
        // the curve first, with 40% of the time: its points have no cheap stand-in, but the capacity re-solves
        // give the hire and certification values the recommendations need (given the whole deadline, the curve
        // took all of the demo's and left capacity-value.csv blank); capacity re-solves then get 55% of what is
        // left, move re-solves the rest (moves keep their LP-priced value)
        phaseEnd = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : now + (long) (left * 0.40);
        List<Plan.CurvePoint> curve = plan.score(t).feasible() ? curve() : List.of();
        long after = System.nanoTime();
        phaseEnd = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : after + (long) (Math.max(0, deadline - after) * 0.55);
        Plan.CapacityValue capacity = capacity();
        phaseEnd = Long.MAX_VALUE;
        List<Plan.Move> moves = moves();
        List<Msg> notes = new ArrayList<>();
        if (curveSkipped.get() + movesSkipped.get() + capacitySkipped.get() > 0) {
            notes.add(Msg.of("assign.warn.whatIfShort", curveSkipped.get(), movesSkipped.get(), capacitySkipped.get(),
                    deadline == Long.MAX_VALUE ? Double.NaN : left / 1e9));
        }
        return new Both(new Plan.Disruption(moves, curve), capacity, notes);
    }

    /** Whether the deadline has passed; if so, counts one item of the given kind as left out. */
    private boolean skip(AtomicInteger kind) {
        if (!stopped()) return false;
        kind.incrementAndGet();
        return true;
    }

    // ------------------------------------------------------------------ disruption

    /**
     * Every move with its value: first priced by the LP's shadow prices (the account's Lagrangian value with its
     * new lead minus its best value with its owner), then re-solved exactly, cheapest-looking moves first, as long
     * as time allows (method "reoptimized"); the rest keep the priced value (method "priced").
     */
    List<Plan.Move> moves() {
        if (!plan.score(t).feasible()) return List.of();
        String cur = sc.currency() == null ? "" : sc.currency();
        List<int[]> owned = new ArrayList<>();
        List<Plan.Move> out = new ArrayList<>();
        Map<Integer, Plan.Move> byAccount = new LinkedHashMap<>();
        double[] priced = new double[t.accounts];
        for (int a = 0; a < t.accounts; a++) {
            int ow = t.owner[a];
            if (ow < 0) continue;
            int o = plan.choice()[a];
            if (o >= 0 && t.optSoldier[o] == ow) continue;
            String to = o < 0 ? null : t.soldierId[t.optSoldier[o]];
            String effort = o < 0 ? null : t.effortName[t.optEffort[o]];
            Msg reason = moveReason(a, o, ow, cur);
            if (!t.movable(a)) {
                byAccount.put(a, new Plan.Move(t.accountId[a], t.soldierId[ow], to, effort, Double.NaN, "forced", reason));
                continue;
            }
            priced[a] = priced(a, o, ow) / (double) Coefficients.SCALE;
            byAccount.put(a, new Plan.Move(t.accountId[a], t.soldierId[ow], to, effort, priced[a], "priced", reason));
            owned.add(new int[] {a});
        }
        owned.sort((x, y) -> Double.compare(priced[x[0]], priced[y[0]]));
        List<Callable<Solution>> tasks = new ArrayList<>();
        for (int i = 0; i < Math.min(owned.size(), MAX_MOVE_SOLVES); i++) {
            int a = owned.get(i)[0];
            tasks.add(() -> skip(movesSkipped) ? null : withoutMove(a, plan.choice()[a], t.owner[a]));
        }
        List<Solution> without = parallel(tasks);
        for (int i = 0; i < without.size(); i++) {
            if (without.get(i) == null) continue;
            int a = owned.get(i)[0];
            Plan.Move old = byAccount.get(a);
            byAccount.put(a, new Plan.Move(old.accountId(), old.from(), old.to(), old.effortName(),
                    (objective - without.get(i).objective(t)) / (double) Coefficients.SCALE, "reoptimized", old.reason()));
        }
        out.addAll(byAccount.values());
        return out;
    }

    /**
     * The move's value at the LP's prices (cents): the account's Lagrangian value with its plan lead (or none)
     * minus its best Lagrangian value with its owner; without an LP, its own objective term against the owner's.
     */
    private double priced(int a, int o, int ow) {
        Lagrangian lag = out.lagrangian();
        if (lag != null && lag.t == t) {
            double mine = o < 0 ? lag.noneLoss(a) : lag.loss(o, a);
            double owner = Double.POSITIVE_INFINITY;
            for (int p = t.optBase[a * t.soldiers + ow]; p >= 0 && p < t.optStart[a + 1] && t.optSoldier[p] == ow; p++) {
                owner = Math.min(owner, lag.loss(p, a));
            }
            if (Double.isFinite(mine) && Double.isFinite(owner)) return owner - mine;
        }
        return localValue(a, o, ow);
    }

    /** The best plan found with account a kept by its owner, around the current plan. */
    private Solution withoutMove(int a, int o, int ow) {
        boolean[] soldier = new boolean[t.soldiers];
        soldier[ow] = true;
        if (o >= 0) soldier[t.optSoldier[o]] = true;
        Solution start = plan.copy();
        // put the account back with its owner at the most valuable effort (the re-solve fixes capacity)
        int back = -1;
        for (int p = t.optBase[a * t.soldiers + ow]; p >= 0 && p < t.optStart[a + 1] && t.optSoldier[p] == ow; p++) {
            if (back < 0 || t.optValue[p] > t.optValue[back]) back = p;
        }
        start.choice()[a] = back;
        for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) start.offered()[q] = false;
        return resolve(t, start, soldier, new int[] {a}, t.maxMoves, false, PER_MOVE);
    }

    /** The move's own term (cents): its value with the plan's lead minus the owner's best (capacity ignored). */
    private long localValue(int a, int o, int ow) {
        long none = t.owner[a] >= 0 ? -t.switching[a] : 0;
        long mine = o < 0 ? none : Explainer.gainOf(t, a, o) + none;
        long owner = Long.MIN_VALUE;
        for (int p = t.optBase[a * t.soldiers + ow]; p >= 0 && p < t.optStart[a + 1] && t.optSoldier[p] == ow; p++) {
            owner = Math.max(owner, Explainer.gainOf(t, a, p) + none);
        }
        return mine - owner;
    }

    private Msg moveReason(int a, int o, int ow, String cur) {
        if (t.optBase[a * t.soldiers + ow] < 0) {
            Soldier so = sc.soldiers().get(ow);
            byte mask = t.broken[a * t.soldiers + ow];
            return Msg.of("assign.move.ownerIneligible", so.id(), Reasons.rules(sc.assignment(), so, sc.accounts().get(a),
                    t.rating[a], mask));
        }
        long ownerBest = Long.MIN_VALUE;
        for (int p = t.optBase[a * t.soldiers + ow]; p >= 0 && p < t.optStart[a + 1] && t.optSoldier[p] == ow; p++) {
            ownerBest = Math.max(ownerBest, Explainer.gainOf(t, a, p));
        }
        double lambda = out.hourValue() == null ? Double.NaN : out.hourValue()[ow];
        if (o < 0) {
            return Msg.of("assign.move.drop", t.soldierId[ow], ownerBest / (double) Coefficients.SCALE, lambda, cur);
        }
        long mine = Explainer.gainOf(t, a, o) + t.switching[a];
        if (mine - t.switching[a] > ownerBest) {
            return Msg.of("assign.move.better", t.soldierId[t.optSoldier[o]], (mine - t.switching[a]) / (double) Coefficients.SCALE,
                    t.soldierId[ow], ownerBest / (double) Coefficients.SCALE, t.optFit[o], cur);
        }
        return Msg.of("assign.move.ownerHours", t.soldierId[ow], lambda, t.soldierId[t.optSoldier[o]], cur);
    }

    /** Best objective with at most k moves, for each k of the curve (and the scenario's own cap). */
    private List<Plan.CurvePoint> curve() {
        int used = plan.moves(t);
        List<Integer> caps = new ArrayList<>();
        for (int k : CURVE) caps.add(k);
        if (t.maxMoves >= 0 && !caps.contains(t.maxMoves)) caps.add(caps.size() - 1, t.maxMoves);
        caps.sort((x, y) -> x < 0 ? 1 : y < 0 ? -1 : Integer.compare(x, y));
        List<Plan.CurvePoint> pts = new ArrayList<>();
        int total = 0;
        for (int a = 0; a < t.accounts; a++) if (t.movable(a)) total++;
        Solution previous = null; // the best plan of a smaller cap is a plan for this one too
        for (int k : caps) {
            if (k == t.maxMoves || (k >= 0 && k >= total && t.maxMoves < 0) || (k < 0 && t.maxMoves < 0)) {
                // the plan itself: its cap is this point's (or the point's cap cannot bind)
                pts.add(new Plan.CurvePoint(k, objective / (double) Coefficients.SCALE, bound(out.bound()), used));
                continue;
            }
            if (k >= 0 && used <= k && t.maxMoves < 0 && out.optimal()) {
                pts.add(new Plan.CurvePoint(k, objective / (double) Coefficients.SCALE, bound(out.bound()), used));
                continue;
            }
            if (skip(curveSkipped)) continue;
            Coefficients tk = t.withMaxMoves(k);
            Solution start = capped(tk, k);
            if (previous != null && previous.score(tk).compareTo(start.score(tk)) > 0) start = previous;
            if (!start.score(tk).feasible()) {
                // the plan cannot be cut back to k moves where owners have room: kam's search from its owner-first start
                int[] c = new ArraySearch(tk, options.seed()).run(Long.MAX_VALUE, 2L * t.accounts, this::stopped, null);
                Solution s = new Solution(c, ProductFlow.offer(tk, c));
                if (s.score(tk).compareTo(start.score(tk)) > 0) start = s;
            }
            if (skip(curveSkipped)) continue;
            // the work limit is deterministic; the deadline still interrupts it (then the point is left out)
            MipEngines.Interrupt cut = new MipEngines.Interrupt();
            ExactSearch.Budget b = new ExactSearch.Budget(Long.MAX_VALUE, curveWork(), "scip", options.seed(), cut, null);
            ExactSearch.Result r;
            try (Watch w = new Watch(cut)) {
                r = new ExactSearch(tk, b).warm(out.lagrangian()).run(start);
            }
            // a point the deadline cut short still holds a plan within the cap and a valid bound: it is kept
            if (r.score().feasible()) previous = r.best();
            pts.add(new Plan.CurvePoint(k, r.score().feasible() ? r.score().soft() / (double) Coefficients.SCALE : Double.NaN,
                    bound(r.bound()), r.best().moves(tk)));
        }
        return pts;
    }

    private double bound(double cents) {
        return Double.isFinite(cents) ? cents / Coefficients.SCALE + t.roundingSlack : Double.NaN;
    }

    /** Deterministic seconds per curve point: more for bigger models. */
    private double curveWork() {
        return Math.min(3.0, 0.3 + t.options() / 20_000.0);
    }

    /** A start for a cap of k moves: the plan with every move but the k most valuable undone where the owner has room. */
    private Solution capped(Coefficients tk, int k) {
        Solution s = plan.copy();
        List<int[]> moved = new ArrayList<>();
        for (int a = 0; a < t.accounts; a++) {
            int ow = t.owner[a];
            int o = s.choice()[a];
            if (t.movable(a) && (o < 0 || t.optSoldier[o] != ow)) moved.add(new int[] {a, (int) Math.min(Integer.MAX_VALUE,
                    Math.max(Integer.MIN_VALUE, localValue(a, o, ow)))});
        }
        moved.sort((x, y) -> Integer.compare(x[1], y[1]));
        long[] load = s.loads(t);
        int n = moved.size();
        for (int[] m : moved) {
            if (n <= k) break;
            int a = m[0], ow = t.owner[a];
            int back = -1;
            for (int p = t.optBase[a * t.soldiers + ow]; p >= 0 && p < t.optStart[a + 1] && t.optSoldier[p] == ow; p++) {
                if (load[ow] + t.optHours[p] <= t.capacity[ow] && (back < 0 || t.optValue[p] > t.optValue[back])) back = p;
            }
            if (back < 0) continue;
            int o = s.choice()[a];
            if (o >= 0) load[t.optSoldier[o]] -= t.optHours[o];
            load[ow] += t.optHours[back];
            s.choice()[a] = back;
            n--;
        }
        // offers stay only where still allowed: re-offer exactly for the new leads
        boolean[] offered = ProductFlow.offer(tk, s.choice());
        return new Solution(s.choice(), offered);
    }

    // ------------------------------------------------------------------ capacity

    Plan.CapacityValue capacity() {
        if (!plan.score(t).feasible()) return Plan.CapacityValue.none();
        if (stopped()) {
            capacitySkipped.addAndGet(t.soldiers);
            return Plan.CapacityValue.none();
        }
        String cur = sc.currency() == null ? "" : sc.currency();
        double[] hv = out.hourValue() == null ? new double[t.soldiers] : out.hourValue();
        List<Soldier> soldiers = sc.soldiers();
        // the soldiers worth a certification or star re-solve: those whom that rule alone keeps from most accounts
        int[] certBlocked = new int[t.soldiers], starBlocked = new int[t.soldiers];
        for (int a = 0; a < t.accounts; a++) {
            for (int s = 0; s < t.soldiers; s++) {
                int mask = t.broken[a * t.soldiers + s] & 0xFF;
                if (mask == 1 << EligibilityRule.CERTIFICATION.ordinal()) certBlocked[s]++;
                if (mask == 1 << EligibilityRule.STARS.ordinal()) starBlocked[s]++;
            }
        }
        boolean[] certTry = top(certBlocked, MAX_SOLDIER_SOLVES);
        boolean[] starTry = top(starBlocked, MAX_SOLDIER_SOLVES);
        List<Callable<Plan.SoldierValue>> tasks = new ArrayList<>();
        for (int i = 0; i < t.soldiers; i++) {
            final int s = i;
            tasks.add(() -> soldierValue(s, soldiers.get(s), hv, certBlocked, certTry, starTry));
        }
        List<Plan.SoldierValue> values = parallel(tasks);
        List<Plan.HireValue> hires = hires();
        return new Plan.CapacityValue(values, hires, recommendations(values, hires, cur));
    }

    /** One soldier's hour, certification and star values (each a neighbourhood re-solve, NaN when out of time). */
    private Plan.SoldierValue soldierValue(int s, Soldier so, double[] hv, int[] certBlocked, boolean[] certTry,
                                           boolean[] starTry) {
        double delta = oneAccountHours(s);
        double perHour = Double.NaN;
        if (delta > 0 && s < MAX_SOLDIER_SOLVES * 5 && !skip(capacitySkipped)) {
            Coefficients more = t.withCapacity(s, Math.round(delta * Coefficients.SCALE));
            boolean[] group = new boolean[t.soldiers];
            group[s] = true;
            Solution better = resolve(more, plan, group, new int[0], t.maxMoves, true, PER_SOLVE);
            if (better != null) perHour = Math.max(0, (better.objective(more) - objective) / (double) Coefficients.SCALE) / delta;
        }
        double certGain = Double.NaN;
        int certTo = so.certification() < 3 ? so.certification() + 1 : -1;
        if (certTo > 0 && certBlocked[s] == 0) {
            certGain = 0; // no account is closed to them by certification alone, and it does not change fit
        } else if (certTo > 0 && certTry[s] && !skip(capacitySkipped)) {
            certGain = changedSoldier(s, with(so, so.stars(), certTo));
        }
        double starGain = Double.NaN;
        int starsTo = so.stars() < 5 ? so.stars() + 1 : -1;
        if (starsTo > 0 && (starTry[s] || t.soldiers <= MAX_SOLDIER_SOLVES) && !skip(capacitySkipped)) {
            starGain = changedSoldier(s, with(so, starsTo, so.certification()));
        }
        return new Plan.SoldierValue(so.id(), so.name(), hv[s], perHour, delta, certTo, certGain, starsTo, starGain);
    }

    /**
     * Runs independent re-solves on up to two threads (each owns its solver; results in task order, so the
     * outcome does not depend on which thread ran what).
     */
    private static <T> List<T> parallel(List<Callable<T>> tasks) {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "kam-what-if");
            th.setDaemon(true);
            return th;
        });
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    if (e.getCause() instanceof Error er) throw er;
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("what-if analyses interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean[] top(int[] score, int n) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (x, y) -> score[y] != score[x] ? Integer.compare(score[y], score[x]) : Integer.compare(x, y));
        boolean[] in = new boolean[score.length];
        for (int i = 0; i < Math.min(n, idx.length); i++) in[idx[i]] = true;
        return in;
    }

    /** The hours of one more account for soldier s: the median standard hours of the accounts they may lead. */
    private double oneAccountHours(int s) {
        List<Long> h = new ArrayList<>();
        for (int a = 0; a < t.accounts; a++) {
            int b = t.optBase[a * t.soldiers + s];
            if (b < 0) continue;
            int o = t.option(a, s, t.standard);
            h.add(t.optHours[o >= 0 ? o : b]);
        }
        if (h.isEmpty()) return 0;
        h.sort(Long::compare);
        return h.get(h.size() / 2) / (double) Coefficients.SCALE;
    }

    private static Soldier with(Soldier s, int stars, int certification) {
        return new Soldier(s.id(), s.name(), s.layer(), stars, s.industries(), s.regions(), s.capacityHours(), certification,
                s.annualCost(), s.minHours());
    }

    /** The plan's gain (currency) when soldier s is replaced by {@code changed}: re-solve around s. */
    private double changedSoldier(int s, Soldier changed) {
        List<Soldier> list = new ArrayList<>(sc.soldiers());
        list.set(s, changed);
        Scenario s2 = new Scenario(sc.name(), sc.currency(), sc.baseYear(), sc.source(), sc.accounts(), list, sc.products(),
                sc.relationships(), sc.analysis(), sc.strategy(), sc.assignment(), sc.simulation(), sc.history());
        Coefficients t2 = Coefficients.of(s2, analysis);
        if (skip(capacitySkipped)) return Double.NaN;
        Solution mapped = map(t2, t2.soldiers);
        if (mapped == null) return Double.NaN;
        boolean[] group = new boolean[t2.soldiers];
        group[s] = true;
        Solution better = resolve(t2, mapped, group, new int[0], t2.maxMoves, true, PER_SOLVE);
        long v = better != null ? better.objective(t2) : mapped.objective(t2);
        return Math.max(0, (v - objective) / (double) Coefficients.SCALE);
    }

    /** The current plan on another table with the same accounts (and the same first soldiers), option by option. */
    private Solution map(Coefficients t2, int soldiers2) {
        int[] choice = new int[t.accounts];
        for (int a = 0; a < t.accounts; a++) {
            int o = plan.choice()[a];
            if (o < 0) {
                choice[a] = -1;
                continue;
            }
            int o2 = t2.option(a, t.optSoldier[o], t.optEffort[o]);
            if (o2 < 0) return null;
            choice[a] = o2;
        }
        boolean[] offered = plan.offered().clone();
        Solution s = new Solution(choice, offered);
        return s.score(t2).feasible() ? s : null;
    }

    /** Hiring one more soldier like each distinct profile: gain, cost, net. */
    private List<Plan.HireValue> hires() {
        Map<String, List<Integer>> profiles = new LinkedHashMap<>();
        for (int s = 0; s < t.soldiers; s++) {
            Soldier so = sc.soldiers().get(s);
            String key = so.layer().code() + " " + so.stars() + "★ cert " + so.certification() + " "
                    + String.join(";", so.industries()) + " @ " + String.join(";", so.regions()) + " "
                    + Math.round(so.capacityHours()) + "h";
            profiles.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Callable<Plan.HireValue>> tasks = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<Integer>> e : profiles.entrySet()) {
            if (n++ >= MAX_SOLDIER_SOLVES) break;
            tasks.add(() -> skip(capacitySkipped) ? null : hire(e.getKey(), e.getValue()));
        }
        List<Plan.HireValue> out = new ArrayList<>();
        for (Plan.HireValue h : parallel(tasks)) if (h != null) out.add(h);
        return out;
    }

    /** One more soldier like the first of {@code same}: the plan's gain around the new soldier, cost, net. */
    private Plan.HireValue hire(String profile, List<Integer> same) {
        Soldier like = sc.soldiers().get(same.get(0));
        Soldier hire = new Soldier("hire:" + like.id(), like.name(), like.layer(), like.stars(), like.industries(),
                like.regions(), like.capacityHours(), like.certification(), like.annualCost(), Double.NaN);
        List<Soldier> list = new ArrayList<>(sc.soldiers());
        list.add(hire);
        Scenario s2 = new Scenario(sc.name(), sc.currency(), sc.baseYear(), sc.source(), sc.accounts(), list,
                sc.products(), sc.relationships(), sc.analysis(), sc.strategy(), sc.assignment(), sc.simulation(),
                sc.history());
        Coefficients t2 = Coefficients.of(s2, analysis);
        if (skip(capacitySkipped)) return null;
        Solution mapped = map(t2, t2.soldiers);
        double gain = Double.NaN;
        if (mapped != null) {
            boolean[] group = new boolean[t2.soldiers];
            group[t2.soldiers - 1] = true;
            Solution better = resolve(t2, mapped, group, new int[0], t2.maxMoves, true, PER_SOLVE);
            long v = better != null ? better.objective(t2) : mapped.objective(t2);
            gain = Math.max(0, (v - objective) / (double) Coefficients.SCALE);
        }
        double cost = like.annualCost();
        return new Plan.HireValue(like.id(), profile, same.size(), gain, cost,
                Double.isNaN(cost) || Double.isNaN(gain) ? gain : gain - cost);
    }

    /** The top recommendations in the seed's order: certify before you hire (深通关), then stars, then hires that pay. */
    private List<Plan.Recommendation> recommendations(List<Plan.SoldierValue> values, List<Plan.HireValue> hires, String cur) {
        List<Plan.Recommendation> cert = new ArrayList<>(), star = new ArrayList<>(), hire = new ArrayList<>();
        for (Plan.SoldierValue v : values) {
            if (v.certificationGain() > 0) {
                cert.add(new Plan.Recommendation("certify", v.soldierId(), v.certificationGain(), v.certificationGain(),
                        Msg.of("assign.rec.certify", v.name(), v.soldierId(), v.certificationTo(), v.certificationGain(), cur)));
            }
            if (v.starGain() > 0) {
                star.add(new Plan.Recommendation("star", v.soldierId(), v.starGain(), v.starGain(),
                        Msg.of("assign.rec.star", v.name(), v.soldierId(), v.starsTo(), v.starGain(), cur)));
            }
        }
        for (Plan.HireValue h : hires) {
            if (!(h.gain() > 0)) continue;
            if (!Double.isNaN(h.net()) && h.net() <= 0) continue;
            hire.add(new Plan.Recommendation("hire", h.likeSoldier(), h.gain(), h.net(),
                    Double.isNaN(h.annualCost()) ? Msg.of("assign.rec.hireNoCost", h.likeSoldier(), h.gain(), cur)
                            : Msg.of("assign.rec.hire", h.likeSoldier(), h.gain(), h.annualCost(), h.net(), cur)));
        }
        cert.sort((x, y) -> Double.compare(y.gain(), x.gain()));
        star.sort((x, y) -> Double.compare(y.gain(), x.gain()));
        hire.sort((x, y) -> Double.compare(y.net(), x.net()));
        List<Plan.Recommendation> out = new ArrayList<>();
        out.addAll(cert.subList(0, Math.min(3, cert.size())));
        out.addAll(star.subList(0, Math.min(2, star.size())));
        out.addAll(hire.subList(0, Math.min(2, hire.size())));
        return out;
    }

    /**
     * Ends a deterministic solve when the analyses' deadline (or Ctrl-C) comes: a daemon thread polls
     * {@link #stopped()} and fires the interrupt; closing it ends the thread.
     */
    private final class Watch implements AutoCloseable {
        private final Thread thread;
        private volatile boolean done;

        Watch(MipEngines.Interrupt cut) {
            thread = new Thread(() -> {
                while (!done) {
                    if (stopped()) {
                        cut.stop();
                        return;
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "kam-what-if-watch");
            thread.setDaemon(true);
            if (deadline != Long.MAX_VALUE || options.stop() != null) thread.start();
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }

    // ------------------------------------------------------------------ the re-solve

    /**
     * Re-solves around a plan on table {@code tt}: the accounts led by the {@code group} soldiers, the accounts
     * they could take (uncovered ones, and those of other soldiers when {@code takeFromOthers}), and {@code keep}
     * (kept by their owners) are free, over the group's options, their own
     * current option and none; everything else stays. Returns the better of the start and the re-solve, or
     * null when no plan of that neighbourhood breaks no rule.
     */
    Solution resolve(Coefficients tt, Solution start, boolean[] group, int[] keep, int maxMoves, boolean takeFromOthers,
                     double detSeconds) {
        boolean[] free = new boolean[tt.accounts];
        boolean[] allowed = new boolean[tt.options()];
        boolean[] keepSet = new boolean[tt.accounts];
        for (int a : keep) keepSet[a] = true;
        for (int a = 0; a < tt.accounts; a++) {
            if (tt.locked[a]) continue;
            int o = start.choice()[a];
            boolean in = keepSet[a] || (o >= 0 && group[tt.optSoldier[o]]);
            // accounts the group could take: uncovered ones, and (when asked) those other soldiers lead
            if (o < 0 || takeFromOthers) {
                for (int p = tt.optStart[a]; p < tt.optStart[a + 1] && !in; p++) in = group[tt.optSoldier[p]];
            }
            if (!in) continue;
            free[a] = true;
            for (int p = tt.optStart[a]; p < tt.optStart[a + 1]; p++) {
                if (group[tt.optSoldier[p]] || (keepSet[a] && tt.optSoldier[p] == tt.owner[a])) allowed[p] = true;
            }
            if (o >= 0) allowed[o] = true;
        }
        int coverable = 0, covered = 0;
        for (int a = 0; a < tt.accounts; a++) {
            if (!tt.mustCover[a] || tt.optStart[a + 1] == tt.optStart[a]) continue;
            coverable++;
            if (start.choice()[a] >= 0) covered++;
        }
        boolean exact = covered == coverable;
        MipModel.Scope scope = MipModel.Scope.full(tt).withMust(exact, covered).withMaxMoves(maxMoves)
                .withAllowed(allowed).neighbourhood(free, start).keeping(keep);
        MipModel m = new MipModel(tt, scope);
        if (m.fixedInfeasible) return null;
        long[] hint = m.contains(start) ? m.values(start) : null;
        // SCIP solves these small neighbourhoods to optimality in tens of milliseconds (CP-SAT needs far longer);
        // its node limit keeps the work deterministic
        // under a deadline its wall time is capped too (a big neighbourhood's root LP alone can outlast it)
        long end = Math.min(deadline, phaseEnd);
        double wall = end == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : Math.max(0.05, (end - System.nanoTime()) / 1e9);
        MipEngines.Outcome o = MipEngines.scip(m, hint, new MipEngines.Limits(wall, Double.POSITIVE_INFINITY,
                nodes(detSeconds), 1, (int) options.seed()), options.stop() == null ? null : options.stop().mip());
        Solution best = null;
        if (o.hasSolution()) {
            Solution s = m.decode(o.values());
            if (s.score(tt).feasible()) best = s;
        }
        boolean startOk = keep.length == 0 && start.score(tt).feasible();
        if (startOk && (best == null || start.objective(tt) > best.objective(tt))) best = start;
        return best;
    }
}
