package dev.kam.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Parameters of the Monte Carlo model (SPEC §5, §8), all per year. Keys under {@code simulation:}.
 *
 * <p>A parameter given as a distribution ({@code {mean, sd}} or {@code {low, high}}, SPEC §8 "parameter
 * uncertainty") has its centre in the scalar field (the mean, or the middle of the range: what the optimizer
 * and the targets use) and its distribution in {@link #spreads()}; the simulation draws it once per path.
 *
 * @param paths               number of Monte Carlo paths
 * @param seed                master seed
 * @param threads             worker threads (0 = all cores); never changes the numbers
 * @param growthMean          g, expected yearly wallet growth
 * @param growthSd            σ, volatility of the wallet's log-growth
 * @param corrMarket          a², share of shock variance common to all accounts
 * @param corrIndustry        b², share of shock variance common to an industry
 * @param churnCovered        yearly churn probability of a covered active account
 * @param churnUncovered      yearly churn probability of an uncovered active account
 * @param shareCeiling        s_max, the share of wallet an account can reach
 * @param gainCovered         k at full response and fit
 * @param gainUncovered       k when uncovered
 * @param conversionCovered   yearly prospect conversion at full response and fit
 * @param conversionUncovered yearly prospect conversion when uncovered
 * @param initialShare        share of wallet of a converted prospect
 * @param productAdoption     yearly probability that an offered product is adopted
 * @param newProspectsPerYear Poisson mean of new prospects per year
 * @param responseShape       c of the response curve r(e) = e^c / (d^c + e^c)
 * @param responseHalf        d of the response curve: the effort (multiple of base hours) with half response
 * @param fit                 soldier–account fit weights
 * @param shareErosion        δ, the yearly share of a surviving account's share of wallet that competitors take;
 *                            NaN = the status-quo-neutral default, derived from the scenario's accounts
 *                            ({@link #derivedErosion})
 * @param derivedErosion      the status-quo-neutral δ of the scenario these parameters belong to (set when the
 *                            {@link Scenario} is built; NaN before)
 * @param churnAtRisk         yearly churn probability of an uncovered account whose stage is {@code at-risk}
 * @param spreads             parameters drawn per path, with their distribution (empty: none)
 * @param given               parameters the scenario file (or {@code --set}) sets, as a value or a distribution
 * @param calibrated          parameters whose value and spread came from {@code kam calibrate}'s fit of history.csv
 */
public record SimulationParams(int paths, long seed, int threads,
                               double growthMean, double growthSd,
                               double corrMarket, double corrIndustry,
                               double churnCovered, double churnUncovered,
                               double shareCeiling, double gainCovered, double gainUncovered,
                               double conversionCovered, double conversionUncovered,
                               double initialShare, double productAdoption, double newProspectsPerYear,
                               double responseShape, double responseHalf, FitWeights fit,
                               double shareErosion, double derivedErosion, double churnAtRisk,
                               Map<Param, Spread> spreads, Set<Param> given, Set<Param> calibrated) {
    /** Yearly churn of an uncovered at-risk account by default: about twice an ordinary uncovered account's. */
    public static final double DEFAULT_CHURN_AT_RISK = 0.25;

    public SimulationParams {
        spreads = spreads == null || spreads.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(spreads));
        given = given == null || given.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(given));
        calibrated = calibrated == null || calibrated.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(calibrated));
    }

    /** The wave-1 parameter set: no explicit erosion (status-quo neutral), default at-risk churn, nothing uncertain. */
    public SimulationParams(int paths, long seed, int threads,
                            double growthMean, double growthSd,
                            double corrMarket, double corrIndustry,
                            double churnCovered, double churnUncovered,
                            double shareCeiling, double gainCovered, double gainUncovered,
                            double conversionCovered, double conversionUncovered,
                            double initialShare, double productAdoption, double newProspectsPerYear,
                            double responseShape, double responseHalf, FitWeights fit) {
        this(paths, seed, threads, growthMean, growthSd, corrMarket, corrIndustry, churnCovered, churnUncovered,
                shareCeiling, gainCovered, gainUncovered, conversionCovered, conversionUncovered, initialShare,
                productAdoption, newProspectsPerYear, responseShape, responseHalf, fit, Double.NaN, Double.NaN,
                DEFAULT_CHURN_AT_RISK, Map.of(), Set.of(), Set.of());
    }

    public static final SimulationParams DEFAULT = new SimulationParams(10_000, 1L, 0,
            0.05, 0.10, 0.30, 0.20, 0.03, 0.12, 0.80, 0.15, 0.02, 0.25, 0.03, 0.10, 0.50, 20,
            2.0, 0.5, FitWeights.DEFAULT);

    /** δ in use: the given share erosion, else the derived status-quo-neutral one (NaN when neither is known). */
    public double erosion() {
        return Double.isNaN(shareErosion) ? derivedErosion : shareErosion;
    }

    /** Whether δ is the status-quo-neutral default (derived from the accounts) rather than a given value. */
    public boolean erosionDerived() {
        return Double.isNaN(shareErosion);
    }

    /** Whether any parameter is drawn per path (second-order Monte Carlo). */
    public boolean uncertain() {
        return !spreads.isEmpty();
    }

    /** The value of a parameter (its centre when it has a spread; NaN erosion while it is derived and unknown). */
    public double get(Param q) {
        return switch (q) {
            case GROWTH_MEAN -> growthMean;
            case GROWTH_SD -> growthSd;
            case CORR_MARKET -> corrMarket;
            case CORR_INDUSTRY -> corrIndustry;
            case CHURN_COVERED -> churnCovered;
            case CHURN_UNCOVERED -> churnUncovered;
            case CHURN_AT_RISK -> churnAtRisk;
            case SHARE_CEILING -> shareCeiling;
            case GAIN_COVERED -> gainCovered;
            case GAIN_UNCOVERED -> gainUncovered;
            case SHARE_EROSION -> erosion();
            case CONVERSION_COVERED -> conversionCovered;
            case CONVERSION_UNCOVERED -> conversionUncovered;
            case INITIAL_SHARE -> initialShare;
            case PRODUCT_ADOPTION -> productAdoption;
            case NEW_PROSPECTS -> newProspectsPerYear;
            case RESPONSE_SHAPE -> responseShape;
            case RESPONSE_HALF -> responseHalf;
        };
    }

    /** Every parameter's value in {@link Param} order (the array the simulation's per-path draws fill). */
    public double[] values() {
        Param[] all = Param.values();
        double[] v = new double[all.length];
        for (int i = 0; i < all.length; i++) v[i] = get(all[i]);
        return v;
    }

    /**
     * A copy with one parameter fixed at a value (clamped to its valid range) and no spread; setting
     * {@link Param#SHARE_EROSION} makes erosion a given value.
     */
    public SimulationParams with(Param q, double value) {
        double v = q.clamp(value);
        Map<Param, Spread> sp = new EnumMap<>(Param.class);
        sp.putAll(spreads);
        sp.remove(q);
        return set(q, v, sp, given, calibrated);
    }

    /** A copy in which a parameter has a distribution; its scalar value becomes the distribution's centre. */
    public SimulationParams withSpread(Param q, Spread spread) {
        Map<Param, Spread> sp = new EnumMap<>(Param.class);
        sp.putAll(spreads);
        sp.put(q, spread);
        return set(q, q.clamp(spread.centre()), sp, given, calibrated);
    }

    /** A copy with other provenance sets (which parameters the file set, which came from calibration). */
    public SimulationParams withProvenance(Set<Param> newGiven, Set<Param> newCalibrated) {
        return new SimulationParams(paths, seed, threads, growthMean, growthSd, corrMarket, corrIndustry,
                churnCovered, churnUncovered, shareCeiling, gainCovered, gainUncovered, conversionCovered,
                conversionUncovered, initialShare, productAdoption, newProspectsPerYear, responseShape, responseHalf,
                fit, shareErosion, derivedErosion, churnAtRisk, spreads, newGiven, newCalibrated);
    }

    /** A copy that knows the status-quo-neutral erosion of its scenario. */
    public SimulationParams withDerivedErosion(double delta) {
        return new SimulationParams(paths, seed, threads, growthMean, growthSd, corrMarket, corrIndustry,
                churnCovered, churnUncovered, shareCeiling, gainCovered, gainUncovered, conversionCovered,
                conversionUncovered, initialShare, productAdoption, newProspectsPerYear, responseShape, responseHalf,
                fit, shareErosion, delta, churnAtRisk, spreads, given, calibrated);
    }

    /** A copy without any spread: every parameter at its centre (first-order Monte Carlo). */
    public SimulationParams withoutSpreads() {
        return new SimulationParams(paths, seed, threads, growthMean, growthSd, corrMarket, corrIndustry,
                churnCovered, churnUncovered, shareCeiling, gainCovered, gainUncovered, conversionCovered,
                conversionUncovered, initialShare, productAdoption, newProspectsPerYear, responseShape, responseHalf,
                fit, shareErosion, derivedErosion, churnAtRisk, Map.of(), given, calibrated);
    }

    /** A copy with other run settings. */
    public SimulationParams withRun(int newPaths, long newSeed, int newThreads) {
        return new SimulationParams(newPaths, newSeed, newThreads, growthMean, growthSd, corrMarket, corrIndustry,
                churnCovered, churnUncovered, shareCeiling, gainCovered, gainUncovered, conversionCovered,
                conversionUncovered, initialShare, productAdoption, newProspectsPerYear, responseShape, responseHalf,
                fit, shareErosion, derivedErosion, churnAtRisk, spreads, given, calibrated);
    }

    private SimulationParams set(Param q, double v, Map<Param, Spread> sp, Set<Param> g, Set<Param> c) {
        double[] x = {growthMean, growthSd, corrMarket, corrIndustry, churnCovered, churnUncovered, churnAtRisk,
                shareCeiling, gainCovered, gainUncovered, shareErosion, conversionCovered, conversionUncovered,
                initialShare, productAdoption, newProspectsPerYear, responseShape, responseHalf};
        x[q.ordinal()] = v;
        return new SimulationParams(paths, seed, threads, x[0], x[1], x[2], x[3], x[4], x[5], x[7], x[8], x[9],
                x[11], x[12], x[13], x[14], x[15], x[16], x[17], fit, x[10], derivedErosion, x[6], sp, g, c);
    }

    /**
     * The numeric model parameters, in the order the simulation draws them (one uniform each per path, whether
     * or not the parameter is uncertain, so that adding a spread to one parameter never shifts another's draw).
     * Each has its YAML key under {@code simulation:}, its valid range, and the default plausible range of the
     * tornado (SPEC §8) used when neither calibration nor the file gives one.
     */
    public enum Param {
        GROWTH_MEAN("marketGrowth.mean", -0.99, 10, Range.ABSOLUTE, -0.05, 0.05),
        GROWTH_SD("marketGrowth.sd", 0, 1, Range.RELATIVE, 0.5, 2.0),
        CORR_MARKET("correlation.market", 0, 1, Range.RELATIVE, 0.5, 1.5),
        CORR_INDUSTRY("correlation.industry", 0, 1, Range.RELATIVE, 0.5, 1.5),
        CHURN_COVERED("churn.covered", 0, 1, Range.RELATIVE, 0.5, 2.0),
        CHURN_UNCOVERED("churn.uncovered", 0, 1, Range.RELATIVE, 0.5, 2.0),
        CHURN_AT_RISK("churn.atRisk", 0, 1, Range.RELATIVE, 0.5, 2.0),
        SHARE_CEILING("shareCeiling", 0, 1, Range.ABSOLUTE, -0.15, 0.15),
        GAIN_COVERED("shareGain.covered", 0, 1, Range.RELATIVE, 0.5, 1.5),
        GAIN_UNCOVERED("shareGain.uncovered", 0, 1, Range.RELATIVE, 0.5, 2.0),
        SHARE_EROSION("shareErosion", 0, 1, Range.RELATIVE, 0.5, 1.5),
        CONVERSION_COVERED("conversion.covered", 0, 1, Range.RELATIVE, 0.5, 1.5),
        CONVERSION_UNCOVERED("conversion.uncovered", 0, 1, Range.RELATIVE, 0.5, 2.0),
        INITIAL_SHARE("initialShare", 0, 1, Range.RELATIVE, 0.5, 2.0),
        PRODUCT_ADOPTION("productAdoption", 0, 1, Range.RELATIVE, 0.5, 1.5),
        NEW_PROSPECTS("newProspectsPerYear", 0, 1_000_000, Range.RELATIVE, 0.5, 1.5),
        RESPONSE_SHAPE("response.shape", 0.1, 10, Range.RELATIVE, 0.5, 1.5),
        RESPONSE_HALF("response.halfEffort", 0.01, 10, Range.RELATIVE, 0.5, 2.0);

        /** How a default tornado range is formed from the parameter's value. */
        public enum Range {
            /** value + lo … value + hi */
            ABSOLUTE,
            /** value × lo … value × hi */
            RELATIVE
        }

        private final String key;
        private final double min;
        private final double max;
        private final Range range;
        private final double lo;
        private final double hi;

        Param(String key, double min, double max, Range range, double lo, double hi) {
            this.key = key;
            this.min = min;
            this.max = max;
            this.range = range;
            this.lo = lo;
            this.hi = hi;
        }

        /** The key under {@code simulation:}, e.g. {@code churn.covered}. */
        public String key() {
            return key;
        }

        /** Smallest valid value. */
        public double min() {
            return min;
        }

        /** Largest valid value. */
        public double max() {
            return max;
        }

        /** The value clamped to the valid range. */
        public double clamp(double v) {
            return Math.max(min, Math.min(max, v));
        }

        /** The documented default plausible range around a value: {low, high}, clamped to the valid range. */
        public double[] defaultRange(double value) {
            double a = range == Range.ABSOLUTE ? value + lo : value * lo;
            double b = range == Range.ABSOLUTE ? value + hi : value * hi;
            return new double[] {clamp(Math.min(a, b)), clamp(Math.max(a, b))};
        }

        public Range rangeKind() {
            return range;
        }

        public double rangeLow() {
            return lo;
        }

        public double rangeHigh() {
            return hi;
        }

        /** The parameter of a {@code simulation:} key, or null. */
        public static Param ofKey(String key) {
            for (Param p : values()) if (p.key.equals(key)) return p;
            return null;
        }
    }

    /**
     * A parameter's distribution over paths: normal {@code {mean, sd}} or uniform {@code {low, high}}, truncated to the
     * parameter's valid range.
     *
     * @param normal true for {@code {mean, sd}}, false for {@code {low, high}}
     * @param a      mean, or low
     * @param b      standard deviation (≥ 0), or high (≥ low)
     */
    public record Spread(boolean normal, double a, double b) {
        public Spread {
            if (!(Double.isFinite(a) && Double.isFinite(b))) throw new IllegalArgumentException("spread must be finite");
            if (normal && b < 0) throw new IllegalArgumentException("sd (" + b + ") must be at least 0");
            if (!normal && b < a) throw new IllegalArgumentException("high (" + b + ") must be at least low (" + a + ")");
        }

        public static Spread normal(double mean, double sd) {
            return new Spread(true, mean, sd);
        }

        public static Spread uniform(double low, double high) {
            return new Spread(false, low, high);
        }

        /** The value used where one number is needed (optimizer, targets): the mean, or the middle of the range. */
        public double centre() {
            return normal ? a : (a + b) / 2;
        }

        /** The central 95% range (mean ± 1.96 sd, or low … high), clamped to [min, max]: the tornado's plausible range. */
        public double[] range95(double min, double max) {
            double lo = normal ? a - 1.959963984540054 * b : a;
            double hi = normal ? a + 1.959963984540054 * b : b;
            return new double[] {Math.max(min, Math.min(max, lo)), Math.max(min, Math.min(max, hi))};
        }

        /** The largest value a draw can take within [min, max] (for sizing buffers). */
        public double upper(double min, double max) {
            return Math.max(min, Math.min(max, normal ? a + 9 * b : b));
        }
    }
}
