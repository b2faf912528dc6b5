package dev.kam.strategy;

import dev.kam.domain.Msg;

import java.util.List;

/**
 * The result of the targets stage: one target row per year of the horizon, in order, with what they were
 * derived from and how feasible they look.
 *
 * @param years        yearly targets, baseYear + 1 … baseYear + horizon
 * @param baseline     today's figures (null when built from years alone)
 * @param goals        the end goals, given or derived (null when built from years alone)
 * @param path         steady | linear | s-curve | milestones ("" when built from years alone)
 * @param departments  the department targets of every year (sales, marketing, customerService)
 * @param feasibility  per-year figures of the feasibility checks, same years as {@code years}
 * @param warnings     conflicts and feasibility problems, each with its numbers
 * @param notes        how missing goals and missing data were filled in
 * @param assumptions  the assumptions used (null when built from years alone)
 */
public record Targets(List<YearTarget> years, Baseline baseline, Goals goals, String path,
                      List<DepartmentTarget> departments, List<YearFeasibility> feasibility,
                      List<TargetWarning> warnings, List<Msg> notes, Assumptions assumptions) {
    public Targets {
        years = List.copyOf(years);
        departments = List.copyOf(departments);
        feasibility = List.copyOf(feasibility);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        if (path == null) path = "";
    }

    /** Targets from yearly rows only (no baseline, goals or checks). */
    public Targets(List<YearTarget> years) {
        this(years, null, null, "", List.of(), List.of(), List.of(), List.of(), null);
    }

    /** The target of a calendar year, or null when the year is outside the horizon. */
    public YearTarget year(int year) {
        for (YearTarget t : years) if (t.year() == year) return t;
        return null;
    }

    /** The last year's target (the end goal). */
    public YearTarget last() {
        return years.get(years.size() - 1);
    }

    /** The department targets of one year, in the order sales, marketing, customer service. */
    public List<DepartmentTarget> departments(int year) {
        return departments.stream().filter(d -> d.year() == year).toList();
    }

    /** The feasibility figures of one year, or null when the year is outside the horizon. */
    public YearFeasibility feasibility(int year) {
        for (YearFeasibility f : feasibility) if (f.year() == year) return f;
        return null;
    }
}
