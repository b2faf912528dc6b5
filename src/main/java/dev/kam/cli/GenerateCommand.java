package dev.kam.cli;

import dev.kam.funnel.PipelineGenerator;
import dev.kam.io.OutputDir;
import dev.kam.scenario.Generator;
import dev.kam.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code kam generate}: writes a synthetic, realistic scenario of the requested size. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic, realistic scenario (scenario.yaml and its CSV tables) of any size.",
                "The same sizes and seed always give byte-identical files."})
public final class GenerateCommand implements Callable<Integer> {
    private static final Set<String> OURS = Set.of("scenario.yaml", "accounts.csv", "soldiers.csv", "products.csv",
            "relationships.csv", "pipeline.csv");

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "300", description = "Accounts (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--soldiers", paramLabel = "M", defaultValue = "20", description = "Sales soldiers (default: ${DEFAULT-VALUE}).")
    int soldiers;

    @Option(names = "--products", paramLabel = "P", defaultValue = "8", description = "Products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--name", paramLabel = "TEXT", description = "Scenario name (default: a name built from the size and seed).")
    String name;

    @Option(names = "--pipeline", description = "Also write pipeline.csv: open opportunities per soldier (SPEC §12 funnel).")
    boolean pipeline;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write; it must be new, empty, or hold an earlier generated scenario (replaced whole).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        check(accounts, "--accounts", 1, 1_000_000);
        check(soldiers, "--soldiers", 1, 100_000);
        check(products, "--products", 1, 10_000);
        checkTarget(out);
        String title = name != null ? name
                : "Synthetic Co. (" + accounts + " accounts, " + soldiers + " soldiers, " + products + " products, seed " + seed + ")";
        Map<String, String> files = Generator.generate(new Generator.Spec(accounts, soldiers, products, seed, title));
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent() == null ? abs : abs.getParent();
        try (OutputDir dir = OutputDir.open(parent, abs.getFileName().toString())) {
            for (Map.Entry<String, String> f : files.entrySet()) dir.writeString(f.getKey(), f.getValue());
            if (pipeline) {
                dir.writeString("pipeline.csv", PipelineGenerator.csv(ScenarioReader.read(dir.file("scenario.yaml")), seed));
            }
            dir.commit();
        }
        spec.commandLine().getOut().println("Wrote " + out.resolve("scenario.yaml") + " (" + accounts + " accounts, "
                + soldiers + " soldiers, " + products + " products, seed " + seed + ").");
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private static void check(int v, String option, int min, int max) {
        if (v < min || v > max) throw new UsageException(option + " (" + v + ") must be between " + min + " and " + max);
    }

    /** Refuses to replace a folder that holds anything but a generated scenario. */
    private static void checkTarget(Path out) {
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out)) throw new UsageException("--out " + out + " is a file; give a folder");
        try (Stream<Path> s = Files.list(out)) {
            List<String> foreign = s.map(p -> p.getFileName().toString()).filter(n -> !OURS.contains(n)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new UsageException("--out " + out + " holds other files (" + String.join(", ", foreign.subList(0,
                        Math.min(5, foreign.size()))) + "); give a new or empty folder, it is replaced whole");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
