package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.simulation.Simulator;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearTarget;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plan costs in compensation and whether it pays (SPEC §12): the first simulated year's expected salary,
 * tiered commission and PK bonus of every soldier under the plan and under today's owners, and the plan's
 * ROI = gross-profit uplift − incremental compensation − hiring cost.
 *
 * <p>This is the deterministic first-year version: commission is computed on each soldier's <em>expected</em>
 * revenue (ResponseModel's first-year expectation), which is not the expected commission when tiers are
 * nonlinear (a convex scheme pays more on average than on the average). The simulation computes the same
 * functions per path and year and gives the distribution.
 */
public final class Compensation {
    private Compensation() {
    }

    /**
     * One soldier's first-year pay.
     *
     * @param quota         revenue quota (currency)
     * @param revenue       expected revenue of the book (currency)
     * @param basis         commission basis, key accounts weighted (currency)
     * @param attainment    revenue / quota
     * @param tier          0-based tier the attainment falls in
     * @param effectiveRate commission / basis
     * @param hire          whether the soldier is a planned hire
     */
    public record SoldierPay(String soldierId, String name, Layer layer, int stars, double quota, double revenue,
                             double grossProfit, double basis, double attainment, int tier, double effectiveRate,
                             double commission, double pk, double salary, boolean hire) {
        public double total() {
            return commission + pk + salary;
        }
    }

    /**
     * Pay under one coverage.
     *
     * @param revenue     expected revenue of every account (currency)
     * @param grossProfit expected gross profit of every account (currency)
     * @param pkPool      the PK pool paid (0 when off or nobody qualifies)
     */
    public record Side(String label, List<SoldierPay> soldiers, double revenue, double grossProfit, double pkPool) {
        public Side {
            soldiers = List.copyOf(soldiers);
        }

        public double salary() {
            return soldiers.stream().mapToDouble(SoldierPay::salary).sum();
        }

        public double commission() {
            return soldiers.stream().mapToDouble(SoldierPay::commission).sum();
        }

        public double pk() {
            return soldiers.stream().mapToDouble(SoldierPay::pk).sum();
        }

        public double total() {
            return salary() + commission() + pk();
        }

        /** Salary of the planned hires (currency). */
        public double hireSalary() {
            return soldiers.stream().filter(SoldierPay::hire).mapToDouble(SoldierPay::salary).sum();
        }
    }

    /**
     * The first year, plan against today's owners.
     *
     * @param year                    the calendar year (baseYear + 1)
     * @param target                  the year's total-revenue target the quotas split (currency)
     * @param grossProfitUplift       E[gross profit | plan] − E[gross profit | today's owners] in the first year, the
     *                                simulation's expectation with the switching costs of moves and drops
     *                                ({@link Simulator#expectedFirstYearProfit}; the report's headline uplift) (currency)
     * @param incrementalCompensation plan pay − today's pay, without the hires' salary (currency)
     * @param hiringCost              hires' salary plus the one-off cost per hire (currency)
     * @param roi                     grossProfitUplift − incrementalCompensation − hiringCost (currency)
     * @param salaryBandsConfigured   whether the salary bands come from the YAML (else from annualCost)
     */
    public record FirstYear(int year, double target, Side plan, Side baseline, double grossProfitUplift,
                            double incrementalCompensation, double hiringCost, double roi,
                            boolean salaryBandsConfigured) {
    }

    public static FirstYear firstYear(Scenario s, Targets targets, Coverage plan, Coverage baseline) {
        int year = s.baseYear() + 1;
        SalaryBands bands = SalaryBands.resolve(s.mechanisms(), s.soldiers());
        Side base = side(s, baseline, Double.NaN, bands, false);
        double target = target(targets, year, base.revenue());
        base = side(s, baseline, target, bands, false);
        Side p = side(s, plan, target, bands, true);
        double hires = p.hireSalary() + s.mechanisms().hiringCost() * s.mechanisms().hires().size();
        double incremental = (p.total() - p.hireSalary()) - base.total();
        // the headline's first-year uplift (run.Summary, PlanComparison.expectedFirstYearUplift): switching costs of
        // moves and drops included, so the ROI and the report's headline speak of one number
        double uplift = Simulator.expectedFirstYearProfit(s, plan) - Simulator.expectedFirstYearProfit(s, baseline);
        return new FirstYear(year, target, p, base, uplift, incremental, hires, uplift - incremental - hires,
                bands.configured());
    }

    /** The year's total-revenue target; without one, the status quo's expected revenue (quotas then ask for it). */
    static double target(Targets targets, int year, double statusQuo) {
        YearTarget t = targets == null ? null : targets.year(year);
        return t != null && !Double.isNaN(t.totalRevenue()) ? t.totalRevenue() : statusQuo;
    }

    private static Side side(Scenario s, Coverage c, double target, SalaryBands bands, boolean withHires) {
        MechanismParams m = s.mechanisms();
        double threshold = s.keyAccountThreshold(s.baseYear() + 1);
        Set<String> hires = new HashSet<>(m.hires());
        List<Soldier> soldiers = s.soldiers();
        int n = soldiers.size();
        Books books = Books.of(s, c);
        ExpectedYear e = ExpectedYear.of(s, c);
        double[] rev = new double[n];
        double[] gp = new double[n];
        double[] kaRev = new double[n];
        double[] kaGp = new double[n];
        for (int i = 0; i < e.revenue().length; i++) {
            int j = books.lead()[i];
            if (j < 0) continue;
            double r = e.revenue()[i];
            double g = e.grossProfit()[i];
            rev[j] += r;
            gp[j] += g;
            if (Account.isKeyAccountRevenue(r, threshold)) {
                kaRev[j] += r;
                kaGp[j] += g;
            }
        }
        Map<Layer, CommissionTable> tables = new EnumMap<>(Layer.class);
        for (Layer l : Layer.values()) tables.put(l, CommissionTable.of(m.commissionFor(l)));
        double[] quota = new double[n];
        double[] attainment = new double[n];
        double[] basis = new double[n];
        double totalBasis = 0;
        boolean[] in = new boolean[n];
        for (int j = 0; j < n; j++) {
            Soldier so = soldiers.get(j);
            in[j] = withHires || !hires.contains(so.id());
            if (!in[j]) continue;
            CommissionTable t = tables.get(so.layer());
            quota[j] = Double.isNaN(target) ? 0 : books.quota(j, target);
            attainment[j] = Books.attainment(rev[j], quota[j]);
            basis[j] = t.weightedBasis(t.basisOf(rev[j] - kaRev[j], gp[j] - kaGp[j]), t.basisOf(kaRev[j], kaGp[j]));
            totalBasis += t.basisOf(rev[j], gp[j]);
        }
        double[] bonus = new double[n];
        double[] compact = new double[n];
        int[] map = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (in[j]) {
                compact[k] = attainment[j];
                map[k++] = j;
            }
        }
        double[] won = new double[n];
        double pool = PkPool.award(compact, k, PkPool.size(m.pk(), totalBasis), m.pk(), won, new double[n], new int[n]);
        for (int x = 0; x < k; x++) bonus[map[x]] = won[x];
        List<SoldierPay> rows = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (!in[j]) continue;
            Soldier so = soldiers.get(j);
            CommissionTable t = tables.get(so.layer());
            rows.add(new SoldierPay(so.id(), so.name(), so.layer(), so.stars(), quota[j], rev[j], gp[j], basis[j],
                    attainment[j], t.tier(attainment[j]), t.effectiveRate(attainment[j]), t.pay(basis[j], attainment[j]),
                    bonus[j], bands.salary(so.stars(), so.stars(), so.annualCost()), hires.contains(so.id())));
        }
        return new Side(c.label(), rows, e.totalRevenue(), e.totalGrossProfit(), pool);
    }
}
