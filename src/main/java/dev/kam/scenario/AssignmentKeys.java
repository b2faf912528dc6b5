package dev.kam.scenario;

import dev.kam.domain.AssignmentParams;

import java.time.Duration;

/** Binds {@code assignment:} to {@link AssignmentParams}. */
final class AssignmentKeys {
    private AssignmentKeys() {
    }

    static AssignmentParams read(Section s) {
        AssignmentParams d = AssignmentParams.DEFAULT;
        Duration limit = s.duration("timeLimit", d.timeLimit());
        Duration unimproved = s.duration("unimprovedTimeLimit", d.unimprovedTimeLimit());
        long seed = s.integer("seed", (int) d.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        Section e = s.section("effort");
        double[] levels = d.effortLevels().clone();
        for (int i = 0; i < levels.length; i++) levels[i] = e.number(d.effortNames()[i], levels[i], 0.01, 10);
        for (int i = 1; i < levels.length; i++) {
            if (levels[i] <= levels[i - 1]) {
                e.error(d.effortNames()[i], "effort levels must increase: light < standard < intensive");
            }
        }
        int maxProducts = s.integer("maxProductsPerAccount", d.maxProductsPerAccount(), 0, 100);
        Section p = s.section("ratingPriority");
        double[] prio = d.ratingPriority().clone();
        for (int r = 1; r <= 5; r++) prio[r - 1] = p.nonNegative(r + "A", prio[r - 1]);
        double switching = s.nonNegative("switchingCost", d.switchingCost());
        return new AssignmentParams(limit, unimproved, seed, levels, d.effortNames(), maxProducts, prio, switching);
    }
}
