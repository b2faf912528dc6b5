package dev.kam.cli;

import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.StrategyParams;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * Yearly targets for {@code kam simulate} until the targets stage lands: each goal reached by constant
 * yearly growth from today's value (a goal left unset grows with the market, 1 + marketGrowth.mean a
 * year). Replaced by the strategy stage's planner once it is on main.
 */
final class InterimTargets {
    private InterimTargets() {
    }

    static Targets plan(Scenario s) {
        StrategyParams st = s.strategy();
        double threshold = st.keyAccountThreshold();
        double total = 0;
        double ka = 0;
        double count = 0;
        double orders = 0;
        for (Account a : s.accounts()) {
            total += a.revenue();
            if (a.revenue() >= threshold && a.revenue() > 0) {
                ka += a.revenue();
                count++;
                if (!Double.isNaN(a.orders())) orders += a.orders();
            }
        }
        int h = st.horizonYears();
        double g = s.simulation().growthMean();
        double kaGoal = !Double.isNaN(st.goalRevenue()) ? st.goalRevenue() : ka * Math.pow(1 + g, h);
        double countGoal = !Double.isNaN(st.goalCount()) ? st.goalCount() : count;
        double shareToday = total > 0 ? ka / total : 0;
        double shareGoal = !Double.isNaN(st.goalShare()) ? st.goalShare() : shareToday;
        double ordersPerAccount = count > 0 && orders > 0 ? orders / count : 12;
        List<YearTarget> years = new ArrayList<>();
        double prev = ka;
        for (int t = 1; t <= h; t++) {
            double f = (double) t / h;
            double rev = path(ka, kaGoal, f);
            double n = path(count, countGoal, f);
            double share = shareToday + (shareGoal - shareToday) * f;
            double totalTarget = share > 0 ? rev / share : Double.NaN;
            years.add(new YearTarget(s.baseYear() + t, totalTarget, rev, n, share, ordersPerAccount,
                    n > 0 ? rev / n / ordersPerAccount : Double.NaN, prev > 0 ? rev / prev - 1 : Double.NaN));
            prev = rev;
        }
        return new Targets(years);
    }

    /** Constant growth from a to b at fraction f of the way (linear when a is 0). */
    private static double path(double a, double b, double f) {
        if (a <= 0 || b <= 0) return a + (b - a) * f;
        return a * Math.pow(b / a, f);
    }
}
