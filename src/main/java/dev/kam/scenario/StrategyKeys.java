package dev.kam.scenario;

import dev.kam.domain.StrategyParams;

import java.util.ArrayList;
import java.util.List;

/** Binds {@code strategy:} to {@link StrategyParams}. */
final class StrategyKeys {
    private StrategyKeys() {
    }

    static StrategyParams read(Section s) {
        StrategyParams d = StrategyParams.DEFAULT;
        int horizon = s.integer("horizonYears", d.horizonYears(), 1, 50);
        double threshold = s.number("keyAccountThreshold", d.keyAccountThreshold(), 0, Double.MAX_VALUE);
        Section g = s.section("goals");
        double share = g.fraction("keyAccountRevenueShare", Double.NaN);
        double count = g.number("keyAccountCount", Double.NaN, 0, 1e9);
        double revenue = g.number("keyAccountRevenue", Double.NaN, 0, Double.MAX_VALUE);
        String path = s.choice("path", d.path(), List.of("steady", "linear", "s-curve", "milestones"));
        List<StrategyParams.Milestone> ms = new ArrayList<>();
        for (Section m : s.sections("milestones")) {
            ms.add(new StrategyParams.Milestone(m.integer("year", 0, 1900, 2300),
                    m.number("keyAccountRevenue", Double.NaN, 0, Double.MAX_VALUE),
                    m.number("keyAccountCount", Double.NaN, 0, 1e9),
                    m.fraction("keyAccountRevenueShare", Double.NaN)));
        }
        return new StrategyParams(horizon, threshold, share, count, revenue, path, ms);
    }
}
