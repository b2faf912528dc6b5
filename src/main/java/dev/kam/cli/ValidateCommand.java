package dev.kam.cli;

import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;
import dev.kam.domain.Problem;
import dev.kam.domain.ScenarioException;
import dev.kam.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kam validate}: reads the scenario and every table (CSV files or workbook sheets) and reports
 * every problem at once, each as {@code file:line: field: message}, on stderr. Exit 2 when any is an
 * error; otherwise warnings and notes (what was converted on the way, e.g. numbers written with
 * thousands separators) on stderr and a one-line summary on stdout, exit 0.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a scenario and its tables (CSV or .xlsx); print every problem as file:line: field: message.",
                "Problems and notes go to stderr; the OK summary to stdout. Exit 0 when clean (warnings and notes "
                        + "allowed), 2 on any error."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
    Path scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key, e.g. --set simulation.churn.covered=0.05 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioReader.Result r = ScenarioReader.validate(scenario, overrides);
        if (r.problems().hasErrors()) throw new ScenarioException(r.problems().all());
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> all = r.problems().all();
        for (Problem p : all) err.println(p);
        err.flush();
        long warnings = all.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
        long notes = all.size() - warnings;
        Scenario s = r.scenario();
        int prospects = 0;
        int atRisk = 0;
        int mustCover = 0;
        for (Account a : s.accounts()) {
            if (a.isProspect()) prospects++;
            if (a.stage() == Stage.AT_RISK) atRisk++;
            if (a.mustCover()) mustCover++;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("OK " + scenario + ": " + s.accounts().size() + " accounts (" + prospects + " prospects, " + atRisk
                + " at risk, " + mustCover + " must be covered), " + s.soldiers().size() + " soldiers, "
                + s.products().size() + " products, " + s.relationships().size() + " relationships"
                + counts(warnings, notes) + ".");
        out.flush();
        return Main.OK;
    }

    /** "; 1 warning, 3 notes", or "" when there are neither. */
    static String counts(long warnings, long notes) {
        List<String> parts = new ArrayList<>();
        if (warnings > 0) parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        if (notes > 0) parts.add(notes + (notes == 1 ? " note" : " notes"));
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }
}
