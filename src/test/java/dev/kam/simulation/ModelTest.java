package dev.kam.simulation;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Stage;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistical checks of the model against known answers. */
class ModelTest {

    /** One active account, only wallet volatility: revenue = R(1+g)^t·Π exp(σz − σ²/2), a lognormal. */
    private static Scenario oneAccount(double g, double sd, int horizon) {
        SimulationParams p = Fixtures.with(Fixtures.allOff(g), sd, 0, 0);
        Scenario base = Fixtures.scenario(p, horizon);
        Account a = Fixtures.account("x", "steel", 2_000_000, 4_000_000, Stage.ACTIVE, null);
        return new Scenario("one", "CNY", 2026, "one.yaml", List.of(a), base.soldiers(), base.products(),
                List.of(), base.analysis(), base.strategy(), base.assignment(), p);
    }

    @Test
    void lognormalWalletKeepsItsMeanAtAnyVolatility() {
        for (double sd : new double[] {0.1, 0.4}) {
            Scenario s = oneAccount(0.05, sd, 5);
            SimulationResult r = Simulator.run(s, null, new Coverage("none", Map.of(), Map.of()),
                    new SimulationOptions(40_000, 11, 2));
            for (int y = 0; y < 5; y++) {
                double expected = 2_000_000 * Math.pow(1.05, y + 1);
                Stats st = r.stats(Metric.TOTAL_REVENUE, y);
                assertTrue(Math.abs(st.mean() - expected) <= 4 * st.stderr(),
                        "sd " + sd + " year " + (y + 1) + ": " + st.mean() + " vs " + expected);
                // the log-variance after t years is tσ², so the sd is E·√(exp(tσ²) − 1)
                double trueSe = expected * Math.sqrt(Math.expm1((y + 1) * sd * sd)) / Math.sqrt(40_000);
                assertEquals(trueSe, st.stderr(), 0.15 * trueSe);
            }
        }
    }

    @Test
    void percentilesMatchTheLognormalQuantiles() {
        double sd = 0.25;
        int paths = 50_000;
        Scenario s = oneAccount(0.03, sd, 1);
        SimulationResult r = Simulator.run(s, null, new Coverage("none", Map.of(), Map.of()),
                new SimulationOptions(paths, 12, 2));
        Stats st = r.stats(Metric.TOTAL_REVENUE, 0);
        double[] got = st.percentiles();
        NormalDistribution phi = new NormalDistribution();
        double scale = 2_000_000 * 1.03;
        for (int k = 0; k < Stats.LEVELS.length; k++) {
            double p = Stats.LEVELS[k];
            double zq = phi.inverseCumulativeProbability(p);
            double q = scale * Math.exp(sd * zq - sd * sd / 2);
            // sd of a sample quantile: √(p(1−p)/n) / density at the quantile
            double density = phi.density(zq) / (sd * q);
            double tol = 5 * Math.sqrt(p * (1 - p) / paths) / density;
            assertEquals(q, got[k], tol, "P" + Math.round(p * 100));
        }
    }

    @Test
    void percentileInterpolationIsDefinitionSeven() {
        double[] x = new double[101];
        for (int i = 0; i <= 100; i++) x[i] = 100 - i;
        Stats st = Stats.of(x);
        assertEquals(5.0, st.p5(), 0);
        assertEquals(50.0, st.p50(), 0);
        assertEquals(95.0, st.p95(), 0);
        assertEquals(50.0, st.mean(), 0);
        assertEquals(2.5, Stats.percentileSorted(new double[] {1, 2, 3, 4}, 0.5), 0);
        assertEquals(1.15, Stats.percentileSorted(new double[] {1, 2, 3, 4}, 0.05), 1e-12);
        assertEquals(x[0], 100.0, 0, "input left unsorted");
    }

    @Test
    void oneYearMeanUnderCoverageIsWhatTheResponseModelExpects() {
        SimulationParams d = SimulationParams.DEFAULT;
        SimulationParams p = new SimulationParams(d.paths(), d.seed(), 1, d.growthMean(), d.growthSd(),
                d.corrMarket(), d.corrIndustry(), d.churnCovered(), d.churnUncovered(), d.shareCeiling(),
                d.gainCovered(), d.gainUncovered(), d.conversionCovered(), d.conversionUncovered(),
                d.initialShare(), d.productAdoption(), 0, d.responseShape(), d.responseHalf(), d.fit());
        Scenario s = Fixtures.scenario(p, 3);
        ResponseModel rm = new ResponseModel(s.simulation());
        // cover everyone: today's owners at standard effort, the others by s1 at intensive effort;
        // offer the product to the active accounts a1 and a3
        Map<String, Coverage.Lead> leads = new HashMap<>(Coverage.baseline(s, rm).leads());
        for (Account a : s.accounts()) {
            if (!leads.containsKey(a.id())) leads.put(a.id(), new Coverage.Lead("s1", 1.5, 0.55));
        }
        Coverage plan = new Coverage("all", leads, Map.of("a1", List.of("p1"), "a3", List.of("p1")));
        double expected = 0;
        for (Account a : s.accounts()) {
            Coverage.Lead l = leads.get(a.id());
            expected += rm.expectedRevenue(a, true, l.effort(), l.fit());
        }
        // productUplift = adoption · price · margin · survival, so its revenue is productUplift / margin
        double productRevenue = 2 * rm.productUplift(s.accounts().get(1), s.products().get(0)) / 0.5;
        expected += productRevenue;
        int paths = 40_000;
        SimulationResult r = Simulator.run(s, null, plan, new SimulationOptions(paths, 13, 2));
        Stats st = r.stats(Metric.TOTAL_REVENUE, 0);
        assertTrue(Math.abs(st.mean() - expected) <= 4 * st.stderr(),
                "simulated " + st.mean() + " ± " + st.stderr() + " vs expected " + expected);

        // and the uncovered expectation for the same accounts (no switching cost, so dropping costs nothing here)
        Scenario free = s.withAssignment(Fixtures.switchingCost(s.assignment(), 0));
        double uncovered = 0;
        for (Account a : s.accounts()) uncovered += rm.expectedRevenue(a, false, 0, 0);
        Stats none = Simulator.run(free, null, new Coverage("none", Map.of(), Map.of()),
                new SimulationOptions(paths, 13, 2)).stats(Metric.TOTAL_REVENUE, 0);
        assertTrue(Math.abs(none.mean() - uncovered) <= 4 * none.stderr(),
                "uncovered " + none.mean() + " ± " + none.stderr() + " vs " + uncovered);
    }

    @Test
    void grossProfitUpliftOfCoverageMatchesCoverUplift() {
        SimulationParams d = SimulationParams.DEFAULT;
        SimulationParams p = Fixtures.with(new SimulationParams(d.paths(), d.seed(), 1, d.growthMean(), 0.0,
                d.corrMarket(), d.corrIndustry(), d.churnCovered(), d.churnUncovered(), d.shareCeiling(),
                d.gainCovered(), d.gainUncovered(), d.conversionCovered(), d.conversionUncovered(),
                d.initialShare(), 0, 0, d.responseShape(), d.responseHalf(), d.fit()), 0.0, 0.03, 0.12);
        Scenario s = Fixtures.scenario(p, 1);
        ResponseModel rm = new ResponseModel(s.simulation());
        Coverage baseline = Coverage.baseline(s, rm);
        // covering none drops every owned account, which costs its switching cost (docs/model.md, “What the optimizer maximizes is what the simulation does”)
        double predicted = 0;
        for (Account a : s.accounts()) {
            Coverage.Lead l = baseline.leads().get(a.id());
            if (l != null) {
                predicted += rm.coverUplift(a, l.effort(), l.fit())
                        + ResponseModel.switchingCost(a, s.assignment().switchingCost());
            }
        }
        PlanComparison c = Simulator.compare(s, null, new Coverage("none", Map.of(), Map.of()), baseline,
                new SimulationOptions(40_000, 14, 2));
        Stats up = c.upliftStats(Metric.GROSS_PROFIT, 0);
        assertTrue(Math.abs(up.mean() - predicted) <= 4 * up.stderr(),
                "uplift " + up.mean() + " ± " + up.stderr() + " vs coverUplift sum " + predicted);
    }

    @Test
    void newProspectsArriveAtThePoissonRateAsCopiesOfScenarioAccounts() {
        SimulationParams off = Fixtures.allOff(0.0);
        double lambda = 6;
        double init = 0.1;
        // only arrivals, and every prospect converts at once (uncovered conversion 1)
        SimulationParams p = new SimulationParams(off.paths(), off.seed(), 1, 0.0, 0.0, off.corrMarket(),
                off.corrIndustry(), 0, 0, off.shareCeiling(), 0, 0, 1, 1, init, 0, lambda,
                off.responseShape(), off.responseHalf(), off.fit());
        Scenario s = Fixtures.scenario(p, 5);
        Coverage owners = Coverage.baseline(s, new ResponseModel(s.simulation()));
        double prospects = 0;
        double walletSum = 0;
        for (Account a : s.accounts()) {
            walletSum += a.wallet();
            if (a.isProspect()) prospects += init * a.wallet();
        }
        double meanWallet = walletSum / s.accounts().size();
        SimulationResult r = Simulator.run(s, null, owners, new SimulationOptions(20_000, 21, 2));
        for (int y = 0; y < 5; y++) {
            int t = y + 1;
            double expected = s.totalRevenue() + prospects + t * lambda * init * meanWallet;
            Stats st = r.stats(Metric.TOTAL_REVENUE, y);
            assertTrue(Math.abs(st.mean() - expected) <= 4 * st.stderr(),
                    "year " + t + ": " + st.mean() + " ± " + st.stderr() + " vs " + expected);
        }
        assertEquals(0, r.droppedArrivals());
        // slots = accounts + arrivals, so account-years exceed paths × years × accounts by the arrivals
        long base = 20_000L * 5 * s.accounts().size();
        double arrivalYears = 20_000.0 * lambda * (5 + 4 + 3 + 2 + 1);
        assertEquals(base + arrivalYears, r.accountYears(), 0.01 * arrivalYears);
    }

    @Test
    void commonRandomNumbersGiveZeroUpliftForTheSamePlan() {
        Scenario s = Fixtures.scenario(SimulationParams.DEFAULT, 10);
        Coverage b = Coverage.baseline(s, new ResponseModel(s.simulation()));
        PlanComparison c = Simulator.compare(s, null, b, b, new SimulationOptions(500, 3, 2));
        for (int y = 0; y < 10; y++) {
            for (double v : c.uplift(Metric.TOTAL_REVENUE, y)) assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void keyAccountsAreThoseAtOrAboveTheThreshold() {
        Scenario s = Fixtures.scenario(Fixtures.allOff(0.0), 2);
        SimulationResult r = Simulator.run(s, null, Coverage.baseline(s, new ResponseModel(s.simulation())),
                new SimulationOptions(3, 1, 1));
        double ka = 0;
        int count = 0;
        double total = 0;
        for (Account a : s.accounts()) {
            total += a.revenue();
            if (a.revenue() >= Fixtures.THRESHOLD) {
                ka += a.revenue();
                count++;
            }
        }
        assertTrue(count > 0 && count < s.accounts().size());
        assertEquals(ka, r.stats(Metric.KEY_ACCOUNT_REVENUE, 1).p50(), ka * 1e-12);
        assertEquals(count, r.stats(Metric.KEY_ACCOUNT_COUNT, 1).p50(), 0);
        assertEquals(ka / total, r.stats(Metric.KEY_ACCOUNT_SHARE, 1).p50(), 1e-12);
        assertEquals(total * 0.3, r.stats(Metric.GROSS_PROFIT, 1).p50(), total * 1e-12);
    }
}
