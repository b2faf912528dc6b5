package dev.kam.mechanisms.stage;

import dev.kam.analysis.Analysis;
import dev.kam.assign.Plan;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelAnalysis;
import dev.kam.mechanisms.Compensation;
import dev.kam.mechanisms.MechanismsHtml;
import dev.kam.mechanisms.MechanismsWriter;
import dev.kam.mechanisms.SalaryBands;
import dev.kam.mechanisms.StarReview;
import dev.kam.funnel.FunnelResult;
import dev.kam.funnel.FunnelWriter;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import dev.kam.projects.AccountProjects;
import dev.kam.projects.Process;
import dev.kam.projects.ProjectsWriter;
import dev.kam.strategy.Targets;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The seed's mechanisms as one step of {@code kam plan} (SPEC §12): the funnel, the star review, the first
 * year's compensation and ROI, and the account projects, computed from the stages before it and written to
 * {@code mechanisms/}, {@code pipeline/} (only when the scenario has a pipeline) and {@code projects/} under the
 * run's output root, each folder through {@link OutputDir} (all or nothing).
 */
public final class MechanismsStage {
    /** Output folders this step writes under the run's root. */
    public static final List<String> OUTPUTS = List.of("mechanisms", "pipeline", "projects");

    private MechanismsStage() {
    }

    /**
     * Everything the step computed.
     *
     * @param funnel   the funnel (not present without a pipeline)
     * @param stars    the base-year star review
     * @param first    the first year's compensation and ROI
     * @param projects the operating reports and the register
     */
    public record Result(FunnelResult funnel, List<StarReview.Row> stars, Compensation.FirstYear first,
                         AccountProjects.Result projects) {
        /** One line for the progress output. */
        public String detail(String currency) {
            long differ = stars.stream().filter(r -> r.listed() != r.computed()).count();
            return String.format(Locale.ROOT, "first-year ROI %s %,.0f (incremental compensation %+,.0f), "
                            + "%d operating reports, %d processes (%d decline, %d mine, %d assess), stars recomputed: %d of %d differ%s",
                    currency, first.roi(), first.incrementalCompensation(), projects.reports().size(),
                    projects.register().size(), projects.count(Process.DECLINE), projects.count(Process.MINE),
                    projects.count(Process.ASSESS), differ, stars.size(),
                    funnel.present() ? String.format(Locale.ROOT, ", funnel: %.0f%% of active prospects sign",
                            100 * funnel.conversion().activeWinProbability()) : "");
        }
    }

    /** Computes without writing. */
    public static Result compute(Scenario s, Analysis analysis, Targets targets, Plan plan) {
        FunnelResult funnel = FunnelAnalysis.analyze(s);
        SalaryBands bands = SalaryBands.resolve(s.mechanisms(), s.soldiers());
        List<StarReview.Row> stars = StarReview.review(s, funnel.processScores(), bands);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Compensation.FirstYear first = Compensation.firstYear(s, targets, plan.coverage(), baseline);
        AccountProjects.Result projects = AccountProjects.build(s, analysis, plan, stars);
        return new Result(funnel, stars, first, projects);
    }

    /** Computes and writes the folders under {@code root}. */
    public static Result run(Scenario s, Analysis analysis, Targets targets, Plan plan, Path root, Lang lang) {
        Result r = compute(s, analysis, targets, plan);
        write(s, r, root, Messages.of(lang));
        return r;
    }

    /** Writes the folders of a computed result under {@code root}, in the language of {@code m}. */
    public static void write(Scenario s, Result r, Path root, Messages m) {
        try (OutputDir dir = OutputDir.open(root, "mechanisms")) {
            MechanismsWriter.write(dir, s.baseYear(), s.mechanisms(), SalaryBands.resolve(s.mechanisms(), s.soldiers()),
                    r.stars(), r.first(), new MechanismsHtml(m, s.currency()), s.name());
            dir.commit();
        }
        if (r.funnel().present()) {
            try (OutputDir dir = OutputDir.open(root, "pipeline")) {
                FunnelWriter.write(dir, r.funnel(), s.simulation().conversionCovered(), m);
                dir.commit();
            }
        }
        try (OutputDir dir = OutputDir.open(root, "projects")) {
            ProjectsWriter.write(dir, r.projects(), m, s.name(), s.currency());
            dir.commit();
        }
    }
}
