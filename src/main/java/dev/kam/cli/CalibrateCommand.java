package dev.kam.cli;

import dev.kam.calibration.Backtest;
import dev.kam.calibration.Calibration;
import dev.kam.calibration.Estimate;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import dev.kam.report.CalibrationWriter;
import dev.kam.simulation.SimulationOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kam calibrate}: fit the simulation's parameters to history.csv and backtest the fit (SPEC §8). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the simulation's parameters to the scenario's history.csv (churn, conversion, market "
                + "growth and volatility, correlations, share gains, initial share, new prospects), each with a "
                + "standard error that counts accounts moving together within a year (year-block jackknife), and "
                + "backtest the fit on the last two years.",
                "Writes OUT/calibration/: fit.csv, calibration.yaml (a simulation: block to extend or paste), "
                        + "backtest.csv and the backtest chart (PNG and SVG). kam plan on a scenario with history uses "
                        + "the fitted values by itself, unless the scenario sets them."},
        footer = {"", "Examples:", "  kam calibrate scenarios/demo/scenario.yaml",
                "  kam calibrate my.yaml --out out/my --paths 5000"})
public final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file with a history table.")
    Path scenarioFile;

    @Option(names = "--paths", paramLabel = "N", defaultValue = "2000",
            description = "Monte Carlo paths of the backtest (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the backtest (default: simulation.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (never changes the numbers).")
    Integer threads;

    @Mixin
    ScenarioOptions scenarioOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = scenarioOptions.load(scenarioFile, false);
        if (s.history().isEmpty()) {
            throw new UsageException(scenarioFile + " has no history to calibrate from: name a history table under "
                    + "tables (tables: {history: history.csv}) with columns account, year, revenue, owner");
        }
        if (paths < 1) throw new UsageException("--paths (" + paths + ") must be at least 1");
        SimulationOptions o = SimulateCommand.options(s, paths, seed, threads);
        Calibration c = Calibration.run(s, o);
        Path folder;
        try (OutputDir dir = OutputDir.open(scenarioOptions.out, "calibration")) {
            CalibrationWriter.write(dir, c, s.name(), s.currency(), Main.WORDS);
            folder = dir.commit();
        }
        print(spec.commandLine().getOut(), c, s);
        spec.commandLine().getOut().println("Wrote " + folder);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private static void print(PrintWriter out, Calibration c, Scenario s) {
        Messages en = Messages.of(Lang.EN);
        var f = c.fit();
        out.printf(Locale.ROOT, "Calibrated %s from history %d-%d: %d years of transitions, %,d rows; standard errors "
                + "by a year-block jackknife, 95%% intervals with Student's t (%d df).%n", s.name(), f.firstYear(),
                f.lastYear(), f.clusters(), f.accountYears(), Math.max(0, f.clusters() - 1));
        out.printf(Locale.ROOT, "%-22s %12s %12s %25s %8s  %s%n", "parameter", "estimate", "stderr", "95% interval", "n",
                "used by kam plan");
        for (Estimate e : f.estimates()) {
            out.printf(Locale.ROOT, "%-22s %12s %12s %25s %8d  %s%n", e.param().key(), num(e.estimate()),
                    num(e.stderr()), Double.isFinite(e.ciLow()) ? num(e.ciLow()) + " … " + num(e.ciHigh()) : "",
                    e.n(), e.applied() ? "yes" : e.known() ? "no (" + (s.simulation().given().contains(e.param())
                            ? "set in the scenario" : "derived") + ")" : "not identified");
        }
        for (Msg n : f.notes()) out.println("Note: " + en.render(n));
        Backtest b = c.backtest();
        if (b == null) {
            for (Msg n : c.notes()) out.println("Note: " + en.render(n));
            return;
        }
        out.printf(Locale.ROOT, "Backtest: fitted up to %d, forecast %d-%d on %,d paths: %d of %d figures inside P5-P95.%n",
                b.fromYear(), b.fromYear() + 1, b.fromYear() + 2, b.paths(), b.inside(), b.rows().size());
        for (Backtest.Row r : b.rows()) {
            out.printf(Locale.ROOT, "  %d %-18s actual %16s  P5 %16s  P50 %16s  P95 %16s  %s%n", r.year(), r.metric(),
                    big(r.actual()), big(r.p5()), big(r.p50()), big(r.p95()), r.inside() ? "inside" : "OUTSIDE");
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }

    private static String big(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
