package dev.kam.cli;

import dev.kam.domain.Scenario;
import dev.kam.io.Json;
import dev.kam.io.OutputDir;
import dev.kam.scenario.Generator;
import dev.kam.scenario.ScenarioReader;
import dev.kam.xlsx.ScenarioWorkbook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code kam bench xlsx}: how fast and in how little heap kam reads a scenario whose tables are one
 * workbook. Generates a scenario of {@code --accounts} accounts ({@code kam generate}'s generator),
 * writes its tables as a workbook, reads it {@code --repeat} times (after one warm-up) and reports the
 * median; then runs {@code kam validate} on it in child JVMs with a shrinking {@code -Xmx} to find the
 * smallest heap that reads it (bisected to {@code --heap-step} MB).
 */
@Command(name = "xlsx", mixinStandardHelpOptions = true,
        description = {"Reading a scenario from one .xlsx workbook: seconds (median of the timed runs) and the "
                + "smallest -Xmx that reads it.",
                "Writes OUT/bench/xlsx.json."})
public final class BenchXlsxCommand implements Callable<Integer> {
    @Option(names = "--accounts", paramLabel = "N", defaultValue = "5000",
            description = "Accounts in the generated workbook (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed reads (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--heap", negatable = true, defaultValue = "true",
            description = "Find the smallest -Xmx that reads the workbook (child JVMs; default: on).")
    boolean heap;

    @Option(names = "--heap-step", paramLabel = "MB", defaultValue = "4",
            description = "Precision of the smallest -Xmx, in MB (default: ${DEFAULT-VALUE}).")
    int heapStep;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (accounts < 1 || accounts > 200_000) throw new UsageException("--accounts must be between 1 and 200000");
        if (repeat < 1) throw new UsageException("--repeat (" + repeat + ") must be at least 1");
        if (heapStep < 1) throw new UsageException("--heap-step must be at least 1");
        PrintWriter pw = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("kam-bench-xlsx");
        try {
            int soldiers = Math.max(5, accounts / 17);
            Map<String, String> files = Generator.generate(new Generator.Spec(accounts, soldiers, 30, 1, "xlsx bench"));
            Path csvDir = Files.createDirectories(dir.resolve("csv"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(csvDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            Scenario s = ScenarioReader.read(csvDir.resolve("scenario.yaml"));
            Path wbDir = Files.createDirectories(dir.resolve("xlsx"));
            try (OutputStream o = Files.newOutputStream(wbDir.resolve("data.xlsx"))) {
                ScenarioWorkbook.write(s, o, false);
            }
            String yaml = "name: xlsx bench\nbaseYear: " + s.baseYear() + "\nworkbook: data.xlsx\n";
            Files.writeString(wbDir.resolve("scenario.yaml"), yaml, StandardCharsets.UTF_8);
            Path scenario = wbDir.resolve("scenario.yaml");
            double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            ScenarioReader.read(scenario);
            double[] seconds = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                Scenario read = ScenarioReader.read(scenario);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                if (read.accounts().size() != accounts) throw new IllegalStateException("read " + read.accounts().size());
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = sorted[repeat / 2];
            Integer smallest = heap ? smallestHeap(scenario) : null;

            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accounts", accounts);
            m.put("soldiers", soldiers);
            m.put("products", 30);
            m.put("workbookBytes", Files.size(wbDir.resolve("data.xlsx")));
            m.put("seconds", Math.round(median * 1e4) / 1e4);
            m.put("runs", Arrays.stream(seconds).map(x -> Math.round(x * 1e4) / 1e4).boxed().toList());
            m.put("smallestXmxMb", smallest);
            m.put("heapStepMb", heap ? heapStep : null);
            m.put("cores", Runtime.getRuntime().availableProcessors());
            m.put("loadAverageBefore", load0);
            m.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            Path file = out.resolve("bench").resolve("xlsx.json");
            OutputDir.writeAtomically(file, Json.text(m).getBytes(StandardCharsets.UTF_8));
            pw.printf(Locale.ROOT, "%,d accounts, %,d soldiers, 30 products in one workbook (%,d bytes): read in %.3f s "
                            + "(median of %d, validation included)%s; load average %.2f before, %.2f after.%n", accounts,
                    soldiers, Files.size(wbDir.resolve("data.xlsx")), median, repeat,
                    smallest == null ? "" : "; smallest -Xmx that reads it: " + smallest + " MB", load0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            pw.println("Wrote " + file);
            pw.flush();
            return Main.OK;
        } finally {
            delete(dir);
        }
    }

    /** The smallest -Xmx (MB) at which {@code kam validate} reads the scenario in a child JVM. */
    private int smallestHeap(Path scenario) throws IOException, InterruptedException {
        int lo = 8;
        int hi = 64;
        while (!validates(scenario, hi)) {
            lo = hi;
            hi *= 2;
            if (hi > 16_384) throw new IllegalStateException("the workbook is not read even with 16 GB");
        }
        while (hi - lo > heapStep) {
            int mid = (lo + hi) / 2;
            if (validates(scenario, mid)) hi = mid; else lo = mid;
        }
        return hi;
    }

    private static boolean validates(Path scenario, int xmxMb) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmxMb + "m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate", scenario.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
