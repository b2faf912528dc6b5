package dev.kam.scenario;

import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;

import java.time.Duration;

/** Binds {@code assignment:} to {@link AssignmentParams}; defaults in {@link AssignmentParams#DEFAULT}. */
final class AssignmentKeys {
    private AssignmentKeys() {
    }

    static AssignmentParams read(Section s) {
        AssignmentParams d = AssignmentParams.DEFAULT;
        Duration limit = limited(s, "timeLimit", s.duration("timeLimit", d.timeLimit()), d.timeLimit());
        Duration unimproved = limited(s, "unimprovedTimeLimit", s.duration("unimprovedTimeLimit",
                d.unimprovedTimeLimit()), d.unimprovedTimeLimit());
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
        int maxAccounts = s.integer("maxAccountsPerSoldier", d.maxAccountsPerSoldier(), 0, 1_000_000);
        Section p = s.section("ratingPriority");
        double[] prio = d.ratingPriority().clone();
        for (int r = 1; r <= 5; r++) prio[r - 1] = Limits.weight(p, r + "A", prio[r - 1], Limits.MAX_WEIGHT);
        double switching = Limits.weight(s, "switchingCost", d.switchingCost(), Limits.MAX_WEIGHT);

        Section el = s.section("eligibility");
        int[] minStars = byRating(el.section("minStars"), d.minStars(), 1, 5);
        int[] minCert = byRating(el.section("minCertification"), d.minCertification(), 0, 3);
        boolean region = el.bool("requireRegion", d.requireRegion());
        Section layers = el.section("layers");
        int[] layerMin = d.layerMinRating().clone();
        int[] layerMax = d.layerMaxRating().clone();
        for (Layer l : Layer.values()) {
            Section ls = layers.section(l.code());
            int i = l.ordinal();
            layerMin[i] = ls.integer("minRating", layerMin[i], 1, 5);
            layerMax[i] = ls.integer("maxRating", layerMax[i], 1, 5);
            if (layerMin[i] > layerMax[i]) {
                ls.error("maxRating", "maxRating (" + layerMax[i] + ") must be at least minRating (" + layerMin[i] + ")");
            }
        }

        Section bh = s.section("baseHours");
        double[] baseHours = d.baseHours().clone();
        String[] tiers = {"key", "mid", "small"};
        for (int i = 0; i < 3; i++) baseHours[i] = bh.number(tiers[i], baseHours[i], 0.01, 100_000);

        Section solver = s.section("solver");
        double share = solver.fraction("searchShare", d.searchShare());
        return new AssignmentParams(limit, unimproved, seed, levels, d.effortNames(), maxProducts, prio, switching,
                minStars, minCert, region, layerMin, layerMax, baseHours, maxAccounts, share);
    }

    /** A time limit above {@link Limits#MAX_TIME_LIMIT} is an error (it would overflow the solver's deadline). */
    private static Duration limited(Section s, String key, Duration read, Duration def) {
        if (read == null || read.compareTo(Limits.MAX_TIME_LIMIT) <= 0) return read;
        s.error(key, "'" + Limits.show(read) + "' " + Limits.timeLimitProblem(read));
        return def;
    }

    private static int[] byRating(Section s, int[] def, int min, int max) {
        int[] out = def.clone();
        for (int r = 1; r <= 5; r++) out[r - 1] = s.integer(r + "A", out[r - 1], min, max);
        return out;
    }
}
