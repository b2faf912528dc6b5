package dev.kam.simulation;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.SimulationParams.Spread;
import dev.kam.domain.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wave-2 model (SPEC §8, docs/model.md, “What the optimizer maximizes is what the simulation does”): the optimizer's coefficients are the simulation's first-year
 * expectation (prospects with products, relationships.csv values, moves and drops), the status quo is neutral,
 * common random numbers are exact, and parameters drawn per path follow their distributions.
 */
class ForecastModelTest {
    private static final int PATHS = 40_000;

    /** The fixture scenario with arrivals off and relationships: values on a plan pair, a prospect pair and an owner pair. */
    private static Scenario withValues(SimulationParams p) {
        Scenario base = Fixtures.scenario(p, 3);
        List<Relationship> rel = List.of(
                new Relationship("s2", "a5", Double.NaN, Double.NaN, 400_000),   // active, led by s2 in the plan
                new Relationship("s1", "a9", Double.NaN, Double.NaN, 150_000),   // prospect, led by s1 in the plan
                new Relationship("s1", "a4", Double.NaN, Double.NaN, 250_000));  // a4's owner: moves δ
        return new Scenario("values", "CNY", 2026, "values.yaml", base.accounts(), base.soldiers(), base.products(),
                rel, base.analysis(), base.strategy(), base.assignment(), base.simulation());
    }

    private static SimulationParams noArrivals() {
        SimulationParams d = SimulationParams.DEFAULT;
        return new SimulationParams(d.paths(), d.seed(), 1, d.growthMean(), d.growthSd(), d.corrMarket(),
                d.corrIndustry(), d.churnCovered(), d.churnUncovered(), d.shareCeiling(), d.gainCovered(),
                d.gainUncovered(), d.conversionCovered(), d.conversionUncovered(), d.initialShare(),
                d.productAdoption(), 0, d.responseShape(), d.responseHalf(), d.fit());
    }

    /**
     * A plan that keeps some owners, moves a2 and a6 from s2 to s1, drops a8 (owned by s1), covers the
     * prospects a9 and a19 with products, offers the product to active accounts, and leads a5 (uncovered today) by s2.
     */
    private static Coverage plan(Scenario s) {
        Map<String, Coverage.Lead> leads = new HashMap<>(Coverage.baseline(s, new ResponseModel(s.simulation())).leads());
        leads.put("a2", new Coverage.Lead("s1", 1.5, 0.4));
        leads.put("a6", new Coverage.Lead("s1", 0.5, 0.7));
        leads.remove("a8");
        leads.put("a5", new Coverage.Lead("s2", 1.0, 0.5));
        leads.put("a3", new Coverage.Lead("s2", 1.0, 0.45));
        leads.put("a9", new Coverage.Lead("s1", 1.5, 0.6));
        leads.put("a19", new Coverage.Lead("s1", 1.0, 0.8));
        Map<String, List<String>> products = Map.of("a9", List.of("p1"), "a19", List.of("p1"), "a3", List.of("p1"),
                "a2", List.of("p1"), "a5", List.of("p1"));
        return new Coverage("plan", leads, products);
    }

    private static double value(Scenario s, String soldier, String account) {
        Relationship r = s.relationshipIndex().get(Scenario.pairKey(soldier, account));
        return r == null ? Double.NaN : r.value();
    }

    @Test
    void theObjectivesTermsAreTheSimulationsFirstYearExpectation() {
        Scenario s = withValues(noArrivals());
        ResponseModel rm = new ResponseModel(s.simulation());
        Coverage baseline = Coverage.baseline(s, rm);
        Coverage plan = plan(s);
        Product p1 = s.products().get(0);
        double switching = s.assignment().switchingCost();

        // the optimizer's objective (before rating weights): cover uplift + product uplift − switching cost of
        // moves and drops, against leaving everything uncovered; the baseline's the same with today's owners
        double objective = 0;
        double baselineObjective = 0;
        int moves = 0;
        int drops = 0;
        int prospectOffers = 0;
        for (Account a : s.accounts()) {
            Coverage.Lead l = plan.lead(a);
            if (l != null) {
                double v = value(s, l.soldierId(), a.id());
                objective += rm.coverUplift(a, l.effort(), l.fit(), v);
                for (String pid : plan.products().getOrDefault(a.id(), List.of())) {
                    objective += rm.productUplift(a, p1, l.effort(), l.fit(), v);
                    if (a.isProspect()) prospectOffers++;
                }
            }
            if (plan.changesLead(a) && !a.isProspect()) {
                objective -= ResponseModel.switchingCost(a, switching);
                if (l == null) drops++;
                else moves++;
            }
            Coverage.Lead b = baseline.lead(a);
            if (b != null) baselineObjective += rm.coverUplift(a, b.effort(), b.fit(), value(s, b.soldierId(), a.id()));
        }
        assertTrue(moves >= 2 && drops >= 1 && prospectOffers == 2, moves + " moves, " + drops + " drops");
        // a value override at standard effort is exactly the pair's uplift
        Account a5 = s.accounts().get(5);
        assertEquals(400_000, rm.coverUplift(a5, 1.0, 0.5, 400_000), 1e-6);
        Account a9 = s.accounts().get(9);
        assertTrue(a9.isProspect());
        assertEquals(150_000, rm.coverUplift(a9, 1.0, 0.1, 150_000), 1e-6);

        double expectedPlan = Simulator.expectedFirstYearProfit(s, plan);
        double expectedBase = Simulator.expectedFirstYearProfit(s, baseline);
        assertEquals(objective - baselineObjective, expectedPlan - expectedBase, 1e-6 * Math.abs(expectedPlan),
                "the plan's objective gain is its expected first-year gross-profit gain");

        PlanComparison c = Simulator.compare(s, null, baseline, plan, new SimulationOptions(PATHS, 31, 2));
        Stats gp = c.plan().stats(Metric.GROSS_PROFIT, 0);
        assertTrue(Math.abs(gp.mean() - expectedPlan) <= 4 * gp.stderr(),
                "plan: simulated " + gp.mean() + " ± " + gp.stderr() + " vs " + expectedPlan);
        Stats gb = c.baseline().stats(Metric.GROSS_PROFIT, 0);
        assertTrue(Math.abs(gb.mean() - expectedBase) <= 4 * gb.stderr(),
                "baseline: simulated " + gb.mean() + " ± " + gb.stderr() + " vs " + expectedBase);
        Difference up = c.firstYearUplift();
        assertTrue(Math.abs(up.value() - (expectedPlan - expectedBase)) <= 4 * up.stderr(),
                "uplift " + up.value() + " ± " + up.stderr() + " vs " + (expectedPlan - expectedBase));
        assertEquals(expectedPlan - expectedBase, c.expectedFirstYearUplift(), 1e-9 * Math.abs(expectedPlan));
    }

    @Test
    void aDropCostsItsSwitchingCostInTheFirstYear() {
        Scenario s = withValues(noArrivals());
        ResponseModel rm = new ResponseModel(s.simulation());
        Coverage baseline = Coverage.baseline(s, rm);
        Account a8 = s.accounts().get(8);
        Map<String, Coverage.Lead> leads = new HashMap<>(baseline.leads());
        leads.remove(a8.id());
        Coverage drop = new Coverage("drop", leads, Map.of());
        double cost = ResponseModel.switchingCost(a8, s.assignment().switchingCost());
        Coverage.Lead owner = baseline.lead(a8);
        // dropping loses the cover uplift and costs the switching cost: both through ResponseModel
        double expected = -rm.coverUplift(a8, owner.effort(), owner.fit()) - cost;
        assertEquals(expected, Simulator.expectedFirstYearProfit(s, drop) - Simulator.expectedFirstYearProfit(s, baseline),
                1e-6);
        PlanComparison c = Simulator.compare(s, null, baseline, drop, new SimulationOptions(PATHS, 32, 2));
        Difference d = c.firstYearUplift();
        assertTrue(Math.abs(d.value() - expected) <= 4 * d.stderr() && d.value() < 0,
                "drop: " + d.value() + " ± " + d.stderr() + " vs " + expected);
        double bump = rm.churnBump(a8, null, Double.NaN, List.of(), s.assignment().switchingCost());
        assertEquals(cost, bump * rm.profitIfActive(a8, false, 0, 0, Double.NaN, List.of()), 1e-6,
                "the churn bump times the profit at stake is the switching cost");
    }

    @Test
    void theStatusQuoHoldsTheSurvivorsShareOfWallet() {
        Scenario s = withValues(noArrivals());
        SimulationParams p = s.simulation();
        ResponseModel rm = new ResponseModel(p);
        assertTrue(p.erosionDerived() && p.erosion() > 0, "derived erosion " + p.erosion());
        Coverage owners = Coverage.baseline(s, rm);
        double next = 0;
        double today = 0;
        double revenueNextIfShareHeld = 0;
        for (Account a : s.accounts()) {
            if (a.isProspect()) continue;
            Coverage.Lead l = owners.lead(a);
            boolean cov = l != null;
            double q = rm.churn(a, cov);
            double k = cov ? rm.shareGain(a, 1.0, l.fit(), value(s, l.soldierId(), a.id())) : p.gainUncovered();
            next += (1 - q) * a.wallet() * rm.nextShare(a.shareOfWallet(), k);
            today += (1 - q) * a.wallet() * a.shareOfWallet();
            revenueNextIfShareHeld += (1 - q) * a.revenue() * (1 + p.growthMean());
        }
        assertEquals(today, next, 1e-9 * today, "survivors' expected share of wallet after one year is today's");

        // and the simulation's first-year revenue of today's active accounts grows with the market, less churn
        Scenario active = new Scenario("active", "CNY", 2026, "a.yaml",
                s.accounts().stream().filter(a -> !a.isProspect()).toList(), s.soldiers(), s.products(),
                s.relationships(), s.analysis(), s.strategy(), s.assignment(), p.withDerivedErosion(p.erosion())
                        .with(Param.SHARE_EROSION, p.erosion()));
        SimulationResult r = Simulator.run(active, null, Coverage.baseline(active, new ResponseModel(active.simulation())),
                new SimulationOptions(PATHS, 33, 2));
        Stats st = r.stats(Metric.TOTAL_REVENUE, 0);
        assertTrue(Math.abs(st.mean() - revenueNextIfShareHeld) <= 4 * st.stderr(),
                st.mean() + " ± " + st.stderr() + " vs " + revenueNextIfShareHeld);
    }

    @Test
    void erosionGivenAsZeroRestoresTheWaveOneShareRule() {
        SimulationParams p = noArrivals().with(Param.SHARE_EROSION, 0.0);
        Scenario s = Fixtures.scenario(p, 1);
        assertEquals(0.0, s.simulation().erosion(), 0.0);
        assertEquals(0.3 + 0.2 * 0.5, ResponseModel.nextShare(0.3, 0.2, 0.8, 0.0), 1e-15);
        assertEquals(0.3 + 0.2 * 0.5 - 0.1 * 0.3, ResponseModel.nextShare(0.3, 0.2, 0.8, 0.1), 1e-15);
        assertEquals(0.9 * 0.9, ResponseModel.nextShare(0.9, 0.2, 0.8, 0.1), 1e-15, "above the ceiling: erodes only");
    }

    // ---- exact common random numbers -------------------------------------------------------------------

    @Test
    void otherProductsForOneAccountLeaveEveryOtherAccountsDrawsAsTheyWere() {
        Scenario s = withValues(SimulationParams.DEFAULT);
        Coverage a = plan(s);
        Map<String, List<String>> more = new HashMap<>(a.products());
        more.put("a3", List.of());              // a3 no longer offered the product
        more.put("a11", List.of("p1"));         // a11 offered it instead
        Coverage b = new Coverage("other", a.leads(), more);
        int checked = 0;
        for (int path = 0; path < 60; path++) {
            double[][] ta = Simulator.trace(s, a, 5, path, null);
            double[][] tb = Simulator.trace(s, b, 5, path, null);
            for (int y = 0; y < ta.length; y++) {
                for (int i = 0; i < ta[y].length; i++) {
                    String id = s.accounts().get(i).id();
                    if (id.equals("a3") || id.equals("a11")) continue;
                    assertEquals(ta[y][i], tb[y][i], 0.0, "path " + path + " year " + y + " account " + id);
                    checked++;
                }
            }
        }
        assertTrue(checked > 5000);
    }

    @Test
    void aSpreadOnTheConversionLeavesEveryAccountThatIsNoProspectAsItWas() {
        // the measured funnel conversion enters with its sampling spread (FunnelConversion): drawn from the path's own
        // parameter uniform, so the accounts active today see every draw as before
        Scenario s = withValues(SimulationParams.DEFAULT);
        Scenario spread = s.withSimulation(s.simulation().withSpread(Param.CONVERSION_COVERED,
                SimulationParams.Spread.normal(s.simulation().conversionCovered(), 0.05)));
        Coverage plan = plan(s);
        int prospectsMoved = 0;
        for (int path = 0; path < 60; path++) {
            double[][] a = Simulator.trace(s, plan, 9, path, null);
            double[][] b = Simulator.trace(spread, plan, 9, path, null);
            for (int y = 0; y < a.length; y++) {
                for (int i = 0; i < a[y].length; i++) {
                    if (s.accounts().get(i).isProspect()) {
                        if (a[y][i] != b[y][i]) prospectsMoved++;
                        continue;
                    }
                    assertEquals(a[y][i], b[y][i], 0.0, "path " + path + " year " + y + " account " + i);
                }
            }
        }
        assertTrue(prospectsMoved > 0, "the drawn conversion does change some prospect's path");
    }

    @Test
    void anotherArrivalRateLeavesTheScenariosAccountsDrawsAsTheyWere() {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 5);
        Scenario more = s.withSimulation(s.simulation().with(Param.NEW_PROSPECTS, 45));
        Coverage plan = Coverage.baseline(s, new ResponseModel(s.simulation()));
        for (int path = 0; path < 60; path++) {
            double[][] a = Simulator.trace(s, plan, 9, path, null);
            double[][] b = Simulator.trace(more, plan, 9, path, null);
            for (int y = 0; y < a.length; y++) assertArrayEquals(a[y], b[y], 0.0, "path " + path + " year " + y);
        }
    }

    @Test
    void aHigherArrivalRateAddsArrivalsAndNeverRemovesOne() {
        double u = 0;
        for (int k = 0; k < 2000; k++) {
            u = (k + 0.5) / 2000;
            int prev = -1;
            for (double lambda : new double[] {0, 0.5, 3, 9.9, 10, 20, 35, 499, 501, 2000}) {
                int n = Rng.poissonInverse(lambda, u);
                assertTrue(n >= prev, "lambda " + lambda + " u " + u);
                prev = n;
            }
        }
        assertTrue(u > 0);
    }

    @Test
    void poissonByInversionHasTheRightMeanAndVariance() {
        Rng r = new Rng(3, 0, 0);
        for (double lambda : new double[] {0.7, 6, 20, 800}) {
            int n = 200_000;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                int k = Rng.poissonInverse(lambda, r.nextDouble());
                sum += k;
                sq += (double) k * k;
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            assertEquals(lambda, mean, 5 * Math.sqrt(lambda / n), "mean at " + lambda);
            // the sample variance of a Poisson has variance about (λ + 2λ²)/n
            assertEquals(lambda, var, 5 * Math.sqrt((lambda + 2 * lambda * lambda) / n), "variance at " + lambda);
        }
    }

    // ---- parameter uncertainty ---------------------------------------------------------------------------

    @Test
    void eachPathDrawsItsOwnParametersFromTheirDistributions() {
        SimulationParams p = SimulationParams.DEFAULT
                .withSpread(Param.GROWTH_MEAN, Spread.normal(0.04, 0.02))
                .withSpread(Param.CHURN_COVERED, Spread.uniform(0.02, 0.06))
                .withSpread(Param.CHURN_UNCOVERED, Spread.normal(0.01, 0.05));   // truncated at 0
        Scenario s = Fixtures.scenario(p, 2);
        Coverage plan = Coverage.baseline(s, new ResponseModel(s.simulation()));
        int n = 4000;
        double[] g = new double[n];
        double[] cc = new double[n];
        double[] cu = new double[n];
        double[] params = new double[Param.values().length];
        for (int path = 0; path < n; path++) {
            Simulator.trace(s, plan, 4, path, params);
            g[path] = params[Param.GROWTH_MEAN.ordinal()];
            cc[path] = params[Param.CHURN_COVERED.ordinal()];
            cu[path] = params[Param.CHURN_UNCOVERED.ordinal()];
            assertEquals(s.simulation().shareCeiling(), params[Param.SHARE_CEILING.ordinal()], 0.0, "fixed stays fixed");
        }
        assertEquals(0.04, Stats.mean(g), 5 * 0.02 / Math.sqrt(n));
        assertEquals(0.02, Math.sqrt(n) * Stats.stderr(g, Stats.mean(g)), 0.1 * 0.02);
        assertEquals(0.04, Stats.mean(cc), 5 * 0.04 / Math.sqrt(12 * n));
        double lo = 1;
        double hi = 0;
        for (double v : cc) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo >= 0.02 && hi <= 0.06 && hi - lo > 0.039);
        // normal(0.01, 0.05) truncated at 0: mean μ + σφ(α)/(1 − Φ(α)), α = −0.2
        double alpha = -0.2;
        double phi = Math.exp(-alpha * alpha / 2) / Math.sqrt(2 * Math.PI);
        double tail = 1 - new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .cumulativeProbability(alpha);
        double truncatedMean = 0.01 + 0.05 * phi / tail;
        for (double v : cu) assertTrue(v >= 0);
        assertEquals(truncatedMean, Stats.mean(cu), 5 * 0.05 / Math.sqrt(n));
        // a path's draw is the same whatever else is uncertain: adding a spread to another parameter keeps it
        double[] again = new double[params.length];
        Scenario wider = s.withSimulation(s.simulation().withSpread(Param.INITIAL_SHARE, Spread.uniform(0.05, 0.15)));
        Simulator.trace(wider, plan, 4, 17, again);
        Simulator.trace(s, plan, 4, 17, params);
        assertEquals(params[Param.GROWTH_MEAN.ordinal()], again[Param.GROWTH_MEAN.ordinal()], 0.0);
        assertNotEquals(s.simulation().initialShare(), again[Param.INITIAL_SHARE.ordinal()]);
    }

    @Test
    void aDerivedErosionIsStatusQuoNeutralForEveryPathsOwnParameters() {
        SimulationParams p = noArrivals().withSpread(Param.GAIN_COVERED, Spread.normal(0.15, 0.04))
                .withSpread(Param.CHURN_UNCOVERED, Spread.uniform(0.05, 0.2))
                .withSpread(Param.RESPONSE_HALF, Spread.uniform(0.3, 0.8));
        for (Scenario s : List.of(Fixtures.scenario(p, 2), withValues(p))) {
            Coverage plan = Coverage.baseline(s, new ResponseModel(s.simulation()));
            double[] drawn = new double[Param.values().length];
            for (int path = 0; path < 20; path++) {
                Simulator.trace(s, plan, 6, path, drawn);
                SimulationParams at = s.simulation().withoutSpreads();
                for (Param q : Param.values()) if (q != Param.SHARE_EROSION) at = at.with(q, drawn[q.ordinal()]);
                at = at.withProvenance(Set.of(), Set.of());
                double expected = ResponseModel.derivedErosion(s.accounts(), s.soldiers(), s.relationships(),
                        new SimulationParams(at.paths(), at.seed(), at.threads(), at.growthMean(), at.growthSd(),
                                at.corrMarket(), at.corrIndustry(), at.churnCovered(), at.churnUncovered(),
                                at.shareCeiling(), at.gainCovered(), at.gainUncovered(), at.conversionCovered(),
                                at.conversionUncovered(), at.initialShare(), at.productAdoption(),
                                at.newProspectsPerYear(), at.responseShape(), at.responseHalf(), at.fit()));
                assertEquals(expected, drawn[Param.SHARE_EROSION.ordinal()], 1e-12, "path " + path);
            }
        }
    }

    @Test
    void parameterUncertaintyWidensTheFanButKeepsItsCentre() {
        SimulationParams fixed = noArrivals();
        Scenario s = Fixtures.scenario(fixed, 5);
        Scenario unsure = s.withSimulation(fixed.withSpread(Param.GROWTH_MEAN, Spread.normal(fixed.growthMean(), 0.03)));
        Coverage plan = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationOptions o = new SimulationOptions(20_000, 34, 2);
        Stats a = Simulator.run(s, null, plan, o).stats(Metric.TOTAL_REVENUE, 4);
        Stats b = Simulator.run(unsure, null, plan, o).stats(Metric.TOTAL_REVENUE, 4);
        assertTrue(b.p95() - b.p5() > 1.2 * (a.p95() - a.p5()), "wider: " + (b.p95() - b.p5()) + " vs " + (a.p95() - a.p5()));
        // E[(1+g)^5] over g ~ N(g0, 0.03²) exceeds (1+g0)^5 only by second-order terms (~0.5%)
        assertEquals(a.mean(), b.mean(), 0.02 * a.mean());
    }

    @Test
    void theSameSeedGivesTheSameUncertainRunOnAnyNumberOfThreads() {
        SimulationParams p = SimulationParams.DEFAULT.withSpread(Param.GAIN_COVERED, Spread.uniform(0.1, 0.2))
                .withSpread(Param.NEW_PROSPECTS, Spread.normal(20, 8));
        Scenario s = Fixtures.scenario(p, 4);
        Coverage plan = Coverage.baseline(s, new ResponseModel(s.simulation()));
        SimulationResult one = Simulator.run(s, null, plan, new SimulationOptions(301, 8, 1));
        SimulationResult three = Simulator.run(s, null, plan, new SimulationOptions(301, 8, 3));
        for (Metric m : Metric.values()) {
            for (int y = 0; y < 4; y++) assertArrayEquals(one.values(m, y), three.values(m, y), 0.0);
        }
    }

    // ---- probabilities and their errors -------------------------------------------------------------------

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // Brown, Cai and DasGupta (2001), and the closed form: 0 of 10 → [0, 0.2775], 5 of 10 → [0.2366, 0.7634]
        Probability zero = Probability.of(0, 10);
        assertEquals(0.0, zero.ciLow(), 1e-12);
        assertEquals(0.27753, zero.ciHigh(), 1e-4);
        Probability half = Probability.of(5, 10);
        assertEquals(0.23659, half.ciLow(), 1e-4);
        assertEquals(0.76341, half.ciHigh(), 1e-4);
        Probability big = Probability.of(6_140, 10_000);
        assertTrue(big.ciLow() < 0.614 && big.ciHigh() > 0.614 && big.ciHigh() - big.ciLow() < 0.02);
    }

    @Test
    void everyTargetHitCarriesItsInterval() {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 4);
        SimulationResult r = Simulator.run(s, Fixtures.targets(s, 0.05),
                Coverage.baseline(s, new ResponseModel(s.simulation())), new SimulationOptions(500, 3, 2));
        assertTrue(r.targetHits().size() >= 4 * 4);
        for (TargetHit h : r.targetHits()) {
            Probability w = Probability.of(Math.round(h.probability() * 500), 500);
            assertEquals(w.ciLow(), h.ciLow(), 1e-12);
            assertEquals(w.ciHigh(), h.ciHigh(), 1e-12);
            assertTrue(h.ciLow() <= h.probability() && h.probability() <= h.ciHigh());
        }
        assertEquals(r.hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), 2030), r.goalProbability().value(), 0.0);
        assertEquals(r.hitProbability(TargetHit.ALL, 2030), r.allGoalsProbability().value(), 0.0);
    }

    @Test
    void pairedDifferencesOfProbabilitiesHaveTheRightStandardError() {
        // two indicators per path: the paired SE is √(var(a − b)/n)
        double[] a = new double[1000];
        double[] b = new double[1000];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < 1000; i++) idx.add(i);
        for (int i = 0; i < 1000; i++) {
            a[i] = i < 600 ? 1 : 0;
            b[i] = i < 500 ? 1 : 0;
        }
        Difference d = Difference.ofHits(a, 1, b, 1);
        assertEquals(0.1, d.value(), 1e-12);
        // differences: 100 ones, 900 zeros: sd = √(0.1·0.9·1000/999)
        assertEquals(Math.sqrt(0.09 * 1000 / 999) / Math.sqrt(1000), d.stderr(), 1e-12);
        assertEquals(idx.size(), d.paths());
    }

    @Test
    void keyAccountsFollowTheIndexedThreshold() {
        // no volatility, no churn, no share moves: revenue stays, the threshold rises 5% a year
        Scenario s = Fixtures.scenario(Fixtures.allOff(0.0), 3);
        Scenario indexed = s.withStrategy(s.strategy().withThresholdGrowth(0.05));
        SimulationResult r = Simulator.run(indexed, null, Coverage.baseline(s, new ResponseModel(s.simulation())),
                new SimulationOptions(2, 1, 1));
        for (int y = 0; y < 3; y++) {
            double threshold = Fixtures.THRESHOLD * Math.pow(1.05, y + 1);
            double ka = 0;
            for (Account a : s.accounts()) if (a.stage() != Stage.PROSPECT && a.revenue() >= threshold) ka += a.revenue();
            assertEquals(ka, r.stats(Metric.KEY_ACCOUNT_REVENUE, y).p50(), 1e-6, "year " + (y + 1));
            assertEquals(threshold, indexed.keyAccountThreshold(2027 + y), 1e-6);
        }
    }
}
