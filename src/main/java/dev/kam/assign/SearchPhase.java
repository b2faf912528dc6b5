package dev.kam.assign;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

import java.util.function.BooleanSupplier;

/**
 * The first solver phase: runs {@link ArraySearch} on the coefficient table and writes its plan (and a
 * greedy product offer) into the working solution, which OptaPlanner's local search then polishes.
 */
final class SearchPhase implements CustomPhaseCommand<AssignmentSolution> {
    private final long seed;
    private final long deadline;
    private final long iterations;
    private final BooleanSupplier stop;
    private final ArraySearch.Listener listener;
    private final int standardEffort;

    SearchPhase(long seed, long deadline, long iterations, BooleanSupplier stop, ArraySearch.Listener listener,
                int standardEffort) {
        this.seed = seed;
        this.deadline = deadline;
        this.iterations = iterations;
        this.stop = stop;
        this.listener = listener;
        this.standardEffort = standardEffort;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<AssignmentSolution> director) {
        AssignmentSolution sol = director.getWorkingSolution();
        Coefficients t = sol.table();
        int[] choice;
        boolean[] offered;
        if (t.pairs() == 0) {
            choice = new ArraySearch(t, seed).run(deadline, iterations, stop, listener);
            offered = ProductFlow.offer(t, choice);
        } else {
            // two rounds: leads alone, then leads with the product value each account unlocks
            long now = System.nanoTime();
            long half = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : now + (deadline - now) / 2;
            choice = new ArraySearch(t, seed).run(half, iterations / 2, stop, listener);
            offered = ProductFlow.offer(t, choice);
            long[] bonus = ArraySearch.productBonus(t, choice, offered);
            int[] second = new ArraySearch(t, seed + 1).withBonus(bonus).run(choice, deadline, iterations - iterations / 2, stop, null);
            boolean[] secondOffers = ProductFlow.offer(t, second);
            if (ArraySearch.total(t, second, secondOffers) > ArraySearch.total(t, choice, offered)) {
                choice = second;
                offered = secondOffers;
            }
        }
        for (AccountAssignment a : sol.getAccounts()) {
            if (a.isPinned()) continue;
            int o = choice[a.getIndex()];
            SoldierFact lead = o < 0 ? null : sol.getSoldiers().get(t.optSoldier[o]);
            Integer effort = o < 0 ? Integer.valueOf(Math.min(standardEffort, t.levels - 1)) : Integer.valueOf(t.optEffort[o]);
            director.beforeVariableChanged(a, "lead");
            a.setLead(lead);
            director.afterVariableChanged(a, "lead");
            director.beforeVariableChanged(a, "effort");
            a.setEffort(effort);
            director.afterVariableChanged(a, "effort");
        }
        for (ProductOffer p : sol.getOffers()) {
            director.beforeVariableChanged(p, "offered");
            p.setOffered(offered[p.getPair()]);
            director.afterVariableChanged(p, "offered");
        }
        director.triggerVariableListeners();
        // a stop requested before the solver started was reset by solve(): ask again, now that it runs
        if (afterStop != null) afterStop.run();
    }

    private Runnable afterStop;

    SearchPhase onStop(Runnable r) {
        afterStop = r;
        return this;
    }
}
