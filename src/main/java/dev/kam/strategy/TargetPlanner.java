package dev.kam.strategy;

import dev.kam.analysis.Analyzer;
import dev.kam.analysis.KeyAccountBaseline;
import dev.kam.domain.Account;
import dev.kam.domain.Msg;
import dev.kam.domain.Problem;
import dev.kam.domain.Scenario;
import dev.kam.domain.ScenarioException;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the long-term key-account goals into yearly targets, splits each year's KA revenue into
 * count × orders per account × order value, derives the department targets (多客 sales, 多买 marketing,
 * 多来 customer service) and checks feasibility. Pure: reads the scenario and today's key accounts from the
 * analysis ({@link KeyAccountBaseline}), writes nothing; warnings, notes and department lines are {@link Msg}s
 * of the {@code strategy} bundle.
 *
 * <p>Every formula is in docs/model.md (Targets).
 */
public final class TargetPlanner {
    private static final double EPS = 1e-9;

    private TargetPlanner() {
    }

    /** Plans the targets of a validated scenario, analysing it for today's key accounts. */
    public static Targets plan(Scenario s) {
        return plan(s, Analyzer.analyze(s).baseline());
    }

    /**
     * Plans the targets from the analysis' key-account baseline (the one count of today's key accounts every stage
     * shares); milestones outside the horizon are a {@link ScenarioException}.
     */
    public static Targets plan(Scenario s, KeyAccountBaseline today) {
        return new Run(s, today).plan();
    }

    /** Today's figures of a scenario, from the analysis' key-account baseline. */
    public static Baseline baseline(Scenario s, KeyAccountBaseline today) {
        return new Run(s, today).baseline(new ArrayList<>());
    }

    private static final class Run {
        final Scenario s;
        final KeyAccountBaseline today;
        final StrategyParams p;
        final SimulationParams sim;
        final int h;
        final int baseYear;
        final double theta;
        final double g;
        final double churn;
        final String cur;
        final List<Msg> notes = new ArrayList<>();
        final List<TargetWarning> warnings = new ArrayList<>();

        Run(Scenario s, KeyAccountBaseline today) {
            this.s = s;
            this.today = today;
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

        /** The key-account threshold t years after the base year (indexed, SPEC §8). */
        double threshold(int t) {
            return s.strategy() == null ? theta : s.keyAccountThreshold(baseYear + t);
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

            double[] rev = path(path, "revenue", r0, rH, milestoneKnots(0, null));
            double[] cntRaw = path(path, "count", b.keyAccountCount(), nH, milestoneKnots(1, null));
            double[] other = path(path, "other", nk0, nkH, milestoneKnots(2, rev));

            // the smooth count path carries the per-account factors; the count target is in whole accounts
            double[] cntPath = new double[h + 1];
            double[] cnt = new double[h + 1];
            cntPath[0] = b.keyAccountCount();
            cnt[0] = b.keyAccountCount();
            for (int t = 1; t <= h; t++) {
                cntPath[t] = t == h ? nH : cntRaw[t];
                if (rev[t] > 0 && cntPath[t] < 1) cntPath[t] = 1;
                cnt[t] = t == h ? nH : Math.round(cntPath[t]);
                if (rev[t] > 0 && cnt[t] < 1) cnt[t] = 1;
            }

            // Split each year's revenue per account (on the smooth path) into frequency × order value.
            double w = p.frequencyWeight();
            double f0 = b.ordersPerAccount();
            double aRef = b.keyAccountCount() > 0 && r0 > 0 ? r0 / b.keyAccountCount() : Double.NaN;
            if (Double.isNaN(aRef)) {
                for (int t = 1; t <= h && Double.isNaN(aRef); t++) {
                    if (cntPath[t] > 0 && rev[t] > 0) aRef = rev[t] / cntPath[t];
                }
            }
            List<YearTarget> years = new ArrayList<>();
            double[] freq = new double[h + 1];
            double[] value = new double[h + 1];
            freq[0] = f0;
            value[0] = b.orderValue();
            for (int t = 1; t <= h; t++) {
                double a = cntPath[t] > 0 ? rev[t] / cntPath[t] : 0;
                double f = f0;
                double v = 0;
                if (a > 0 && aRef > 0) {
                    f = f0 * Math.pow(a / aRef, w);
                    v = rev[t] / (cntPath[t] * f);
                }
                freq[t] = f;
                value[t] = v;
                double total = rev[t] + other[t];
                double share = total > 0 ? rev[t] / total : 0;
                double growth = rev[t - 1] > 0 ? rev[t] / rev[t - 1] - 1 : Double.NaN;
                years.add(new YearTarget(baseYear + t, total, rev[t], cnt[t], share, f, v, growth, cntPath[t],
                        threshold(t)));
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

        /**
         * Today's figures: the key accounts (count, revenue, share, total revenue, orders) as the analysis counted
         * them, and what only the targets need (hours, soldiers, pipeline, wallet) from the tables.
         */
        Baseline baseline(List<Msg> notes) {
            double wallet = 0;
            double hoursSum = 0;
            int hoursKnown = 0;
            int prospects = 0;
            int smaller = 0;
            int otherOwned = 0;
            double otherHours = 0;
            for (Account a : s.accounts()) {
                boolean key = a.isKeyAccount(theta);
                if (!key && a.owner() != null) {
                    otherOwned++;
                    otherHours += a.baseHours() >= 0 ? a.baseHours() : p.otherAccountHours();
                }
                wallet += a.wallet();
                if (key) {
                    if (a.baseHours() >= 0) {
                        hoursSum += a.baseHours();
                        hoursKnown++;
                    }
                } else if (a.wallet() > 0 && a.wallet() >= theta) {
                    if (a.stage() == Stage.PROSPECT) prospects++;
                    else smaller++;
                }
            }
            int kaCount = today.count();
            double kaRev = today.revenue();
            double total = today.totalRevenue();
            boolean ordersKnown = !Double.isNaN(today.ordersPerAccount());
            double orders = ordersKnown ? today.ordersPerAccount() : p.defaultOrdersPerAccount();
            if (!ordersKnown) notes.add(Msg.of("strategy.note.ordersDefault", orders));
            boolean fromAssignment = Double.isNaN(p.keyAccountHours());
            double defaultHours = fromAssignment ? keyTierHours() : p.keyAccountHours();
            double hours = hoursKnown > 0 ? hoursSum / hoursKnown : defaultHours;
            if (hoursKnown == 0) {
                notes.add(Msg.of("strategy.note.hoursDefault", fromAssignment ? "assignment.baseHours.key"
                        : "strategy.productivity.keyAccountHours", hours));
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
                notes.add(Msg.of("strategy.note.leadersOnly", soldiers, s.soldiers().size(), cap, otherCap));
                otherHours = Math.max(0, otherHours - otherCap);
            }
            double perSoldier = soldiers > 0 ? cap / soldiers : p.soldierHours();
            if (soldiers == 0) notes.add(Msg.of(s.soldiers().isEmpty() ? "strategy.note.noSoldiers" : "strategy.note.noLeaders", perSoldier));
            double avg = kaCount > 0 ? kaRev / kaCount : Double.NaN;
            // today's order value so that count × orders per account × order value is today's KA revenue
            double orderValue = kaCount > 0 ? kaRev / (kaCount * orders) : Double.NaN;
            return new Baseline(baseYear, kaRev, kaCount, today.share(), total, total - kaRev, orders, orderValue, avg,
                    ordersKnown, hours, hoursKnown > 0, soldiers, cap, perSoldier, prospects, smaller, wallet,
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
            double[] hrs = s.assignment() == null ? null : s.assignment().baseHours();
            return hrs != null && hrs.length > 0 ? hrs[0] : 300.0;
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
                warnings.add(new TargetWarning("conflict", Msg.of("strategy.warning.milestoneConflict",
                        Msg.of("strategy.metric." + what), fmt(goal, unit), baseYear + h, fmt(milestone, unit))));
            }
            return goal;
        }

        Goals goals(Baseline b) {
            StrategyParams.Milestone last = lastMilestone();
            double gR = given(p.goalRevenue(), last == null ? Double.NaN : last.keyAccountRevenue(), "revenue", "money");
            double gN = given(p.goalCount(), last == null ? Double.NaN : last.keyAccountCount(), "count", "count");
            double gS = given(p.goalShare(), last == null ? Double.NaN : last.keyAccountShare(), "share", "share");
            String srcR = !Double.isNaN(p.goalRevenue()) ? "given" : "milestone";
            String srcN = !Double.isNaN(p.goalCount()) ? "given" : "milestone";
            String srcS = !Double.isNaN(p.goalShare()) ? "given" : "milestone";
            int endYear = baseYear + h;
            double growth = Math.pow(1 + g, h);
            Msg grown = Msg.of("strategy.how.grown", pct(g), h);

            double aRef = b.keyAccountCount() > 0 ? b.averageKeyAccountRevenue() : (theta > 0 ? theta : 1);
            Msg aRefText = b.keyAccountCount() > 0 ? Msg.of("strategy.how.average", money(aRef))
                    : Msg.of("strategy.how.thresholdReference", money(aRef));

            if (gS == 0 && !Double.isNaN(gR) && gR > 0) {
                warnings.add(new TargetWarning("conflict", Msg.of("strategy.warning.zeroShare", money(gR))));
                gS = Double.NaN;
            }
            if (gN == 0 && !Double.isNaN(gR) && gR > 0) {
                warnings.add(new TargetWarning("conflict", Msg.of("strategy.warning.zeroCount", money(gR))));
                gN = Double.NaN;
            }

            // Revenue.
            Goal revenue;
            double nk0 = b.otherRevenue();
            if (!Double.isNaN(gR)) {
                revenue = new Goal(gR, srcR, null);
            } else if (!Double.isNaN(gN)) {
                double r = gN * aRef * growth;
                revenue = new Goal(r, "derived", Msg.of("strategy.how.fromCount", count(gN), aRefText, grown, money(r)));
            } else if (!Double.isNaN(gS) && gS < 1 && nk0 > 0) {
                double r = gS / (1 - gS) * nk0 * growth;
                revenue = new Goal(r, "derived", Msg.of("strategy.how.fromShare", pct(gS), money(nk0), grown,
                        money(nk0 * growth), money(r)));
            } else if (!Double.isNaN(gS) && gS >= 1) {
                double r = b.totalRevenue() * growth;
                revenue = new Goal(r, "derived", Msg.of("strategy.how.fromFullShare", money(b.totalRevenue()), grown,
                        money(r)));
            } else {
                double r = b.keyAccountRevenue() * growth;
                revenue = new Goal(r, "derived", Msg.of("strategy.how.market", money(b.keyAccountRevenue()), grown,
                        money(r)));
            }
            double rH = revenue.value();

            // Count.
            Goal cnt;
            if (!Double.isNaN(gN)) {
                cnt = new Goal(gN, srcN, null);
            } else {
                double n = rH > 0 ? Math.max(1, Math.round(rH / (aRef * growth))) : 0;
                cnt = new Goal(n, "derived", Msg.of("strategy.how.count", money(rH), aRefText, grown,
                        money(aRef * growth), count(n)));
            }
            double nH = cnt.value();

            // Share and total.
            Goal share;
            double nkH;
            if (!Double.isNaN(gS)) {
                nkH = gS > 0 ? rH * (1 - gS) / gS : nk0 * growth;
                share = new Goal(gS, srcS, null);
                Msg nkGrowth = nk0 > 0 && nkH > 0
                        ? Msg.of("strategy.note.shareGoal.growth", pct(Math.pow(nkH / nk0, 1.0 / h) - 1))
                        : Msg.of("strategy.empty");
                notes.add(Msg.of("strategy.note.shareGoal", pct(gS), money(rH), money(rH + nkH), money(nkH), endYear,
                        money(nk0), nkGrowth));
            } else {
                nkH = nk0 * growth;
                double sH = rH + nkH > 0 ? rH / (rH + nkH) : 0;
                share = new Goal(sH, "derived", Msg.of("strategy.how.share", money(rH), money(nk0), grown, money(nkH),
                        pct(sH)));
            }
            double totalH = rH + nkH;

            for (Goal x : List.of(revenue, cnt, share)) {
                if (x.derived()) notes.add(Msg.of("strategy.note.derived", x.how()));
            }

            double thetaH = threshold(h);
            if (nH > 0 && thetaH > 0 && rH / nH < thetaH - EPS) {
                warnings.add(new TargetWarning("conflict", Msg.of("strategy.warning.averageBelowThreshold",
                        money(rH / nH), endYear, money(rH), count(nH), money(thetaH), money(nH * thetaH),
                        count(Math.floor(rH / thetaH + EPS)))));
            }
            boolean revBelow = rH < b.keyAccountRevenue() - EPS;
            boolean cntBelow = nH < b.keyAccountCount() - EPS;
            if (revBelow || cntBelow) {
                Msg rv = Msg.of("strategy.warning.belowToday.revenue", money(rH), money(b.keyAccountRevenue()));
                Msg cv = Msg.of("strategy.warning.belowToday.count", count(nH), b.keyAccountCount());
                Msg parts = revBelow && cntBelow ? Msg.of("strategy.list2", rv, cv) : revBelow ? rv : cv;
                warnings.add(new TargetWarning("belowToday", Msg.of("strategy.warning.belowToday", endYear, parts)));
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
                            warnings.add(new TargetWarning("conflict", Msg.of("strategy.warning.milestoneZeroShare",
                                    m.year())));
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
            Msg name = Msg.of("strategy.metric." + metric);
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
                            notes.add(Msg.of("strategy.note.linearSegment", name,
                                    baseYear + (a.value() <= 0 ? a.t() : b.t()), baseYear + a.t(), baseYear + b.t()));
                        }
                    }
                    return GrowthPath.throughKnots(k, h);
                }
                default:
                    if (!GrowthPath.geometric(x0, xH) && x0 != xH) {
                        notes.add(Msg.of(x0 <= 0 ? "strategy.note.linearFromZero" : "strategy.note.linearToZero", name));
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
                int losses = (int) Math.round(repl);
                int wins = (int) Math.max(0, net + losses);
                double remaining = Math.max(0, b.pipeline() - cumulative);
                double expected = remaining * sim.conversionCovered();
                cumulative += wins;
                double hours = cnt[t] * b.hoursPerKeyAccount() + wins * p.hoursPerWin() + b.otherAccountHours();
                int heads = perHead > 0 ? (int) Math.ceil(hours / perHead - EPS) : 0;
                out.add(new YearFeasibility(baseYear + t, wins, net, repl, cumulative, remaining, expected,
                        b.otherAccountHours(), hours, available, heads, b.soldiers(), years.get(t - 1).growth(),
                        losses));
            }
            return out;
        }

        void checks(Baseline b, Goals goals, List<YearTarget> years, List<YearFeasibility> feas) {
            // Pipeline size: the wins the whole horizon needs against the candidates known today.
            for (YearFeasibility f : feas) {
                if (f.cumulativeWins() > b.pipeline()) {
                    YearFeasibility lastF = feas.get(feas.size() - 1);
                    warnings.add(new TargetWarning("pipeline", Msg.of("strategy.warning.pipeline", f.year(),
                            f.cumulativeWins(), b.pipeline(), b.pipelineProspects(), b.pipelineAccounts(), money(theta),
                            lastF.cumulativeWins(), lastF.cumulativeWins() - b.pipeline())));
                    break;
                }
            }
            // Pipeline rate: wins a year against what the remaining candidates convert at the covered rate.
            List<YearFeasibility> short_ = feas.stream()
                    .filter(f -> f.winsNeeded() > f.expectedConversions() + EPS).toList();
            if (!short_.isEmpty()) {
                YearFeasibility f = short_.get(0);
                warnings.add(new TargetWarning("pipelineRate", Msg.of("strategy.warning.pipelineRate", f.year(),
                        f.winsNeeded(), pct(sim.conversionCovered()), count(f.pipelineRemaining()),
                        f.expectedConversions(), short_.size(), h)));
            }
            // Capacity: soldiers needed at today's productivity against soldiers today.
            List<YearFeasibility> over = feas.stream()
                    .filter(f -> f.headcountNeeded() > f.headcountAvailable()).toList();
            if (!over.isEmpty()) {
                YearFeasibility f = over.get(0);
                YearFeasibility worst = over.stream()
                        .max((x, y) -> Integer.compare(x.headcountNeeded(), y.headcountNeeded())).orElse(f);
                Msg other = b.otherAccountHours() > 0
                        ? Msg.of("strategy.warning.capacity.other", b.otherAccountHours(), b.otherOwnedAccounts())
                        : Msg.of("strategy.empty");
                warnings.add(new TargetWarning("capacity", Msg.of("strategy.warning.capacity", f.year(),
                        f.hoursNeeded(), years.get(f.year() - baseYear - 1).keyAccountCount(), b.hoursPerKeyAccount(),
                        f.winsNeeded(), p.hoursPerWin(), other, f.headcountNeeded(),
                        b.hoursPerSoldier() * p.sellingTimeShare(), f.headcountAvailable(), f.hoursAvailable(),
                        f.headcountNeeded() - f.headcountAvailable(), f.year(), over.size(), h,
                        worst.headcountNeeded() - worst.headcountAvailable(), worst.year())));
            }
            // Growth against the market.
            double cagr = goals.yearlyGrowth();
            if (!Double.isNaN(cagr) && cagr > g + p.growthMargin() + EPS) {
                YearTarget peak = null;
                for (YearTarget y : years) {
                    if (!Double.isNaN(y.growth()) && (peak == null || y.growth() > peak.growth())) peak = y;
                }
                Msg peakText = peak != null && peak.growth() > cagr + 1e-6
                        ? Msg.of("strategy.warning.marketGrowth.peak", p.path(), pct(peak.growth()), peak.year())
                        : Msg.of("strategy.empty");
                warnings.add(new TargetWarning("marketGrowth", Msg.of("strategy.warning.marketGrowth", pct(cagr),
                        baseYear, baseYear + h, (cagr - g) * 100, pct(g), peakText)));
            }
            // The whole market we can reach.
            double reachable = b.totalWallet() * Math.pow(1 + g, h) * sim.shareCeiling();
            double rH = goals.keyAccountRevenue().value();
            if (rH > reachable + EPS) {
                warnings.add(new TargetWarning("wallet", Msg.of("strategy.warning.wallet", baseYear + h, money(rH),
                        money(b.totalWallet()), Msg.of("strategy.how.grown", pct(g), h), pct(sim.shareCeiling()),
                        money(reachable))));
            }
            if (b.keyAccountRevenue() <= 0 && rH > 0) {
                warnings.add(new TargetWarning("data", Msg.of("strategy.warning.noKeyAccount", money(theta))));
            }
        }

        // ---------------------------------------------------------------- departments

        List<DepartmentTarget> departments(Baseline b, List<YearTarget> years, List<YearFeasibility> feas,
                                           double[] freq, double[] value, double[] cnt) {
            List<DepartmentTarget> out = new ArrayList<>();
            for (int t = 1; t <= h; t++) {
                YearTarget y = years.get(t - 1);
                YearFeasibility f = feas.get(t - 1);
                int prevN = (int) Math.round(cnt[t - 1]);
                int net = (int) Math.round(f.netGrowth());
                // Sales (多客): win key accounts.
                Msg repl = f.allowedLosses() > 0
                        ? Msg.of("strategy.dept.wins.replace", signed(net), f.allowedLosses(), pct(churn))
                        : net != 0 ? Msg.of("strategy.dept.wins.net", signed(net)) : Msg.of("strategy.empty");
                out.add(new DepartmentTarget(y.year(), "sales", "keyAccountWins", Double.NaN, f.winsNeeded(),
                        Double.NaN, Msg.of("strategy.dept.wins", f.winsNeeded(), money(y.keyAccountThreshold()), repl,
                        y.year())));
                out.add(new DepartmentTarget(y.year(), "sales", "keyAccountCount", prevN, cnt[t],
                        change(prevN, cnt[t]), Msg.of("strategy.dept.count", cnt[t], prevN, y.year())));
                // Marketing (多买): order value.
                double v0 = value[t - 1];
                Msg from = Double.isNaN(v0) || v0 <= 0 ? Msg.of("strategy.empty")
                        : Msg.of("strategy.dept.orderValue.from", money(v0));
                out.add(new DepartmentTarget(y.year(), "marketing", "orderValue", v0, value[t],
                        change(v0, value[t]), Msg.of("strategy.dept.orderValue", from, money(value[t]),
                        changeText(v0, value[t]), y.year())));
                // Customer service (多来): frequency and retention.
                out.add(new DepartmentTarget(y.year(), "customerService", "ordersPerAccount", freq[t - 1], freq[t],
                        change(freq[t - 1], freq[t]), Msg.of("strategy.dept.orders",
                        frequencyText(freq[t - 1], freq[t]), y.year())));
                int keep = prevN - f.allowedLosses();
                double keepShare = prevN > 0 ? (double) keep / prevN : 1.0;
                Msg retention = prevN > 0
                        ? Msg.of("strategy.dept.retention", keep, prevN, y.year() - 1, f.allowedLosses(), y.year())
                        : Msg.of("strategy.dept.retention.none", y.year() - 1, y.year());
                out.add(new DepartmentTarget(y.year(), "customerService", "keyAccountRetention", 1.0, keepShare,
                        keepShare - 1, retention));
            }
            return out;
        }

        // ---------------------------------------------------------------- formatting (as messages)

        private static Msg frequencyText(double from, double to) {
            if (Math.abs(to - from) < 0.005) return Msg.of("strategy.dept.orders.keep", to);
            return Msg.of(to > from ? "strategy.dept.orders.raise" : "strategy.dept.orders.let", from, to,
                    changeText(from, to));
        }

        private static double change(double from, double to) {
            return from > 0 && !Double.isNaN(from) ? to / from - 1 : Double.NaN;
        }

        private static Msg changeText(double from, double to) {
            double c = change(from, to);
            return Double.isNaN(c) ? Msg.of("strategy.empty") : Msg.of("strategy.change", c);
        }

        Msg money(double v) {
            boolean small = Math.abs(v) < 100 && v != 0;
            if (cur.isEmpty()) return Msg.of(small ? "strategy.amount.small" : "strategy.amount", v);
            return Msg.of(small ? "strategy.money.small" : "strategy.money", cur, v);
        }

        Msg fmt(double v, String unit) {
            return switch (unit) {
                case "money" -> money(v);
                case "share" -> pct(v);
                default -> count(v);
            };
        }
    }

    static Msg pct(double v) {
        return Msg.of("strategy.percent", v);
    }

    static Msg count(double v) {
        return Msg.of(v == Math.rint(v) ? "strategy.count" : "strategy.count.fraction", v);
    }

    static Msg signed(int v) {
        return Msg.of(v >= 0 ? "strategy.signed.plus" : "strategy.signed.minus", Math.abs(v));
    }
}
