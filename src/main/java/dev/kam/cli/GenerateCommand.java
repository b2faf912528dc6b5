package dev.kam.cli;

import dev.kam.funnel.PipelineGenerator;
import dev.kam.io.ScenarioFolder;
import dev.kam.scenario.Generator;
import dev.kam.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kam generate}: writes a synthetic, realistic scenario of the requested size. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic, realistic scenario (scenario.yaml and its CSV tables) of any size.",
                "The same sizes and seed always give byte-identical files."})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--accounts", paramLabel = "N", defaultValue = "300", description = "Accounts (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--soldiers", paramLabel = "M", defaultValue = "20", description = "Sales soldiers (default: ${DEFAULT-VALUE}).")
    int soldiers;

    @Option(names = "--products", paramLabel = "P", defaultValue = "8", description = "Products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--history", paramLabel = "YEARS", defaultValue = "0",
            description = "Also write history.csv: YEARS calendar years ending with the base year, simulated forward "
                    + "with the default model from the generated account base (then --accounts counts the accounts of "
                    + "the first history year); 0 = none (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--name", paramLabel = "TEXT", description = "Scenario name (default: a name built from the size and seed).")
    String name;

    @Option(names = "--pipeline", description = "Also write pipeline.csv: open opportunities per soldier (SPEC §12 funnel).")
    boolean pipeline;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write; it must be new, empty, or hold a scenario kam generated there and nobody "
                    + "changed since (then it is replaced whole).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        check(accounts, "--accounts", 1, 1_000_000);
        check(soldiers, "--soldiers", 1, 100_000);
        check(products, "--products", 1, 10_000);
        if (history != 0) check(history, "--history", 2, 30);
        String title = name != null ? name
                : "Synthetic Co. (" + accounts + " accounts, " + soldiers + " soldiers, " + products + " products, seed " + seed + ")";
        Map<String, String> files = Generator.generate(new Generator.Spec(accounts, soldiers, products, seed, title,
                history, null));
        ScenarioFolder.write(out, files, !pipeline ? null : folder -> Map.of("pipeline.csv",
                PipelineGenerator.csv(ScenarioReader.read(folder.resolve("scenario.yaml")), seed)), "kam generate", "--out");
        spec.commandLine().getOut().println("Wrote " + out.resolve("scenario.yaml") + " (" + accounts + " accounts, "
                + soldiers + " soldiers, " + products + " products, seed " + seed
                + (history > 0 ? ", " + history + " years of history in history.csv" : "") + ").");
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private static void check(int v, String option, int min, int max) {
        if (v < min || v > max) throw new UsageException(option + " (" + v + ") must be between " + min + " and " + max);
    }
}
