package dev.kam.assign;

import dev.kam.domain.ScenarioException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs GAP instances through the assignment model and compares with best-known values. */
public final class GapBench {
    private GapBench() {
    }

    /** One row of bench/gap.csv; bestKnown and gapPercent are NaN when no best-known value is found. */
    public record Row(String instance, int agents, int jobs, double bestKnown, long found, double gapPercent,
                      boolean feasible, double seconds) {
    }

    /** Solves one instance with the given limit and seed. */
    public static Row run(Path file, Duration limit, long seed, AssignOptions.Progress progress) {
        String name = instanceName(file);
        GapInstance g = GapInstance.read(file, name);
        AssignOptions opt = AssignOptions.of(g.toScenario(limit, seed).assignment()).withProgress(progress);
        Plan plan = Assigner.solve(g.toScenario(limit, seed), GapInstance.analysis(), opt);
        long found = Math.round(-plan.objective());
        boolean feasible = plan.hard() == 0 && plan.medium() == 0;
        double best = bestKnown(file).getOrDefault(name, Double.NaN);
        double gap = Double.isNaN(best) || best == 0 ? Double.NaN : 100.0 * (found - best) / best;
        return new Row(name, g.agents(), g.jobs(), best, found, gap, feasible, plan.seconds());
    }

    /** "folder/file" as in best-known.csv (e.g. yagiura2004/c10400). */
    static String instanceName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String f = abs.getFileName().toString();
        return parent == null || parent.getFileName() == null ? f : parent.getFileName() + "/" + f;
    }

    /** Best-known values from best-known.csv beside the file or in its parent folder (empty when none). */
    static Map<String, Double> bestKnown(Path file) {
        Map<String, Double> out = new HashMap<>();
        Path dir = file.toAbsolutePath().normalize().getParent();
        for (Path d : new Path[] {dir, dir == null ? null : dir.getParent()}) {
            if (d == null) continue;
            Path csv = d.resolve("best-known.csv");
            if (!Files.isRegularFile(csv)) continue;
            try {
                List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
                String[] head = lines.get(0).replace("\uFEFF", "").split(",");
                int ci = -1, cv = -1;
                for (int i = 0; i < head.length; i++) {
                    if (head[i].trim().equals("instance")) ci = i;
                    if (head[i].trim().equals("best_known_value")) cv = i;
                }
                if (ci < 0 || cv < 0) throw new ScenarioException(csv.toString(), 1, "header", "needs columns instance and best_known_value");
                for (int k = 1; k < lines.size(); k++) {
                    String[] c = lines.get(k).split(",", -1);
                    if (c.length <= Math.max(ci, cv) || c[cv].isBlank()) continue;
                    String inst = c[ci].trim();
                    double v = Double.parseDouble(c[cv].trim());
                    out.putIfAbsent(inst, v);
                    String shortName = inst.contains("/") ? inst.substring(inst.lastIndexOf('/') + 1) : inst;
                    out.putIfAbsent(shortName, v);
                }
            } catch (IOException | NumberFormatException e) {
                throw new ScenarioException(csv.toString(), 0, "", "cannot read best-known values: " + e.getMessage());
            }
            // a name as "folder/file" may also be listed under the file name alone
            String n = instanceName(file);
            if (!out.containsKey(n) && out.containsKey(file.getFileName().toString())) {
                out.put(n, out.get(file.getFileName().toString()));
            }
            return out;
        }
        return out;
    }
}
