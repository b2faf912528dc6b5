package dev.kam.serve;

import dev.kam.Pipeline;
import dev.kam.analysis.Analysis;
import dev.kam.assign.Plan;
import dev.kam.domain.Coverage;
import dev.kam.domain.Msg;
import dev.kam.i18n.Messages;
import dev.kam.report.RunWriter;
import dev.kam.run.RunInfo;
import dev.kam.run.RunResults;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Lang;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.practice.MechanismsStage;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationOptions;
import dev.kam.strategy.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The downloads page's files: what the tab shows (its assumptions and its plan, as edited), written by the
 * same writers as {@code kam plan} into a private temporary folder of the server (never into the
 * scenario's folder), and served from there by name. The folder is deleted when the server stops.
 */
final class Downloads implements AutoCloseable {
    /** Bundles kept; older ones are deleted. */
    static final int KEEP = 6;
    /** File kinds offered for download (charts are inside report.html). */
    static final Set<String> KINDS = Set.of("csv", "json", "html", "xlsx", "txt");

    private final Path root;
    private final Map<String, Map<String, Path>> bundles = new LinkedHashMap<>();
    private int next = 1;

    Downloads() {
        try {
            root = Files.createTempDirectory("kam-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for downloads: " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /**
     * Writes every stage's files and report.html for the tab's state and lists them.
     *
     * @param plan     the plan as the tab shows it
     * @param coverage its coverage, refitted to {@code s}
     */
    Map<String, Object> generate(Scenario s, Analysis a, Targets t, Plan plan, Coverage coverage, Lang lang,
                                 List<String> warnings) {
        String id;
        synchronized (this) {
            id = "b" + next++;
        }
        Path out = root.resolve(id);
        Map<String, Double> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        SimulationOptions o = SimulationOptions.of(s.simulation());
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulatedCompensation.Watched watched = SimulatedCompensation.compare(s, t, baseline, coverage, o,
                dev.kam.funnel.FunnelAnalysis.analyze(s).processScores());
        PlanComparison c = watched.comparison();
        Sensitivity.Tornado tornado = Sensitivity.tornado(s, t, coverage,
                o.withPaths(Math.min(o.paths(), Pipeline.TORNADO_PATHS)));
        timings.put("simulate", lap(t0));
        t0 = System.nanoTime();
        MechanismsStage.Result mech = MechanismsStage.compute(s, a, t, plan, watched.compensation());
        timings.put("mechanisms", lap(t0));
        List<Msg> notes = new ArrayList<>();
        for (String w : warnings) notes.add(Msg.of("cli.text", w));
        RunResults results = RunResults.of(s).analysis(a).targets(t).plan(plan).planVsBaseline(c).sensitivity(tornado)
                .mechanisms(mech)
                .info(new RunInfo(Pipeline.version(), List.of("analyze", "targets", "assign", "simulate", "mechanisms"),
                        timings, List.of(), notes))
                .build();
        Messages m = Messages.of(lang);
        RunWriter.write(results, m, out);
        Map<String, Path> files = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            List<Path> all = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> order(out, p))).toList();
            for (Path p : all) {
                String name = out.relativize(p).toString().replace('\\', '/');
                String ext = name.substring(name.lastIndexOf('.') + 1);
                if (!KINDS.contains(ext) || name.contains("/.")) continue;
                files.put(name, p);
                list.add(JsonIo.obj("name", name, "bytes", Files.size(p), "url", "/download/" + id + "/" + name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files written: " + e.getMessage(), e);
        }
        synchronized (this) {
            bundles.put(id, files);
            Iterator<String> it = bundles.keySet().iterator();
            while (bundles.size() > KEEP && it.hasNext()) {
                String old = it.next();
                it.remove();
                deleteTree(root.resolve(old));
            }
        }
        return JsonIo.obj("id", id, "files", list);
    }

    private static String order(Path out, Path p) {
        String n = out.relativize(p).toString();
        return (n.equals("report.html") ? "0" : n.endsWith(".xlsx") ? "1" : "2") + n;
    }

    private static double lap(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A generated file by its bundle and name, or null: only names this class listed are served. */
    synchronized Path file(String bundle, String name) {
        Map<String, Path> b = bundles.get(bundle);
        return b == null ? null : b.get(name);
    }

    @Override
    public synchronized void close() {
        bundles.clear();
        deleteTree(root);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover folder in the system's temporary folder is harmless
        }
    }
}
