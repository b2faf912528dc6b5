package dev.kam.cli;

import dev.kam.assign.AssignOptions;
import dev.kam.assign.Assigner;
import dev.kam.assign.Plan;
import dev.kam.compare.CompareOptions;
import dev.kam.compare.CompareResult;
import dev.kam.compare.Comparison;
import dev.kam.compare.GoalBasis;
import dev.kam.compare.Outcome;
import dev.kam.compare.Planner;
import dev.kam.compare.Sweep;
import dev.kam.compare.SweepResult;
import dev.kam.compare.SweepSpec;
import dev.kam.compare.Variant;
import dev.kam.domain.Scenario;
import dev.kam.report.CompareWriter;
import dev.kam.io.OutputDir;
import dev.kam.io.OutputException;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
import dev.kam.domain.Problem;
import dev.kam.domain.ScenarioException;
import dev.kam.scenario.ScenarioReader;
import dev.kam.scenario.Section;
import dev.kam.simulation.Metric;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.Stats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kam compare}: growth scenarios side by side, or one scenario swept over a parameter. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Simulate growth scenarios side by side with common random numbers (the same seed and paths "
                + "for every scenario) and compare key-account revenue and the probability of reaching the goals. "
                + "The first scenario is the reference: differences are taken path by path against it.",
                "With --sweep and one scenario, run that scenario at each value of one key instead.",
                "Writes OUT/compare/: summary.csv (scenario, metric, year, p10, p50, p90, goalProbability), "
                        + "goals.csv, compensation.csv (each plan's compensation and ROI per year, p5/p50/p95), "
                        + "differences.csv, ka-revenue-fan, goal-probability and difference-final-ka-revenue charts "
                        + "(PNG and SVG); with --sweep also sweep.csv, sweep-goal-probability and sweep-ka-revenue."},
        footer = {"", "Examples:",
                "  kam compare scenarios/demo/scenario.yaml scenarios/demo-retention.yaml scenarios/demo-aggressive.yaml",
                "  kam compare scenarios/demo/scenario.yaml scenarios/demo-steep-commission.yaml --keep-plan",
                "  kam compare scenarios/demo/scenario.yaml --sweep simulation.churn.covered=0.01:0.06:0.01 --paths 1000",
                "  kam compare scenarios/demo/scenario.yaml --sweep simulation.marketGrowth.mean=0:0.08:0.02 --keep-plan",
                "  kam compare scenarios/demo/scenario.yaml --sweep hiring.soldiers=0:8:2 --paths 1000"})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SCENARIO",
            description = "Scenario YAML files; the first is the reference.")
    List<Path> scenarioFiles;

    @Option(names = "--keep-plan",
            description = "Plan the first scenario only and simulate every scenario under that plan (mapped by "
                    + "account, soldier and product id) instead of planning each scenario on its own.")
    boolean keepPlan;

    @Option(names = "--baseline",
            description = "Simulate today's owners at standard effort (no new products) in every scenario instead of "
                    + "optimized plans; fast, and shows what the scenarios change when nobody is moved.")
    boolean baseline;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Time limit of each optimization (default: the scenario's assignment.timeLimit), e.g. 10s.")
    String timeLimit;

    @Option(names = "--paths", paramLabel = "N",
            description = "Monte Carlo paths per scenario (default: the first scenario's simulation.paths).")
    Integer paths;

    @Option(names = "--seed", paramLabel = "N",
            description = "Master seed, the same for every scenario (default: the first scenario's simulation.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (never changes the numbers).")
    Integer threads;

    @Option(names = "--sweep", paramLabel = "KEY=FROM:TO:STEP",
            description = "Run the one scenario at each value of KEY from FROM to TO by STEP, e.g. "
                    + "simulation.churn.covered=0.01:0.06:0.01. Each value is applied like --set and validated "
                    + "like the file.")
    String sweep;

    @Option(names = "--goals", paramLabel = "first|own", defaultValue = "first",
            description = "Judge every scenario against the first scenario's targets (first, default: one "
                    + "yardstick) or against its own (own). A sweep always uses each value's own targets.")
    String goals;

    @Mixin
    ScenarioOptions scenarioOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GoalBasis basis = switch (goals.toLowerCase(Locale.ROOT)) {
            case "first" -> GoalBasis.FIRST;
            case "own" -> GoalBasis.OWN;
            default -> throw new UsageException("--goals must be first or own, not '" + goals + "'");
        };
        SweepSpec sweepSpec = null;
        if (sweep != null) {
            if (scenarioFiles.size() != 1) {
                throw new UsageException("--sweep runs one scenario at several values; give exactly one SCENARIO, not "
                        + scenarioFiles.size());
            }
            try {
                sweepSpec = SweepSpec.parse(sweep);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios = sweepSpec == null ? readAll(scenarioFiles) : readSweep(scenarioFiles.get(0), sweepSpec);
        OutputPlan.of(scenarioOptions.out, "compare").check(scenarioOptions.inputs);
        Scenario first = scenarios.get(0);
        SimulationOptions options = SimulateCommand.options(first, paths, seed, threads);
        if (baseline && keepPlan) throw new UsageException("--baseline and --keep-plan exclude each other: with "
                + "--baseline every scenario is simulated with its own owners today");
        Planner planner = baseline ? Planner.BASELINE : optimizer(timeLimit, err);
        Comparison.Listener progress = (i, n, label, step) -> {
            err.printf(Locale.ROOT, "kam compare: [%d/%d] %s: %s ...%n", i, n, label, step);
            err.flush();
        };

        CompareResult result;
        SweepResult sweepResult = null;
        try {
            if (sweepSpec != null) {
                sweepResult = Sweep.run(sweepSpec, scenarios, planner, options, keepPlan, progress);
                result = sweepResult.points();
            } else {
                List<String> labels = new ArrayList<>();
                for (Scenario s : scenarios) labels.add(s.name());
                labels = Comparison.uniqueLabels(labels);
                List<Variant> variants = new ArrayList<>();
                for (int i = 0; i < scenarios.size(); i++) variants.add(new Variant(labels.get(i), scenarios.get(i)));
                result = Comparison.run(variants, planner, new CompareOptions(options, keepPlan, basis), progress);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        Path folder = scenarioOptions.out.resolve("compare");
        try (OutputRun run = scenarioOptions.begin("compare"); OutputDir dir = OutputDir.open(run.root(), "compare")) {
            CompareWriter.write(dir, new CompareWriter.Input(first.currency(), result, sweepResult), Main.WORDS);
            dir.commit();
            scenarioOptions.publish(run);
        } catch (RuntimeException e) {
            throw OutputException.translate(scenarioOptions.out, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (sweepResult != null) printSweep(out, sweepResult, first.currency());
        else printTable(out, result, first.currency());
        out.println("Wrote " + folder);
        out.flush();
        return Main.OK;
    }

    /** Each scenario's plan from the assignment optimizer, with its own assignment settings (or --time-limit). */
    static Planner optimizer(String timeLimit, PrintWriter err) {
        Duration limit = null;
        if (timeLimit != null) {
            try {
                limit = dev.kam.scenario.Limits.parseTimeLimit("--time-limit", timeLimit);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Duration fixed = limit;
        return (s, analysis) -> {
            AssignOptions o = AssignOptions.of(s.assignment());
            if (fixed != null) o = o.withTimeLimit(fixed);
            Plan plan = Assigner.solve(s, analysis, o);
            if (!plan.feasible()) {
                err.println("kam compare: warning: the plan for " + s.name() + " breaks hard constraints ("
                        + plan.score() + "); run 'kam assign' on it to see why");
                err.flush();
            }
            return plan.coverage();
        };
    }

    /** Reads every scenario with the --set overrides; all problems of all files are reported together. */
    private List<Scenario> readAll(List<Path> files) {
        List<Scenario> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(ScenarioReader.read(f, scenarioOptions.overrides, scenarioOptions.inputs));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    /**
     * Reads the scenario once per sweep value, the value applied as one more override after --set; a value
     * the key does not accept (or a key that does not exist) is reported as {@code --sweep KEY=VALUE: ...}.
     */
    private List<Scenario> readSweep(Path file, SweepSpec s) {
        List<Scenario> out = new ArrayList<>();
        for (BigDecimal v : s.values()) {
            List<String> overrides = new ArrayList<>(scenarioOptions.overrides);
            overrides.add(s.override(v));
            try {
                out.add(ScenarioReader.read(file, overrides, scenarioOptions.inputs));
            } catch (ScenarioException e) {
                List<Problem> relabelled = new ArrayList<>();
                for (Problem p : e.problems()) {
                    boolean ours = p.file().equals(Section.OVERRIDE)
                            && (p.field().equals(s.key()) || s.key().startsWith(p.field() + ".")
                            || p.field().startsWith(s.key() + ".") || p.field().isEmpty());
                    relabelled.add(ours ? new Problem("--sweep " + s.override(v), p.line(), p.field(), p.message(),
                            p.severity()) : p);
                }
                throw new ScenarioException(relabelled);
            }
        }
        return out;
    }

    private static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);

    private static void printTable(PrintWriter out, CompareResult r, String cur) {
        int last = r.last();
        int year = r.years()[last];
        Outcome ref = r.first();
        out.printf(Locale.ROOT, "Compared %d scenarios, %,d paths each (seed %d), %d–%d; plans: %s.%n",
                r.outcomes().size(), r.paths(), r.options().simulation().seed(), r.years()[0], year,
                r.options().keepPlan() ? "the first scenario's plan kept for all" : "each scenario's own");
        if (r.options().goals() == GoalBasis.FIRST) {
            if (!Double.isNaN(ref.goal())) {
                out.printf(Locale.ROOT, "Goal: %d key-account revenue at least %s %s (targets of %s for every "
                        + "scenario).%n", year, cur, money(ref.goal()), ref.label());
            }
        } else {
            for (Outcome o : r.outcomes()) {
                if (Double.isNaN(o.goal())) continue;
                out.printf(Locale.ROOT, "Goal of %s: %d key-account revenue at least %s %s (its own targets).%n",
                        o.label(), year, cur, money(o.goal()));
            }
        }
        int w = 8;
        for (Outcome o : r.outcomes()) w = Math.max(w, width(o.label()));
        w = Math.min(w, 48);
        out.printf(Locale.ROOT, "%s  %19s  %19s  %6s  %7s  %10s  %10s  %10s  %12s  %19s  %10s%n", pad("scenario", w),
                "P(goal) [95% CI]", "no plan [95% CI]", "when", "no plan", "KA P10", "KA median", "KA P90", "diff median",
                "ahead [95% CI]", "ROI median");
        for (int i = 0; i < r.outcomes().size(); i++) {
            Outcome o = r.outcomes().get(i);
            Stats ka = o.result().stats(Metric.KEY_ACCOUNT_REVENUE, last);
            String diff = i == 0 ? "reference" : money(r.differenceStats(i, Metric.KEY_ACCOUNT_REVENUE, last).p50());
            String ahead = i == 0 ? "" : interval(dev.kam.simulation.Probability.ofFraction(
                    r.probabilityAhead(i, Metric.KEY_ACCOUNT_REVENUE, last), r.paths()));
            out.printf(Locale.ROOT, "%s  %19s  %19s  %6s  %7s  %10s  %10s  %10s  %12s  %19s  %10s%n", pad(o.label(), w),
                    interval(o.goalProbabilityInterval()), interval(o.baselineGoalProbability()),
                    o.medianGoalYear() == null ? "later" : String.valueOf(o.medianGoalYear()),
                    o.baselineGoalProbability().known() ? (o.baselineMedianGoalYear() == null ? "later"
                            : String.valueOf(o.baselineMedianGoalYear())) : "n/a",
                    money(ka.p10()), money(ka.p50()), money(ka.p90()), diff, ahead, money(o.horizonRoi().p50()));
        }
        out.printf(Locale.ROOT, "P(goal) = probability that the %d key-account revenue target is met (Wilson 95%% "
                + "interval); no plan = the same under today's owners; when = median year the goal is first met "
                + "(later: after %d on most paths), then the same without the plan; KA = %d key-account revenue (%s); diff = scenario minus %s on the "
                + "same path; ahead = share of paths where the scenario is higher; ROI = the plan's gross-profit uplift over "
                + "today's owners minus its incremental compensation and hiring cost, summed %d–%d (%s; "
                + "compensation.csv has every year).%n", year, year, year, cur, ref.label(), r.years()[0], year, cur);
        for (Outcome o : r.outcomes()) {
            Stats cost = o.horizonIncrementalCompensation();
            Stats roi = o.horizonRoi();
            out.printf(Locale.ROOT, "Compensation of %s, %d–%d: incremental cost over today's owners %s (P5 %s, "
                            + "P95 %s); ROI %s (P5 %s, P95 %s).%n", o.label(), r.years()[0], year, money(cost.p50()),
                    money(cost.p5()), money(cost.p95()), money(roi.p50()), money(roi.p5()), money(roi.p95()));
            if (o == ref) continue;
            Stats dc = Stats.of(o.compensation().totalMinus(ref.compensation(), "compensation"));
            Stats dr = Stats.of(o.compensation().totalMinus(ref.compensation(), "roi"));
            out.printf(Locale.ROOT, "  minus %s on the same paths: compensation %s (P5 %s, P95 %s), ROI %s (P5 %s, "
                            + "P95 %s).%n", ref.label(), money(dc.p50()), money(dc.p5()), money(dc.p95()),
                    money(dr.p50()), money(dr.p5()), money(dr.p95()));
        }
        for (int i = 1; i < r.outcomes().size(); i++) {
            var d = r.goalProbabilityDifference(i);
            if (Double.isNaN(d.value())) continue;
            out.printf(Locale.ROOT, "P(goal) of %s minus %s: %+.1f points (paired standard error %.1f).%n",
                    r.outcomes().get(i).label(), ref.label(), 100 * d.value(), 100 * d.stderr());
        }
        for (Outcome o : r.outcomes()) {
            if (!o.crn().full()) {
                out.println("Note: " + o.label() + " shares only part of the random numbers with " + ref.label() + ": "
                        + EN.render(o.crn().detail()) + ".");
            }
            out.println("Plan of " + o.label() + ": " + EN.render(o.planNote()) + ".");
            if (!o.scenario().simulation().calibrated().isEmpty()) {
                out.println("Calibrated from " + o.label() + "'s history: "
                        + String.join(", ", o.scenario().simulation().calibrated().stream().map(q -> q.key()).toList())
                        + ".");
            }
        }
    }

    private static String interval(dev.kam.simulation.Probability p) {
        if (!p.known()) return "n/a";
        return String.format(Locale.ROOT, "%.1f%% [%.1f–%.1f]", 100 * p.value(), 100 * p.ciLow(), 100 * p.ciHigh());
    }

    private static void printSweep(PrintWriter out, SweepResult s, String cur) {
        CompareResult r = s.points();
        int last = r.last();
        int year = r.years()[last];
        out.printf(Locale.ROOT, "Swept %s over %d values, %,d paths each (seed %d), each value against its own targets.%n",
                s.spec().key(), s.spec().values().size(), r.paths(), r.options().simulation().seed());
        int w = Math.max(5, s.spec().key().length());
        out.printf(Locale.ROOT, "%-" + w + "s  %19s  %10s  %6s  %10s  %10s  %10s%n", s.spec().key(), "P(goal) [95% CI]",
                "goal", "when", "KA P10", "KA median", "KA P90");
        for (int i = 0; i < s.outcomes().size(); i++) {
            Stats ka = s.finalKaRevenue(i);
            Outcome o = s.outcomes().get(i);
            out.printf(Locale.ROOT, "%-" + w + "s  %19s  %10s  %6s  %10s  %10s  %10s%n",
                    s.spec().values().get(i).toPlainString(), interval(o.goalProbabilityInterval()), money(o.goal()),
                    o.medianGoalYear() == null ? "later" : String.valueOf(o.medianGoalYear()), money(ka.p10()),
                    money(ka.p50()), money(ka.p90()));
        }
        out.printf(Locale.ROOT, "P(goal) = probability that the %d key-account revenue target is met (Wilson 95%% "
                + "interval); when = median year it is first met; KA = %d key-account revenue (%s).%n", year, year, cur);
        Outcome o = r.first();
        out.println(r.options().keepPlan() ? "Plans: the first value's plan (" + EN.render(o.planNote())
                + ") kept for every value." : "Plans: each value planned on its own (" + EN.render(o.planNote()) + ").");
    }

    /** Terminal columns of a text: East Asian wide characters take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** The text padded with spaces to {@code w} terminal columns, or cut to w − 1 columns and an ellipsis. */
    static String pad(String s, int w) {
        StringBuilder b = new StringBuilder();
        int used = 0;
        if (width(s) <= w) {
            b.append(s);
            used = width(s);
        } else {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int cw = wide(cp) ? 2 : 1;
                if (used + cw > w - 1) break;
                b.appendCodePoint(cp);
                used += cw;
                i += Character.charCount(cp);
            }
            b.append('…');
            used++;
        }
        while (used < w) {
            b.append(' ');
            used++;
        }
        return b.toString();
    }

    private static String pct(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    private static String money(double v) {
        return Double.isNaN(v) ? "n/a" : SimulateCommand.money(v);
    }
}
