package dev.kam.serve;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.assign.AssignOptions;
import dev.kam.assign.AssignmentSolution;
import dev.kam.assign.Plan;
import dev.kam.compare.CompareOptions;
import dev.kam.compare.CompareResult;
import dev.kam.compare.Comparison;
import dev.kam.compare.Crn;
import dev.kam.funnel.FunnelAnalysis;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.compare.GoalBasis;
import dev.kam.compare.Planner;
import dev.kam.compare.Variant;
import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Problem;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.ScenarioException;
import dev.kam.domain.Soldier;
import dev.kam.i18n.Lang;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;
import org.optaplanner.core.api.solver.SolverFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The web app's one adapter to the stages: the scenario as loaded (with the command line's
 * {@code --set}), the first run's results (analysis, targets, the optimized plan and its simulation:
 * the starting point every change is measured against), and the stages re-run on request with a
 * request's changes. Every change is validated by {@link ScenarioReader} exactly as {@code --set} is,
 * so a bad key or value is refused with the message the command line prints. Nothing here writes
 * the scenario's files.
 *
 * <p>State: the first run's results are immutable once computed; per-tab state (the editable plan, the
 * latest simulation, the long job) lives in {@link Tab}; saved variants in {@link Variants}; generated
 * files in {@link Downloads}. Each has its own lock.
 *
 * <p>Once the stages hand over one typed holder of a run's results, that holder replaces the futures
 * below; the JSON shapes stay in {@link Views}.
 */
public final class Workspace implements AutoCloseable {
    /** First keys a request may not set: they point the scenario at other files on disk. */
    static final Set<String> FILE_KEYS = Set.of("tables", "extends", "workbook", "encoding");
    /** Most tabs remembered; the least recently seen is forgotten first. */
    static final int MAX_TABS = 32;
    /** Most starting-point simulations cached (one per plan and path count). */
    static final int MAX_STARTS = 8;

    private final Path file;
    private final List<String> overrides;
    private final Scenario scenario;
    private final List<String> warnings;
    private volatile SolverFactory<AssignmentSolution> scoring;
    private final ExecutorService compute;
    private final ExecutorService background;
    private final CompletableFuture<Analysis> analysis = new CompletableFuture<>();
    private final CompletableFuture<Targets> targets = new CompletableFuture<>();
    private final CompletableFuture<Plan> plan = new CompletableFuture<>();
    private final CompletableFuture<PlanComparison> start = new CompletableFuture<>();
    private final Job initial;
    private volatile String phase = "starting";
    private final Map<String, Tab> tabs = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, SimulationResult> starts = new LinkedHashMap<>(16, 0.75f, true);
    private final Variants variants = new Variants();
    private final Downloads downloads = new Downloads();
    private final long waitSeconds;

    /** A scenario read with a request's changes. {@code base}: no changes, the scenario as loaded. */
    record Loaded(Scenario scenario, List<String> warnings, boolean base) {
    }

    /** A lock as the request gives it: the soldier, and the effort level's name (null: keep or standard). */
    record LockInput(String soldier, String effort) {
    }

    /** The plan a tab works with: a key naming it (for caches), its coverage and where it came from. */
    private record PlanRef(String key, Coverage coverage, String label) {
    }

    private Workspace(Path file, List<String> overrides, Scenario scenario, List<String> warnings) {
        this.file = file;
        this.overrides = List.copyOf(overrides);
        this.scenario = scenario;
        this.warnings = List.copyOf(warnings);
        AtomicInteger n = new AtomicInteger();
        this.compute = Executors.newFixedThreadPool(4, r -> daemon(r, "kam-serve-compute-" + n.incrementAndGet()));
        this.background = Executors.newCachedThreadPool(r -> daemon(r, "kam-serve-job-" + n.incrementAndGet()));
        Duration limit = scenario.assignment().timeLimit();
        double seconds = limit == null ? Double.NaN : limit.toMillis() / 1000.0;
        this.initial = new Job("initial", seconds);
        this.waitSeconds = (long) (Double.isNaN(seconds) ? 600 : seconds) + 600;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Reads and validates the scenario (and each variant file) with the command-line overrides, then starts
     * the first run in the background: analysis, targets, the optimized plan, its simulation.
     *
     * @throws ScenarioException with every problem when a file has errors
     */
    public static Workspace open(Path file, List<String> overrides, List<Path> variantFiles) {
        ScenarioReader.Result r = ScenarioReader.validate(file, overrides);
        List<Problem> problems = new ArrayList<>(r.problems().all());
        List<Scenario> others = new ArrayList<>();
        for (Path v : variantFiles) {
            ScenarioReader.Result vr = ScenarioReader.validate(v, overrides);
            problems.addAll(vr.problems().all());
            others.add(vr.scenario());
        }
        if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) throw new ScenarioException(problems);
        List<String> warn = new ArrayList<>();
        for (Problem p : problems) warn.add(p.toString());
        Workspace w = new Workspace(file, overrides, r.scenario(), warn);
        w.variants.add(r.scenario().name(), file, Map.of(), false, null, "optimized", true);
        for (int i = 0; i < variantFiles.size(); i++) {
            w.variants.add(others.get(i).name(), variantFiles.get(i), Map.of(), true, null, "optimize", true);
        }
        w.background.execute(w::firstRun);
        return w;
    }

    private void firstRun() {
        try {
            phase = "analyze";
            Analysis a = Analyzer.analyze(scenario);
            analysis.complete(a);
            phase = "targets";
            Targets t = TargetPlanner.plan(scenario);
            targets.complete(t);
            phase = "assign";
            AssignOptions o = AssignOptions.of(scenario.assignment()).withProgress(initial::best).withStop(initial.stop());
            Plan p = LockedSolve.solve(scenario, a, Map.of(), Map.of(), o);
            plan.complete(p);
            scoring();
            phase = "simulate";
            Coverage baseline = Coverage.baseline(scenario, new ResponseModel(scenario.simulation()));
            // the stars take leads away here as in kam plan (SPEC 12), so the pages show kam plan's P(goal)
            start.complete(SimulatedCompensation.compare(scenario, t, baseline, p.coverage(),
                    SimulationOptions.of(scenario.simulation()), FunnelAnalysis.analyze(scenario).processScores()).comparison());
            phase = "ready";
            initial.finish(null);
        } catch (Throwable e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            phase = "failed";
            initial.finish(msg);
            for (CompletableFuture<?> f : List.of(analysis, targets, plan, start)) f.completeExceptionally(e);
        }
    }

    public Path file() {
        return file;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The first run's progress: its phase, and the optimization's time and best objective. */
    Map<String, Object> status() {
        return JsonIo.obj("phase", phase, "ready", phase.equals("ready"), "scenario", scenario.name(),
                "currency", scenario.currency(), "optimization", initial.status(), "warnings", warnings,
                "assumptions", Views.assumptions(scenario), "goals", Views.strategyInputs(scenario));
    }

    /** Stops the first run's optimization early; it keeps the best plan found so far. */
    void stopFirstRun() {
        initial.cancel();
    }

    private <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(waitSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(503, "the first run is not ready yet (" + phase + ")");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new ApiException(500, "the first run failed: " + (c.getMessage() == null ? c : c.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while waiting for the first run");
        }
    }

    // ------------------------------------------------------------------ tabs

    /** The tab with this id (made on first use), or a fresh anonymous tab when id is null. */
    Tab tab(String id) {
        if (id == null) return new Tab(null);
        synchronized (tabs) {
            Tab t = tabs.get(id);
            if (t == null) {
                t = new Tab(id);
                tabs.put(id, t);
                Iterator<Map.Entry<String, Tab>> it = tabs.entrySet().iterator();
                while (tabs.size() > MAX_TABS && it.hasNext()) {
                    Tab old = it.next().getValue();
                    it.remove();
                    old.close();
                }
            }
            t.touch();
            return t;
        }
    }

    private PlanSession session(Tab tab) {
        PlanSession s = tab.session();
        if (s != null) return s;
        PlanSession fresh = PlanSession.open(scenario, await(analysis), await(plan), Map.of(), "optimized", scoring());
        if (tab.anonymous()) return fresh;
        synchronized (tab) {
            if (tab.session() == null) tab.session(fresh);
            else fresh.close();
            return tab.session();
        }
    }

    private PlanRef planOf(Tab tab) {
        PlanSession s = tab.session();
        if (s != null) {
            synchronized (s) {
                return new PlanRef(tab.id() + "@" + System.identityHashCode(s) + "#" + s.revision(), s.coverage(),
                        s.revision() == 0 ? s.label() : "edited");
            }
        }
        return new PlanRef("optimized", await(plan).coverage(), "optimized");
    }

    // ------------------------------------------------------------------ loading

    /**
     * The scenario with a request's changes, validated like {@code --set}: the command line's overrides
     * first, then the request's; {@code paths} is {@code simulation.paths}. A 400 carries every problem.
     */
    Loaded load(Map<String, String> set, String paths) {
        return load(file, set, paths);
    }

    private Loaded load(Path yaml, Map<String, String> set, String paths) {
        if (yaml.equals(file) && set.isEmpty() && paths == null) return new Loaded(scenario, warnings, true);
        List<String> all = new ArrayList<>(overrides);
        for (Map.Entry<String, String> e : set.entrySet()) {
            checkKey(e.getKey());
            all.add(e.getKey() + "=" + e.getValue());
        }
        if (paths != null) all.add("simulation.paths=" + paths);
        ScenarioReader.Result r = ScenarioReader.validate(yaml, all);
        List<String> lines = new ArrayList<>();
        for (Problem p : r.problems().all()) if (p.severity() == Problem.Severity.ERROR) lines.add(p.toString());
        for (Problem p : r.problems().all()) if (p.severity() != Problem.Severity.ERROR) lines.add(p.toString());
        if (r.problems().hasErrors()) throw ApiException.badInput(lines);
        return new Loaded(r.scenario(), lines, yaml.equals(file) && set.isEmpty());
    }

    /** A key that names files is refused: the web app may change assumptions, not which files are read. */
    static void checkKey(String key) {
        String first = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        if (FILE_KEYS.contains(first)) {
            throw ApiException.badInput(dev.kam.scenario.Section.OVERRIDE + ": " + key + ": cannot be changed from the browser "
                    + "(it names files); edit the scenario YAML and restart kam serve");
        }
    }

    /** The targets of a loaded scenario: the first run's when nothing changed, else the stage run again. */
    private Targets targetsOf(Loaded l) {
        return l.base() ? await(targets) : TargetPlanner.plan(l.scenario());
    }

    /**
     * A plan's coverage on another scenario (other assumptions): each lead's fit recomputed with that
     * scenario's response model; leads and offers naming an account, soldier or product it lacks dropped.
     */
    static Coverage refit(Scenario s, Coverage c) {
        ResponseModel m = new ResponseModel(s.simulation());
        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier so : s.soldiers()) soldiers.put(so.id(), so);
        Map<String, Account> accounts = new HashMap<>();
        for (Account a : s.accounts()) accounts.put(a.id(), a);
        Set<String> products = new HashSet<>();
        for (Product p : s.products()) products.add(p.id());
        Map<String, Relationship> rel = s.relationshipIndex();
        Map<String, Coverage.Lead> leads = new HashMap<>();
        for (Map.Entry<String, Coverage.Lead> e : c.leads().entrySet()) {
            Account a = accounts.get(e.getKey());
            Soldier so = soldiers.get(e.getValue().soldierId());
            if (a == null || so == null) continue;
            Relationship r = rel.get(Scenario.pairKey(so.id(), a.id()));
            leads.put(a.id(), new Coverage.Lead(so.id(), e.getValue().effort(), m.fit(so, a, r == null ? Double.NaN : r.strength())));
        }
        Map<String, List<String>> offers = new HashMap<>();
        for (Map.Entry<String, List<String>> e : c.products().entrySet()) {
            if (!leads.containsKey(e.getKey())) continue;
            List<String> ps = new ArrayList<>();
            for (String p : e.getValue()) if (products.contains(p)) ps.add(p);
            if (!ps.isEmpty()) offers.put(e.getKey(), ps);
        }
        return new Coverage(c.label(), leads, offers);
    }

    // ------------------------------------------------------------------ pages

    /** The headline figures of the starting point (the scenario as loaded, its optimized plan). Waits for the first run. */
    Map<String, Object> summary() {
        PlanComparison c = await(start);
        Plan p = await(plan);
        Targets t = await(targets);
        Map<String, Object> m = Views.simulation(scenario, t, c, c.plan(), t.last().keyAccountRevenue(), null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("goalProbability", "goalProbabilityCiLow", "goalProbabilityCiHigh",
                "baselineGoalProbability", "baselineGoalProbabilityCiLow", "baselineGoalProbabilityCiHigh",
                "allGoalsProbability", "allGoalsProbabilityCiLow", "allGoalsProbabilityCiHigh", "planMinusBaseline",
                "planMinusBaselineStderr", "baselineMedianYear", "neverWithinHorizonCiLow", "neverWithinHorizonCiHigh",
                "scenario", "currency", "goalYear", "goal", "medianFinalKaRevenue",
                "medianYear", "neverWithinHorizon", "paths", "seed")) {
            out.put(k, m.get(k));
        }
        out.put("scenarioFile", file.getFileName().toString());
        out.put("baseYear", scenario.baseYear());
        out.put("horizonYears", scenario.strategy().horizonYears());
        out.put("objective", p.objective());
        out.put("bound", Views.finite(p.bound()));
        out.put("gapPercent", Views.finite(p.gapPercent()));
        out.put("upliftAdded", p.baseline().upliftAdded());
        out.put("accountsMoved", p.baseline().accountsMoved());
        out.put("accountsDropped", p.baseline().accountsDropped());
        out.put("planSeconds", p.seconds());
        out.put("today", Views.today(scenario));
        out.put("assumptions", Views.assumptions(scenario));
        out.put("goals", Views.strategyInputs(scenario));
        out.put("timeLimitSeconds", initial.status().get("limitSeconds"));
        out.put("warnings", warnings);
        return out;
    }

    /** The overview page (waits for the analysis only). */
    Map<String, Object> overview() {
        return Views.overview(scenario, await(analysis), await(targets));
    }

    /** The targets page for the goals and path in {@code set}. */
    Map<String, Object> targets(Map<String, String> set) {
        Loaded l = load(set, null);
        Targets t = targetsOf(l);
        return Views.targets(l.scenario(), t, l.warnings());
    }

    /**
     * Simulates the tab's plan under the request's assumptions, with the no-plan baseline and against the
     * starting point, on common random numbers. A newer simulation of the same tab cancels this one (409).
     */
    Map<String, Object> simulate(Tab tab, Map<String, String> set, String paths) {
        long t0 = System.nanoTime();
        Loaded l = load(set, paths);
        PlanRef ref = planOf(tab);
        Targets baseTargets = await(targets);
        FutureTask<Map<String, Object>> task = new FutureTask<>(() -> runSimulation(l, ref, baseTargets));
        tab.simulation(task);
        compute.execute(task);
        Map<String, Object> m = result(task, "a newer simulation of this tab replaced this one");
        m.put("plan", ref.label());
        m.put("warnings", l.warnings());
        m.put("millis", (System.nanoTime() - t0) / 1e6);
        return m;
    }

    private Map<String, Object> runSimulation(Loaded l, PlanRef ref, Targets baseTargets) {
        Scenario s = l.scenario();
        Targets t = targetsOf(l);
        Coverage cov = refit(s, ref.coverage());
        int dropped = ref.coverage().leads().size() - cov.leads().size();
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationOptions o = SimulationOptions.of(s.simulation());
        PlanComparison c = SimulatedCompensation.compare(s, t, baseline, cov, o, FunnelAnalysis.analyze(s).processScores()).comparison();
        SimulationResult st = l.base() ? c.plan() : startOf(ref, o.paths(), baseTargets);
        String crn = null;
        Crn alignment = Crn.of(scenario, s);
        if (!alignment.full()) crn = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN).render(alignment.detail());
        else if (o.seed() != scenario.simulation().seed()) crn = "the seed differs from the starting point's";
        Map<String, Object> m = Views.simulation(s, t, c, st, baseTargets.last().keyAccountRevenue(), crn);
        m.put("droppedLeads", dropped);
        return m;
    }

    /** The starting point (scenario as loaded) under a plan at a path count, computed once per plan and paths. */
    private SimulationResult startOf(PlanRef ref, int paths, Targets t) {
        String key = ref.key() + "|" + paths;
        synchronized (starts) {
            SimulationResult r = starts.get(key);
            if (r != null) return r;
        }
        PlanComparison c = await(start);
        SimulationResult r;
        if (ref.key().equals("optimized") && c.plan().paths() == paths) {
            r = c.plan();
        } else {
            SimulationOptions o = SimulationOptions.of(scenario.simulation()).withPaths(paths);
            r = SimulatedCompensation.run(scenario, t, refit(scenario, ref.coverage()), o,
                    FunnelAnalysis.analyze(scenario).processScores());
        }
        synchronized (starts) {
            starts.put(key, r);
            Iterator<String> it = starts.keySet().iterator();
            while (starts.size() > MAX_STARTS && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        return r;
    }

    /** Waits for a task; cancelled → 409 with {@code why}; the task's own refusals pass through. */
    private static <T> T result(Future<T> f, String why) {
        try {
            return f.get();
        } catch (CancellationException e) {
            throw new ApiException(409, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new ApiException(409, why);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ApiException ae) throw ae;
            if (c instanceof ScenarioException se) {
                List<String> lines = new ArrayList<>();
                for (Problem p : se.problems()) lines.add(p.toString());
                throw ApiException.badInput(lines);
            }
            if (c instanceof IllegalStateException && c.getCause() instanceof InterruptedException) {
                throw new ApiException(409, why);
            }
            if (c instanceof IllegalArgumentException) throw ApiException.badInput(c.getMessage());
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException(c);
        }
    }

    // ------------------------------------------------------------------ plan page

    /** The tab's plan: every account's decision and eligible soldiers, loads, score, broken rules. */
    Map<String, Object> plan(Tab tab) {
        PlanSession s = session(tab);
        try {
            Map<String, Object> m = s.table();
            m.put("currency", s.scenario().currency());
            Plan explained = s.plan();
            m.put("bound", Views.finite(explained.bound()));
            m.put("gapPercent", Views.finite(explained.gapPercent()));
            m.put("set", s.set());
            return m;
        } finally {
            if (tab.anonymous()) s.close();
        }
    }

    private PlanSession editable(Tab tab) {
        if (tab.anonymous()) {
            throw ApiException.badInput("editing a plan needs a tab: send the header X-Kam-Tab with an id of your choosing");
        }
        return session(tab);
    }

    /** Moves one account (lead and effort) in the tab's plan; the objective changes through the incremental score. */
    Map<String, Object> move(Tab tab, String account, String soldier, String effort) {
        PlanSession s = editable(tab);
        Integer level = effort == null ? null : s.effortByName(effort);
        return s.move(account, soldier, level);
    }

    Map<String, Object> undo(Tab tab) {
        return editable(tab).undo();
    }

    /** Every choice an account has, each with the objective change it would make. */
    Map<String, Object> options(Tab tab, String account) {
        PlanSession s = session(tab);
        try {
            return JsonIo.obj("account", account, "options", s.options(account));
        } finally {
            if (tab.anonymous()) s.close();
        }
    }

    /** Back to the plan the tab's edits started from (the optimized one, or the last re-optimization). */
    Map<String, Object> reset(Tab tab) {
        PlanSession old = editable(tab);
        PlanSession fresh = PlanSession.openLocked(old.scenario(), old.analysis(), old.origin(), old.set(), old.label(),
                scoring(), old.editBound());
        tab.session(fresh);
        return plan(tab);
    }

    /**
     * Re-optimizes under the request's assumptions with the locks kept, as a job of the tab (progress and
     * cancel through {@link #job}); the new plan replaces the tab's.
     *
     * @param locks account id → lock; a null effort keeps the tab's current level when it has that lead
     */
    Map<String, Object> assign(Tab tab, Map<String, String> set, Map<String, LockInput> locks, String timeLimit) {
        Map<String, String> all = new LinkedHashMap<>(set);
        if (timeLimit != null) all.put("assignment.timeLimit", timeLimit);
        Loaded l = load(all, null);
        Scenario s = l.scenario();
        Duration limit = s.assignment().timeLimit();
        Job job = new Job("assign", limit == null ? Double.NaN : limit.toMillis() / 1000.0);
        if (!tab.start(job)) throw new ApiException(409, "this tab is already running " + tab.job().kind() + "; cancel it first");
        try {
            Analysis a = l.base() ? await(analysis) : Analyzer.analyze(s);
            Map<String, List<String>> keep = new HashMap<>();
            Map<String, LockedSolve.Lock> withEffort = new LinkedHashMap<>();
            PlanSession current = tab.session();
            Coverage cov = current != null ? current.coverage() : await(plan).coverage();
            for (Map.Entry<String, List<String>> e : cov.products().entrySet()) keep.put(e.getKey(), e.getValue());
            String[] names = s.assignment().effortNames();
            double[] lv = s.assignment().effortLevels();
            for (Map.Entry<String, LockInput> e : locks.entrySet()) {
                LockInput in = e.getValue();
                Integer level = null;
                if (in.effort() != null) {
                    for (int i = 0; i < names.length; i++) if (names[i].equals(in.effort())) level = i;
                    if (level == null) {
                        throw ApiException.badInput("locks: " + e.getKey() + ": effort '" + in.effort()
                                + "' is not an effort level; the levels are " + String.join(", ", names));
                    }
                } else {
                    Coverage.Lead lead = cov.leads().get(e.getKey());
                    if (lead != null && lead.soldierId().equals(in.soldier())) {
                        for (int i = 0; i < lv.length; i++) if (Math.abs(lv[i] - lead.effort()) < 1e-9) level = i;
                    }
                }
                withEffort.put(e.getKey(), new LockedSolve.Lock(in.soldier(), level));
            }
            AssignOptions o = AssignOptions.of(s.assignment()).withProgress(job::best).withStop(job.stop());
            job.step("optimize");
            Future<Plan> f = background.submit(() -> LockedSolve.solve(s, a, withEffort, keep, o));
            Plan p = result(f, "the optimization was stopped");
            String label = locks.isEmpty() ? "reoptimized" : "reoptimizedWithLocks";
            // edits of a plan solved under locks are measured against a bound of the whole model: the first run's,
            // when the assumptions are the first run's
            double fullBound = locks.isEmpty() ? p.bound() : l.base() ? await(plan).bound() : Double.NaN;
            PlanSession fresh = PlanSession.openLocked(s, a, p, set, label, scoring(), fullBound);
            Map<String, Object> lockView = new LinkedHashMap<>();
            for (Map.Entry<String, LockedSolve.Lock> e : withEffort.entrySet()) {
                lockView.put(e.getKey(), JsonIo.obj("soldier", e.getValue().soldier(), "effort",
                        s.assignment().effortNames()[e.getValue().effort() == null ? s.assignment().standardEffort() : e.getValue().effort()]));
            }
            Map<String, Object> out = Views.assign(p, fresh.moves(), lockView, job.cancelled(), fresh.revision());
            if (tab.anonymous()) fresh.close();
            else tab.session(fresh);
            job.finish(null);
            return out;
        } catch (RuntimeException e) {
            job.finish(e.getMessage());
            throw e;
        }
    }

    /** The tab's running or last job (or the first run's optimization while it runs). */
    Map<String, Object> job(Tab tab) {
        Job j = tab.job();
        if (j == null && !initial.done()) j = initial;
        return JsonIo.obj("job", j == null ? null : j.status(), "firstRun", initial.status());
    }

    /** Stops the tab's job (an optimization keeps its best plan so far); with none running, the first run's. */
    Map<String, Object> cancel(Tab tab) {
        Job j = tab.job();
        if (j != null && !j.done()) j.cancel();
        else if (!initial.done()) initial.cancel();
        return job(tab);
    }

    // ------------------------------------------------------------------ compare page

    List<Map<String, Object>> variants() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Variants.Variant v : variants.all()) {
            out.add(JsonIo.obj("id", v.id(), "name", v.name(), "file", v.file().getFileName().toString(),
                    "set", v.set(), "optimize", v.optimize(), "plan", v.planLabel(), "fixed", v.fixed()));
        }
        return out;
    }

    /** Saves the tab's assumptions (and, unless re-optimizing, its plan) as a variant. */
    List<Map<String, Object>> saveVariant(Tab tab, String name, Map<String, String> set, boolean optimize) {
        load(set, null);
        PlanRef ref = optimize ? null : planOf(tab);
        variants.add(name, file, set, optimize, ref == null ? null : ref.coverage(), optimize ? "optimize" : ref.label(), false);
        return variants();
    }

    List<Map<String, Object>> deleteVariant(String id) {
        variants.remove(id);
        return variants();
    }

    /**
     * Compares variants side by side on common random numbers (the same seed and paths), the first as the
     * reference, as a job of the tab (a re-optimizing variant shows progress and can be cancelled).
     */
    Map<String, Object> compare(Tab tab, List<String> ids, String paths) {
        if (ids.isEmpty()) throw ApiException.badInput("variants: choose at least one variant");
        if (ids.size() > 8) throw ApiException.badInput("variants: at most 8 at a time (" + ids.size() + " chosen)");
        List<Variants.Variant> chosen = new ArrayList<>();
        for (String id : ids) {
            Variants.Variant v = variants.get(id);
            if (v == null) throw ApiException.badInput("variants: no variant has the id '" + id + "'");
            chosen.add(v);
        }
        List<Variant> list = new ArrayList<>();
        Map<Scenario, Variants.Variant> of = new IdentityHashMap<>();
        SimulationOptions options = null;
        for (int i = 0; i < chosen.size(); i++) {
            Variants.Variant v = chosen.get(i);
            Loaded l = load(v.file(), v.set(), i == 0 ? paths : null);
            if (i == 0) options = SimulationOptions.of(l.scenario().simulation());
            list.add(new Variant(v.name(), l.scenario()));
            of.put(l.scenario(), v);
        }
        Plan optimized = await(plan);
        Job job = new Job("compare", Double.NaN);
        if (!tab.start(job)) throw new ApiException(409, "this tab is already running " + tab.job().kind() + "; cancel it first");
        Planner planner = (sc, an) -> {
            Variants.Variant v = of.get(sc);
            if (job.cancelled()) throw new CancellationException();
            if (v.optimize()) {
                AssignOptions o = AssignOptions.of(sc.assignment()).withProgress(job::best).withStop(job.stop());
                return LockedSolve.solve(sc, an, Map.of(), Map.of(), o).coverage();
            }
            return refit(sc, v.coverage() != null ? v.coverage() : optimized.coverage());
        };
        CompareOptions co = new CompareOptions(options, false, GoalBasis.FIRST);
        FutureTask<CompareResult> task = new FutureTask<>(() -> Comparison.run(list, planner, co,
                (i, n, label, step) -> job.step(i + "/" + n + " " + label + ": " + step)));
        job.attach(task);
        try {
            background.execute(task);
            CompareResult r = result(task, "the comparison was stopped");
            job.finish(null);
            return Views.compare(r, ids);
        } catch (RuntimeException e) {
            job.finish(e.getMessage());
            throw e;
        }
    }

    // ------------------------------------------------------------------ downloads, save as

    /** Writes report.html and the CSV/JSON files of what the tab shows into the server's temporary folder. */
    Map<String, Object> downloads(Tab tab, Map<String, String> set, Lang lang) {
        Loaded l = load(set, null);
        PlanSession s = session(tab);
        try {
            Plan p = s.plan();
            Coverage cov = refit(l.scenario(), s.coverage());
            FutureTask<Map<String, Object>> task = new FutureTask<>(() -> {
                Analysis a = l.base() ? await(analysis) : Analyzer.analyze(l.scenario());
                Targets t = targetsOf(l);
                return downloads.generate(l.scenario(), a, t, p, cov, lang, l.warnings());
            });
            compute.execute(task);
            return result(task, "the downloads were stopped");
        } finally {
            if (tab.anonymous()) s.close();
        }
    }

    /** A generated file, or null when no bundle listed that name. */
    Path download(String bundle, String name) {
        return downloads.file(bundle, name);
    }

    Map<String, Object> saveSuggestion() {
        return JsonIo.obj("folder", SaveAs.suggest(file).toString());
    }

    /** Saves the tab's assumptions and plan as a new scenario folder (never over an existing one). */
    Map<String, Object> saveAs(Tab tab, Map<String, String> set, String folder, boolean withPlan) {
        load(set, null);
        Map<String, String> changes = new LinkedHashMap<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq > 0) changes.put(o.substring(0, eq).trim(), o.substring(eq + 1));
        }
        changes.putAll(set);
        Plan p = null;
        if (withPlan) {
            PlanSession s = session(tab);
            try {
                p = s.plan();
            } finally {
                if (tab.anonymous()) s.close();
            }
        }
        return SaveAs.save(file, changes, folder, p);
    }

    @Override
    public void close() {
        initial.cancel();
        synchronized (tabs) {
            for (Tab t : tabs.values()) t.close();
            tabs.clear();
        }
        compute.shutdownNow();
        background.shutdownNow();
        downloads.close();
    }

    /** The downloads' temporary folder (for tests: it must be gone after close). */
    Path downloadsRoot() {
        return downloads.root();
    }

    /**
     * The score-only solver factory of every plan session, built on first use (it compiles the constraints,
     * which is most of a second; the first run builds it after the plan, so start-up does not wait for it).
     */
    SolverFactory<AssignmentSolution> scoring() {
        SolverFactory<AssignmentSolution> f = scoring;
        if (f == null) {
            synchronized (this) {
                f = scoring;
                if (f == null) {
                    f = PlanSession.factory();
                    scoring = f;
                }
            }
        }
        return f;
    }

    /** The first run's plan (waits for it). */
    Plan optimizedPlan() {
        return await(plan);
    }
}
