package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.domain.Scenario;
import org.optaplanner.core.api.score.stream.ConstraintJustification;
import org.optaplanner.core.config.solver.SolverConfig;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assign stage's OptaPlanner model opened for interactive editing ({@code kam serve}'s plan page):
 * a fresh model of a coefficient table, the score-only solver configuration, the per-decision figures of
 * the table, and a {@link Plan} of an edited model. Read-only views of package-private state; the
 * constraints and the explanation stay the stage's own.
 */
public final class PlanModel {
    private PlanModel() {
    }

    /** A model of the table with every decision unset (no lead, no effort, no offer). */
    public static AssignmentSolution of(Coefficients table) {
        return AssignmentSolution.of(table);
    }

    /** The solver configuration that only scores (Bavet, the stage's constraints), for score directors. */
    public static SolverConfig scoreConfig() {
        return Assigner.scoreOnlyConfig();
    }

    /** The plan and its explanation for a model's current decisions (seconds of search reported as 0, no bound). */
    public static Plan explain(Scenario scenario, Analysis analysis, Coefficients table, AssignmentSolution solution) {
        return explain(scenario, analysis, table, solution, Double.NaN, "none");
    }

    /**
     * As {@link #explain(Scenario, Analysis, Coefficients, AssignmentSolution)}, with the proven bound (currency, as
     * {@link Plan#bound()} reports it) of the model the decisions belong to: an edit changes the plan, not the
     * model, so the bound of the solve still bounds every edited plan and the gap says how far the edit is from it.
     */
    public static Plan explain(Scenario scenario, Analysis analysis, Coefficients table, AssignmentSolution solution,
                               double bound, String boundMethod) {
        Solution plan = solution.toSolution();
        double cents = Double.isNaN(bound) ? Double.NaN : (bound - table.roundingSlack) * Coefficients.SCALE;
        Assigner.Outcome out = new Assigner.Outcome(plan, plan.score(table), cents, boundMethod, "none", Double.NaN,
                null, false, Double.NaN, 0, 0, 0, null);
        AssignOptions options = AssignOptions.of(scenario.assignment());
        return Explainer.plan(scenario, analysis, table, out, options, 0, Plan.Disruption.none(), Plan.CapacityValue.none(), List.of());
    }

    /** Selling hours per year the account's decision takes from its lead (0 when uncovered). */
    public static double hours(AccountAssignment a) {
        return a.hours() / (double) Coefficients.SCALE;
    }

    /** The decision's contribution to the objective (currency per year; 0 when uncovered). */
    public static double value(AccountAssignment a) {
        return a.value() / (double) Coefficients.SCALE;
    }

    /** Expected one-year gross-profit uplift of the decision (currency, unweighted; 0 when uncovered). */
    public static double uplift(AccountAssignment a) {
        int o = a.option();
        return o < 0 ? 0 : a.table().optUplift[o];
    }

    /** Soldier–account fit 0–1 of the decision, NaN when uncovered. */
    public static double fit(AccountAssignment a) {
        int o = a.option();
        return o < 0 ? Double.NaN : a.table().optFit[o];
    }

    /** Index of today's owner in the table's soldiers, −1 when the account has none. */
    public static int owner(AccountAssignment a) {
        return a.table().owner[a.getIndex()];
    }

    /** The 5A rating 1–5 the table uses for the account. */
    public static int rating(AccountAssignment a) {
        return a.table().rating[a.getIndex()];
    }

    /** Index of a soldier in the table. */
    public static int index(SoldierFact s) {
        return s.index;
    }

    /** Selling hours per year a soldier has. */
    public static double capacity(SoldierFact s) {
        return s.capacity / (double) Coefficients.SCALE;
    }

    /** A product offer's contribution to the objective when offered (currency per year). */
    public static double value(ProductOffer o) {
        return o.valueFor(o.getAccount().option()) / (double) Coefficients.SCALE;
    }

    /** A justification's fields by name (its record components, in declaration order). */
    public static Map<String, Object> fields(ConstraintJustification j) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (j == null || !j.getClass().isRecord()) return out;
        for (RecordComponent c : j.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(j));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + j.getClass().getSimpleName(), e);
            }
        }
        return out;
    }

    /** The kind of a justification (its record's simple name, e.g. {@code OverCapacity}). */
    public static String kind(ConstraintJustification j) {
        return j == null ? "" : j.getClass().getSimpleName();
    }
}
