package dev.kam.simulation;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Monte Carlo model of SPEC §5 run over many paths under one plan, against the yearly targets.
 * No I/O. Paths are spread over a fixed pool of threads in blocks taken from a shared counter; each
 * path's random streams depend only on (seed, path index), and each path writes only its own slots
 * of the result, so the numbers are identical for any thread count.
 */
public final class Simulator {
    private static final int BLOCK = 16;

    private Simulator() {
    }

    /**
     * Simulates the plan.
     *
     * @param targets the yearly targets to judge against; null for none
     * @param plan    who covers which account (e.g. {@link Coverage#baseline})
     */
    public static SimulationResult run(Scenario scenario, Targets targets, Coverage plan, SimulationOptions options) {
        return run(scenario, targets, plan, options, null);
    }

    /**
     * As {@link #run(Scenario, Targets, Coverage, SimulationOptions)}, reporting every path-year to {@code hook}
     * (null for none); the result is the same with or without it.
     */
    public static SimulationResult run(Scenario scenario, Targets targets, Coverage plan, SimulationOptions options,
                                       YearHook hook) {
        CompiledModel model = new CompiledModel(scenario, plan);
        int paths = options.paths();
        checkMemory(paths, model.years);
        double[][][] out = new double[Metric.values().length][model.years][paths];
        int threads = Math.min(options.threads(), Math.max(1, (paths + BLOCK - 1) / BLOCK));
        long start = System.nanoTime();
        long[] counts = runPaths(model, options.seed(), paths, threads, out, hook);
        double seconds = (System.nanoTime() - start) / 1e9;

        int baseYear = scenario.baseYear();
        List<TargetHit> hits = targets == null ? List.of() : targetHits(out, baseYear, targets);
        GoalTiming timing = targets == null || targets.years().isEmpty() ? null : goalTiming(out, baseYear, targets);
        return new SimulationResult(plan.label(), baseYear, options, out, today(scenario), hits, timing,
                counts[0], seconds, counts[2] / 1e9, counts[1], scenario.simulation(), model.atCentre.erosion,
                expectedFirstYearProfit(scenario, plan));
    }

    /** Simulates the baseline and the plan with common random numbers (same seed, aligned streams). */
    public static PlanComparison compare(Scenario scenario, Targets targets, Coverage baseline, Coverage plan,
                                         SimulationOptions options) {
        return compare(scenario, targets, baseline, plan, options, null, null);
    }

    /** As {@link #compare(Scenario, Targets, Coverage, Coverage, SimulationOptions)}, with a hook per side (or null). */
    public static PlanComparison compare(Scenario scenario, Targets targets, Coverage baseline, Coverage plan,
                                         SimulationOptions options, YearHook baselineHook, YearHook planHook) {
        SimulationResult b = run(scenario, targets, baseline, options, baselineHook);
        SimulationResult p = run(scenario, targets, plan, options, planHook);
        return new PlanComparison(b, p);
    }

    /**
     * The expected first-year gross profit of a plan by {@link ResponseModel#expectedProfit} (currency, at the
     * parameters' centres): what the simulation's first-year mean converges to without parameter uncertainty, and
     * what the optimizer's objective measures against the baseline.
     */
    public static double expectedFirstYearProfit(Scenario s, Coverage plan) {
        ResponseModel rm = new ResponseModel(s.simulation());
        Map<String, Product> products = new HashMap<>();
        for (Product p : s.products()) products.put(p.id(), p);
        Map<String, Relationship> rel = s.relationshipIndex();
        double switching = s.assignment() == null ? 0 : s.assignment().switchingCost();
        double total = 0;
        for (Account a : s.accounts()) {
            Coverage.Lead lead = plan.lead(a);
            Relationship r = lead == null ? null : rel.get(Scenario.pairKey(lead.soldierId(), a.id()));
            List<Product> offered = new ArrayList<>();
            for (String id : plan.products().getOrDefault(a.id(), List.of())) {
                Product p = products.get(id);
                if (p != null) offered.add(p);
            }
            total += rm.expectedProfit(a, lead, r == null ? Double.NaN : r.value(), offered, switching);
        }
        return total;
    }

    /**
     * Simulates one path and returns every scenario account's revenue per year ({@code [year][account]}, 0 once
     * lost) and, in {@code params}, the path's parameter draw: for tests of the common random numbers.
     */
    static double[][] trace(Scenario scenario, Coverage plan, long seed, int path, double[] params) {
        CompiledModel model = new CompiledModel(scenario, plan);
        double[][][] out = new double[Metric.values().length][model.years][path + 1];
        double[][] trace = new double[model.years][model.accounts];
        new PathWorker(model).run(seed, path, out, trace, params);
        return trace;
    }

    private static long[] runPaths(CompiledModel model, long seed, int paths, int threads, double[][][] out,
                                   YearHook hook) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kam-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = cpuNanos();
                    PathWorker w = new PathWorker(model, hook == null ? null : hook.worker());
                    for (int from = next.getAndAdd(BLOCK); from < paths; from = next.getAndAdd(BLOCK)) {
                        int to = Math.min(paths, from + BLOCK);
                        for (int p = from; p < to; p++) w.run(seed, p, out);
                        if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                    }
                    return new long[] {w.accountYears, w.dropped, cpuNanos() - cpu0};
                }));
            }
            long[] sum = new long[3];
            for (Future<long[]> f : futures) {
                long[] c = f.get();
                for (int i = 0; i < sum.length; i++) sum[i] += c[i];
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The per-path results take paths × years × 5 doubles; refuse clearly rather than fail with an
     * OutOfMemoryError when they cannot fit in 60% of the heap.
     */
    static void checkMemory(int paths, int years) {
        long bytes = (long) paths * years * Metric.values().length * Double.BYTES;
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.6 * max) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%,d paths x %d years need %,d MB for the per-path results, more than the Java heap allows "
                            + "(%,d MB): use fewer paths, or a larger heap, e.g. JAVA_OPTS=-Xmx8g",
                    paths, years, bytes >> 20, max >> 20));
        }
    }

    /** CPU time of the current thread (ns), or 0 when the JVM cannot measure it. */
    private static long cpuNanos() {
        ThreadMXBean b = ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? Math.max(0, b.getCurrentThreadCpuTime()) : 0;
    }

    /** The metrics of the base year, from the scenario's revenue and margins today. */
    static double[] today(Scenario s) {
        double threshold = s.keyAccountThreshold(s.baseYear());
        double total = 0;
        double ka = 0;
        double count = 0;
        double profit = 0;
        for (Account a : s.accounts()) {
            total += a.revenue();
            profit += a.revenue() * a.margin();
            if (a.isKeyAccount(threshold)) {
                ka += a.revenue();
                count++;
            }
        }
        return new double[] {total, ka, count, total > 0 ? ka / total : 0.0, profit};
    }

    private static List<TargetHit> targetHits(double[][][] out, int baseYear, Targets targets) {
        List<TargetHit> hits = new ArrayList<>();
        int h = out[0].length;
        int paths = out[0][0].length;
        for (int y = 0; y < h; y++) {
            YearTarget t = targets.year(baseYear + 1 + y);
            if (t == null) continue;
            double[] goal = {t.keyAccountRevenue(), t.keyAccountCount(), t.keyAccountShare(), t.totalRevenue()};
            Metric[] metric = {Metric.KEY_ACCOUNT_REVENUE, Metric.KEY_ACCOUNT_COUNT, Metric.KEY_ACCOUNT_SHARE,
                    Metric.TOTAL_REVENUE};
            for (int k = 0; k < goal.length; k++) {
                if (Double.isNaN(goal[k])) continue;
                hits.add(hit(t.year(), metric[k].code(), goal[k], countAtLeast(out[metric[k].ordinal()][y], goal[k]),
                        paths));
            }
            int all = 0;
            for (int p = 0; p < paths; p++) {
                boolean ok = true;
                for (int k = 0; k < 3; k++) {
                    if (!Double.isNaN(goal[k]) && out[metric[k].ordinal()][y][p] < goal[k]) ok = false;
                }
                if (ok) all++;
            }
            hits.add(hit(t.year(), TargetHit.ALL, Double.NaN, all, paths));
        }
        return hits;
    }

    private static TargetHit hit(int year, String metric, double target, int hits, int paths) {
        Probability p = Probability.of(hits, paths);
        return new TargetHit(year, metric, target, p.value(), p.ciLow(), p.ciHigh());
    }

    private static int countAtLeast(double[] x, double threshold) {
        int k = 0;
        for (double v : x) if (v >= threshold) k++;
        return k;
    }

    private static GoalTiming goalTiming(double[][][] out, int baseYear, Targets targets) {
        double goal = targets.last().keyAccountRevenue();
        if (Double.isNaN(goal)) return null;
        int h = out[0].length;
        int paths = out[0][0].length;
        double[][] ka = out[Metric.KEY_ACCOUNT_REVENUE.ordinal()];
        int[] firstCount = new int[h];
        int never = 0;
        for (int p = 0; p < paths; p++) {
            int first = -1;
            for (int y = 0; y < h && first < 0; y++) if (ka[y][p] >= goal) first = y;
            if (first < 0) never++;
            else firstCount[first]++;
        }
        int[] years = new int[h];
        double[] firstMet = new double[h];
        double[] metBy = new double[h];
        Integer median = null;
        int cum = 0;
        for (int y = 0; y < h; y++) {
            years[y] = baseYear + 1 + y;
            cum += firstCount[y];
            firstMet[y] = (double) firstCount[y] / paths;
            metBy[y] = (double) cum / paths;
            if (median == null && 2L * cum >= paths) median = years[y];
        }
        return new GoalTiming(goal, years, firstMet, metBy, (double) never / paths, median);
    }
}
