package dev.kam.scenario;

import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Binds {@code assignment:} to {@link AssignmentParams}; defaults in {@link AssignmentParams#DEFAULT}. */
final class AssignmentKeys {
    /** Largest step limit accepted (about a day of search on this machine). */
    static final long MAX_STEPS = 1_000_000_000L;

    private AssignmentKeys() {
    }

    static AssignmentParams read(Section s) {
        AssignmentParams d = AssignmentParams.DEFAULT;
        Duration limit = limited(s, "timeLimit", s.duration("timeLimit", d.timeLimit()), d.timeLimit());
        Duration unimproved = limited(s, "unimprovedTimeLimit", s.duration("unimprovedTimeLimit",
                d.unimprovedTimeLimit()), d.unimprovedTimeLimit());
        long seed = s.integer("seed", (int) d.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        long steps = s.integer("steps", 0, 0, (int) MAX_STEPS);
        double[] levels = d.effortLevels();
        String[] names = d.effortNames();
        if (s.has("effort")) {
            Section e = s.section("effort");
            record Level(String name, double value) {
            }
            List<Level> list = new ArrayList<>();
            for (String key : e.keys()) {
                double v = e.number(key, Double.NaN, 0.01, 10);
                if (!Double.isNaN(v)) list.add(new Level(key, v));
            }
            if (e.keys().isEmpty()) s.error("effort", "lists no effort level (write e.g. {standard: 1.0})");
            list.sort(Comparator.comparingDouble(Level::value));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).value() == list.get(i - 1).value()) {
                    e.error(list.get(i).name(), "(" + list.get(i).value() + ") is the same effort as "
                            + list.get(i - 1).name() + "; every level needs its own multiple of the base hours");
                }
            }
            if (!list.isEmpty() && list.stream().map(Level::value).distinct().count() == list.size()) {
                levels = list.stream().mapToDouble(Level::value).toArray();
                names = list.stream().map(Level::name).toArray(String[]::new);
            }
        }
        int maxProducts = s.integer("maxProductsPerAccount", d.maxProductsPerAccount(), 0, 100);
        int maxAccounts = s.integer("maxAccountsPerSoldier", d.maxAccountsPerSoldier(), 0, 1_000_000);
        int maxMoves = s.integer("maxMoves", d.maxMoves(), 0, 10_000_000);
        double minUtil = s.fraction("minUtilization", d.minUtilization());
        Section p = s.section("ratingPriority");
        double[] prio = d.ratingPriority().clone();
        for (int r = 1; r <= 5; r++) prio[r - 1] = Limits.weight(p, r + "A", prio[r - 1], Limits.MAX_WEIGHT);
        double switching = Limits.weight(s, "switchingCost", d.switchingCost(), Limits.MAX_WEIGHT);
        boolean whatIf = s.bool("whatIf", d.whatIf());

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
        String mode = solver.choice("mode", d.solver().code(), List.of("heuristic", "exact", "auto"));
        String engine = solver.choice("engine", d.engine(), List.of("auto", "scip", "cpsat"));
        return new AssignmentParams(limit, unimproved, seed, levels, names, maxProducts, prio, switching,
                minStars, minCert, region, layerMin, layerMax, baseHours, maxAccounts, share, maxMoves, minUtil,
                AssignmentParams.Solver.parse(mode), steps, engine, whatIf);
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
