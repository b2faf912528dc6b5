package dev.kam.scenario;

import dev.kam.domain.FitWeights;
import dev.kam.domain.Problem;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.SimulationParams.Spread;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code simulation:} to {@link SimulationParams}; defaults in {@link SimulationParams#DEFAULT}. Every model
 * parameter ({@link Param}) may be a number or a distribution over paths, {@code {mean: 0.05, sd: 0.02}} or
 * {@code {low: 0.02, high: 0.08}} (SPEC §8 parameter uncertainty), truncated to the parameter's valid range.
 */
final class SimulationKeys {
    private SimulationKeys() {
    }

    /** What one read collects besides the values: the spreads and the parameters the file set. */
    private static final class Collected {
        final Map<Param, Spread> spreads = new EnumMap<>(Param.class);
        final Set<Param> given = EnumSet.noneOf(Param.class);
    }

    static SimulationParams read(Section s) {
        SimulationParams d = SimulationParams.DEFAULT;
        Collected c = new Collected();
        int paths = s.integer("paths", d.paths(), 1, 100_000_000);
        long seed = s.integer("seed", (int) d.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        int threads = s.integer("threads", d.threads(), 0, 1024);
        Section g = s.section("marketGrowth");
        double gm = param(g, "mean", Param.GROWTH_MEAN, d.growthMean(), c);
        double gsd = param(g, "sd", Param.GROWTH_SD, d.growthSd(), c);
        Section cr = s.section("correlation");
        double cm = param(cr, "market", Param.CORR_MARKET, d.corrMarket(), c);
        double ci = param(cr, "industry", Param.CORR_INDUSTRY, d.corrIndustry(), c);
        if (cm + ci > 1) cr.error("industry", "market + industry correlation (" + (cm + ci) + ") must be at most 1");
        Section ch = s.section("churn");
        double chc = param(ch, "covered", Param.CHURN_COVERED, d.churnCovered(), c);
        double chu = param(ch, "uncovered", Param.CHURN_UNCOVERED, d.churnUncovered(), c);
        double chr = param(ch, "atRisk", Param.CHURN_AT_RISK, d.churnAtRisk(), c);
        double ceiling = param(s, "shareCeiling", Param.SHARE_CEILING, d.shareCeiling(), c);
        Section sg = s.section("shareGain");
        double sgc = param(sg, "covered", Param.GAIN_COVERED, d.gainCovered(), c);
        double sgu = param(sg, "uncovered", Param.GAIN_UNCOVERED, d.gainUncovered(), c);
        double erosion = param(s, "shareErosion", Param.SHARE_EROSION, Double.NaN, c);
        Section cv = s.section("conversion");
        double cvc = param(cv, "covered", Param.CONVERSION_COVERED, d.conversionCovered(), c);
        double cvu = param(cv, "uncovered", Param.CONVERSION_UNCOVERED, d.conversionUncovered(), c);
        double init = param(s, "initialShare", Param.INITIAL_SHARE, d.initialShare(), c);
        double adopt = param(s, "productAdoption", Param.PRODUCT_ADOPTION, d.productAdoption(), c);
        double arrivals = param(s, "newProspectsPerYear", Param.NEW_PROSPECTS, d.newProspectsPerYear(), c);
        Section r = s.section("response");
        double shape = param(r, "shape", Param.RESPONSE_SHAPE, d.responseShape(), c);
        double half = param(r, "halfEffort", Param.RESPONSE_HALF, d.responseHalf(), c);
        Section f = s.section("fit");
        FitWeights fd = d.fit();
        FitWeights fit = new FitWeights(f.fraction("industry", fd.industry()), f.fraction("region", fd.region()),
                f.fraction("stars", fd.stars()), f.fraction("relationship", fd.relationship()),
                f.fraction("defaultStrength", fd.defaultStrength()), f.fraction("ownerStrength", fd.ownerStrength()));
        double sum = fit.industry() + fit.region() + fit.stars() + fit.relationship();
        if (f.present() && Math.abs(sum - 1) > 1e-9) {
            f.error("industry", "fit weights industry + region + stars + relationship (" + sum + ") must add up to 1");
        }
        return new SimulationParams(paths, seed, threads, gm, gsd, cm, ci, chc, chu, ceiling, sgc, sgu, cvc, cvu,
                init, adopt, arrivals, shape, half, fit, erosion, Double.NaN, chr, c.spreads, c.given, Set.of());
    }

    /**
     * One model parameter: a number within the parameter's range, or a mapping {@code {mean, sd}} /
     * {@code {low, high}}, whose centre is returned and whose distribution is collected.
     */
    private static double param(Section s, String key, Param q, double def, Collected c) {
        if (s.isMapping(key)) {
            Section m = s.section(key);
            boolean normal = m.has("mean") || m.has("sd");
            boolean uniform = m.has("low") || m.has("high");
            String rule = "give either {mean, sd} (a normal distribution) or {low, high} (a uniform range), e.g. "
                    + key + ": {mean: " + Problem.show(Double.isNaN(def) ? 0.05 : def) + ", sd: 0.01}";
            if (normal == uniform) {
                s.error(key, (normal ? "mixes mean/sd with low/high: " : "is an empty distribution: ") + rule);
                return def;
            }
            if (normal) {
                if (!m.has("mean") || !m.has("sd")) {
                    m.error(m.has("mean") ? "sd" : "mean", "is missing: " + rule);
                    return def;
                }
                double mean = m.number("mean", Double.NaN, q.min(), q.max());
                double sd = m.number("sd", Double.NaN, 0, Double.POSITIVE_INFINITY);
                if (Double.isNaN(mean) || Double.isNaN(sd)) return def;
                c.spreads.put(q, Spread.normal(mean, sd));
                c.given.add(q);
                return mean;
            }
            if (!m.has("low") || !m.has("high")) {
                m.error(m.has("low") ? "high" : "low", "is missing: " + rule);
                return def;
            }
            double lo = m.number("low", Double.NaN, q.min(), q.max());
            double hi = m.number("high", Double.NaN, q.min(), q.max());
            if (Double.isNaN(lo) || Double.isNaN(hi)) return def;
            if (hi < lo) {
                m.error("high", "(" + Problem.show(hi) + ") must be at least low (" + Problem.show(lo) + ")");
                return def;
            }
            c.spreads.put(q, Spread.uniform(lo, hi));
            c.given.add(q);
            return (lo + hi) / 2;
        }
        double v = s.number(key, Double.NaN, q.min(), q.max());
        if (Double.isNaN(v)) return def;
        c.given.add(q);
        return v;
    }
}
