package dev.kam.simulation;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.io.OutputDir;
import dev.kam.report.SimulationWriter;
import dev.kam.strategy.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same seed ⇒ same bytes, whatever the number of threads. */
class DeterminismTest {
    @TempDir
    Path tmp;

    private static Coverage plan(Scenario s) {
        ResponseModel rm = new ResponseModel(s.simulation());
        Map<String, Coverage.Lead> leads = new HashMap<>(Coverage.baseline(s, rm).leads());
        for (Account a : s.accounts()) leads.putIfAbsent(a.id(), new Coverage.Lead("s1", 1.5, 0.6));
        return new Coverage("optimized", leads, Map.of("a3", List.of("p1"), "a5", List.of("p1")));
    }

    private Path runAndWrite(Scenario s, Targets targets, int threads) {
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        // 203 paths: not a multiple of the block size, so blocks end unevenly across threads
        SimulationOptions o = new SimulationOptions(203, 99, threads);
        PlanComparison c = Simulator.compare(s, targets, baseline, plan(s), o);
        Sensitivity.Tornado t = Sensitivity.tornado(s, targets, plan(s), o.withPaths(40));
        Path root = tmp.resolve("t" + threads);
        try (OutputDir dir = OutputDir.open(root, "simulation")) {
            SimulationWriter.write(dir, new SimulationWriter.Input(s.name(), s.currency(), c.plan(), targets, c, t),
                    dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN));
            dir.commit();
        }
        return root.resolve("simulation");
    }

    @Test
    void outputsAreByteIdenticalForOneTwoAndThreeThreads() throws IOException {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 10);
        Targets targets = Fixtures.targets(s, 0.06);
        Path one = runAndWrite(s, targets, 1);
        Path two = runAndWrite(s, targets, 2);
        Path three = runAndWrite(s, targets, 3);
        List<String> files;
        try (Stream<Path> list = Files.list(one)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.containsAll(List.of("percentiles.csv", "targets-hit.csv", "summary.json", "uplift.csv",
                "sensitivity.csv", "fan-key-account-revenue.png", "tornado.png")), files.toString());
        for (String f : files) {
            if (f.equals("summary.json")) {
                assertEquals(stripTiming(one.resolve(f)), stripTiming(two.resolve(f)));
                assertEquals(stripTiming(one.resolve(f)), stripTiming(three.resolve(f)));
            } else if (f.endsWith(".csv") || f.endsWith(".png")) {
                assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
                assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(three.resolve(f)), f);
            }
        }
    }

    /** summary.json without the fields that describe the run rather than the results. */
    private static String stripTiming(Path p) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String t = line.trim();
            boolean timing = t.startsWith("\"threads\"") || t.startsWith("\"seconds\"")
                    || t.startsWith("\"accountYearsPerSecond\"") || t.startsWith("\"cpuSeconds\"");
            if (timing) continue;
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void pathValuesDependOnlyOnSeedAndPathIndex() {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 5);
        Coverage b = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationResult small = Simulator.run(s, null, b, new SimulationOptions(20, 5, 1));
        SimulationResult large = Simulator.run(s, null, b, new SimulationOptions(100, 5, 3));
        SimulationResult other = Simulator.run(s, null, b, new SimulationOptions(20, 6, 1));
        for (Metric m : Metric.values()) {
            for (int y = 0; y < 5; y++) {
                double[] a = small.values(m, y);
                double[] c = large.values(m, y);
                for (int p = 0; p < 20; p++) assertEquals(a[p], c[p], 0.0, m + " year " + y + " path " + p);
            }
        }
        assertNotEquals(small.values(Metric.TOTAL_REVENUE, 4)[0], other.values(Metric.TOTAL_REVENUE, 4)[0]);
    }
}
