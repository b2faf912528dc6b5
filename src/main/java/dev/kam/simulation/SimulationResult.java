package dev.kam.simulation;

import dev.kam.domain.SimulationParams;

import java.util.List;

/**
 * The outcome of one simulation: per path, year and metric one value (memory paths × years × 5
 * doubles, independent of the number of accounts), the statistics computed from them, the target-hit
 * probabilities and the run's figures.
 */
public final class SimulationResult {
    private final String planLabel;
    private final int baseYear;
    private final int[] years;
    private final SimulationOptions options;
    private final double[][][] values;
    private final Stats[][] stats;
    private final double[] today;
    private final List<TargetHit> hits;
    private final GoalTiming timing;
    private final long accountYears;
    private final double seconds;
    private final double cpuSeconds;
    private final long droppedArrivals;
    private final SimulationParams params;
    private final double erosion;
    private final double expectedFirstYearProfit;

    SimulationResult(String planLabel, int baseYear, SimulationOptions options, double[][][] values,
                     double[] today, List<TargetHit> hits, GoalTiming timing, long accountYears, double seconds,
                     double cpuSeconds, long droppedArrivals, SimulationParams params, double erosion,
                     double expectedFirstYearProfit) {
        this.params = params;
        this.erosion = erosion;
        this.expectedFirstYearProfit = expectedFirstYearProfit;
        this.planLabel = planLabel;
        this.baseYear = baseYear;
        this.options = options;
        this.values = values;
        this.today = today;
        this.hits = List.copyOf(hits);
        this.timing = timing;
        this.accountYears = accountYears;
        this.seconds = seconds;
        this.cpuSeconds = cpuSeconds;
        this.droppedArrivals = droppedArrivals;
        int h = values[0].length;
        years = new int[h];
        for (int y = 0; y < h; y++) years[y] = baseYear + 1 + y;
        stats = new Stats[Metric.values().length][h];
        for (Metric m : Metric.values()) {
            for (int y = 0; y < h; y++) stats[m.ordinal()][y] = Stats.of(values[m.ordinal()][y]);
        }
    }

    /** The plan's label ("baseline", a file name, ...). */
    public String planLabel() {
        return planLabel;
    }

    public int baseYear() {
        return baseYear;
    }

    /** Calendar years simulated: baseYear + 1 … baseYear + horizon. */
    public int[] years() {
        return years.clone();
    }

    public int horizon() {
        return years.length;
    }

    public SimulationOptions options() {
        return options;
    }

    public int paths() {
        return options.paths();
    }

    /** Statistics of a metric in year index y (0 = baseYear + 1). */
    public Stats stats(Metric m, int y) {
        return stats[m.ordinal()][y];
    }

    /** The metric's value on every path in year index y (a copy; index = path). */
    public double[] values(Metric m, int y) {
        return values[m.ordinal()][y].clone();
    }

    double[] valuesView(Metric m, int y) {
        return values[m.ordinal()][y];
    }

    /** The metric in the base year, from the scenario as it is today. */
    public double today(Metric m) {
        return today[m.ordinal()];
    }

    /** Probability of meeting each yearly target; empty when no targets were given. */
    public List<TargetHit> targetHits() {
        return hits;
    }

    /** The hit probability of one metric in one calendar year, or NaN when there is no such target. */
    public double hitProbability(String metric, int year) {
        return hit(metric, year).value();
    }

    /** The hit probability of one metric in one calendar year with its Wilson interval ({@link Probability#NONE} without a target). */
    public Probability hit(String metric, int year) {
        for (TargetHit t : hits) if (t.year() == year && t.metric().equals(metric)) return t.asProbability(paths());
        return Probability.NONE;
    }

    /** The definition of {@link #goalProbability()}, for outputs that name it. */
    public static final String GOAL_DEFINITION = "probability that the final-year key-account revenue target is met";
    /** The definition of {@link #allGoalsProbability()}. */
    public static final String ALL_GOALS_DEFINITION =
            "probability that the final-year key-account revenue, count and share targets are all met on the same path";

    /**
     * P(goal), the one definition used everywhere (SPEC §8): the probability that the final-year key-account revenue
     * target is met, with its Wilson 95% interval; {@link Probability#NONE} without targets.
     */
    public Probability goalProbability() {
        return hit(Metric.KEY_ACCOUNT_REVENUE.code(), years[years.length - 1]);
    }

    /** The joint probability that all three final-year key-account targets are met, beside P(goal) under its own name. */
    public Probability allGoalsProbability() {
        return hit(TargetHit.ALL, years[years.length - 1]);
    }

    /** The final-year key-account revenue target (currency/year), NaN without targets. */
    public double goal() {
        for (TargetHit t : hits) {
            if (t.year() == years[years.length - 1] && t.metric().equals(Metric.KEY_ACCOUNT_REVENUE.code())) return t.target();
        }
        return Double.NaN;
    }

    /** The median calendar year in which the goal is first met; null without targets or when most paths never meet it. */
    public Integer medianGoalYear() {
        return timing == null ? null : timing.medianYear();
    }

    /** The parameters simulated (centres, spreads, which came from calibration). */
    public SimulationParams params() {
        return params;
    }

    /** The share erosion δ at the parameters' centres (the status-quo-neutral one when derived). */
    public double erosion() {
        return erosion;
    }

    /** The plan's expected first-year gross profit by ResponseModel at the parameters' centres (currency). */
    public double expectedFirstYearProfit() {
        return expectedFirstYearProfit;
    }

    /** When the end goal is first met; null when no key-account revenue target was given. */
    public GoalTiming goalTiming() {
        return timing;
    }

    /** Account slots simulated, summed over years and paths (scenario accounts plus arrived prospects). */
    public long accountYears() {
        return accountYears;
    }

    /** Wall time of the path loop (seconds). */
    public double seconds() {
        return seconds;
    }

    /** CPU time of the worker threads summed (seconds); 0 when the JVM cannot measure thread CPU time. */
    public double cpuSeconds() {
        return cpuSeconds;
    }

    /** Account-years per CPU-second of the workers: the speed per core, whatever else the machine is doing. */
    public double accountYearsPerCpuSecond() {
        return cpuSeconds > 0 ? accountYears / cpuSeconds : Double.NaN;
    }

    public double accountYearsPerSecond() {
        return seconds > 0 ? accountYears / seconds : Double.NaN;
    }

    /** New prospects dropped because a path's reserved pool was full (expected 0). */
    public long droppedArrivals() {
        return droppedArrivals;
    }
}
