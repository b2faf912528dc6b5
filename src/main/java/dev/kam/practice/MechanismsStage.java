package dev.kam.practice;

import dev.kam.analysis.Analysis;
import dev.kam.assign.Plan;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelAnalysis;
import dev.kam.mechanisms.Compensation;
import dev.kam.mechanisms.SalaryBands;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.mechanisms.StarReview;
import dev.kam.funnel.FunnelResult;
import dev.kam.projects.AccountProjects;
import dev.kam.projects.Process;
import dev.kam.strategy.Targets;

import java.util.List;
import java.util.Locale;

/**
 * The seed's mechanisms as one step of {@code kam plan} (SPEC §12): the funnel, the star review, the first
 * year's compensation and ROI, and the account projects, computed from the stages before it. The result is a
 * part of {@code run.RunResults}; {@code report.MechanismsOutputs} writes it to {@code mechanisms/},
 * {@code pipeline/} (only when the scenario has a pipeline) and {@code projects/}.
 *
 * <p>This package sits above {@code funnel}, {@code mechanisms} and {@code projects} and is imported by none of
 * them, so the three depend on each other one way only (projects → mechanisms, funnel → mechanisms).
 */
public final class MechanismsStage {
    /** Output folders of this step under the run's root. */
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
     * @param simulated compensation and ROI per simulated path and year, null when the simulation was not watched
     */
    public record Result(FunnelResult funnel, List<StarReview.Row> stars, Compensation.FirstYear first,
                         AccountProjects.Result projects, SimulatedCompensation.Result simulated) {
        /** One line for the progress output. */
        public String detail(String currency) {
            long differ = stars.stream().filter(r -> r.listed() != r.computed()).count();
            String spread = simulated == null ? "" : String.format(Locale.ROOT, ", simulated P5-P95 %,.0f to %,.0f",
                    simulated.figure(first.year(), "roi").stats().p5(), simulated.figure(first.year(), "roi").stats().p95());
            return String.format(Locale.ROOT, "first-year ROI %s %,.0f%s (incremental compensation %+,.0f), "
                            + "%d operating reports, %d processes (%d decline, %d mine, %d assess), stars recomputed: %d of %d differ%s",
                    currency, first.roi(), spread, first.incrementalCompensation(), projects.reports().size(),
                    projects.register().size(), projects.count(Process.DECLINE), projects.count(Process.MINE),
                    projects.count(Process.ASSESS), differ, stars.size(),
                    funnel.present() ? String.format(Locale.ROOT, ", funnel: %.0f%% of active prospects sign",
                            100 * funnel.conversion().activeWinProbability()) : "");
        }
    }

    /** Computes without a simulated spread of compensation. */
    public static Result compute(Scenario s, Analysis analysis, Targets targets, Plan plan) {
        return compute(s, analysis, targets, plan, null);
    }

    /**
     * Computes.
     *
     * @param simulated the plan's compensation per simulated path and year ({@link SimulatedCompensation#summarize}),
     *                  or null
     */
    public static Result compute(Scenario s, Analysis analysis, Targets targets, Plan plan,
                                 SimulatedCompensation.Result simulated) {
        FunnelResult funnel = FunnelAnalysis.analyze(s);
        SalaryBands bands = SalaryBands.resolve(s.mechanisms(), s.soldiers());
        List<StarReview.Row> stars = StarReview.review(s, funnel.processScores(), bands);
        Coverage baseline = Coverage.baseline(s, new ResponseModel(s.simulation()));
        Compensation.FirstYear first = Compensation.firstYear(s, targets, plan.coverage(), baseline);
        AccountProjects.Result projects = AccountProjects.build(s, analysis, plan, stars);
        return new Result(funnel, stars, first, projects, simulated);
    }
}
