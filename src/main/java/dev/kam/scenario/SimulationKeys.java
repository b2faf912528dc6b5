package dev.kam.scenario;

import dev.kam.domain.FitWeights;
import dev.kam.domain.SimulationParams;

/** Binds {@code simulation:} to {@link SimulationParams}; defaults in {@link SimulationParams#DEFAULT}. */
final class SimulationKeys {
    private SimulationKeys() {
    }

    static SimulationParams read(Section s) {
        SimulationParams d = SimulationParams.DEFAULT;
        int paths = s.integer("paths", d.paths(), 1, 100_000_000);
        long seed = s.integer("seed", (int) d.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        int threads = s.integer("threads", d.threads(), 0, 1024);
        Section g = s.section("marketGrowth");
        double gm = g.number("mean", d.growthMean(), -0.99, 10);
        // a yearly volatility above 100% overflows the lognormal shocks over a long horizon
        double gsd = g.number("sd", d.growthSd(), 0, 1);
        Section c = s.section("correlation");
        double cm = c.fraction("market", d.corrMarket());
        double ci = c.fraction("industry", d.corrIndustry());
        if (cm + ci > 1) c.error("industry", "market + industry correlation (" + (cm + ci) + ") must be at most 1");
        Section ch = s.section("churn");
        double chc = ch.fraction("covered", d.churnCovered());
        double chu = ch.fraction("uncovered", d.churnUncovered());
        double ceiling = s.fraction("shareCeiling", d.shareCeiling());
        Section sg = s.section("shareGain");
        double sgc = sg.fraction("covered", d.gainCovered());
        double sgu = sg.fraction("uncovered", d.gainUncovered());
        Section cv = s.section("conversion");
        double cvc = cv.fraction("covered", d.conversionCovered());
        double cvu = cv.fraction("uncovered", d.conversionUncovered());
        double init = s.fraction("initialShare", d.initialShare());
        double adopt = s.fraction("productAdoption", d.productAdoption());
        double arrivals = s.number("newProspectsPerYear", d.newProspectsPerYear(), 0, 1_000_000);
        Section r = s.section("response");
        double shape = r.number("shape", d.responseShape(), 0.1, 10);
        double half = r.number("halfEffort", d.responseHalf(), 0.01, 10);
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
                init, adopt, arrivals, shape, half, fit);
    }
}
