package dev.kam.cli;

import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.io.Json;
import dev.kam.io.OutputPlan;
import dev.kam.io.OutputRun;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kam bench sim}: Monte Carlo throughput in account-years per second under the baseline plan.
 * A warm-up run lets the JIT compile the hot loop; then {@code --repeat} timed runs, of which the
 * median is reported (every run is listed in the JSON).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Simulation throughput: account-years per second of the wave-2 model (share erosion, and with "
                + "--uncertain parameter uncertainty on every model parameter) under today's owners; with --peer, the "
                + "numpy peer of benchmarks/mc on the same accounts in the same run, and the ratio.",
                "Writes OUT/bench/sim.json (accountYearsPerSecond = median of the timed runs, paths, accounts, "
                        + "years, seconds, threads, every run, the model's erosion and uncertain parameters, the peer's "
                        + "figures, and the machine's load average)."},
        footer = {"", "Example (the SPEC §7 throughput figure):",
                "  kam bench sim scenarios/demo/scenario.yaml --uncertain --peer ../shared/benchmarks/mc/mc_reference.py"})
public final class BenchSimCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--paths", paramLabel = "N", defaultValue = "10000", description = "Paths per timed run (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--uncertain",
            description = "Draw every model parameter per path (second-order Monte Carlo): each parameter without a "
                    + "distribution gets a normal one with a standard deviation of 10%% of its value.")
    boolean uncertain;

    @Option(names = "--peer", paramLabel = "FILE",
            description = "The numpy peer (benchmarks/mc/mc_reference.py): run it on the same accounts, paths, years and "
                    + "centre parameters (erosion included) after kam's runs, and record both figures and their ratio.")
    Path peer;

    @Option(names = "--python", paramLabel = "CMD", defaultValue = "python3",
            description = "Python interpreter for --peer (default: ${DEFAULT-VALUE}; it needs numpy).")
    String python;

    @Mixin
    ScenarioOptions scenarioOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (paths < 1 || paths > SimulateCommand.MAX_PATHS) {
            throw new UsageException("--paths (" + paths + ") must be between 1 and " + SimulateCommand.MAX_PATHS);
        }
        if (repeat < 1 || repeat > 1000) throw new UsageException("--repeat (" + repeat + ") must be between 1 and 1000");
        int t = threads == null ? SimulationOptions.cores() : threads;
        if (t < 1 || t > SimulateCommand.MAX_THREADS) {
            throw new UsageException("--threads (" + t + ") must be between 1 and " + SimulateCommand.MAX_THREADS);
        }
        Scenario s = scenarioOptions.load(scenarioFile);
        if (uncertain) s = withSpreads(s);
        if (peer != null && !java.nio.file.Files.isRegularFile(peer)) {
            throw new UsageException("--peer " + peer + " is not a file (the numpy peer is benchmarks/mc/mc_reference.py)");
        }
        String tooMany = dev.kam.scenario.Limits.pathYearsProblem(paths, s.strategy().horizonYears());
        if (tooMany != null) throw new UsageException("--paths (" + paths + "): " + tooMany);
        OutputPlan.of(scenarioOptions.out, "bench/sim.json").check(scenarioOptions.inputs);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationOptions o = new SimulationOptions(paths, seed, t);
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        Simulator.run(s, null, baseline, o.withPaths(Math.max(1, Math.min(paths, 2000))));
        List<Map<String, Object>> runs = new ArrayList<>();
        double[] rates = new double[repeat];
        double[] perCpu = new double[repeat];
        long accountYears = 0;
        for (int i = 0; i < repeat; i++) {
            SimulationResult r = Simulator.run(s, null, baseline, o);
            rates[i] = r.accountYearsPerSecond();
            perCpu[i] = r.accountYearsPerCpuSecond();
            accountYears = r.accountYears();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seconds", r.seconds());
            run.put("accountYearsPerSecond", Math.round(r.accountYearsPerSecond()));
            run.put("cpuSeconds", r.cpuSeconds());
            run.put("accountYearsPerCpuSecond", Double.isNaN(r.accountYearsPerCpuSecond()) ? null
                    : Math.round(r.accountYearsPerCpuSecond()));
            runs.add(run);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = sorted[repeat / 2];
        double medianSeconds = accountYears / median;

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.name());
        m.put("accountYearsPerSecond", Math.round(median));
        m.put("paths", paths);
        m.put("accounts", s.accounts().size());
        m.put("years", s.strategy().horizonYears());
        m.put("accountYears", accountYears);
        m.put("seconds", Math.round(medianSeconds * 1e4) / 1e4);
        m.put("threads", t);
        double[] cpuSorted = perCpu.clone();
        Arrays.sort(cpuSorted);
        double cpuMedian = cpuSorted[repeat / 2];
        m.put("accountYearsPerCpuSecond", Double.isNaN(cpuMedian) ? null : Math.round(cpuMedian));
        m.put("seed", seed);
        m.put("shareErosion", s.simulation().erosion());
        List<String> spread = new ArrayList<>();
        for (var q : s.simulation().spreads().keySet()) spread.add(q.key());
        m.put("uncertainParameters", spread);
        m.put("warmupPaths", Math.max(1, Math.min(paths, 2000)));
        m.put("runs", runs);
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("loadAverageBefore", load0);
        m.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Map<String, Object> peerResult = peer == null ? null : runPeer(s, paths, seed);
        if (peerResult != null) {
            m.put("peer", peerResult);
            Object rate = peerResult.get("accountYearsPerSecond");
            if (rate instanceof Number n && n.doubleValue() > 0) m.put("ratioToPeer", median / n.doubleValue());
        }
        Path file = scenarioOptions.out.resolve("bench").resolve("sim.json");
        PrintWriter err = spec.commandLine().getErr();
        for (String n : OutputRun.publishFile(scenarioOptions.out, "bench/sim.json",
                Json.text(m).getBytes(StandardCharsets.UTF_8), scenarioOptions.inputs)) {
            err.println("kam: " + n);
        }
        err.flush();

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%,d paths x %d years x %,d accounts on %d threads: %.1f million account-years/s "
                        + "(median of %d runs, %.3f s each); %.1f million per CPU-second of the workers; "
                        + "load average %.2f before, %.2f after.%n", paths, s.strategy().horizonYears(),
                s.accounts().size(), t, median / 1e6, repeat, medianSeconds, cpuMedian / 1e6, load0,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (peerResult != null && m.get("ratioToPeer") instanceof Double ratio) {
            out.printf(Locale.ROOT, "numpy peer on the same accounts: %.2f million account-years/s; kam is %.1fx the peer.%n",
                    ((Number) peerResult.get("accountYearsPerSecond")).doubleValue() / 1e6, ratio);
        }
        out.println("Wrote " + file);
        out.flush();
        return Main.OK;
    }

    /** Every model parameter without a distribution gets normal(value, 10% of value): the wave-2 benchmark model. */
    static Scenario withSpreads(Scenario s) {
        var p = s.simulation();
        for (var q : dev.kam.domain.SimulationParams.Param.values()) {
            if (p.spreads().containsKey(q) || q == dev.kam.domain.SimulationParams.Param.SHARE_EROSION) continue;
            double v = p.get(q);
            if (v != 0) p = p.withSpread(q, dev.kam.domain.SimulationParams.Spread.normal(v, 0.1 * Math.abs(v)));
        }
        return s.withSimulation(p);
    }

    /**
     * Runs the numpy peer on the scenario's accounts (written to a temporary accounts table with the columns it reads)
     * with the same paths, years, seed and centre parameters, and returns its JSON figures.
     */
    private Map<String, Object> runPeer(Scenario s, int paths, long seed) {
        Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("kam-bench-peer-");
            Path csv = dir.resolve("accounts.csv");
            dev.kam.io.CsvOut t = new dev.kam.io.CsvOut("id", "revenue", "wallet", "industry", "owner");
            for (var a : s.accounts()) t.row(a.id(), a.revenue(), a.wallet(), a.industry(), a.owner() == null ? "" : a.owner());
            t.write(csv);
            var p = s.simulation();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("g", p.growthMean());
            params.put("sd", p.growthSd());
            params.put("rho_m", p.corrMarket());
            params.put("rho_i", p.corrIndustry());
            params.put("churn_c", p.churnCovered());
            params.put("churn_u", p.churnUncovered());
            params.put("ceiling", p.shareCeiling());
            params.put("gain_c", p.gainCovered());
            params.put("gain_u", p.gainUncovered());
            params.put("conv_c", p.conversionCovered());
            params.put("conv_u", p.conversionUncovered());
            params.put("init", p.initialShare());
            params.put("erosion", p.erosion());
            ProcessBuilder pb = new ProcessBuilder(python, peer.toString(), csv.toString(), "--paths",
                    Integer.toString(paths), "--years", Integer.toString(s.strategy().horizonYears()), "--seed",
                    Long.toString(seed), "--params", Json.text(params).replaceAll("\\s+", ""));
            pb.redirectErrorStream(false);
            Process proc = pb.start();
            byte[] stdout = proc.getInputStream().readAllBytes();
            byte[] stderr = proc.getErrorStream().readAllBytes();
            int code = proc.waitFor();
            if (code != 0) {
                throw new UsageException("--peer " + peer + " failed (exit " + code + "): "
                        + new String(stderr, StandardCharsets.UTF_8).strip() + " (it needs numpy: python3 -c 'import numpy')");
            }
            var node = Json.MAPPER.readTree(stdout);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("script", peer.toString());
            out.put("accountYearsPerSecond", node.path("accountYearsPerSecond").asDouble());
            out.put("seconds", node.path("seconds").asDouble());
            out.put("accountYears", node.path("accountYears").asLong());
            out.put("params", params);
            out.put("note", "the peer runs the same accounts, paths and years with the centre parameters, no parameter "
                    + "uncertainty, no products or arrivals; covered = has an owner, at fit 1");
            return out;
        } catch (java.io.IOException e) {
            throw new UsageException("--peer " + peer + " could not be run with " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the peer ran", e);
        } finally {
            if (dir != null) {
                try (var st = java.nio.file.Files.walk(dir)) {
                    for (Path x : (Iterable<Path>) st.sorted(java.util.Comparator.reverseOrder())::iterator) {
                        java.nio.file.Files.deleteIfExists(x);
                    }
                } catch (java.io.IOException ignored) {
                    // a leftover temporary folder of the benchmark is harmless
                }
            }
        }
    }
}
