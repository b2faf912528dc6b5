package dev.kam.scenario;

import dev.kam.domain.Problem;
import dev.kam.domain.StrategyParams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code strategy:} to {@link StrategyParams}; defaults in {@link StrategyParams#DEFAULT}.
 * Milestone years are checked against the base year by the targets stage (this section does not see it).
 */
final class StrategyKeys {
    private StrategyKeys() {
    }

    static StrategyParams read(Section s) {
        StrategyParams d = StrategyParams.DEFAULT;
        int horizon = s.integer("horizonYears", d.horizonYears(), 1, 50);
        double threshold = Limits.amount(s, "keyAccountThreshold", d.keyAccountThreshold());
        double thresholdGrowth = s.number("keyAccountThresholdGrowth", d.keyAccountThresholdGrowth(), -0.99, 10);
        Section g = s.section("goals");
        double share = g.fraction("keyAccountRevenueShare", Double.NaN);
        double count = wholeCount(g, "keyAccountCount");
        double revenue = Limits.amount(g, "keyAccountRevenue", Double.NaN);
        String path = s.choice("path", d.path(), List.of("steady", "linear", "s-curve", "milestones"));
        List<Section> raw = s.sections("milestones");
        List<StrategyParams.Milestone> ms = milestones(s, raw);
        if (path.equals("milestones") && raw.isEmpty()) {
            s.error("path", "'milestones' needs a list under strategy.milestones "
                    + "(e.g. - {year: 2030, keyAccountRevenue: 400000000})");
        }
        if (!path.equals("milestones") && !ms.isEmpty()) {
            s.warning("milestones", "milestones are used only with path: milestones (path is " + path + ")");
        }

        Section sc = s.section("sCurve");
        double steepness = sc.number("steepness", d.sCurveSteepness(), 0.1, 100);
        double midpoint = sc.number("midpoint", d.sCurveMidpoint(), 0.05, 0.95);
        Section split = s.section("growthSplit");
        double freqWeight = split.fraction("ordersPerAccount", d.frequencyWeight());
        double churn = s.number("expectedChurn", d.expectedChurn(), 0, 0.99);
        double market = s.number("assumedMarketGrowth", d.assumedMarketGrowth(), -0.99, 10);
        double margin = s.number("growthMargin", d.growthMargin(), 0, 10);
        double orders = s.number("defaultOrdersPerAccount", d.defaultOrdersPerAccount(), 0.001, 1_000_000);
        Section p = s.section("productivity");
        double kaHours = p.number("keyAccountHours", d.keyAccountHours(), 1, 100_000);
        double winHours = p.number("hoursPerWin", d.hoursPerWin(), 0, 100_000);
        double soldierHours = p.number("soldierHours", d.soldierHours(), 1, 100_000);
        double timeShare = p.number("sellingTimeShare", d.sellingTimeShare(), 0.01, 1);
        double otherHours = p.number("otherAccountHours", d.otherAccountHours(), 0, 100_000);
        return new StrategyParams(horizon, threshold, share, count, revenue, path, ms, steepness, midpoint,
                freqWeight, churn, market, margin, orders, kaHours, winHours, soldierHours, timeShare, otherHours,
                thresholdGrowth);
    }

    private static double wholeCount(Section s, String key) {
        double v = s.number(key, Double.NaN, 0, 1e9);
        if (!Double.isNaN(v) && v != Math.rint(v)) {
            s.error(key, "(" + Problem.show(v) + ") must be a whole number of accounts");
            return Double.NaN;
        }
        return v;
    }

    private static List<StrategyParams.Milestone> milestones(Section s, List<Section> raw) {
        List<StrategyParams.Milestone> ms = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (Section m : raw) {
            boolean hasYear = m.has("year");
            int year = m.integer("year", 0, 1900, 2300);
            double rev = Limits.amount(m, "keyAccountRevenue", Double.NaN);
            double cnt = wholeCount(m, "keyAccountCount");
            double shr = m.fraction("keyAccountRevenueShare", Double.NaN);
            if (!hasYear) {
                s.problems().error(m.file(), m.line(), m.field("year"), "a milestone needs a year");
                continue;
            }
            if (year == 0) continue;
            if (Double.isNaN(rev) && Double.isNaN(cnt) && Double.isNaN(shr)
                    && !m.has("keyAccountRevenue") && !m.has("keyAccountCount") && !m.has("keyAccountRevenueShare")) {
                s.problems().error(m.file(), m.line(), m.path(),
                        "a milestone needs at least one of keyAccountRevenue, keyAccountCount, keyAccountRevenueShare");
                continue;
            }
            Integer before = seen.putIfAbsent(year, m.lineOf("year"));
            if (before != null) {
                m.error("year", "(" + year + ") appears twice (first at line " + before + ")");
                continue;
            }
            ms.add(new StrategyParams.Milestone(year, rev, cnt, shr, m.lineOf("year")));
        }
        ms.sort((a, b) -> Integer.compare(a.year(), b.year()));
        return ms;
    }
}
