package dev.kam.report;

import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import dev.kam.run.RunResults;
import dev.kam.xlsx.PlanXlsx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every output of a run from its results, under a root folder: {@code analysis/}, {@code targets/},
 * {@code plan/}, {@code simulation/}, {@code compare/}, the mechanisms' {@code mechanisms/}, {@code pipeline/},
 * {@code projects/} (each through an {@link OutputDir}, so a folder
 * appears whole), {@code plan.xlsx} (when a plan was made) and {@code report.html}. A stage that did not run writes nothing. Data files are the same
 * in every language; the charts and the report are in the language of the {@link Messages}.
 */
public final class RunWriter {
    /** The report's file name under the root. */
    public static final String REPORT = "report.html";

    private RunWriter() {
    }

    /** Writes every output; returns the names written under {@code root} (stage folders and the report). */
    public static List<String> write(RunResults r, Messages m, Path root) {
        RunCharts charts = RunCharts.of(r, m);
        // the charts are independent drawings: draw them on every core before the files are written
        charts.all().parallelStream().forEach(Chart::png);
        List<String> written = new ArrayList<>();
        r.analysis().ifPresent(a -> {
            try (OutputDir dir = OutputDir.open(root, "analysis")) {
                AnalysisWriter.writeFiles(r.scenario(), a, dir);
                for (Chart c : charts.stage("analysis")) c.write(dir);
                dir.commit();
            }
            written.add("analysis");
        });
        r.targets().ifPresent(t -> {
            try (OutputDir dir = OutputDir.open(root, TargetsWriter.STAGE)) {
                TargetsWriter.writeFiles(t, r.scenario(), dir);
                for (Chart c : charts.stage("targets")) c.write(dir);
                dir.commit();
            }
            written.add("targets");
        });
        r.plan().ifPresent(p -> {
            try (OutputDir dir = OutputDir.open(root, "plan")) {
                PlanWriter.write(p, dir);
                dir.commit();
            }
            written.add("plan");
        });
        if (r.simulation().isPresent()) {
            try (OutputDir dir = OutputDir.open(root, "simulation")) {
                SimulationWriter.writeFiles(dir, RunCharts.simulationInput(r));
                for (Chart c : charts.stage("simulation")) c.write(dir);
                dir.commit();
            }
            written.add("simulation");
        }
        r.comparison().ifPresent(c -> {
            try (OutputDir dir = OutputDir.open(root, "compare")) {
                CompareWriter.writeFiles(dir, RunCharts.compareInput(r, c));
                for (Chart ch : charts.stage("compare")) ch.write(dir);
                dir.commit();
            }
            written.add("compare");
        });
        r.mechanisms().ifPresent(x -> written.addAll(MechanismsOutputs.write(r.scenario(), x, root, m, charts)));
        PlanXlsx.Input.of(r).ifPresent(x -> {
            PlanXlsx.write(x, root.resolve(PlanXlsx.FILE));
            written.add(PlanXlsx.FILE);
        });
        HtmlReport.write(r, m, charts, root.resolve(REPORT));
        written.add(REPORT);
        return written;
    }
}
