package dev.kam.serve;

import dev.kam.analysis.Analysis;
import dev.kam.assign.AccountAssignment;
import dev.kam.assign.AssignmentSolution;
import dev.kam.assign.Coefficients;
import dev.kam.assign.Plan;
import dev.kam.assign.PlanModel;
import dev.kam.assign.ProductOffer;
import dev.kam.assign.SoldierFact;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.scenario.Hints;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.constraint.Indictment;
import org.optaplanner.core.api.score.stream.ConstraintJustification;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirectorFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One browser tab's editable plan: the assign stage's OptaPlanner model of a plan, held in a score
 * director with constraint matching on, so that moving an account changes only that account's
 * decision and OptaPlanner rescores incrementally (Bavet re-evaluates the tuples the change touches).
 * The justifications of the constraints that match (the account's value, broken rules) explain the
 * new score. Every method is synchronized: a tab may send requests from several threads.
 */
final class PlanSession implements AutoCloseable {
    /** Most undo steps kept. */
    static final int MAX_UNDO = 500;
    /** Most rule breaks listed in one answer. */
    static final int MAX_BROKEN = 50;

    private final Scenario scenario;
    private final Analysis analysis;
    private final Coefficients table;
    private final Map<String, String> set;
    private final Plan origin;
    private final String label;
    private final AssignmentSolution solution;
    private final InnerScoreDirector<AssignmentSolution, HardMediumSoftLongScore> director;
    private final Map<String, AccountAssignment> entities = new LinkedHashMap<>();
    private final Map<String, SoldierFact> soldierFacts = new LinkedHashMap<>();
    private final Map<String, List<ProductOffer>> offers = new HashMap<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Soldier> soldiers = new LinkedHashMap<>();
    private final Deque<Change> undo = new ArrayDeque<>();
    private final String[] effortNames;
    private final double[] effortLevels;
    private final int standard;
    private HardMediumSoftLongScore score;
    private long revision;
    private Plan explained;
    private long explainedRevision = -1;
    /** The bound every edit of this plan is measured against (currency; NaN when none is proven). */
    private final double editBound;

    /** What a change replaced, to undo it. */
    private record Change(String accountId, SoldierFact lead, Integer effort, boolean[] offered) {
    }

    /**
     * Opens a plan for editing.
     *
     * @param set   the assumptions ({@code --set}-style keys) the plan was made under, kept so that a
     *              simulation of this plan uses the same scenario
     * @param label where the plan came from ("optimized", "re-optimized with 2 locks", …)
     */
    static PlanSession open(Scenario scenario, Analysis analysis, Plan plan, Map<String, String> set, String label,
                            SolverFactory<AssignmentSolution> factory) {
        return new PlanSession(scenario, analysis, plan, set, label, factory, plan.bound());
    }

    /**
     * Opens a plan re-solved under locks. Its bound holds only for plans that keep the locks; an edit may break
     * one, so edits are measured against a bound of the whole model: the larger of the locked bound and
     * {@code fullBound} (a proven bound of the same model without locks; NaN when none is known, and then edits
     * carry no bound).
     */
    static PlanSession openLocked(Scenario scenario, Analysis analysis, Plan plan, Map<String, String> set, String label,
                                  SolverFactory<AssignmentSolution> factory, double fullBound) {
        return new PlanSession(scenario, analysis, plan, set, label, factory,
                Double.isNaN(fullBound) ? Double.NaN : Math.max(fullBound, plan.bound()));
    }

    @SuppressWarnings("unchecked")
    private PlanSession(Scenario scenario, Analysis analysis, Plan plan, Map<String, String> set, String label,
                        SolverFactory<AssignmentSolution> factory, double editBound) {
        this.editBound = editBound;
        this.scenario = scenario;
        this.analysis = analysis;
        this.set = Map.copyOf(set);
        this.origin = plan;
        this.label = label;
        this.table = Coefficients.of(scenario, analysis);
        AssignmentParams p = scenario.assignment();
        this.effortNames = p.effortNames().clone();
        this.effortLevels = p.effortLevels().clone();
        this.standard = p.standardEffort();
        for (Account a : scenario.accounts()) accounts.put(a.id(), a);
        for (Soldier s : scenario.soldiers()) soldiers.put(s.id(), s);
        this.solution = PlanModel.of(table);
        for (SoldierFact s : solution.getSoldiers()) soldierFacts.put(s.id(), s);
        for (AccountAssignment e : solution.getAccounts()) {
            entities.put(e.getAccountId(), e);
            e.setLead(null);
            e.setEffort(standard);
        }
        for (ProductOffer o : solution.getOffers()) {
            o.setOffered(Boolean.FALSE);
            offers.computeIfAbsent(o.getAccount().getAccountId(), k -> new ArrayList<>()).add(o);
        }
        for (Plan.AccountPlan ap : plan.accounts()) {
            AccountAssignment e = entities.get(ap.accountId());
            if (e == null || ap.soldierId() == null) continue;
            e.setLead(soldierFacts.get(ap.soldierId()));
            e.setEffort(effortIndex(ap.effortName(), ap.effort()));
        }
        for (Plan.ProductPlan pp : plan.products()) {
            for (ProductOffer o : offers.getOrDefault(pp.accountId(), List.of())) {
                if (o.getProduct().id().equals(pp.productId())) o.setOffered(Boolean.TRUE);
            }
        }
        InnerScoreDirectorFactory<AssignmentSolution, HardMediumSoftLongScore> sdf;
        synchronized (factory) {
            sdf = ((DefaultSolverFactory<AssignmentSolution>) factory).getScoreDirectorFactory();
            this.director = sdf.buildScoreDirector(false, true);
        }
        director.setWorkingSolution(solution);
        score = director.calculateScore();
    }

    /** The score configuration every session scores with (build once per server: it compiles the constraints). */
    static SolverFactory<AssignmentSolution> factory() {
        return SolverFactory.create(PlanModel.scoreConfig());
    }

    private int effortIndex(String name, double multiple) {
        for (int i = 0; i < effortNames.length; i++) if (effortNames[i].equals(name)) return i;
        int best = standard;
        for (int i = 0; i < effortLevels.length; i++) {
            if (Math.abs(effortLevels[i] - multiple) < Math.abs(effortLevels[best] - multiple)) best = i;
        }
        return best;
    }

    Scenario scenario() {
        return scenario;
    }

    Analysis analysis() {
        return analysis;
    }

    Map<String, String> set() {
        return set;
    }

    String label() {
        return label;
    }

    /** The bound edits are measured against (see {@link #openLocked}). */
    double editBound() {
        return editBound;
    }

    Plan origin() {
        return origin;
    }

    synchronized long revision() {
        return revision;
    }

    synchronized HardMediumSoftLongScore score() {
        return score;
    }

    /** The objective at the current decisions (currency per year): the soft level / 100. */
    synchronized double objective() {
        return score.softScore() / (double) Coefficients.SCALE;
    }

    /** The index of an effort level by its name, or a 400 naming the levels there are. */
    int effortByName(String name) {
        for (int i = 0; i < effortNames.length; i++) if (effortNames[i].equals(name)) return i;
        throw ApiException.badInput("effort: '" + name + "' is not an effort level; the levels are "
                + String.join(", ", effortNames));
    }

    String[] effortNames() {
        return effortNames.clone();
    }

    /**
     * Moves one account: gives it another lead (null = none) at an effort level (null = keep the current
     * level). An account left without a lead loses its product offers, since products are sold through
     * the lead. Answers with the new score, the change and its justifications.
     */
    synchronized Map<String, Object> move(String accountId, String soldierId, Integer effort) {
        long t0 = System.nanoTime();
        AccountAssignment e = entity(accountId);
        SoldierFact lead = soldierId == null ? null : eligible(e, soldierId);
        int level = effort == null ? e.getEffort() : effort;
        if (level < 0 || level >= effortLevels.length) {
            throw ApiException.badInput("effort: " + level + " is not an effort level (0–" + (effortLevels.length - 1) + ")");
        }
        HardMediumSoftLongScore before = score;
        Change change = snapshot(e);
        List<String> withdrawn = apply(e, lead, level, lead == null ? new boolean[offersOf(e).size()] : change.offered());
        score = director.calculateScore();
        undo.push(change);
        while (undo.size() > MAX_UNDO) undo.removeLast();
        revision++;
        return answer(e, before, withdrawn, t0);
    }

    /** Takes back the last move; a 409 when there is none. */
    synchronized Map<String, Object> undo() {
        long t0 = System.nanoTime();
        Change c = undo.poll();
        if (c == null) throw new ApiException(409, "nothing to undo");
        AccountAssignment e = entities.get(c.accountId());
        HardMediumSoftLongScore before = score;
        apply(e, c.lead(), c.effort(), c.offered());
        score = director.calculateScore();
        revision++;
        return answer(e, before, List.of(), t0);
    }

    synchronized int undoDepth() {
        return undo.size();
    }

    /**
     * Every choice the account has, each scored by moving there and back: the objective change and
     * whether a rule would break. Sorted by the change, best first.
     */
    synchronized List<Map<String, Object>> options(String accountId) {
        AccountAssignment e = entity(accountId);
        Change now = snapshot(e);
        HardMediumSoftLongScore base = score;
        List<Map<String, Object>> out = new ArrayList<>();
        List<SoldierFact> candidates = new ArrayList<>();
        candidates.add(null);
        candidates.addAll(e.getEligible());
        for (SoldierFact s : candidates) {
            for (int level = 0; level < effortLevels.length; level++) {
                if (s == null && level > 0) break;
                apply(e, s, s == null ? now.effort() : level, s == null ? new boolean[now.offered().length] : now.offered());
                HardMediumSoftLongScore sc = director.calculateScore();
                out.add(JsonIo.obj("soldier", s == null ? null : s.id(),
                        "name", s == null ? null : soldiers.get(s.id()).name(),
                        "effort", s == null ? null : level,
                        "effortName", s == null ? null : effortNames[level],
                        "objective", sc.softScore() / (double) Coefficients.SCALE,
                        "delta", (sc.softScore() - base.softScore()) / (double) Coefficients.SCALE,
                        "hard", sc.hardScore(), "medium", sc.mediumScore(),
                        "breaksRules", sc.hardScore() < base.hardScore() || sc.mediumScore() < base.mediumScore(),
                        "current", Objects.equals(s, now.lead()) && (s == null || level == now.effort())));
            }
        }
        apply(e, now.lead(), now.effort(), now.offered());
        score = director.calculateScore();
        out.sort((a, b) -> Double.compare((double) b.get("delta"), (double) a.get("delta")));
        return out;
    }

    /**
     * The value of each move away from today's owner, measured on this plan: the objective now minus the
     * objective with only that account back with its owner at standard effort (everything else as it
     * is), or null with the rule that would break when the owner cannot take it back alone.
     */
    synchronized List<Map<String, Object>> moves() {
        List<Map<String, Object>> out = new ArrayList<>();
        HardMediumSoftLongScore base = score;
        for (AccountAssignment e : entities.values()) {
            Account a = accounts.get(e.getAccountId());
            String owner = a.owner() != null && soldierFacts.containsKey(a.owner()) ? a.owner() : null;
            String lead = e.getLead() == null ? null : e.getLead().id();
            if (owner == null || owner.equals(lead)) continue;
            SoldierFact ownerFact = soldierFacts.get(owner);
            Double value = null;
            String breaks = null;
            if (!e.getEligible().contains(ownerFact)) {
                breaks = "ownerNotEligible";
            } else {
                Change now = snapshot(e);
                apply(e, ownerFact, standard, now.offered());
                HardMediumSoftLongScore undone = director.calculateScore();
                apply(e, now.lead(), now.effort(), now.offered());
                director.calculateScore();
                if (undone.hardScore() < base.hardScore() || undone.mediumScore() < base.mediumScore()) {
                    breaks = undone.hardScore() < base.hardScore() ? "ownerOverCapacity" : "mustCover";
                } else {
                    value = (base.softScore() - undone.softScore()) / (double) Coefficients.SCALE;
                }
            }
            out.add(JsonIo.obj("account", a.id(), "name", a.name(), "from", owner, "to", lead,
                    "effort", lead == null ? null : effortNames[e.getEffort()], "value", value,
                    "undoBreaks", breaks));
        }
        score = director.calculateScore();
        return out;
    }

    /** What the simulation needs of the current decisions (fit and effort multiple per lead, offers). */
    synchronized Coverage coverage() {
        Map<String, Coverage.Lead> leads = new HashMap<>();
        Map<String, List<String>> prods = new LinkedHashMap<>();
        for (AccountAssignment e : entities.values()) {
            if (e.getLead() == null) continue;
            leads.put(e.getAccountId(), new Coverage.Lead(e.getLead().id(), effortLevels[e.getEffort()], PlanModel.fit(e)));
            for (ProductOffer o : offersOf(e)) {
                if (Boolean.TRUE.equals(o.getOffered())) prods.computeIfAbsent(e.getAccountId(), k -> new ArrayList<>()).add(o.getProduct().id());
            }
        }
        return new Coverage(revision == 0 ? label : "edited", leads, prods);
    }

    /** The stage's plan and explanation of the current decisions (explained on a copy, cached per revision). */
    synchronized Plan plan() {
        if (explainedRevision != revision) {
            AssignmentSolution copy = director.cloneWorkingSolution();
            // an edit changes the plan, not the model: a proven bound of the model still bounds it
            explained = PlanModel.explain(scenario, analysis, table, copy, revision == 0 ? origin.bound() : editBound,
                    origin.quality() == null ? "none" : origin.quality().boundMethod());
            explainedRevision = revision;
        }
        return explained;
    }

    /** The whole table: every account's decision and options, every soldier's load, the score and broken rules. */
    synchronized Map<String, Object> table() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AccountAssignment e : entities.values()) {
            Map<String, Object> r = row(e);
            List<String> eligible = new ArrayList<>();
            for (SoldierFact s : e.getEligible()) eligible.add(s.id());
            r.put("eligible", eligible);
            rows.add(r);
        }
        Plan p = plan();
        Map<String, String> reasons = new HashMap<>();
        dev.kam.i18n.Messages en = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);
        for (Plan.AccountPlan ap : p.accounts()) reasons.put(ap.accountId(), ap.reason() == null ? null : en.render(ap.reason()));
        for (Map<String, Object> r : rows) r.put("reason", reasons.get((String) r.get("id")));
        List<Map<String, Object>> sol = new ArrayList<>();
        for (Soldier s : soldiers.values()) {
            sol.add(JsonIo.obj("id", s.id(), "name", s.name(), "layer", s.layer().code(), "stars", s.stars(),
                    "certification", s.certification(), "regions", s.regions(), "industries", s.industries()));
        }
        Map<String, Object> m = totals();
        m.put("label", label);
        m.put("effortNames", effortNames);
        m.put("standardEffort", standard);
        m.put("accounts", rows);
        m.put("soldierInfo", sol);
        m.put("baselineObjective", p.baseline().objective());
        m.put("baselineProblems", p.baseline().baselineInfeasible());
        m.put("unmet", Views.words(p.unmet()));
        return m;
    }

    private Map<String, Object> totals() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", revision);
        m.put("objective", score.softScore() / (double) Coefficients.SCALE);
        m.put("score", score.toString());
        m.put("hard", score.hardScore());
        m.put("medium", score.mediumScore());
        m.put("feasible", score.hardScore() == 0);
        int moved = 0;
        int dropped = 0;
        int covered = 0;
        for (AccountAssignment e : entities.values()) {
            Account a = accounts.get(e.getAccountId());
            if (e.getLead() != null) covered++;
            if (a.owner() == null || !soldierFacts.containsKey(a.owner())) continue;
            if (e.getLead() == null) dropped++;
            else if (!e.getLead().id().equals(a.owner())) moved++;
        }
        m.put("covered", covered);
        m.put("accountsMoved", moved);
        m.put("accountsDropped", dropped);
        m.put("undo", undo.size());
        m.put("soldiers", loads());
        m.put("broken", broken());
        return m;
    }

    private List<Map<String, Object>> loads() {
        Map<String, double[]> load = new LinkedHashMap<>();
        for (SoldierFact s : soldierFacts.values()) load.put(s.id(), new double[] {0, 0, PlanModel.capacity(s)});
        for (AccountAssignment e : entities.values()) {
            if (e.getLead() == null) continue;
            double[] l = load.get(e.getLead().id());
            l[0] += PlanModel.hours(e);
            l[1]++;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, double[]> x : load.entrySet()) {
            double[] l = x.getValue();
            out.add(JsonIo.obj("id", x.getKey(), "hours", l[0], "accounts", (int) l[1], "capacity", l[2],
                    "utilization", l[2] > 0 ? l[0] / l[2] : 0.0));
        }
        return out;
    }

    /** Every match of a hard or medium constraint, with its justification (at most {@link #MAX_BROKEN}). */
    private List<Map<String, Object>> broken() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (score.hardScore() == 0 && score.mediumScore() == 0) return out;
        for (ConstraintMatchTotal<HardMediumSoftLongScore> t : director.getConstraintMatchTotalMap().values()) {
            HardMediumSoftLongScore s = t.getScore();
            if (s.hardScore() == 0 && s.mediumScore() == 0) continue;
            for (ConstraintMatch<HardMediumSoftLongScore> cm : t.getConstraintMatchSet()) {
                if (out.size() >= MAX_BROKEN) return out;
                out.add(justification(cm, s.hardScore() != 0 ? "hard" : "medium"));
            }
        }
        out.sort((a, b) -> ((String) a.get("kind")).compareTo((String) b.get("kind")));
        return out;
    }

    private static Map<String, Object> justification(ConstraintMatch<HardMediumSoftLongScore> cm, String level) {
        ConstraintJustification j = cm.getJustification();
        HardMediumSoftLongScore s = cm.getScore();
        return JsonIo.obj("constraint", cm.getConstraintName(), "kind", PlanModel.kind(j), "level", level,
                "fields", PlanModel.fields(j),
                "impact", level.equals("soft") ? s.softScore() / (double) Coefficients.SCALE
                        : level.equals("hard") ? (double) s.hardScore() : (double) s.mediumScore());
    }

    /** The constraints matching this account's decision and offers: its value and any rule it breaks. */
    private List<Map<String, Object>> why(AccountAssignment e) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Object, Indictment<HardMediumSoftLongScore>> ind = director.getIndictmentMap();
        List<Object> objects = new ArrayList<>();
        objects.add(e);
        objects.addAll(offersOf(e));
        if (e.getLead() != null) objects.add(e.getLead());
        for (Object o : objects) {
            Indictment<HardMediumSoftLongScore> in = ind.get(o);
            if (in == null) continue;
            for (ConstraintMatch<HardMediumSoftLongScore> cm : in.getConstraintMatchSet()) {
                HardMediumSoftLongScore s = cm.getScore();
                String level = s.hardScore() != 0 ? "hard" : s.mediumScore() != 0 ? "medium" : "soft";
                Map<String, Object> j = justification(cm, level);
                if (!out.contains(j)) out.add(j);
            }
        }
        return out;
    }

    private Map<String, Object> answer(AccountAssignment e, HardMediumSoftLongScore before, List<String> withdrawn,
                                       long t0) {
        Map<String, Object> m = totals();
        m.put("delta", (score.softScore() - before.softScore()) / (double) Coefficients.SCALE);
        m.put("hardBefore", before.hardScore());
        m.put("mediumBefore", before.mediumScore());
        m.put("account", row(e));
        m.put("why", why(e));
        m.put("withdrawn", withdrawn);
        m.put("millis", (System.nanoTime() - t0) / 1e6);
        return m;
    }

    private Map<String, Object> row(AccountAssignment e) {
        Account a = accounts.get(e.getAccountId());
        SoldierFact lead = e.getLead();
        List<String> offered = new ArrayList<>();
        for (ProductOffer o : offersOf(e)) if (Boolean.TRUE.equals(o.getOffered())) offered.add(o.getProduct().id());
        boolean owned = a.owner() != null && soldierFacts.containsKey(a.owner());
        return JsonIo.obj("id", a.id(), "name", a.name(), "industry", a.industry(), "region", a.region(),
                "revenue", a.revenue(), "rating", PlanModel.rating(e), "tier", analysis.tier(a.id()).code(),
                "owner", a.owner(), "lockedInFile", a.locked(), "mustCover", a.mustCover(),
                "lead", lead == null ? null : lead.id(),
                "effort", lead == null ? null : e.getEffort(),
                "effortName", lead == null ? null : effortNames[e.getEffort()],
                "hours", PlanModel.hours(e), "value", PlanModel.value(e), "uplift", PlanModel.uplift(e),
                "fit", PlanModel.fit(e), "offers", offered,
                "moved", owned && (lead == null || !lead.id().equals(a.owner())));
    }

    private AccountAssignment entity(String accountId) {
        if (accountId == null || accountId.isBlank()) throw ApiException.badInput("account: give the id of an account");
        AccountAssignment e = entities.get(accountId);
        if (e == null) {
            String hint = Hints.closest(accountId, entities.keySet());
            throw ApiException.badInput("account: no account has the id '" + accountId + "'"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        return e;
    }

    /** The soldier as a lead for the account, or a 400 saying why not. */
    SoldierFact eligible(AccountAssignment e, String soldierId) {
        SoldierFact s = soldierFacts.get(soldierId);
        if (s == null) {
            String hint = Hints.closest(soldierId, soldierFacts.keySet());
            throw ApiException.badInput("soldier: no soldier has the id '" + soldierId + "'"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        if (!e.getEligible().contains(s)) {
            throw ApiException.badInput("soldier: " + soldierId + " may not lead " + e.getAccountId()
                    + ": not eligible under the assignment rules (stars, certification, region, layer)");
        }
        return s;
    }

    private Change snapshot(AccountAssignment e) {
        List<ProductOffer> os = offersOf(e);
        boolean[] offered = new boolean[os.size()];
        for (int i = 0; i < offered.length; i++) offered[i] = Boolean.TRUE.equals(os.get(i).getOffered());
        return new Change(e.getAccountId(), e.getLead(), e.getEffort(), offered);
    }

    private List<ProductOffer> offersOf(AccountAssignment e) {
        return offers.getOrDefault(e.getAccountId(), List.of());
    }

    /** Sets a decision through the score director (before/after each changed variable); returns offers withdrawn. */
    private List<String> apply(AccountAssignment e, SoldierFact lead, int effort, boolean[] offered) {
        if (e.getLead() != lead) {
            director.beforeVariableChanged(e, "lead");
            e.setLead(lead);
            director.afterVariableChanged(e, "lead");
        }
        if (!Objects.equals(e.getEffort(), effort)) {
            director.beforeVariableChanged(e, "effort");
            e.setEffort(effort);
            director.afterVariableChanged(e, "effort");
        }
        List<String> withdrawn = new ArrayList<>();
        List<ProductOffer> os = offersOf(e);
        for (int i = 0; i < os.size(); i++) {
            ProductOffer o = os.get(i);
            boolean now = Boolean.TRUE.equals(o.getOffered());
            if (now == offered[i]) continue;
            if (now) withdrawn.add(o.getProduct().id());
            director.beforeVariableChanged(o, "offered");
            o.setOffered(offered[i]);
            director.afterVariableChanged(o, "offered");
        }
        director.triggerVariableListeners();
        return withdrawn;
    }

    /** The score of the decisions computed from scratch by a fresh director (for tests: must equal {@link #score()}). */
    synchronized HardMediumSoftLongScore scoreFromScratch(SolverFactory<AssignmentSolution> factory) {
        org.optaplanner.core.api.solver.SolutionManager<AssignmentSolution, HardMediumSoftLongScore> m =
                org.optaplanner.core.api.solver.SolutionManager.create(factory);
        return m.update(director.cloneWorkingSolution());
    }

    @Override
    public synchronized void close() {
        director.close();
    }
}
