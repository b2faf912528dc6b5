package dev.kam.strategy;

import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import dev.kam.domain.Problem;
import dev.kam.domain.ScenarioException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the long-term key-account goals into yearly targets, splits each year's KA revenue into
 * count × orders per account × order value, derives the department targets (多客 sales, 多买 marketing,
 * 多来 customer service) and checks feasibility. Pure: reads only the scenario, writes nothing.
 *
 * <p>Every formula is in docs/model.md (Targets).
 */
public final class TargetPlanner {
    private static final double EPS = 1e-9;

    private TargetPlanner() {
    }

    /** Plans the targets of a validated scenario; milestones outside the horizon are a {@link ScenarioException}. */
    public static Targets plan(Scenario s) {
        return new Run(s).plan();
    }

    /** Today's figures of a scenario (also used by other stages). */
    public static Baseline baseline(Scenario s) {
        return new Run(s).baseline(new ArrayList<>());
    }

    private static final class Run {
        final Scenario s;
        final StrategyParams p;
        final SimulationParams sim;
        final int h;
        final int baseYear;
        final double theta;
        final double g;
        final double churn;
        final String cur;
        final List<String> notes = new ArrayList<>();
        final List<TargetWarning> warnings = new ArrayList<>();

        Run(Scenario s) {
            this.s = s;
            this.p = s.strategy() == null ? StrategyParams.DEFAULT : s.strategy();
            this.sim = s.simulation() == null ? SimulationParams.DEFAULT : s.simulation();
            this.h = p.horizonYears();
            this.baseYear = s.baseYear();
            this.theta = p.keyAccountThreshold();
            this.g = Double.isNaN(p.assumedMarketGrowth()) ? sim.growthMean() : p.assumedMarketGrowth();
            this.churn = Double.isNaN(p.expectedChurn()) ? sim.churnCovered() : p.expectedChurn();
            this.cur = s.currency() == null || s.currency().isBlank() ? "" : s.currency();
            if (h < 1) throw new IllegalArgumentException("horizonYears must be at least 1, got " + h);
        }

        Targets plan() {
            checkMilestones();
            Baseline b = baseline(notes);
            Goals goals = goals(b);
            String path = p.path();

            double r0 = b.keyAccountRevenue();
            double rH = goals.keyAccountRevenue().value();
            double nH = goals.keyAccountCount().value();
            double nk0 = b.otherRevenue();
            double nkH = goals.totalRevenue() - rH;

            double[] rev = path(path, "key-account revenue", r0, rH, milestoneKnots(0, null));
            double[] cntRaw = path(path, "key-account count", b.keyAccountCount(), nH, milestoneKnots(1, null));
            double[] other = path(path, "other revenue", nk0, nkH, milestoneKnots(2, rev));

            double[] cnt = new double[h + 1];
            cnt[0] = b.keyAccountCount();
            for (int t = 1; t <= h; t++) {
                cnt[t] = t == h ? nH : Math.round(cntRaw[t]);
                if (rev[t] > 0 && cnt[t] < 1) cnt[t] = 1;
            }

            // Split each year's revenue per account into frequency × order value.
            double w = p.frequencyWeight();
            double f0 = b.ordersPerAccount();
            double aRef = b.keyAccountCount() > 0 && r0 > 0 ? r0 / b.keyAccountCount() : Double.NaN;
            if (Double.isNaN(aRef)) {
                for (int t = 1; t <= h && Double.isNaN(aRef); t++) if (cnt[t] > 0 && rev[t] > 0) aRef = rev[t] / cnt[t];
            }
            List<YearTarget> years = new ArrayList<>();
            double[] freq = new double[h + 1];
            double[] value = new double[h + 1];
            freq[0] = f0;
            value[0] = b.orderValue();
            for (int t = 1; t <= h; t++) {
                double a = cnt[t] > 0 ? rev[t] / cnt[t] : 0;
                double f = f0;
                double v = 0;
                if (a > 0 && aRef > 0) {
                    f = f0 * Math.pow(a / aRef, w);
                    v = rev[t] / (cnt[t] * f);
                }
                freq[t] = f;
                value[t] = v;
                double total = rev[t] + other[t];
                double share = total > 0 ? rev[t] / total : 0;
                double growth = rev[t - 1] > 0 ? rev[t] / rev[t - 1] - 1 : Double.NaN;
                years.add(new YearTarget(baseYear + t, total, rev[t], cnt[t], share, f, v, growth));
            }

            List<YearFeasibility> feas = feasibility(b, years, cnt);
            List<DepartmentTarget> depts = departments(b, years, feas, freq, value, cnt);
            checks(b, goals, years, feas);
            Assumptions as = new Assumptions(g, churn, sim.conversionCovered(), sim.shareCeiling(), w,
                    p.sCurveSteepness(), p.sCurveMidpoint(), p.hoursPerWin(), p.sellingTimeShare(),
                    p.growthMargin());
            return new Targets(years, b, goals, path, depts, feas, warnings, notes, as);
        }

        // ---------------------------------------------------------------- baseline

        Baseline baseline(List<String> notes) {
            double kaRev = 0;
            double total = 0;
            double wallet = 0;
            int kaCount = 0;
            double ordersSum = 0;
            int ordersKnown = 0;
            double hoursSum = 0;
            int hoursKnown = 0;
            int prospects = 0;
            int smaller = 0;
            int otherOwned = 0;
            double otherHours = 0;
            for (Account a : s.accounts()) {
                if (!a.isKeyAccount(theta) && a.owner() != null) {
                    otherOwned++;
                    otherHours += a.baseHours() >= 0 ? a.baseHours() : p.otherAccountHours();
                }
                total += a.revenue();
                wallet += a.wallet();
                if (a.isKeyAccount(theta)) {
                    kaRev += a.revenue();
                    kaCount++;
                    if (a.orders() > 0) {
                        ordersSum += a.orders();
                        ordersKnown++;
                    }
                    if (a.baseHours() >= 0) {
                        hoursSum += a.baseHours();
                        hoursKnown++;
                    }
                } else if (a.wallet() > 0 && a.wallet() >= theta) {
                    if (a.stage() == Stage.PROSPECT) prospects++;
                    else smaller++;
                }
            }
            double orders = ordersKnown > 0 ? ordersSum / ordersKnown : p.defaultOrdersPerAccount();
            if (ordersKnown == 0) {
                notes.add("accounts.csv gives no orders for today's key accounts: orders per key account start at "
                        + "strategy.defaultOrdersPerAccount = " + num(orders, 1) + " a year");
            }
            boolean fromAssignment = Double.isNaN(p.keyAccountHours());
            double defaultHours = fromAssignment ? keyTierHours() : p.keyAccountHours();
            double hours = hoursKnown > 0 ? hoursSum / hoursKnown : defaultHours;
            if (hoursKnown == 0) {
                notes.add("accounts.csv gives no baseHours for today's key accounts: each key account needs "
                        + (fromAssignment ? "assignment.baseHours.key" : "strategy.productivity.keyAccountHours")
                        + " = " + num(hours, 0) + " selling hours a year");
            }
            // eligibility-aware capacity (the assignment's rules): only soldiers who may lead one of today's key
            // accounts count for key-account hours; the others' hours absorb the smaller accounts first
            int soldiers = 0;
            double cap = 0, otherCap = 0;
            boolean[] kaCapable = keyAccountCapable();
            for (int i = 0; i < s.soldiers().size(); i++) {
                Soldier x = s.soldiers().get(i);
                if (kaCapable[i]) {
                    soldiers++;
                    cap += x.capacityHours();
                } else {
                    otherCap += x.capacityHours();
                }
            }
            if (soldiers < s.soldiers().size()) {
                notes.add(soldiers + " of " + s.soldiers().size() + " soldiers may lead a key account under assignment.eligibility; "
                        + "only their " + num(cap, 0) + " h count for key accounts, the others' " + num(otherCap, 0)
                        + " h serve smaller accounts first");
                otherHours = Math.max(0, otherHours - otherCap);
            }
            double perSoldier = soldiers > 0 ? cap / soldiers : p.soldierHours();
            if (soldiers == 0) {
                notes.add((s.soldiers().isEmpty() ? "no soldiers in the scenario" : "no soldier may lead a key account")
                        + ": headcount is counted at strategy.productivity.soldierHours = "
                        + num(perSoldier, 0) + " hours per soldier");
            }
            double avg = kaCount > 0 ? kaRev / kaCount : Double.NaN;
            double orderValue = kaCount > 0 ? kaRev / (kaCount * orders) : Double.NaN;
            double share = total > 0 ? kaRev / total : 0;
            return new Baseline(baseYear, kaRev, kaCount, share, total, total - kaRev, orders, orderValue, avg,
                    ordersKnown > 0, hours, hoursKnown > 0, soldiers, cap, perSoldier, prospects, smaller, wallet,
                    otherOwned, otherHours);
        }

        /**
         * Which soldiers may lead at least one of today's key accounts by the assignment's eligibility rules (stars,
         * certification, region, layer; ratings from the analysis), the same rules the plan keeps; all of them when
         * there is no key account today or no assignment block.
         */
        private boolean[] keyAccountCapable() {
            boolean[] out = new boolean[s.soldiers().size()];
            java.util.Arrays.fill(out, true);
            if (s.assignment() == null) return out;
            List<Account> kas = new ArrayList<>();
            for (Account a : s.accounts()) if (a.isKeyAccount(theta)) kas.add(a);
            if (kas.isEmpty()) return out;
            dev.kam.analysis.Analysis analysis = dev.kam.analysis.Analyzer.analyze(s);
            for (int i = 0; i < out.length; i++) {
                Soldier x = s.soldiers().get(i);
                boolean any = false;
                for (Account a : kas) {
                    int r = Math.max(1, Math.min(5, analysis.rating(a.id())));
                    if (s.assignment().firstBrokenRule(x, a.region(), r) == null) {
                        any = true;
                        break;
                    }
                }
                out[i] = any;
            }
            return out;
        }

        /** The assignment's default hours of a key-tier account (300 when the scenario has no assignment block). */
        private double keyTierHours() {
            double[] h = s.assignment() == null ? null : s.assignment().baseHours();
            return h != null && h.length > 0 ? h[0] : 300.0;
        }

        // ---------------------------------------------------------------- goals

        private void checkMilestones() {
            List<Problem> problems = new ArrayList<>();
            int i = 0;
            for (StrategyParams.Milestone m : p.milestones()) {
                if (m.year() <= baseYear || m.year() > baseYear + h) {
                    problems.add(new Problem(s.source() == null ? "scenario" : s.source(), m.line(),
                            "strategy.milestones[" + i + "].year",
                            "(" + m.year() + ") must be between " + (baseYear + 1) + " and " + (baseYear + h)
                                    + " (baseYear + 1 … baseYear + horizonYears)", Problem.Severity.ERROR));
                }
                i++;
            }
            if (!problems.isEmpty()) throw new ScenarioException(problems);
        }

        private StrategyParams.Milestone lastMilestone() {
            if (!p.path().equals("milestones")) return null;
            for (StrategyParams.Milestone m : p.milestones()) if (m.year() == baseYear + h) return m;
            return null;
        }

        /** Resolves one given goal against a milestone in the last year. */
        private double given(double goal, double milestone, String what, String unit) {
            if (Double.isNaN(goal)) return milestone;
            if (!Double.isNaN(milestone) && Math.abs(goal - milestone) > EPS * Math.max(1, Math.abs(goal))) {
                warnings.add(new TargetWarning("conflict", "the " + what + " goal (" + fmt(goal, unit)
                        + ") differs from the milestone in " + (baseYear + h) + " (" + fmt(milestone, unit)
                        + "); the goal is used"));
            }
            return goal;
        }

        Goals goals(Baseline b) {
            StrategyParams.Milestone last = lastMilestone();
            double gR = given(p.goalRevenue(), last == null ? Double.NaN : last.keyAccountRevenue(),
                    "key-account revenue", "money");
            double gN = given(p.goalCount(), last == null ? Double.NaN : last.keyAccountCount(),
                    "key-account count", "count");
            double gS = given(p.goalShare(), last == null ? Double.NaN : last.keyAccountShare(),
                    "key-account share", "share");
            String srcR = !Double.isNaN(p.goalRevenue()) ? "given" : "milestone";
            String srcN = !Double.isNaN(p.goalCount()) ? "given" : "milestone";
            String srcS = !Double.isNaN(p.goalShare()) ? "given" : "milestone";
            int endYear = baseYear + h;
            double growth = Math.pow(1 + g, h);
            String grown = " grown at the assumed market growth of " + pct(g) + " a year for " + h
                    + (h == 1 ? " year" : " years");

            double aRef = b.keyAccountCount() > 0 ? b.averageKeyAccountRevenue() : (theta > 0 ? theta : 1);
            String aRefText = b.keyAccountCount() > 0 ? "today's average key-account revenue " + money(aRef)
                    : "the key-account threshold " + money(aRef) + " (there is no key account today)";

            if (gS == 0 && !Double.isNaN(gR) && gR > 0) {
                warnings.add(new TargetWarning("conflict", "the key-account share goal is 0 but the key-account "
                        + "revenue goal is " + money(gR) + "; the share is derived instead"));
                gS = Double.NaN;
            }
            if (gN == 0 && !Double.isNaN(gR) && gR > 0) {
                warnings.add(new TargetWarning("conflict", "the key-account count goal is 0 but the key-account "
                        + "revenue goal is " + money(gR) + "; the count is derived instead"));
                gN = Double.NaN;
            }

            // Revenue.
            Goal revenue;
            double nk0 = b.otherRevenue();
            if (!Double.isNaN(gR)) {
                revenue = new Goal(gR, srcR, "");
            } else if (!Double.isNaN(gN)) {
                double r = gN * aRef * growth;
                revenue = new Goal(r, "derived", "count " + count(gN) + " × " + aRefText + grown + " = " + money(r));
            } else if (!Double.isNaN(gS) && gS < 1 && nk0 > 0) {
                double r = gS / (1 - gS) * nk0 * growth;
                revenue = new Goal(r, "derived", "share " + pct(gS) + " of total revenue, with today's other "
                        + "(non-key) revenue " + money(nk0) + grown + ": " + pct(gS) + " / (1 − " + pct(gS) + ") × "
                        + money(nk0 * growth) + " = " + money(r));
            } else if (!Double.isNaN(gS) && gS >= 1) {
                double r = b.totalRevenue() * growth;
                revenue = new Goal(r, "derived", "share 100%: today's total revenue " + money(b.totalRevenue())
                        + grown + " = " + money(r));
            } else {
                double r = b.keyAccountRevenue() * growth;
                revenue = new Goal(r, "derived", "no revenue, count or usable share goal: today's key-account "
                        + "revenue " + money(b.keyAccountRevenue()) + grown + " = " + money(r));
            }
            double rH = revenue.value();

            // Count.
            Goal cnt;
            if (!Double.isNaN(gN)) {
                cnt = new Goal(gN, srcN, "");
            } else {
                double n = rH > 0 ? Math.max(1, Math.round(rH / (aRef * growth))) : 0;
                cnt = new Goal(n, "derived", "revenue " + money(rH) + " / (" + aRefText + grown + " = "
                        + money(aRef * growth) + ") = " + count(n) + " key accounts");
            }
            double nH = cnt.value();

            // Share and total.
            Goal share;
            double nkH;
            if (!Double.isNaN(gS)) {
                nkH = gS > 0 ? rH * (1 - gS) / gS : nk0 * growth;
                share = new Goal(gS, srcS, "");
                String nkGrowth = nk0 > 0 && nkH > 0 ? " (" + pct(Math.pow(nkH / nk0, 1.0 / h) - 1) + " a year)" : "";
                notes.add("the share goal " + pct(gS) + " with KA revenue " + money(rH) + " implies total revenue "
                        + money(rH + nkH) + " and other (non-key) revenue " + money(nkH) + " in " + endYear
                        + "; today other revenue is " + money(nk0) + nkGrowth);
            } else {
                nkH = nk0 * growth;
                double sH = rH + nkH > 0 ? rH / (rH + nkH) : 0;
                share = new Goal(sH, "derived", "KA revenue " + money(rH) + " / (KA revenue + today's other revenue "
                        + money(nk0) + grown + " = " + money(nkH) + ") = " + pct(sH));
            }
            double totalH = rH + nkH;

            for (Goal x : List.of(revenue, cnt, share)) {
                if (x.derived()) notes.add("derived goal: " + x.how());
            }

            if (nH > 0 && theta > 0 && rH / nH < theta - EPS) {
                warnings.add(new TargetWarning("conflict", "the goals imply an average key-account revenue of "
                        + money(rH / nH) + " in " + endYear + " (" + money(rH) + " / " + count(nH)
                        + " accounts), below the key-account threshold " + money(theta)
                        + ": raise the revenue goal to at least " + money(nH * theta) + " or lower the count to at most "
                        + count(Math.floor(rH / theta + EPS))));
            }
            if (rH < b.keyAccountRevenue() - EPS || nH < b.keyAccountCount() - EPS) {
                List<String> parts = new ArrayList<>();
                if (rH < b.keyAccountRevenue() - EPS) {
                    parts.add("key-account revenue " + money(rH) + " < today's " + money(b.keyAccountRevenue()));
                }
                if (nH < b.keyAccountCount() - EPS) {
                    parts.add("key-account count " + count(nH) + " < today's " + b.keyAccountCount());
                }
                warnings.add(new TargetWarning("belowToday", "the " + endYear + " goals are below today ("
                        + String.join("; ", parts) + "): the path declines"));
            }
            double cagr = b.keyAccountRevenue() > 0 && rH > 0 ? Math.pow(rH / b.keyAccountRevenue(), 1.0 / h) - 1
                    : Double.NaN;
            return new Goals(revenue, cnt, share, totalH, cagr);
        }

        // ---------------------------------------------------------------- paths

        /** Milestone knots of one metric (0 revenue, 1 count, 2 other revenue from share given the revenue path). */
        private List<GrowthPath.Knot> milestoneKnots(int metric, double[] rev) {
            List<GrowthPath.Knot> out = new ArrayList<>();
            if (!p.path().equals("milestones")) return out;
            for (StrategyParams.Milestone m : p.milestones()) {
                int t = m.year() - baseYear;
                if (t <= 0 || t >= h) continue;
                double v = switch (metric) {
                    case 0 -> m.keyAccountRevenue();
                    case 1 -> m.keyAccountCount();
                    default -> {
                        double sh = m.keyAccountShare();
                        if (Double.isNaN(sh)) yield Double.NaN;
                        if (sh <= 0) {
                            warnings.add(new TargetWarning("conflict", "the milestone of " + m.year()
                                    + " sets a key-account share of 0; it is ignored"));
                            yield Double.NaN;
                        }
                        yield rev[t] * (1 - sh) / sh;
                    }
                };
                if (!Double.isNaN(v)) out.add(new GrowthPath.Knot(t, v));
            }
            return out;
        }

        private double[] path(String kind, String metric, double x0, double xH, List<GrowthPath.Knot> inner) {
            switch (kind) {
                case "linear":
                    return GrowthPath.linear(x0, xH, h);
                case "s-curve":
                    return GrowthPath.sCurve(x0, xH, h, p.sCurveSteepness(), p.sCurveMidpoint());
                case "milestones": {
                    List<GrowthPath.Knot> k = GrowthPath.knots(x0, inner, xH, h);
                    for (int i = 0; i + 1 < k.size(); i++) {
                        GrowthPath.Knot a = k.get(i);
                        GrowthPath.Knot b = k.get(i + 1);
                        if (!GrowthPath.geometric(a.value(), b.value()) && a.value() != b.value()) {
                            notes.add(metric + " is 0 in " + (baseYear + (a.value() <= 0 ? a.t() : b.t()))
                                    + ": constant growth cannot start from or end at 0, so " + (baseYear + a.t())
                                    + "–" + (baseYear + b.t()) + " is linear");
                        }
                    }
                    return GrowthPath.throughKnots(k, h);
                }
                default:
                    if (!GrowthPath.geometric(x0, xH) && x0 != xH) {
                        notes.add(metric + " is 0 " + (x0 <= 0 ? "today" : "at the goal")
                                + ": constant growth cannot start from or end at 0, so its path is linear");
                    }
                    return GrowthPath.steady(x0, xH, h);
            }
        }

        // ---------------------------------------------------------------- feasibility

        List<YearFeasibility> feasibility(Baseline b, List<YearTarget> years, double[] cnt) {
            List<YearFeasibility> out = new ArrayList<>();
            int cumulative = 0;
            double timeShare = p.sellingTimeShare();
            double available = b.soldierCapacityHours() * timeShare;
            double perHead = b.hoursPerSoldier() * timeShare;
            for (int t = 1; t <= h; t++) {
                double net = cnt[t] - cnt[t - 1];
                double repl = churn * cnt[t - 1];
                int wins = (int) Math.max(0, Math.ceil(net + repl - EPS));
                double remaining = Math.max(0, b.pipeline() - cumulative);
                double expected = remaining * sim.conversionCovered();
                cumulative += wins;
                double hours = cnt[t] * b.hoursPerKeyAccount() + wins * p.hoursPerWin() + b.otherAccountHours();
                int heads = perHead > 0 ? (int) Math.ceil(hours / perHead - EPS) : 0;
                out.add(new YearFeasibility(baseYear + t, wins, net, repl, cumulative, remaining, expected,
                        b.otherAccountHours(), hours,
                        available, heads, b.soldiers(), years.get(t - 1).growth()));
            }
            return out;
        }

        void checks(Baseline b, Goals goals, List<YearTarget> years, List<YearFeasibility> feas) {
            // Pipeline size: the wins the whole horizon needs against the candidates known today.
            for (YearFeasibility f : feas) {
                if (f.cumulativeWins() > b.pipeline()) {
                    YearFeasibility lastF = feas.get(feas.size() - 1);
                    warnings.add(new TargetWarning("pipeline", "by " + f.year() + " the plan needs "
                            + plural(f.cumulativeWins(), "key-account win") + " in total, but only "
                            + plural(b.pipeline(), "account") + (b.pipeline() == 1 ? " could become a key account ("
                            : " could become key accounts (") + plural(b.pipelineProspects(), "prospect") + " and "
                            + plural(b.pipelineAccounts(), "smaller account") + " whose wallet is at least " + money(theta)
                            + "); over the horizon " + plural(lastF.cumulativeWins(), "win") + " are needed: find "
                            + (lastF.cumulativeWins() - b.pipeline()) + " more candidates"));
                    break;
                }
            }
            // Pipeline rate: wins a year against what the remaining candidates convert at the covered rate.
            List<YearFeasibility> short_ = feas.stream()
                    .filter(f -> f.winsNeeded() > f.expectedConversions() + EPS).toList();
            if (!short_.isEmpty()) {
                YearFeasibility f = short_.get(0);
                warnings.add(new TargetWarning("pipelineRate", f.year() + " needs "
                        + plural(f.winsNeeded(), "key-account win") + ", but converting " + pct(sim.conversionCovered()) + " a year "
                        + "(simulation.conversion.covered) of the " + count(f.pipelineRemaining())
                        + " remaining candidates yields about " + num(f.expectedConversions(), 1) + " ("
                        + short_.size() + " of " + h + (h == 1 ? " year" : " years") + " short)"));
            }
            // Capacity: soldiers needed at today's productivity against soldiers today.
            List<YearFeasibility> over = feas.stream()
                    .filter(f -> f.headcountNeeded() > f.headcountAvailable()).toList();
            if (!over.isEmpty()) {
                YearFeasibility f = over.get(0);
                YearFeasibility worst = over.stream()
                        .max((x, y) -> Integer.compare(x.headcountNeeded(), y.headcountNeeded())).orElse(f);
                warnings.add(new TargetWarning("capacity", f.year() + " needs " + num(f.hoursNeeded(), 0)
                        + " selling hours (" + plural(years.get(f.year() - baseYear - 1).keyAccountCount(),
                        "key account") + " × " + num(b.hoursPerKeyAccount(), 0) + " h + " + plural(f.winsNeeded(), "win")
                        + " × " + num(p.hoursPerWin(), 0) + " h"
                        + (b.otherAccountHours() > 0 ? " + " + num(b.otherAccountHours(), 0) + " h on "
                        + plural(b.otherOwnedAccounts(), "owned smaller account") : "")
                        + ") = " + plural(f.headcountNeeded(), "soldier") + " at "
                        + num(b.hoursPerSoldier() * p.sellingTimeShare(), 0) + " h each, but there are "
                        + f.headcountAvailable() + " (" + num(f.hoursAvailable(), 0) + " h): hire "
                        + (f.headcountNeeded() - f.headcountAvailable()) + " by " + f.year() + "; short in "
                        + over.size() + " of " + h + (h == 1 ? " year" : " years") + ", at most "
                        + plural(worst.headcountNeeded() - worst.headcountAvailable(), "soldier") + " in " + worst.year()));
            }
            // Growth against the market.
            double cagr = goals.yearlyGrowth();
            if (!Double.isNaN(cagr) && cagr > g + p.growthMargin() + EPS) {
                YearTarget peak = null;
                for (YearTarget y : years) {
                    if (!Double.isNaN(y.growth()) && (peak == null || y.growth() > peak.growth())) peak = y;
                }
                String peakText = peak != null && peak.growth() > cagr + 1e-6
                        ? "; the " + p.path() + " path peaks at " + pct(peak.growth()) + " in " + peak.year() : "";
                warnings.add(new TargetWarning("marketGrowth", "key-account revenue must grow " + pct(cagr)
                        + " a year from " + baseYear + " to " + (baseYear + h) + ", " + num((cagr - g) * 100, 1)
                        + " points above the assumed market growth of " + pct(g) + peakText
                        + ": the difference must come from share of wallet and new key accounts"));
            }
            // The whole market we can reach.
            double reachable = b.totalWallet() * Math.pow(1 + g, h) * sim.shareCeiling();
            double rH = goals.keyAccountRevenue().value();
            if (rH > reachable + EPS) {
                warnings.add(new TargetWarning("wallet", "the " + (baseYear + h) + " key-account revenue goal "
                        + money(rH) + " exceeds what every account together could spend with us: today's total "
                        + "wallet " + money(b.totalWallet()) + grownText() + " × the share ceiling "
                        + pct(sim.shareCeiling()) + " = " + money(reachable) + "; new accounts beyond today's list "
                        + "would be needed"));
            }
            if (b.keyAccountRevenue() <= 0 && rH > 0) {
                warnings.add(new TargetWarning("data", "there is no key account today (no account has revenue of at "
                        + "least " + money(theta) + "): growth rates from today are undefined and the first year "
                        + "starts the key-account business"));
            }
        }

        private String grownText() {
            return " grown at " + pct(g) + " a year for " + h + (h == 1 ? " year" : " years");
        }

        // ---------------------------------------------------------------- departments

        List<DepartmentTarget> departments(Baseline b, List<YearTarget> years, List<YearFeasibility> feas,
                                           double[] freq, double[] value, double[] cnt) {
            List<DepartmentTarget> out = new ArrayList<>();
            for (int t = 1; t <= h; t++) {
                YearTarget y = years.get(t - 1);
                YearFeasibility f = feas.get(t - 1);
                String by = "by 31 Dec " + y.year();
                double prevN = cnt[t - 1];
                // Sales (多客): win key accounts.
                String repl = f.replacements() > EPS
                        ? " (" + signed(f.netGrowth()) + " net and about " + num(f.replacements(), 1)
                          + " to replace the expected churn of " + pct(churn) + " a year)"
                        : f.netGrowth() != 0 ? " (" + signed(f.netGrowth()) + " net)" : "";
                out.add(new DepartmentTarget(y.year(), "sales", "keyAccountWins", Double.NaN, f.winsNeeded(),
                        Double.NaN, "Sales (多客, more customers): win " + f.winsNeeded() + " new key "
                        + (f.winsNeeded() == 1 ? "account" : "accounts") + " (each at least " + money(theta)
                        + " a year)" + repl + ", " + by + "."));
                out.add(new DepartmentTarget(y.year(), "sales", "keyAccountCount", prevN, cnt[t],
                        change(prevN, cnt[t]), "Sales (多客, more customers): have " + plural(cnt[t], "key account")
                        + " (from " + count(prevN) + "), " + by + "."));
                // Marketing (多买): order value.
                double v0 = value[t - 1];
                String from = Double.isNaN(v0) || v0 <= 0 ? "" : " from " + money(v0);
                out.add(new DepartmentTarget(y.year(), "marketing", "orderValue", v0, value[t],
                        change(v0, value[t]), "Marketing (多买, customers buy more): raise the average key-account "
                        + "order value" + from + " to " + money(value[t]) + changeText(v0, value[t])
                        + " through price, product mix and new products, " + by + "."));
                // Customer service (多来): frequency and retention.
                out.add(new DepartmentTarget(y.year(), "customerService", "ordersPerAccount", freq[t - 1], freq[t],
                        change(freq[t - 1], freq[t]), "Customer service (多来, customers come more often): "
                        + frequencyText(freq[t - 1], freq[t]) + " through repurchase and regular service visits, " + by + "."));
                double keep = 1 - churn;
                out.add(new DepartmentTarget(y.year(), "customerService", "keyAccountRetention", keep, keep, 0.0,
                        "Customer service (留得住, keep them): keep at least " + pct(keep) + " of the key accounts of "
                        + (y.year() - 1) + (prevN > 0 ? " (" + count(prevN) + "; lose at most " + num(churn * prevN, 1)
                        + ")" : " (none yet: keep every new one)") + ", " + by + "."));
            }
            return out;
        }

        // ---------------------------------------------------------------- formatting

        private static String frequencyText(double from, double to) {
            if (Math.abs(to - from) < 0.005) return "keep orders per key account at " + num(to, 2) + " a year";
            return (to > from ? "raise" : "let") + " orders per key account " + (to > from ? "" : "move ") + "from "
                    + num(from, 2) + " to " + num(to, 2) + " a year" + changeText(from, to);
        }

        private static double change(double from, double to) {
            return from > 0 && !Double.isNaN(from) ? to / from - 1 : Double.NaN;
        }

        private static String changeText(double from, double to) {
            double c = change(from, to);
            return Double.isNaN(c) ? "" : " (" + (c >= 0 ? "+" : "") + pct(c) + ")";
        }

        String money(double v) {
            String n = Math.abs(v) >= 100 || v == 0 ? num(v, 0) : num(v, 2);
            return cur.isEmpty() ? n : cur + " " + n;
        }

        String fmt(double v, String unit) {
            return switch (unit) {
                case "money" -> money(v);
                case "share" -> pct(v);
                default -> count(v);
            };
        }
    }

    static String num(double v, int decimals) {
        if (Double.isNaN(v)) return "n/a";
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String pct(double v) {
        if (Double.isNaN(v)) return "n/a";
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String count(double v) {
        return v == Math.rint(v) ? num(v, 0) : num(v, 1);
    }

    static String plural(double n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    static String signed(double v) {
        return (v >= 0 ? "+" : "") + count(v);
    }
}
