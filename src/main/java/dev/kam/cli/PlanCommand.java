package dev.kam.cli;

import dev.kam.Pipeline;
import dev.kam.report.ChartTheme;
import dev.kam.i18n.Lang;
import dev.kam.report.Summary;
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
import java.util.Locale;
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
        long t0 = System.nanoTime();
        Pipeline.Result r = Pipeline.run(new Pipeline.Options(file, overrides, options.out, language, compare),
                new Pipeline.Listener() {
                    @Override
                    public void started(String stage, int index, int count) {
                        err.printf(Locale.ROOT, "kam plan: [%d/%d] %s ...%n", index, count, stage);
                        err.flush();
                    }

                    private long lastProgress;

                    @Override
                    public void warning(String text) {
                        err.println(text.contains(": warning: ") ? text : "kam plan: warning: " + text);
                        err.flush();
                    }

                    @Override
                    public void progress(String stage, double seconds, String status) {
                        if (!stage.equals("assign")) {
                            err.printf(Locale.ROOT, "kam plan:       %s %s%n", stage, status);
                            err.flush();
                            return;
                        }
                        long now = System.nanoTime();
                        if (now - lastProgress < 2_000_000_000L) return;
                        lastProgress = now;
                        err.printf(Locale.ROOT, "kam plan:       %s %.0f s, best %s%n", stage, seconds, status);
                        err.flush();
                    }

                    @Override
                    public void finished(String stage, double seconds, String detail) {
                        double total = (System.nanoTime() - t0) / 1e9;
                        err.printf(Locale.ROOT, "kam plan:       %s done in %.1f s (elapsed %.1f s)%s%n", stage, seconds,
                                total, detail.isEmpty() ? "" : ": " + detail);
                        err.flush();
                    }
                });

        Summary s = r.summary();
        String cur = r.scenario().currency();
        out.println("Report: " + r.report().toAbsolutePath().normalize());
        out.println("Outputs: " + r.out().toAbsolutePath().normalize() + " (" + String.join(", ", outputs(r)) + ")");
        out.println("Probability of reaching the " + s.goalYear() + " goal: "
                + (Double.isNaN(s.goalProbability()) ? "n/a (simulation not run)" : pct(s.goalProbability())
                + ("all".equals(s.goalBasis()) ? " (key-account revenue, count and share together; revenue alone "
                + pct(s.kaRevenueProbability()) + ")" : "")));
        out.println("Median key-account revenue " + s.finalYear() + ": "
                + (Double.isNaN(s.medianFinalKaRevenue()) ? "n/a (simulation not run)"
                : money(s.medianFinalKaRevenue(), cur)
                + (Double.isNaN(s.finalTarget()) ? "" : " (target " + money(s.finalTarget(), cur) + ")")));
        out.println("Plan uplift over today's owners: "
                + (Double.isNaN(s.uplift()) ? "n/a (assignment not run)" : money(s.uplift(), cur)
                + " expected gross profit a year"));
        out.flush();
        return Main.OK;
    }

    private static List<String> outputs(Pipeline.Result r) {
        List<String> names = new ArrayList<>();
        for (String o : Pipeline.OUTPUTS) if (Files.exists(r.out().resolve(o))) names.add(o);
        return names;
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    private static String money(double v, String currency) {
        return currency + " " + ChartTheme.compact(v, Lang.EN);
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
