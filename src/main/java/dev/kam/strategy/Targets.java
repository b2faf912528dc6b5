package dev.kam.strategy;

import java.util.List;

/** The result of the targets stage: one target row per year of the horizon, in order. */
public record Targets(List<YearTarget> years) {
    public Targets {
        years = List.copyOf(years);
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
}
