package dev.kam.report.html;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Tier;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.Money;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;
import dev.kam.run.RunResults;
import dev.kam.run.Summary;
import dev.kam.simulation.Difference;
import dev.kam.simulation.Metric;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.TargetHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The biggest risks of a run, from its results, ranked by a severity 0–1: low odds of a target, a goal that
 * needs growth far above the market's, a plan that adds gross profit but not odds of the goal, revenue
 * concentration, revenue at risk of churn, key accounts the plan leaves uncovered, and soldiers with no spare
 * capacity (docs/report.md lists the rules).
 */
final class Risks {
    /** A risk: headline and the numbers behind it, as messages; severity 0–1 (for ranking only). */
    record Risk(Msg title, Msg detail, double severity) {
    }

    private Risks() {
    }

    static List<Risk> top(RunResults r, int n) {
        List<Risk> all = all(r);
        all.sort(Comparator.comparingDouble(Risk::severity).reversed());
        return all.subList(0, Math.min(n, all.size()));
    }

    /** A target's hit probability with its Wilson interval, as words of {@code common.percentCi}. */
    static Msg withInterval(TargetHit h) {
        return Msg.of("common.percentCi", String.format(Locale.ROOT, "%.1f%%", 100 * h.probability()),
                String.format(Locale.ROOT, "%.1f", 100 * h.ciLow()), String.format(Locale.ROOT, "%.1f%%", 100 * h.ciHigh()));
    }

    static List<Risk> all(RunResults r) {
        Scenario sc = r.scenario();
        String cur = sc.currency();
        List<Risk> out = new ArrayList<>();
        double total = sc.totalRevenue();

        SimulationResult sim = r.simulation().orElse(null);
        if (sim != null) {
            TargetHit worst = null;
            // the joint probability of all targets is always the lowest; it has its own headline figure
            for (TargetHit h : sim.targetHits()) {
                if (Double.isNaN(h.probability()) || h.metric().equals(TargetHit.ALL)) continue;
                if (worst == null || h.probability() < worst.probability()) worst = h;
            }
            if (worst != null && worst.probability() < 0.8) {
                Msg metric = Msg.of("report.hit." + worst.metric());
                Object target = Double.isNaN(worst.target()) ? "" : targetValue(worst, cur);
                out.add(new Risk(Msg.of("report.risk.hit", String.valueOf(worst.year()), metric),
                        Double.isNaN(worst.target()) ? Msg.of("report.risk.hit.detail2", withInterval(worst))
                                : Msg.of("report.risk.hit.detail", withInterval(worst), target),
                        1 - worst.probability()));
            }
        }

        Summary s = r.summary();
        Difference d = s.goalVersusBaseline();
        // a plan that adds gross profit but not odds of the goal: the optimizer's objective is the first year's
        // gross profit weighted by 5A rating, the goal is key-account revenue at the horizon, and they can part
        if (s.planned() && d != null && Double.isFinite(d.ciHigh()) && d.ciHigh() < 0.01 && s.expectedUplift() > 0) {
            out.add(new Risk(Msg.of("report.risk.goalNotServed", 100 * d.value()),
                    Msg.of("report.risk.goalNotServed.detail", new Money(s.expectedUplift(), cur),
                            String.format(Locale.ROOT, "%+.1f", 100 * d.value()), String.format(Locale.ROOT, "%+.1f", 100 * d.ciLow()),
                            String.format(Locale.ROOT, "%+.1f", 100 * d.ciHigh()), String.valueOf(s.finalYear())),
                    Math.min(1, 0.55 + Math.max(0, -d.value()) * 5)));
        }
        double g = sc.simulation().growthMean();
        if (!Double.isNaN(s.requiredGrowth()) && s.requiredGrowth() > g + 0.03) {
            double sev = Math.min(1, (s.requiredGrowth() - g) / 0.25);
            out.add(new Risk(Msg.of("report.risk.growth", s.requiredGrowth()),
                    Msg.of("report.risk.growth.detail", new Money(s.todayKaRevenue(), cur), new Money(s.finalTarget(), cur),
                            String.valueOf(s.finalYear()), g), sev));
        }

        List<Account> ranked = new ArrayList<>(sc.accounts());
        ranked.sort(Comparator.comparingDouble(Account::revenue).reversed().thenComparing(Account::id));
        if (total > 0 && !ranked.isEmpty()) {
            double top1 = ranked.get(0).revenue() / total;
            double top5 = 0;
            for (int i = 0; i < Math.min(5, ranked.size()); i++) top5 += ranked.get(i).revenue();
            top5 /= total;
            if (ranked.size() <= 10 && top1 > 0.15) {
                out.add(new Risk(Msg.of("report.risk.concentration1", ranked.get(0).name(), top1),
                        Msg.of("report.risk.concentration1.detail"), Math.min(1, top1 * 1.5)));
            } else if (top5 > 0.3 || top1 > 0.15) {
                out.add(new Risk(Msg.of("report.risk.concentration", top5),
                        Msg.of("report.risk.concentration.detail", ranked.get(0).name(), top1),
                        Math.min(1, Math.max(top5 - 0.2, top1 * 2))));
            }
        }

        Analysis analysis = r.analysis().orElse(null);
        Set<String> keep = new HashSet<>();
        Set<String> key = new HashSet<>();
        if (analysis != null) {
            for (AccountAssessment x : analysis.accounts()) {
                if (x.diagnosis() == Diagnosis.CANNOT_KEEP) keep.add(x.accountId());
                if (x.tier() == Tier.KEY) key.add(x.accountId());
            }
        }
        double atRisk = 0;
        int atRiskCount = 0;
        for (Account a : sc.accounts()) {
            if (a.stage() == Stage.AT_RISK || keep.contains(a.id())) {
                atRisk += a.revenue();
                atRiskCount++;
            }
            if (analysis == null && a.isKeyAccount(sc.strategy().keyAccountThreshold())) key.add(a.id());
        }
        if (total > 0 && atRisk > 0) {
            out.add(new Risk(Msg.of("report.risk.retention", atRisk / total),
                    Msg.of("report.risk.retention.detail", atRiskCount, new Money(atRisk, cur)),
                    Math.min(1, 2 * atRisk / total)));
        }

        Plan plan = r.plan().orElse(null);
        if (plan != null) {
            int uncovered = 0;
            double uncoveredRevenue = 0;
            double keyRevenue = 0;
            for (Plan.AccountPlan a : plan.accounts()) {
                if (!key.contains(a.accountId())) continue;
                Account acc = sc.accounts().stream().filter(x -> x.id().equals(a.accountId())).findFirst().orElse(null);
                double rev = acc == null ? 0 : acc.revenue();
                keyRevenue += rev;
                if (a.soldierId() == null) {
                    uncovered++;
                    uncoveredRevenue += rev;
                }
            }
            if (uncovered > 0) {
                out.add(new Risk(Msg.of("report.risk.uncovered", uncovered),
                        Msg.of("report.risk.uncovered.detail", new Money(uncoveredRevenue, cur)),
                        Math.min(1, 0.3 + (keyRevenue > 0 ? uncoveredRevenue / keyRevenue : 0))));
            }
            if (!plan.soldiers().isEmpty()) {
                int full = 0;
                for (Plan.SoldierPlan sp : plan.soldiers()) if (sp.utilization() >= 0.95) full++;
                double frac = (double) full / plan.soldiers().size();
                if (frac >= 0.25) {
                    out.add(new Risk(Msg.of("report.risk.capacity", full, plan.soldiers().size()),
                            Msg.of("report.risk.capacity.detail"), Math.min(1, frac * 0.8)));
                }
            }
        }
        return out;
    }

    /** A target in the unit of its metric: money, a share or a count. */
    private static Object targetValue(TargetHit h, String cur) {
        if (h.metric().equals(Metric.KEY_ACCOUNT_SHARE.code())) return Msg.of("report.value.percent", h.target());
        if (h.metric().equals(Metric.KEY_ACCOUNT_COUNT.code())) return Msg.of("report.value.count", h.target());
        return new Money(h.target(), cur);
    }
}
