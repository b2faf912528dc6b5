package dev.kam.report;

import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelWriter;
import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import dev.kam.mechanisms.MechanismsHtml;
import dev.kam.mechanisms.MechanismsWriter;
import dev.kam.mechanisms.SalaryBands;
import dev.kam.practice.MechanismsStage;
import dev.kam.projects.ProjectsWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the seed's mechanisms of a run (SPEC §12) under the run's root: {@code mechanisms/}, {@code pipeline/}
 * (only when the scenario has a pipeline, with the funnel chart) and {@code projects/}, each folder through
 * {@link OutputDir} (all or nothing).
 */
public final class MechanismsOutputs {
    private MechanismsOutputs() {
    }

    /** Writes the folders (the funnel chart is {@code charts}' {@code pipeline} chart); returns their names in order. */
    public static List<String> write(Scenario s, MechanismsStage.Result r, Path root, Messages m, RunCharts charts) {
        List<String> written = new ArrayList<>();
        try (OutputDir dir = OutputDir.open(root, "mechanisms")) {
            MechanismsWriter.write(dir, s.baseYear(), s.mechanisms(), SalaryBands.resolve(s.mechanisms(), s.soldiers()),
                    r.stars(), r.first(), r.simulated(), new MechanismsHtml(m, s.currency()), s.name());
            dir.commit();
        }
        written.add("mechanisms");
        if (r.funnel().present()) {
            try (OutputDir dir = OutputDir.open(root, "pipeline")) {
                FunnelWriter.write(dir, r.funnel(), s.simulation().conversionCovered(), m);
                for (Chart c : charts.stage("pipeline")) c.write(dir);
                dir.commit();
            }
            written.add("pipeline");
        }
        try (OutputDir dir = OutputDir.open(root, "projects")) {
            ProjectsWriter.write(dir, r.projects(), m, s.name(), s.currency());
            dir.commit();
        }
        written.add("projects");
        return written;
    }
}
