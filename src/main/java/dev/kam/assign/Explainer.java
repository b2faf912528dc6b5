package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.EligibilityRule;
import dev.kam.domain.Msg;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintJustification;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a solved table into a {@link Plan}: the score from OptaPlanner's constraints (with their
 * justifications, which also list what cannot be met), a reason per account that names the rule or cause
 * that binds, notes on idle and underused soldiers, the effort pattern per rating, and the baseline.
 */
final class Explainer {
    /** Utilization below which a soldier's load is explained. */
    static final double UNDERUSED = 0.5;

    private Explainer() {
    }

    static Plan plan(Scenario sc, Analysis analysis, Coefficients t, Assigner.Outcome out, AssignOptions options,
                     double seconds, Plan.Disruption disruption, Plan.CapacityValue capacity, List<Msg> notes) {
        AssignmentSolution sol = AssignmentSolution.of(t, out.plan());
        SolutionManager<AssignmentSolution, HardMediumSoftLongScore> manager =
                SolutionManager.create(SolverFactory.<AssignmentSolution>create(Assigner.scoreOnlyConfig()));
        ScoreExplanation<AssignmentSolution, HardMediumSoftLongScore> ex = manager.explain(sol);
        HardMediumSoftLongScore score = ex.getScore();
        Solution plan = out.plan();
        Solution.Score arrays = plan.score(t);
        if (score.hardScore() != arrays.hard() || score.mediumScore() != arrays.medium() || score.softScore() != arrays.soft()) {
            throw new IllegalStateException("the constraints score the plan " + score + " but the model " + arrays);
        }
        AssignmentParams p = sc.assignment();
        ResponseModel model = new ResponseModel(sc.simulation());

        List<Msg> unmet = new ArrayList<>();
        for (ConstraintJustification j : ex.getJustificationList()) {
            if (j instanceof Justifications.OverCapacity oc) {
                unmet.add(Msg.of("assign.unmet.overCapacity", oc.soldierId(), oc.hours(), oc.capacity()));
            } else if (j instanceof Justifications.TooManyAccounts tm) {
                unmet.add(Msg.of("assign.unmet.tooManyAccounts", tm.soldierId(), tm.accounts(), tm.cap()));
            } else if (j instanceof Justifications.ProductOverCapacity po) {
                unmet.add(Msg.of("assign.unmet.productOverCapacity", po.productId(), po.offered(), po.capacity()));
            } else if (j instanceof Justifications.Ineligible in) {
                unmet.add(Msg.of("assign.unmet.ineligible", in.soldierId(), in.accountId()));
            } else if (j instanceof Justifications.BelowMinimum bm) {
                unmet.add(Msg.of("assign.unmet.belowMinimum", bm.soldierId(), bm.hours(), bm.minimum()));
            } else if (j instanceof Justifications.TooManyMoves mv) {
                unmet.add(Msg.of("assign.unmet.tooManyMoves", mv.moves(), mv.cap()));
            }
        }

        double[] hourValue = out.hourValue() == null ? new double[t.soldiers] : out.hourValue();
        long[] load = plan.loads(t);
        int[] led = new int[t.soldiers];
        int[] count = new int[t.soldiers];
        for (int a = 0; a < t.accounts; a++) if (plan.choice()[a] >= 0) count[t.optSoldier[plan.choice()[a]]]++;
        List<Plan.AccountPlan> accounts = new ArrayList<>();
        List<Plan.Uncovered> uncovered = new ArrayList<>();
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        double planUplift = 0;
        int moved = 0, dropped = 0;
        String cur = sc.currency() == null ? "" : sc.currency();
        for (int a = 0; a < t.accounts; a++) {
            Account ac = sc.accounts().get(a);
            int o = plan.choice()[a];
            String ownerId = t.owner[a] >= 0 ? t.soldierId[t.owner[a]] : null;
            if (o >= 0) {
                int s = t.optSoldier[o];
                led[s]++;
                planUplift += t.optUplift[o];
                Msg lead = Msg.of("assign.reason.lead", t.soldierId[s], t.effortName[t.optEffort[o]], t.optUplift[o], cur,
                        t.optFit[o], t.rating[a], p.ratingPriority()[t.rating[a] - 1]);
                String status;
                Msg statusMsg;
                if (t.locked[a]) {
                    status = "locked";
                    statusMsg = t.optOverride[o] ? Msg.of("assign.status.lockedOverride") : Msg.of("assign.status.locked");
                } else if (ownerId == null) {
                    status = "new";
                    statusMsg = Msg.of("assign.status.new");
                } else if (t.owner[a] == s) {
                    status = "kept";
                    statusMsg = Msg.of("assign.status.kept");
                } else {
                    status = "moved";
                    moved++;
                    statusMsg = Msg.of("assign.status.moved", ownerId, t.switching[a] / (double) Coefficients.SCALE, cur);
                }
                List<String> offers = new ArrayList<>();
                for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) if (plan.offered()[q]) offers.add(t.productId[t.pairProduct[q]]);
                Msg reason = Msg.of("assign.reason.covered", lead, statusMsg,
                        offers.isEmpty() ? Msg.of("assign.empty") : Msg.of("assign.reason.offers", String.join(", ", offers)));
                accounts.add(new Plan.AccountPlan(ac.id(), ac.name(), t.rating[a], t.soldierId[s],
                        t.effortName[t.optEffort[o]], t.effort[t.optEffort[o]], t.optHours[o] / (double) Coefficients.SCALE,
                        t.optUplift[o], t.optValue[o] / (double) Coefficients.SCALE, t.optFit[o], ownerId, status, reason));
            } else {
                Reason r = uncoveredReason(sc, t, a, plan, load, count, hourValue);
                byReason.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(ac.id());
                Msg reason = r.msg();
                String status = "uncovered";
                if (ownerId != null) {
                    dropped++;
                    status = "dropped";
                    reason = Msg.of("assign.reason.dropped", ownerId, t.switching[a] / (double) Coefficients.SCALE, cur, r.msg());
                }
                if (t.mustCover[a]) unmet.add(Msg.of("assign.unmet.mustCover", ac.id(), ac.name(), r.msg()));
                uncovered.add(new Plan.Uncovered(ac.id(), reason));
                accounts.add(new Plan.AccountPlan(ac.id(), ac.name(), t.rating[a], null, null, 0, 0, 0,
                        t.owner[a] >= 0 ? -t.switching[a] / (double) Coefficients.SCALE : 0, Double.NaN, ownerId, status, reason));
            }
        }
        List<Plan.ProductPlan> products = new ArrayList<>();
        for (int q = 0; q < t.pairs(); q++) {
            if (!plan.offered()[q]) continue;
            int a = t.pairAccount[q];
            int o = plan.choice()[a];
            if (o < 0) continue;
            planUplift += t.pairUplift(q, o);
            Product pr = sc.products().get(t.pairProduct[q]);
            products.add(new Plan.ProductPlan(t.accountId[a], pr.id(), pr.name(), t.pairUplift(q, o),
                    t.pairValue(q, o) / (double) Coefficients.SCALE));
        }
        List<Plan.SoldierPlan> soldiers = new ArrayList<>();
        for (int s = 0; s < t.soldiers; s++) {
            Soldier so = sc.soldiers().get(s);
            double h = load[s] / (double) Coefficients.SCALE;
            double capH = t.capacity[s] / (double) Coefficients.SCALE;
            double util = capH > 0 ? h / capH : 0;
            Msg note = util < UNDERUSED ? soldierNote(sc, t, s, plan, h, capH) : null;
            soldiers.add(new Plan.SoldierPlan(so.id(), so.name(), h, capH, util, led[s], t.minHours[s] / (double) Coefficients.SCALE,
                    hourValue[s], note));
        }
        List<Plan.ReasonCount> reasons = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byReason.entrySet()) {
            reasons.add(new Plan.ReasonCount(e.getKey(), e.getValue().size(), e.getValue()));
        }
        reasons.sort((x, y) -> Integer.compare(y.count(), x.count()));
        Plan.Baseline baseline = baseline(sc, analysis, t, model, planUplift, moved, dropped, uncovered);

        double objective = score.softScore() / (double) Coefficients.SCALE;
        double bound = Double.isFinite(out.bound()) ? out.bound() / Coefficients.SCALE + t.roundingSlack : Double.NaN;
        double gap = Double.isNaN(bound) || score.hardScore() != 0 || bound == 0 ? Double.NaN
                : Math.max(0, 100.0 * (bound - objective) / Math.abs(bound));
        Plan.Quality quality = new Plan.Quality(options.solver().code(), out.engine(), out.boundMethod(), out.optimal(),
                out.lpObjective() / Coefficients.SCALE, out.heuristicObjective(), out.heuristicSeconds(), out.exactSeconds(),
                Natives.loadSeconds(), options.deterministic() ? options.searchIterations() : 0, t.roundingSlack,
                out.neighbourhoods());
        return new Plan(sc.name(), sc.currency(), score.hardScore(), score.mediumScore(), score.softScore(), objective,
                bound, gap, quality, accounts, products, soldiers, baseline, unmet, concat(t.warnings, notes), seconds, disruption, capacity,
                reasons, effortPatterns(sc, t, plan, model, out.hourValue()));
    }

    /** A reason and its code for counting (a rule id, or capacity / value / hours / search). */
    record Reason(String code, Msg msg) {
    }

    /** Value (cents) of covering account a with option o against leaving it uncovered, best offers included. */
    static long gainOf(Coefficients t, int a, int o) {
        long v = t.optValue[o] - (t.owner[a] >= 0 ? -t.switching[a] : 0);
        long[] vals = new long[t.pairStart[a + 1] - t.pairStart[a]];
        int k = 0;
        for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
            long w = t.pairValue(q, o);
            if (w > 0) vals[k++] = w;
        }
        java.util.Arrays.sort(vals, 0, k);
        for (int i = 0; i < Math.min(k, t.maxProductsPerAccount); i++) v += vals[k - 1 - i];
        return v;
    }

    /** Why account a is uncovered: the binding eligibility rule, full soldiers, value, or better uses of hours. */
    static Reason uncoveredReason(Scenario sc, Coefficients t, int a, Solution plan, long[] load, int[] count,
                                  double[] hourValue) {
        if (t.noOptionReason[a] != null) {
            Msg m = t.noOptionReason[a];
            String code = m.key().equals("assign.uncovered.rule") ? (String) m.args().get(3)
                    : m.key().equals("assign.uncovered.rules") ? "rules" : "noSoldiers";
            return new Reason(code, m);
        }
        String cur = sc.currency() == null ? "" : sc.currency();
        int bestO = -1;
        long bestGain = Long.MIN_VALUE;
        int bestFitO = -1;
        long bestFitGain = Long.MIN_VALUE;
        int eligible = 0;
        int lastSoldier = -1;
        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
            int s = t.optSoldier[o];
            if (s != lastSoldier) {
                eligible++;
                lastSoldier = s;
            }
            long g = gainOf(t, a, o);
            if (g > bestGain) {
                bestGain = g;
                bestO = o;
            }
            boolean room = load[s] + t.optHours[o] <= t.capacity[s]
                    && (t.maxAccountsPerSoldier <= 0 || count[s] < t.maxAccountsPerSoldier);
            if (room && g > bestFitGain) {
                bestFitGain = g;
                bestFitO = o;
            }
        }
        if (bestGain <= 0) {
            return new Reason("value", Msg.of("assign.uncovered.notWorth", bestGain / (double) Coefficients.SCALE, cur,
                    t.soldierId[t.optSoldier[bestO]]));
        }
        if (bestFitO >= 0 && bestFitGain > 0) {
            int s = t.optSoldier[bestFitO];
            if (t.maxMoves >= 0 && t.owner[a] >= 0 && plan.moves(t) >= t.maxMoves && s != t.owner[a]) {
                return new Reason("moves", Msg.of("assign.uncovered.moveCap", t.maxMoves));
            }
            return new Reason("search", Msg.of("assign.uncovered.room", t.soldierId[s], bestFitGain / (double) Coefficients.SCALE, cur));
        }
        int s = t.optSoldier[bestO];
        double hours = t.optHours[bestO] / (double) Coefficients.SCALE;
        double perHour = hours > 0 ? bestGain / (double) Coefficients.SCALE / hours : Double.NaN;
        return new Reason("capacity", Msg.of("assign.uncovered.full", eligible, t.soldierId[s], hours,
                bestGain / (double) Coefficients.SCALE, perHour, hourValue[s], cur));
    }

    /** Why a soldier leads little: few accounts they may lead (and the rule that closes the others), or better leads. */
    static Msg soldierNote(Scenario sc, Coefficients t, int s, Solution plan, double hours, double capacity) {
        int eligible = 0, byOthers = 0, notWorth = 0, mine = 0;
        for (int a = 0; a < t.accounts; a++) {
            int b = t.optBase[a * t.soldiers + s];
            if (b < 0) continue;
            eligible++;
            int o = plan.choice()[a];
            if (o >= 0 && t.optSoldier[o] == s) mine++;
            else if (o >= 0) byOthers++;
            else {
                long g = Long.MIN_VALUE;
                for (int p = b; p < t.optStart[a + 1] && t.optSoldier[p] == s; p++) g = Math.max(g, gainOf(t, a, p));
                if (g <= 0) notWorth++;
            }
        }
        int[] alone = new int[EligibilityRule.values().length];
        for (int a = 0; a < t.accounts; a++) {
            int mask = t.broken[a * t.soldiers + s] & 0xFF;
            if (Integer.bitCount(mask) == 1) alone[Integer.numberOfTrailingZeros(mask)]++;
        }
        int top = 0;
        for (int r = 1; r < alone.length; r++) if (alone[r] > alone[top]) top = r;
        Soldier so = sc.soldiers().get(s);
        Msg closed = alone[top] == 0 ? Msg.of("assign.empty")
                : Msg.of("assign.soldier.closed", alone[top], Msg.of("assign.ruleName." + EligibilityRule.values()[top].code()),
                so.layer().code(), String.join(";", so.regions()), so.stars(), so.certification());
        if (eligible == 0) return Msg.of("assign.soldier.noneEligible", hours, capacity, closed);
        return Msg.of("assign.soldier.underused", hours, capacity, eligible, mine, byOthers, notWorth,
                eligible - mine - byOthers - notWorth, closed);
    }

    /** Effort spread per rating, and the share of cover uplift that effort does not buy (retention). */
    static List<Plan.EffortPattern> effortPatterns(Scenario sc, Coefficients t, Solution plan, ResponseModel model,
                                                   double[] hourValue) {
        List<Plan.EffortPattern> out = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            int covered = 0;
            int[] by = new int[t.levels];
            double total = 0, retention = 0, extra = 0, extraHours = 0, lambda = 0;
            int lambdaN = 0;
            for (int a = 0; a < t.accounts; a++) {
                int o = plan.choice()[a];
                if (o < 0 || t.rating[a] != r) continue;
                covered++;
                by[t.optEffort[o]]++;
                if (hourValue != null && !Double.isNaN(hourValue[t.optSoldier[o]])) {
                    lambda += hourValue[t.optSoldier[o]];
                    lambdaN++;
                }
                Account ac = sc.accounts().get(a);
                total += t.optUplift[o];
                if (!ac.isProspect()) retention += Math.max(0, model.coverUplift(ac, 0, t.optFit[o]));
                // what one level more would add per extra hour
                int next = t.option(a, t.optSoldier[o], t.optEffort[o] + 1);
                if (next >= 0) {
                    extra += t.optUplift[next] - t.optUplift[o];
                    extraHours += (t.optHours[next] - t.optHours[o]) / (double) Coefficients.SCALE;
                }
            }
            if (covered == 0) continue;
            List<Integer> counts = new ArrayList<>();
            for (int v : by) counts.add(v);
            double share = total > 0 ? Math.min(1, retention / total) : 0;
            int top = 0;
            for (int e = 1; e < t.levels; e++) if (by[e] > by[top]) top = e;
            String cur = sc.currency() == null ? "" : sc.currency();
            double leadHour = lambdaN > 0 ? lambda / lambdaN : Double.NaN;
            Msg note;
            if (t.levels == 1) {
                note = Msg.of("assign.effort.single", r, covered, t.effortName[0]);
            } else if (top == t.levels - 1 || !(extraHours > 0)) {
                note = Msg.of("assign.effort.top", r, covered, by[top], t.effortName[top], share);
            } else {
                note = Msg.of("assign.effort.note", r, covered, by[top], t.effortName[top], share, extra / extraHours,
                        cur, leadHour);
            }
            out.add(new Plan.EffortPattern(r, covered, counts, share, note));
        }
        return out;
    }

    /** Today's owners at standard effort and no new products, valued with the same coefficients. */
    static Plan.Baseline baseline(Scenario sc, Analysis analysis, Coefficients t, ResponseModel model,
                                  double planUplift, int moved, int dropped, List<Plan.Uncovered> uncovered) {
        AssignmentParams p = sc.assignment();
        int std = p.standardEffort();
        Map<String, Relationship> rel = sc.relationshipIndex();
        long objective = 0;
        double uplift = 0;
        long[] load = new long[t.soldiers];
        List<Msg> problems = new ArrayList<>();
        for (int a = 0; a < t.accounts; a++) {
            int ow = t.owner[a];
            if (ow < 0) continue;
            int o = t.option(a, ow, std);
            if (o >= 0) {
                objective += t.optValue[o];
                uplift += t.optUplift[o];
                load[ow] += t.optHours[o];
            } else {
                Account ac = sc.accounts().get(a);
                Soldier so = sc.soldiers().get(ow);
                Relationship r = rel.get(Scenario.pairKey(so.id(), ac.id()));
                double fit = model.fit(so, ac, r == null ? Double.NaN : r.strength());
                double u = model.coverUplift(ac, p.effortLevels()[std], fit);
                uplift += u;
                objective += Coefficients.scaled(p.ratingPriority()[t.rating[a] - 1] * u);
                double hours = r != null && !Double.isNaN(r.hours()) ? r.hours()
                        : Coefficients.baseHours(ac, analysis.tier(ac.id()), p);
                load[ow] += Coefficients.hoursUp(hours, p.effortLevels()[std]);
                byte mask = t.broken[a * t.soldiers + ow];
                problems.add(Msg.of("assign.baseline.ineligible", so.id(), ac.id(),
                        mask == 0 ? Msg.of("assign.empty") : Reasons.rules(p, so, ac, t.rating[a], mask)));
            }
        }
        for (int s = 0; s < t.soldiers; s++) {
            if (load[s] > t.capacity[s]) {
                problems.add(Msg.of("assign.baseline.overCapacity", t.soldierId[s], load[s] / 100.0, t.capacity[s] / 100.0));
            }
        }
        return new Plan.Baseline(objective / (double) Coefficients.SCALE, uplift, planUplift, planUplift - uplift,
                moved, dropped, uncovered, problems);
    }

    private static List<Msg> concat(List<Msg> a, List<Msg> b) {
        List<Msg> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
