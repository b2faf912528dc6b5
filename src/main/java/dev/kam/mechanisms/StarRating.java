package dev.kam.mechanisms;

import dev.kam.domain.MechanismParams.Stars;

/**
 * The star rating of a soldier (星级评定: 业绩指标, 过程指标, 通关指标 — seed ch. 7, 精机制), as pure functions of
 * numbers so that the simulation can recompute it per soldier, path and year without allocating.
 *
 * <pre>
 * P = min(1, attainment / fullAttainment)                        performance, attainment = delivered / quota
 * Q = n / min  (n &lt; min),  1  (min ≤ n ≤ max),  max / n  (n &gt; max)   process, n = active prospects (3–5 rule)
 * C = certification / 3                                          certification level 0–3 (通关)
 * score = wP·P + wQ·Q + wC·C        (without a pipeline Q cannot be measured and is taken as 1: the rule kept)
 * stars = 1 + #{cuts at or below score}
 * </pre>
 */
public final class StarRating {
    /** Highest certification level (通关). */
    public static final int MAX_CERTIFICATION = 3;
    private static final double EPS = 1e-12;

    private StarRating() {
    }

    /** Performance score 0–1; an attainment of {@code full} or more scores 1, NaN or ≤ 0 scores 0. */
    public static double performance(double attainment, double full) {
        if (!(attainment > 0)) return 0.0;
        return Math.min(1.0, attainment / full);
    }

    /**
     * Process score 0–1 from the number of active prospects against the rule of {@code min}–{@code max}
     * (seed ch. 6: 储备目标客户3-5个意向客户): too few scores in proportion, too many are spread too thin.
     */
    public static double process(int activeProspects, int min, int max) {
        if (activeProspects < min) return (double) activeProspects / min;
        if (activeProspects <= max) return 1.0;
        return max == 0 ? 0.0 : (double) max / activeProspects;
    }

    /** Certification score 0–1: level / 3. */
    public static double certification(int level) {
        return Math.max(0, Math.min(MAX_CERTIFICATION, level)) / (double) MAX_CERTIFICATION;
    }

    /**
     * The weighted score 0–1.
     *
     * @param process process score, or NaN when there is no pipeline to measure it: the rule is then taken as kept
     *                (1), so that the cuts, set around a soldier who meets every standard, keep their meaning
     */
    public static double score(Stars rules, double performance, double process, double certification) {
        double q = Double.isNaN(process) ? 1.0 : process;
        return rules.performance() * performance + rules.process() * q + rules.certification() * certification;
    }

    /** Stars 1–5 of a score: 1 plus the number of cuts (2★ … 5★) at or below it. */
    public static int stars(double score, double[] cuts) {
        int s = 1;
        for (double c : cuts) if (score + EPS >= c) s++;
        return s;
    }

    /** Everything at once: the stars of a soldier-year. */
    public static int stars(Stars rules, double[] cuts, double attainment, double process, int certification) {
        return stars(score(rules, performance(attainment, rules.fullAttainment()), process,
                certification(certification)), cuts);
    }

    /**
     * Whether a lead keeps an account next year: eligibility by stars (assignment.eligibility.minStars of the
     * account's 5A rating) recomputed on this year's stars; a locked account keeps its lead (a manager's
     * decision overrides eligibility, SPEC §9).
     */
    public static boolean leadContinues(int stars, int minStars, boolean locked) {
        return locked || stars >= minStars;
    }

    /** Consecutive years at or below the elimination stars, after a year with these stars. */
    public static int lowYears(int previousLowYears, int stars, Stars rules) {
        return stars <= rules.eliminationStars() ? previousLowYears + 1 : 0;
    }

    /** Whether a soldier is eliminated (以星级作为淘汰标准) after this many low years. */
    public static boolean eliminated(int lowYears, Stars rules) {
        return rules.eliminationYears() > 0 && lowYears >= rules.eliminationYears();
    }
}
