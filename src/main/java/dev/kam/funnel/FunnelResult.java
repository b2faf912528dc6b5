package dev.kam.funnel;

import dev.kam.domain.MechanismParams.Funnel;

import java.util.List;

/**
 * The sales funnel measured from pipeline.csv (SPEC §12, 过程管理): counts per stage, stage-to-stage conversion,
 * each soldier's pipeline against the 3–5 rule, and the conversion the simulation can take.
 *
 * @param present    false when the scenario has no pipeline table (then the lists are empty and the
 *                   conversion is null)
 * @param funnel     the funnel's stages and rules
 * @param stages     one row per stage, step 1 first
 * @param soldiers   one row per soldier of the scenario, in its order
 * @param conversion the measured conversion, null when there is no pipeline
 */
public record FunnelResult(boolean present, Funnel funnel, List<StageCount> stages, List<SoldierPipeline> soldiers,
                           MeasuredConversion conversion) {
    public FunnelResult {
        stages = List.copyOf(stages);
        soldiers = List.copyOf(soldiers);
    }

    /**
     * One stage of the snapshot.
     *
     * @param step           1-based step
     * @param name           stage name as configured (the seed's codes by default)
     * @param opportunities  N_k, open opportunities at this step
     * @param value          their summed value (currency/year)
     * @param conversion     N_{k+1} / N_k for steps before the won step (an estimate of the share that moves
     *                       on, see docs/model.md; may exceed 1 when the snapshot is not in steady state); NaN at
     *                       and after the won step and when N_k = 0
     * @param winProbability min(1, N_won / N_k) before the won step, 1 at and after it, NaN when N_k = 0
     * @param active         whether opportunities at this step are active prospects
     */
    public record StageCount(int step, String name, int opportunities, double value, double conversion,
                             double winProbability, boolean active) {
    }

    /** A soldier's active prospects against the rule. */
    public enum Rule {
        BELOW("below"), WITHIN("within"), ABOVE("above");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * One soldier's pipeline.
     *
     * @param opportunities       every open opportunity of the soldier
     * @param activeOpportunities those at an active step
     * @param activeProspects     distinct accounts with an active opportunity (意向客户), the number the rule counts
     * @param value               summed value of every opportunity (currency/year)
     * @param weightedValue       value × win probability of its stage, summed (currency/year); NaN when a stage's
     *                            win probability is unknown
     * @param rule                below, within or above the rule
     * @param processScore        the process score of the star rating (0–1)
     */
    public record SoldierPipeline(String soldierId, String name, int opportunities, int activeOpportunities,
                                  int activeProspects, double value, double weightedValue, Rule rule,
                                  double processScore) {
    }

    /**
     * The prospect conversion measured from the snapshot, as the simulation can take it (see docs/model.md). A
     * covered prospect in the simulation is one a soldier starts to work, so the conversion runs from the funnel's
     * first step.
     *
     * @param winProbability       p̂ = min(1, N_won / N_1): the share of opportunities entering the funnel that sign
     * @param activeWinProbability min(1, N_won / N_from): the share of active prospects that sign
     * @param logStderr            standard error of ln p̂ under Poisson counts, √(1/N_1 + 1/N_won); NaN when a count
     *                             is 0
     * @param cycleYears           L: years from the first step to signing
     * @param cycleFromDates       true when L is the median over dated opportunities before the won step of their
     *                             time to expectedClose scaled to the whole funnel, (won − 1)/(won − k) × time to
     *                             close at step k (equal stage times, the estimator's own assumption); false when
     *                             it is {@code mechanisms.funnel.cycleYears}
     * @param yearly               the yearly conversion probability of a worked prospect, p̂ / max(1, L)
     * @param meanResponseFit      mean of r(1)·fit over the soldier–account pairs of opportunities before the won step
     * @param coveredConversion    the {@code simulation.conversion.covered} that makes the simulation's mean
     *                             conversion over those pairs equal {@code yearly}:
     *                             p_u + (yearly − p_u) / meanResponseFit, clamped to [p_u, 1]
     * @param entryCount           N_1
     * @param activeCount          N_from, at the first active step
     * @param wonCount             N_won
     */
    public record MeasuredConversion(double winProbability, double activeWinProbability, double logStderr,
                                     double cycleYears, boolean cycleFromDates, double yearly, double meanResponseFit,
                                     double coveredConversion, int entryCount, int activeCount, int wonCount) {
    }

    /** Each soldier's process score by id; empty when there is no pipeline. */
    public java.util.Map<String, Double> processScores() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (SoldierPipeline s : soldiers) m.put(s.soldierId(), s.processScore());
        return m;
    }

    /** A soldier's pipeline by id, or null. */
    public SoldierPipeline soldier(String id) {
        for (SoldierPipeline s : soldiers) if (s.soldierId().equals(id)) return s;
        return null;
    }
}
