package dev.kam.cli;

import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.io.OutputDir;
import dev.kam.io.OutputException;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
import dev.kam.report.SimulationWriter;
import dev.kam.scenario.Limits;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kam simulate}: the Monte Carlo trajectory under a plan, against the yearly targets. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Monte Carlo simulation of the multi-year trajectory under a plan (today's owners at "
                + "standard effort when no --plan is given): percentiles of revenue, key-account count and share, "
                + "the probability of meeting each yearly target, a plan-vs-baseline comparison with common random "
                + "numbers, and a sensitivity tornado of P(goal) and the median over each parameter's plausible range.",
                "Writes OUT/simulation/: percentiles.csv, targets-hit.csv, summary.json, fan charts, "
                        + "target-hit-probability, tornado, and with --plan uplift.csv and uplift histograms."})
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--paths", paramLabel = "N", description = "Monte Carlo paths (default: simulation.paths, 10000).")
    Integer paths;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (default: simulation.seed, 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: simulation.threads, else all cores). Never changes the numbers.")
    Integer threads;

    @Option(names = "--plan", paramLabel = "FILE", description = "plan.json from 'kam assign' (default: the baseline).")
    Path plan;

    @Option(names = "--tornado-paths", paramLabel = "N", defaultValue = "1000",
            description = "Paths per run of the sensitivity tornado, two runs per model parameter (default: ${DEFAULT-VALUE}; 0 = skip).")
    int tornadoPaths;

    @Mixin
    ScenarioOptions scenarioOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario scenario = scenarioOptions.load(scenarioFile);
        SimulationOptions options = options(scenario, paths, seed, threads);
        if (tornadoPaths < 0 || tornadoPaths > MAX_PATHS) {
            throw new UsageException("--tornado-paths (" + tornadoPaths + ") must be between 0 and " + MAX_PATHS);
        }
        String tooMany = Limits.pathYearsProblem(tornadoPaths, scenario.strategy().horizonYears());
        if (tooMany != null) throw new UsageException("--tornado-paths (" + tornadoPaths + "): " + tooMany);
        if (plan != null) scenarioOptions.inputs.add(plan);
        OutputPlan.of(scenarioOptions.out, "simulation").check(scenarioOptions.inputs);
        Targets targets = TargetPlanner.plan(scenario);
        Coverage baseline = Coverage.baseline(scenario, new ResponseModel(scenario.simulation()));

        PlanComparison comparison = null;
        SimulationResult result;
        Coverage simulated = baseline;
        try {
            if (plan != null) {
                simulated = PlanInput.read(plan, scenario);
                // as kam plan simulates it: the stars re-rated on every path may take leads (SPEC 12)
                comparison = dev.kam.mechanisms.SimulatedCompensation.compare(scenario, targets, baseline, simulated,
                        options, dev.kam.funnel.FunnelAnalysis.analyze(scenario).processScores()).comparison();
                result = comparison.plan();
            } else {
                result = dev.kam.mechanisms.SimulatedCompensation.run(scenario, targets, baseline, options,
                        dev.kam.funnel.FunnelAnalysis.analyze(scenario).processScores());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Sensitivity.Tornado tornado = tornadoPaths == 0 ? null
                : Sensitivity.tornado(scenario, targets, simulated, options.withPaths(Math.min(options.paths(), tornadoPaths)));

        Path folder = scenarioOptions.out.resolve("simulation");
        try (OutputRun run = scenarioOptions.begin("simulation"); OutputDir dir = OutputDir.open(run.root(), "simulation")) {
            SimulationWriter.write(dir, SimulationWriter.Input.of(scenario, result, targets, comparison, tornado), Main.WORDS);
            dir.commit();
            scenarioOptions.publish(run);
        } catch (RuntimeException e) {
            throw OutputException.translate(scenarioOptions.out, e);
        }
        printSummary(spec.commandLine().getOut(), scenario, result, comparison, folder);
        return Main.OK;
    }

    /** Largest --threads, as for simulation.threads. */
    static final int MAX_THREADS = 1024;
    /** Largest --paths, as for simulation.paths. */
    static final int MAX_PATHS = 100_000_000;

    static SimulationOptions options(Scenario s, Integer paths, Long seed, Integer threads) {
        SimulationOptions o = SimulationOptions.of(s.simulation());
        if (paths != null) {
            if (paths < 1 || paths > MAX_PATHS) {
                throw new UsageException("--paths (" + paths + ") must be between 1 and " + MAX_PATHS);
            }
            String tooMany = Limits.pathYearsProblem(paths, s.strategy().horizonYears());
            if (tooMany != null) throw new UsageException("--paths (" + paths + "): " + tooMany);
            o = o.withPaths(paths);
        }
        if (seed != null) o = o.withSeed(seed);
        if (threads != null) {
            if (threads < 1 || threads > MAX_THREADS) {
                throw new UsageException("--threads (" + threads + ") must be between 1 and " + MAX_THREADS);
            }
            o = o.withThreads(threads);
        }
        return o;
    }

    private static void printSummary(PrintWriter out, Scenario s, SimulationResult r, PlanComparison c, Path folder) {
        int last = r.horizon() - 1;
        int year = r.years()[last];
        String cur = s.currency();
        Stats ka = r.stats(Metric.KEY_ACCOUNT_REVENUE, last);
        out.printf(Locale.ROOT, "Simulated %,d paths x %d years (%,d account-years) in %.2f s: %.1f million account-years/s on %d threads.%n",
                r.paths(), r.horizon(), r.accountYears(), r.seconds(), r.accountYearsPerSecond() / 1e6,
                r.options().threads());
        out.printf(Locale.ROOT, "%d key-account revenue (plan: %s): median %s %s, P10 %s, P90 %s.%n", year,
                r.planLabel(), cur, money(ka.p50()), money(ka.p10()), money(ka.p90()));
        var goal = r.goalProbability();
        if (goal.known()) {
            var all = r.allGoalsProbability();
            out.printf(Locale.ROOT, "P(goal) = probability that the %d key-account revenue target (%s %s) is met: %s; "
                            + "all three key-account goals together: %s; median year first met: %s.%n", year, cur,
                    money(r.goal()), interval(goal), interval(all),
                    r.medianGoalYear() == null ? "not within the horizon on most paths" : r.medianGoalYear());
        }
        if (c != null && goal.known()) {
            var d = c.goalProbabilityDifference();
            out.printf(Locale.ROOT, "No plan (today's owners): P(goal) %s, median year %s; the plan changes P(goal) by "
                            + "%+.1f points (paired standard error %.1f).%n", interval(c.baseline().goalProbability()),
                    c.baseline().medianGoalYear() == null ? "later" : c.baseline().medianGoalYear(), 100 * d.value(),
                    100 * d.stderr());
        }
        if (c != null) {
            var cum = c.cumulativeUplift();
            out.printf(Locale.ROOT, "Uplift: first-year expected gross profit %s %s a year (what the optimizer maximizes); "
                            + "simulated gross profit summed over %d-%d %s %s [%s … %s] (paired 95%% interval).%n",
                    cur, money(c.expectedFirstYearUplift()), r.years()[0], year, cur, money(cum.value()),
                    money(cum.ciLow()), money(cum.ciHigh()));
        }
        double growth = r.stats(Metric.TOTAL_REVENUE, 0).mean() / r.today(Metric.TOTAL_REVENUE) - 1;
        out.printf(Locale.ROOT, "First-year total revenue growth (mean) %.1f%% at market growth %.1f%%; share erosion "
                        + "%.4f (%s)%s.%n", 100 * growth, 100 * s.simulation().growthMean(), r.erosion(),
                s.simulation().erosionDerived() ? "status-quo neutral, derived" : "given",
                s.simulation().calibrated().isEmpty() ? "" : "; calibrated from history.csv: " + String.join(", ",
                        s.simulation().calibrated().stream().map(q -> q.key()).toList()));
        out.println("Wrote " + folder);
        out.flush();
    }

    private static String interval(dev.kam.simulation.Probability p) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f–%.1f]", 100 * p.value(), 100 * p.ciLow(), 100 * p.ciHigh());
    }

    static String money(double v) {
        if (Math.abs(v) >= 1e6) return String.format(Locale.ROOT, "%,.1fM", v / 1e6);
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
