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
        description = {"Simulation throughput: account-years per second of the model under today's owners.",
                "Writes OUT/bench/sim.json (accountYearsPerSecond = median of the timed runs, paths, accounts, "
                        + "years, seconds, threads, every run, and the machine's load average)."})
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
        m.put("warmupPaths", Math.max(1, Math.min(paths, 2000)));
        m.put("runs", runs);
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("loadAverageBefore", load0);
        m.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
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
        out.println("Wrote " + file);
        out.flush();
        return Main.OK;
    }
}
