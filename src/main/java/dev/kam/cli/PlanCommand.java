package dev.kam.cli;

import dev.kam.Pipeline;
import dev.kam.domain.Msg;
import dev.kam.domain.Problem;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.run.Summary;
import dev.kam.simulation.Probability;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kam plan [SCENARIO]}: every stage, every output, and report.html. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Run every stage (validate, analyze, targets, assign, simulate) and write all their outputs "
                + "plus one self-contained report.html.",
                "Without SCENARIO it runs the bundled demo (scenarios/demo/scenario.yaml)."},
        footer = {"", "Examples:", "  kam plan", "  kam plan scenarios/tiny/scenario.yaml --out out/tiny --lang zh",
                "  kam plan my.yaml --set assignment.timeLimit=10s --set simulation.paths=2000",
                "  kam plan scenarios/demo/scenario.yaml --compare scenarios/demo-retention.yaml"})
public final class PlanCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario YAML file (default: the bundled demo).")
    Path scenario;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "Language of chart and report labels: en or zh (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Shortcut for --set assignment.timeLimit=DURATION (e.g. 10s).")
    String timeLimit;

    @Option(names = "--paths", paramLabel = "N", description = "Shortcut for --set simulation.paths=N.")
    Integer paths;

    @Option(names = "--compare", arity = "1..*", paramLabel = "SCENARIO",
            description = "Also compare with these scenarios (each planned on its own, all simulated on the same "
                    + "random paths and judged against this scenario's targets): writes compare/ and a report section.")
    List<Path> compare = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Lang language = Lang.parse(lang);
        if (language == null) throw new UsageException("--lang must be en or zh, not '" + lang + "'");
        Path file = scenario != null ? scenario : demo();
        if (!Files.exists(file)) {
            throw new UsageException(scenario != null ? "scenario file not found: " + file
                    : "the bundled demo scenario is missing (looked for " + file + "); pass a SCENARIO file");
        }
        for (Path c : compare) {
            if (!Files.exists(c)) throw new UsageException("--compare: scenario file not found: " + c);
        }
        List<String> overrides = new ArrayList<>(options.overrides);
        if (timeLimit != null) overrides.add("assignment.timeLimit=" + timeLimit);
        if (paths != null) overrides.add("simulation.paths=" + paths);

        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Messages m = Messages.of(language);
        long t0 = System.nanoTime();
        Pipeline.Result r = Pipeline.run(new Pipeline.Options(file, overrides, options.out, language, compare),
                new Pipeline.Listener() {
                    private long lastProgress;

                    @Override
                    public void started(String stage, int index, int count) {
                        err.println(m.get("cli.plan.started", index, count, stageName(stage, m)));
                        err.flush();
                    }

                    @Override
                    public void problem(Problem p) {
                        err.println(p);
                        err.flush();
                    }

                    @Override
                    public void warning(Msg text) {
                        err.println(m.get("cli.plan.warning", m.render(text)));
                        err.flush();
                    }

                    @Override
                    public void progress(String stage, double seconds, Msg status) {
                        if (stage.equals("assign")) {
                            long now = System.nanoTime();
                            if (now - lastProgress < 2_000_000_000L) return;
                            lastProgress = now;
                        }
                        err.println(m.get("cli.plan.progress", stageName(stage, m), seconds, m.render(status)));
                        err.flush();
                    }

                    @Override
                    public void finished(String stage, double seconds, Msg detail) {
                        double total = (System.nanoTime() - t0) / 1e9;
                        err.println(detail == null ? m.get("cli.plan.finished", stageName(stage, m), seconds, total)
                                : m.get("cli.plan.finishedWith", stageName(stage, m), seconds, total, m.render(detail)));
                        err.flush();
                    }
                });

        for (String line : summaryLines(r, m)) out.println(line);
        out.flush();
        return Main.OK;
    }

    /** The stage's name for the reader ("validate", "校验"). */
    static String stageName(String stage, Messages m) {
        return m.getOr("cli.stage." + stage, stage);
    }

    /**
     * What {@code kam plan} prints when it is done: where the report and the outputs are, then the headline
     * figures of the run's {@link Summary} (P(goal) by its one definition, the joint probability beside it).
     */
    static List<String> summaryLines(Pipeline.Result r, Messages m) {
        Summary s = r.results().summary();
        String cur = r.results().scenario().currency();
        String year = String.valueOf(s.finalYear());
        List<String> lines = new ArrayList<>();
        lines.add(m.get("cli.plan.report", r.report().toAbsolutePath().normalize().toString()));
        lines.add(m.get("cli.plan.outputs", r.out().toAbsolutePath().normalize().toString(), String.join(", ", r.written())));
        if (s.simulated()) {
            Probability g = s.goal();
            Probability b = s.goalBaseline();
            lines.add(!b.known()
                    ? m.get("cli.plan.pGoal", year, m.percentCi(g.value(), g.ciLow(), g.ciHigh()))
                    : m.get("cli.plan.pGoalWithBaseline", year, m.percentCi(g.value(), g.ciLow(), g.ciHigh()),
                    m.percentCi(b.value(), b.ciLow(), b.ciHigh()),
                    m.pointsSe(s.goalVersusBaseline().value(), s.goalVersusBaseline().stderr())));
            Probability a = s.allGoals();
            if (a.known()) lines.add(m.get("cli.plan.pAllGoals", year, m.percentCi(a.value(), a.ciLow(), a.ciHigh())));
            lines.add(m.get("cli.plan.median", year, m.money(s.medianFinalKaRevenue(), cur),
                    m.money(s.p10FinalKaRevenue(), cur), m.money(s.p90FinalKaRevenue(), cur), m.money(s.finalTarget(), cur)));
            if (!Double.isNaN(s.neverWithinHorizon())) {
                String when = s.medianFirstYear() == null ? m.get("cli.plan.when.later", year) : year(s.medianFirstYear());
                lines.add(b.known()
                        ? m.get("cli.plan.whenWithBaseline", when, s.baselineMedianFirstYear() == null
                        ? m.get("cli.plan.when.later", year) : year(s.baselineMedianFirstYear()))
                        : m.get("cli.plan.when", when));
            }
        } else {
            lines.add(m.get("cli.plan.notSimulated"));
        }
        if (s.planned()) {
            lines.add(Double.isNaN(s.cumulativeUpliftMean())
                    ? m.get("cli.plan.uplift", m.signedMoney(s.expectedUplift(), cur))
                    : m.get("cli.plan.upliftWithSimulated", m.signedMoney(s.expectedUplift(), cur),
                    s.finalYear() - s.baseYear(), m.signedMoney(s.cumulativeUpliftMean(), cur),
                    m.signedMoney(s.cumulativeUpliftMean() - Probability.Z95 * s.cumulativeUpliftStderr(), cur),
                    m.signedMoney(s.cumulativeUpliftMean() + Probability.Z95 * s.cumulativeUpliftStderr(), cur)));
        }
        return lines;
    }

    private static String year(int y) {
        return Integer.toString(y);
    }

    /** The bundled demo: {@code ${kam.home}/scenarios/demo/scenario.yaml}, else relative to the working folder. */
    static Path demo() {
        String home = System.getProperty("kam.home");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home, "scenarios", "demo", "scenario.yaml");
            if (Files.exists(p)) return p;
        }
        return Path.of("scenarios", "demo", "scenario.yaml");
    }
}
