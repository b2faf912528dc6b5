package dev.kam.assign;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.ScenarioException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs GAP instances through the assignment model, by the same solver path as {@code kam assign}
 * ({@link Assigner#solve}: heuristic, exact side, proven bound), and compares with best-known values;
 * optionally runs a peer solver (HiGHS through OR-Tools) on the same instance for the same time.
 */
public final class GapBench {
    private GapBench() {
    }

    /**
     * One row of bench/gap.csv; costs are minimized. bestKnown and gapPercent are NaN when no best-known value
     * is found; {@code bound} is kam's proven lower bound on the cost and {@code provenGapPercent} how far the
     * found cost can be from the optimum; the peer columns are NaN (and peer null) without a peer.
     */
    public record Row(String instance, int agents, int jobs, double bestKnown, long found, double gapPercent,
                      boolean feasible, double seconds, double bound, double provenGapPercent, String boundMethod,
                      String peer, double peerFound, double peerGapPercent, double peerSeconds) {
    }

    /** Solves one instance with the given limit and seed, by the same path as {@code kam assign}. */
    public static Row run(Path file, Duration limit, long seed, AssignOptions.Progress progress) {
        return run(file, limit, seed, progress, AssignmentParams.Solver.AUTO, "auto", 0, null);
    }

    /**
     * As {@link #run(Path, Duration, long, AssignOptions.Progress)} with a solver mode, engine, optional step
     * limit (0 = the time limit) and an optional peer ("highs" or "scip", run cold, no hint, same time limit).
     */
    public static Row run(Path file, Duration limit, long seed, AssignOptions.Progress progress,
                          AssignmentParams.Solver solver, String engine, long steps, String peer) {
        return run(file, limit, seed, progress, solver, engine, steps, peer, Double.NaN);
    }

    /** As above with the array search's share of the heuristic (NaN = the GAP mapping's 0.95; 0 = construction heuristic). */
    public static Row run(Path file, Duration limit, long seed, AssignOptions.Progress progress,
                          AssignmentParams.Solver solver, String engine, long steps, String peer, double searchShare) {
        String name = instanceName(file);
        GapInstance g = GapInstance.read(file, name);
        Coefficients table = Coefficients.gap(g);
        var scenario = g.toScenario(limit, seed);
        AssignOptions opt = AssignOptions.of(scenario.assignment()).withProgress(progress).withSolver(solver)
                .withEngine(engine).withWhatIf(false);
        if (!Double.isNaN(searchShare)) opt = opt.withSearchShare(searchShare);
        if (steps > 0) opt = opt.withSteps(steps);
        Plan plan = Assigner.solve(scenario, GapInstance.analysis(), table, opt);
        long found = Math.round(-plan.objective());
        boolean feasible = plan.hard() == 0 && plan.medium() == 0;
        double best = bestKnown(file).getOrDefault(name, Double.NaN);
        double gap = Double.isNaN(best) || best == 0 ? Double.NaN : 100.0 * (found - best) / best;
        double lower = Double.isNaN(plan.bound()) ? Double.NaN : Math.ceil(-plan.bound() - 1e-9);
        double proven = Double.isNaN(lower) || lower == 0 ? Double.NaN : Math.max(0, 100.0 * (found - lower) / lower);
        double peerFound = Double.NaN, peerGap = Double.NaN, peerSeconds = Double.NaN;
        if (peer != null) {
            long t0 = System.nanoTime();
            peerFound = peer(g, peer, limit);
            peerSeconds = (System.nanoTime() - t0) / 1e9;
            peerGap = Double.isNaN(best) || Double.isNaN(peerFound) ? Double.NaN : 100.0 * (peerFound - best) / best;
        }
        return new Row(name, g.agents(), g.jobs(), best, found, gap, feasible, plan.seconds(), lower, proven,
                plan.quality().boundMethod(), peer, peerFound, peerGap, peerSeconds);
    }

    /**
     * The peer: the instance's plain MIP (x[i][j] binary, each job on one agent, capacities) in HiGHS or SCIP
     * through OR-Tools' MPSolver, cold, one thread, the same time limit; its best cost, NaN when it found none.
     */
    static double peer(GapInstance g, String peer, Duration limit) {
        Natives.load();
        String id = switch (peer) {
            case "highs" -> "HIGHS";
            case "scip" -> "SCIP";
            default -> throw new IllegalArgumentException("unknown peer '" + peer + "' (highs or scip)");
        };
        MPSolver s = MPSolver.createSolver(id);
        if (s == null) throw new IllegalStateException("OR-Tools has no " + id + " on this platform");
        try {
            MPVariable[][] x = new MPVariable[g.agents()][g.jobs()];
            MPObjective obj = s.objective();
            MPConstraint[] cap = new MPConstraint[g.agents()];
            for (int i = 0; i < g.agents(); i++) cap[i] = s.makeConstraint(-MPSolver.infinity(), g.capacity()[i]);
            for (int j = 0; j < g.jobs(); j++) {
                MPConstraint one = s.makeConstraint(1, 1);
                for (int i = 0; i < g.agents(); i++) {
                    x[i][j] = s.makeBoolVar("");
                    one.setCoefficient(x[i][j], 1);
                    cap[i].setCoefficient(x[i][j], g.weight()[i][j]);
                    obj.setCoefficient(x[i][j], g.cost()[i][j]);
                }
            }
            obj.setMinimization();
            s.setTimeLimit(limit.toMillis());
            s.setNumThreads(1);
            int code;
            try {
                code = s.solve().swigValue();
            } catch (IllegalArgumentException unknownStatus) {
                code = 99;
            }
            if (code != 0 && code != 1) return Double.NaN;
            long cost = 0;
            for (int j = 0; j < g.jobs(); j++) {
                for (int i = 0; i < g.agents(); i++) if (x[i][j].solutionValue() > 0.5) cost += g.cost()[i][j];
            }
            return cost;
        } finally {
            s.delete();
        }
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
