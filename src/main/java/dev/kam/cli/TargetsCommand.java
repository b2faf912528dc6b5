package dev.kam.cli;

import dev.kam.domain.Scenario;
import dev.kam.io.OutputException;
import dev.kam.io.OutputRun;
import dev.kam.report.TargetsWriter;
import dev.kam.strategy.DepartmentTarget;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.TargetWarning;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kam targets}: 10-year key-account goals → yearly targets → department targets, with feasibility checks. */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = {"Turn the long-term key-account goals (strategy: in the scenario) into yearly targets "
                + "(KA revenue = count × orders per account × order value), SMART department targets for sales, "
                + "marketing and customer service, and feasibility checks (pipeline, headcount, market growth).",
                "Writes OUT/targets/targets.csv, departments.csv, departments.txt, summary.json and the charts "
                        + "targets.png/svg and headcount.png/svg."})
public final class TargetsCommand implements Callable<Integer> {
    private static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
    Path scenario;

    @Mixin
    ScenarioOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = options.load(scenario);
        Targets t;
        Path dir = options.out.resolve("targets");
        try (OutputRun run = options.begin("targets")) {
            t = TargetPlanner.plan(s);
            TargetsWriter.write(t, s, run.root(), Main.WORDS);
            options.publish(run);
        } catch (RuntimeException e) {
            throw OutputException.translate(options.out, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, t, s);
        out.println();
        out.println("Wrote " + dir + " (targets.csv, departments.csv, departments.txt, summary.json, "
                + "targets.png/svg, headcount.png/svg)");
        out.flush();
        return Main.OK;
    }

    static void print(PrintWriter out, Targets t, Scenario s) {
        String cur = s.currency() == null ? "" : s.currency();
        out.printf(Locale.ROOT, "Key-account targets for %s (%s path, threshold %s %,.0f)%n", s.name(), t.path(),
                cur, s.strategy().keyAccountThreshold());
        out.printf(Locale.ROOT, "%-6s %20s %7s %12s %16s %7s %8s %6s %15s%n", "year", "KA revenue " + cur, "KAs",
                "orders/KA", "order value", "share", "growth", "wins", "soldiers needed");
        if (t.baseline() != null) {
            var b = t.baseline();
            double perHead = b.hoursPerSoldier() * (t.assumptions() == null ? 1 : t.assumptions().sellingTimeShare());
            out.printf(Locale.ROOT, "%-6s %,20.0f %7d %12.2f %16s %6.1f%% %8s %6s %15s%n", b.year() + "*",
                    b.keyAccountRevenue(), b.keyAccountCount(), b.ordersPerAccount(),
                    Double.isNaN(b.orderValue()) ? "n/a" : String.format(Locale.ROOT, "%,.0f", b.orderValue()),
                    100 * b.keyAccountShare(), "", "",
                    (perHead > 0 ? (int) Math.ceil(b.hoursNeededToday() / perHead - 1e-9) : 0) + " of " + b.soldiers());
        }
        for (YearTarget y : t.years()) {
            var f = t.feasibility(y.year());
            out.printf(Locale.ROOT, "%-6d %,20.0f %7.0f %12.2f %,16.0f %6.1f%% %8s %6s %15s%n", y.year(),
                    y.keyAccountRevenue(), y.keyAccountCount(), y.ordersPerAccount(), y.orderValue(),
                    100 * y.keyAccountShare(),
                    Double.isNaN(y.growth()) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * y.growth()),
                    f == null ? "" : String.valueOf(f.winsNeeded()), f == null ? "" : String.valueOf(f.headcountNeeded()));
        }
        out.println("* today (soldiers: needed for today's workload of today's soldiers)");
        if (!t.years().isEmpty()) {
            int first = t.years().get(0).year();
            out.println();
            out.println("Department targets for " + first + " (all years in departments.csv / departments.txt):");
            for (DepartmentTarget d : t.departments(first)) out.println("  - " + EN.render(d.text()));
        }
        if (!t.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            for (dev.kam.domain.Msg n : t.notes()) out.println("  - " + EN.render(n));
        }
        out.println();
        if (t.warnings().isEmpty()) {
            out.println("No warnings: the targets fit the pipeline, the headcount and the market growth.");
        } else {
            out.println("Warnings (" + t.warnings().size() + "):");
            for (TargetWarning w : t.warnings()) out.println("  ! " + w.check() + ": " + EN.render(w.message()));
        }
    }
}
