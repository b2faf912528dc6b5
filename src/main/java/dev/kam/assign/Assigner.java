package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintJustification;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.entity.EntitySelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The assign stage: scenario + analysis → an optimized {@link Plan}. No I/O.
 *
 * <p>Solver: OptaPlanner with the Bavet constraint-stream engine in REPRODUCIBLE mode; a custom phase
 * ({@link ArraySearch}: greedy + tabu search on the coefficient table) takes {@code searchShare} of
 * the time limit, then OptaPlanner's local search (late acceptance over change and swap moves of the
 * lead, effort and offer variables) polishes the plan for the rest.
 */
public final class Assigner {
    private Assigner() {
    }

    /** Solves the scenario's assignment problem. Ratings and tiers come from the analysis. */
    public static Plan solve(Scenario scenario, Analysis analysis, AssignOptions options) {
        Coefficients table = Coefficients.of(scenario, analysis);
        long started = System.nanoTime();
        AssignmentSolution best = solveTable(table, options, started);
        double seconds = (System.nanoTime() - started) / 1e9;
        return explain(scenario, analysis, table, best, seconds);
    }

    /** The OptaPlanner solver configuration (Bavet, REPRODUCIBLE) with the two phases. */
    static SolverConfig config(AssignOptions o, long started, Coefficients table, AtomicLong lastBest) {
        long deadline = Long.MAX_VALUE;
        if (o.timeLimit() != null) {
            deadline = started + (long) (o.timeLimit().toNanos() * Math.max(0, Math.min(1, o.searchShare())));
        }
        StopSignal signal = o.stop();
        Duration unimproved = o.unimprovedLimit();
        java.util.function.BooleanSupplier stop = () -> (signal != null && signal.stopped())
                || (unimproved != null && System.nanoTime() - lastBest.get() > unimproved.toNanos());
        ArraySearch.Listener listener = (value, over) -> {
            lastBest.set(System.nanoTime());
            if (o.progress() != null) {
                o.progress().bestScore(Duration.ofNanos(System.nanoTime() - started), (-over) + "hard/" + value + "soft (search)");
            }
        };
        int std = AssignmentParams.DEFAULT.standardEffort();
        SearchPhase search = new SearchPhase(o.seed(), deadline, o.searchIterations(), stop, listener,
                Math.min(std, Math.max(0, table.levels - 1)));
        if (signal != null) search.onStop(() -> {
            if (signal.stopped()) signal.stop();
        });
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommands(search));
        long steps = o.localSearchSteps();
        // local search needs at least one doable move, else a random union selector never returns
        boolean movable = table.options() > 0 || table.pairs() > 0;
        if (movable && steps != 0 && (steps > 0 || o.timeLimit() != null)) {
            LocalSearchPhaseConfig ls = new LocalSearchPhaseConfig();
            ls.setMoveSelectorConfig(moves(table));
            if (steps > 0) ls.setTerminationConfig(new TerminationConfig().withStepCountLimit((int) Math.min(Integer.MAX_VALUE, steps)));
            phases.add(ls);
        }
        TerminationConfig term = new TerminationConfig();
        if (o.timeLimit() != null) term.setSpentLimit(o.timeLimit());
        if (o.unimprovedLimit() != null) term.setUnimprovedSpentLimit(o.unimprovedLimit());
        return new SolverConfig()
                .withSolutionClass(AssignmentSolution.class)
                .withEntityClasses(AccountAssignment.class, ProductOffer.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(AssignmentConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(o.seed())
                .withTerminationConfig(term)
                .withPhases(phases.toArray(new PhaseConfig[0]));
    }

    /**
     * Local search moves: change the lead (including to none), change the effort, swap the leads of two
     * accounts, flip an offer; a selector is left out when it would have nothing to select.
     */
    private static MoveSelectorConfig<?> moves(Coefficients t) {
        List<MoveSelectorConfig> list = new ArrayList<>();
        if (t.options() > 0) {
            list.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig(AccountAssignment.class))
                    .withValueSelectorConfig(new ValueSelectorConfig("lead")));
            if (t.levels > 1) {
                list.add(new ChangeMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig(AccountAssignment.class))
                        .withValueSelectorConfig(new ValueSelectorConfig("effort")));
            }
            if (t.accounts > 1) {
                list.add(new SwapMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig(AccountAssignment.class))
                        .withVariableNameIncludes("lead"));
            }
        }
        if (t.pairs() > 0) {
            list.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig(ProductOffer.class))
                    .withValueSelectorConfig(new ValueSelectorConfig("offered")));
        }
        // a cap on moves per step lets a step end when no move is accepted (else a step-count-only
        // termination would never be reached on a plan that no move improves)
        MoveSelectorConfig<?> union = list.size() == 1 ? list.get(0) : new UnionMoveSelectorConfig(list);
        union.setSelectedCountLimit(10_000L);
        return union;
    }

    static AssignmentSolution solveTable(Coefficients table, AssignOptions o, long started) {
        AtomicLong lastBest = new AtomicLong(started);
        SolverConfig cfg = config(o, started, table, lastBest);
        Solver<AssignmentSolution> solver = SolverFactory.<AssignmentSolution>create(cfg).buildSolver();
        if (o.progress() != null) {
            solver.addEventListener(e -> o.progress().bestScore(Duration.ofNanos(System.nanoTime() - started),
                    e.getNewBestScore().toString()));
        }
        if (o.stop() != null) o.stop().attach(solver);
        AssignmentSolution problem = AssignmentSolution.of(table);
        AssignmentSolution best = solver.solve(problem);
        if (best.getScore() == null || !best.getScore().isSolutionInitialized()) {
            // stopped before the first phase finished: fall back to the greedy plan
            best = greedyOnly(table, o.seed());
        }
        return best;
    }

    /** A plan from the array search alone (used when the solver was stopped before it had one). */
    private static AssignmentSolution greedyOnly(Coefficients t, long seed) {
        AssignmentSolution sol = AssignmentSolution.of(t);
        int[] choice = new ArraySearch(t, seed).run(Long.MAX_VALUE, 0, () -> true, null);
        boolean[] offered = ProductFlow.offer(t, choice);
        for (AccountAssignment a : sol.getAccounts()) {
            int o = choice[a.getIndex()];
            a.setLead(o < 0 ? null : sol.getSoldiers().get(t.optSoldier[o]));
            a.setEffort(o < 0 ? 0 : t.optEffort[o]);
        }
        for (ProductOffer p : sol.getOffers()) p.setOffered(offered[p.getPair()]);
        score(sol);
        return sol;
    }

    /** Scores a solution with the same constraints (sets and returns its score). */
    static HardMediumSoftLongScore score(AssignmentSolution sol) {
        SolutionManager<AssignmentSolution, HardMediumSoftLongScore> m = SolutionManager.create(
                SolverFactory.<AssignmentSolution>create(scoreOnlyConfig()));
        return m.update(sol);
    }

    static SolverConfig scoreOnlyConfig() {
        return new SolverConfig()
                .withSolutionClass(AssignmentSolution.class)
                .withEntityClasses(AccountAssignment.class, ProductOffer.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(AssignmentConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET));
    }

    /** Builds the plan, its per-account reasons (from the score's justifications) and the baseline. */
    static Plan explain(Scenario sc, Analysis analysis, Coefficients t, AssignmentSolution sol, double seconds) {
        SolutionManager<AssignmentSolution, HardMediumSoftLongScore> manager =
                SolutionManager.create(SolverFactory.<AssignmentSolution>create(scoreOnlyConfig()));
        ScoreExplanation<AssignmentSolution, HardMediumSoftLongScore> ex = manager.explain(sol);
        HardMediumSoftLongScore score = ex.getScore();
        AssignmentParams p = sc.assignment();
        ResponseModel model = new ResponseModel(sc.simulation());
        String cur = sc.currency() == null ? "" : " " + sc.currency();

        Map<String, Justifications.LeadValue> leadValue = new HashMap<>();
        List<String> unmet = new ArrayList<>();
        Map<String, List<Justifications.OfferValue>> offersOf = new HashMap<>();
        for (ConstraintJustification j : ex.getJustificationList()) {
            if (j instanceof Justifications.LeadValue lv) {
                leadValue.put(lv.accountId(), lv);
            } else if (j instanceof Justifications.OfferValue ov) {
                offersOf.computeIfAbsent(ov.accountId(), k -> new ArrayList<>()).add(ov);
            } else if (j instanceof Justifications.OverCapacity oc) {
                unmet.add(String.format(Locale.ROOT, "soldier %s is over capacity: %.1f h assigned, %.1f h available",
                        oc.soldierId(), oc.hours(), oc.capacity()));
            } else if (j instanceof Justifications.TooManyAccounts tm) {
                unmet.add("soldier " + tm.soldierId() + " leads " + tm.accounts() + " accounts, cap " + tm.cap());
            } else if (j instanceof Justifications.ProductOverCapacity po) {
                unmet.add("product " + po.productId() + " offered " + po.offered() + " times, capacity " + po.capacity());
            } else if (j instanceof Justifications.Ineligible in) {
                unmet.add("soldier " + in.soldierId() + " is not eligible for account " + in.accountId());
            }
        }

        Map<String, Account> accById = new HashMap<>();
        for (Account a : sc.accounts()) accById.put(a.id(), a);
        Map<String, Soldier> solById = new HashMap<>();
        for (Soldier s : sc.soldiers()) solById.put(s.id(), s);
        Map<String, Product> prodById = new HashMap<>();
        for (Product pr : sc.products()) prodById.put(pr.id(), pr);

        long[] used = new long[t.soldiers];
        int[] led = new int[t.soldiers];
        List<Plan.AccountPlan> accounts = new ArrayList<>();
        List<Plan.Uncovered> uncovered = new ArrayList<>();
        double planUplift = 0;
        int moved = 0, dropped = 0;
        int[] choice = new int[t.accounts];
        for (AccountAssignment aa : sol.getAccounts()) choice[aa.getIndex()] = aa.option();
        // the best option each account could have had, for "why not" reasons
        for (AccountAssignment aa : sol.getAccounts()) {
            int a = aa.getIndex();
            Account ac = sc.accounts().get(a);
            int o = choice[a];
            String ownerId = t.owner[a] >= 0 ? t.soldierId[t.owner[a]] : null;
            String reason;
            List<Justifications.OfferValue> offs = offersOf.getOrDefault(ac.id(), List.of());
            if (o >= 0) {
                int s = t.optSoldier[o];
                used[s] += t.optHours[o];
                led[s]++;
                planUplift += t.optUplift[o];
                Justifications.LeadValue lv = leadValue.get(ac.id());
                StringBuilder r = new StringBuilder();
                r.append(String.format(Locale.ROOT, "%s at %s effort: expected uplift %,.0f%s/yr (fit %.2f, %dA priority %.2f)",
                        t.soldierId[s], p.effortNames()[t.optEffort[o]], t.optUplift[o], cur, t.optFit[o],
                        t.rating[a], p.ratingPriority()[t.rating[a] - 1]));
                if (ownerId == null) r.append("; newly covered");
                else if (t.owner[a] == s) r.append("; stays with its owner");
                else {
                    moved++;
                    r.append(String.format(Locale.ROOT, "; moved from %s (switching cost %,.0f%s)", ownerId,
                            p.switchingCost() * Math.max(0, ac.grossProfit()), cur));
                }
                if (lv != null) r.append(String.format(Locale.ROOT, "; objective %+,.0f", lv.cents() / 100.0));
                if (!offs.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    for (Justifications.OfferValue ov : offs) names.add(ov.productId());
                    r.append("; offer ").append(String.join(", ", names));
                }
                reason = r.toString();
                accounts.add(new Plan.AccountPlan(ac.id(), ac.name(), t.rating[a], t.soldierId[s],
                        p.effortNames()[t.optEffort[o]], p.effortLevels()[t.optEffort[o]],
                        t.optHours[o] / (double) Coefficients.SCALE, t.optUplift[o],
                        t.optValue[o] / (double) Coefficients.SCALE, t.optFit[o], ownerId, reason));
            } else {
                if (ownerId != null) dropped++;
                reason = uncoveredReason(t, a, choice, cur);
                if (t.mustCover[a]) {
                    unmet.add("mustCover account " + ac.id() + " (" + ac.name() + ") is uncovered: " + reason);
                }
                uncovered.add(new Plan.Uncovered(ac.id(), reason));
                accounts.add(new Plan.AccountPlan(ac.id(), ac.name(), t.rating[a], null, null, 0, 0, 0, 0,
                        Double.NaN, ownerId, "uncovered: " + reason));
            }
        }
        List<Plan.ProductPlan> products = new ArrayList<>();
        for (ProductOffer po : sol.getOffers()) {
            if (!po.isOffered()) continue;
            int q = po.getPair();
            planUplift += t.pairUplift[q];
            Product pr = prodById.get(po.getProduct().id);
            products.add(new Plan.ProductPlan(po.getAccount().getAccountId(), pr.id(), pr.name(), t.pairUplift[q],
                    t.pairValue[q] / (double) Coefficients.SCALE));
        }
        List<Plan.SoldierPlan> soldiers = new ArrayList<>();
        for (int s = 0; s < t.soldiers; s++) {
            Soldier so = sc.soldiers().get(s);
            double h = used[s] / (double) Coefficients.SCALE;
            double cap = t.capacity[s] / (double) Coefficients.SCALE;
            soldiers.add(new Plan.SoldierPlan(so.id(), so.name(), h, cap, cap > 0 ? h / cap : 0, led[s]));
        }
        Plan.Baseline baseline = baseline(sc, analysis, t, model, planUplift, moved, dropped, uncovered);
        return new Plan(sc.name(), sc.currency(), score.hardScore(), score.mediumScore(), score.softScore(),
                score.softScore() / (double) Coefficients.SCALE, accounts, products, soldiers, baseline, unmet, seconds);
    }

    /** Why account a is uncovered, in one line. */
    private static String uncoveredReason(Coefficients t, int a, int[] choice, String cur) {
        if (t.noOptionReason[a] != null) return t.noOptionReason[a];
        long[] load = new long[t.soldiers];
        for (int b = 0; b < t.accounts; b++) {
            if (choice[b] >= 0) load[t.optSoldier[choice[b]]] += t.optHours[choice[b]];
        }
        int bestO = -1;
        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
            if (bestO < 0 || t.optValue[o] > t.optValue[bestO]) bestO = o;
        }
        long bestFit = Long.MIN_VALUE;
        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
            int s = t.optSoldier[o];
            if (load[s] + t.optHours[o] <= t.capacity[s]) bestFit = Math.max(bestFit, t.optValue[o]);
        }
        if (bestFit == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "no eligible soldier has %.0f h left (all %d eligible are full)",
                    t.optHours[t.optStart[a]] / (double) Coefficients.SCALE,
                    (t.optStart[a + 1] - t.optStart[a]) / Math.max(1, t.levels));
        }
        if (t.optValue[bestO] <= 0) {
            return String.format(Locale.ROOT, "covering it does not pay: best objective value %,.0f%s", t.optValue[bestO] / 100.0, cur);
        }
        return String.format(Locale.ROOT, "eligible soldiers' hours earn more on other accounts (best use here: %s, %,.0f%s for %.0f h)",
                t.soldierId[t.optSoldier[bestO]], t.optValue[bestO] / 100.0, cur, t.optHours[bestO] / 100.0);
    }

    /** Today's owners at standard effort and no new products, valued with the same coefficients. */
    private static Plan.Baseline baseline(Scenario sc, Analysis analysis, Coefficients t, ResponseModel model,
                                          double planUplift, int moved, int dropped, List<Plan.Uncovered> uncovered) {
        AssignmentParams p = sc.assignment();
        int std = p.standardEffort();
        Map<String, Relationship> rel = sc.relationshipIndex();
        long objective = 0;
        double uplift = 0;
        long[] load = new long[t.soldiers];
        List<String> problems = new ArrayList<>();
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
                load[ow] += Coefficients.scaled(hours * p.effortLevels()[std]);
                String why = Coefficients.ineligibility(so, ac, t.rating[a], p);
                problems.add("today's owner " + so.id() + " of " + ac.id() + " is not eligible: " + why);
            }
        }
        for (int s = 0; s < t.soldiers; s++) {
            if (load[s] > t.capacity[s]) {
                problems.add(String.format(Locale.ROOT, "today %s is over capacity: %.0f h of %.0f h",
                        t.soldierId[s], load[s] / 100.0, t.capacity[s] / 100.0));
            }
        }
        return new Plan.Baseline(objective / (double) Coefficients.SCALE, uplift, planUplift, planUplift - uplift,
                moved, dropped, uncovered, problems);
    }
}
