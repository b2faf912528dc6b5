package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.MechanismParams.Pk;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.simulation.Stats;
import dev.kam.simulation.YearHook;
import dev.kam.strategy.Targets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compensation per simulated path and year (SPEC §12): a {@link YearHook} that, for every path-year of the
 * simulation, splits the accounts' simulated revenue and gross profit into the soldiers' books, computes each
 * soldier's attainment of their quota, tiered commission ({@link CommissionTable}) and the PK pool
 * ({@link PkPool}), and adds the salaries — the same rules as the first-year {@link Compensation}, on simulated
 * instead of expected revenue. One collector per coverage (the plan, today's owners); {@link #summarize} pairs them
 * path by path, on the simulation's common random numbers, into the plan's ROI and its percentiles.
 *
 * <p>Rules per path-year (documented in docs/model.md): the soldier's book is the accounts they lead under the
 * coverage, less the leads the stars took away (below); quota = the year's
 * total-revenue target × the book's share of wallet ({@link Books}), the target of a year without one being the
 * status quo's expected first-year revenue; an account is a key account in the year when its simulated revenue
 * reaches the year's key-account threshold ({@link Scenario#keyAccountThreshold(int)}). Stars (星级评定) are
 * recomputed at the end of every simulated year from that year's attainment, the base-year process score and the
 * certification ({@link StarRating}), anchored on the listed stars unless {@code mechanisms.stars.anchor} is formula; the first year's salary is at the listed stars, each later year's at the stars
 * the year before ended with ({@link SalaryBands}). With {@code mechanisms.stars.takeLeads} the year's stars also set
 * the next year's eligibility: the collector names the leads lost to the simulation ({@link YearHook.Worker#leadsLost}),
 * which simulates those accounts as uncovered for the rest of the path, and the lost accounts leave the books.
 * Nothing is allocated per path-year: each worker keeps its scratch arrays, each path writes only its own slots.
 */
public final class SimulatedCompensation implements YearHook {
    static final int SALARY = 0;
    static final int COMMISSION = 1;
    static final int PK = 2;
    static final int HIRE_SALARY = 3;
    private static final int METRICS = 4;

    private final int soldiers;
    private final int[] lead;
    private final boolean[] in;
    private final boolean[] hire;
    private final CommissionTable[] table;
    private final SalaryBands bands;
    private final int[] listed;
    private final double[] annualCost;
    private final double[] process;
    private final int[] certification;
    /** Listed minus base-year formula stars per soldier (0 when not anchored, and for hires). */
    private final int[] offset;
    private final MechanismParams.Stars rules;
    private final double[] cuts;
    /** quota[y][soldier] (currency). */
    private final double[][] quota;
    private final double[] threshold;
    private final Pk pk;
    /** out[metric][year][path] (currency). */
    final double[][][] out;
    /** stars[year][soldier][path]: the stars recomputed at the end of the year (0 for a soldier not paid). */
    final byte[][][] stars;
    /** Whether the re-rated stars take leads away (mechanisms.stars.takeLeads). */
    private final boolean takesLeads;
    /** Per account: the lowest stars allowed to lead it (assignment.eligibility.minStars of its 5A rating). */
    private final int[] minStars;
    private final boolean[] locked;
    private final double[] wallet;
    /** Per year: quota per unit of wallet in a book (target / total wallet). */
    private final double[] quotaPerWallet;
    /** lostEligibility[year][path], lostElimination[year][path]: leads lost at the end of the year, by rule. */
    final int[][] lostEligibility;
    final int[][] lostElimination;
    /** Leads in the coverage (accounts with a paid lead). */
    private final int leads;

    private SimulatedCompensation(Scenario s, Targets targets, Coverage c, boolean withHires, int paths,
                                  Map<String, Double> processScores) {
        MechanismParams m = s.mechanisms();
        List<Soldier> list = s.soldiers();
        soldiers = list.size();
        Books books = Books.of(s, c);
        lead = books.lead();
        Set<String> hires = new HashSet<>(m.hires());
        bands = SalaryBands.resolve(m, list);
        rules = m.stars();
        cuts = rules.cuts();
        in = new boolean[soldiers];
        hire = new boolean[soldiers];
        table = new CommissionTable[soldiers];
        listed = new int[soldiers];
        annualCost = new double[soldiers];
        process = new double[soldiers];
        certification = new int[soldiers];
        // anchored re-rating: the listed stars move by the formula's change since the base-year review, so the
        // company's own scale is kept where its stars and the formula's cut-offs disagree (hires: no base year)
        offset = new int[soldiers];
        if (rules.anchored()) {
            Map<String, Integer> review = new java.util.HashMap<>();
            for (StarReview.Row r : StarReview.review(s, processScores, bands)) review.put(r.soldierId(), r.listed() - r.computed());
            for (int j = 0; j < soldiers; j++) offset[j] = review.getOrDefault(list.get(j).id(), 0);
        }
        for (int j = 0; j < soldiers; j++) {
            Soldier so = list.get(j);
            hire[j] = hires.contains(so.id());
            in[j] = withHires || !hire[j];
            table[j] = CommissionTable.of(m.commissionFor(so.layer()));
            listed[j] = so.stars();
            annualCost[j] = so.annualCost();
            // as the base-year review: NaN without a pipeline (the rule taken as kept), 0 for a soldier without one
            Double q = processScores.get(so.id());
            process[j] = processScores.isEmpty() ? Double.NaN : q == null ? 0.0 : q;
            certification[j] = so.certification();
        }
        int years = s.strategy().horizonYears();
        double statusQuo = ExpectedYear.of(s, Coverage.baseline(s, new ResponseModel(s.simulation()))).totalRevenue();
        quota = new double[years][soldiers];
        threshold = new double[years];
        for (int y = 0; y < years; y++) {
            int year = s.baseYear() + 1 + y;
            double target = Compensation.target(targets, year, statusQuo);
            for (int j = 0; j < soldiers; j++) quota[y][j] = books.quota(j, target);
            threshold[y] = s.keyAccountThreshold(year);
        }
        pk = m.pk();
        out = new double[METRICS][years][paths];
        stars = new byte[years][soldiers][paths];
        takesLeads = rules.takesLeads();
        int n = s.accounts().size();
        minStars = new int[n];
        locked = new boolean[n];
        wallet = new double[n];
        quotaPerWallet = new double[years];
        for (int y = 0; y < years; y++) {
            quotaPerWallet[y] = Books.quota(Compensation.target(targets, s.baseYear() + 1 + y, statusQuo), 1.0,
                    books.totalWallet());
        }
        dev.kam.analysis.Analysis analysis = takesLeads && s.assignment() != null
                ? dev.kam.analysis.Analyzer.analyze(s) : null;
        int led = 0;
        for (int i = 0; i < n; i++) {
            Account a = s.accounts().get(i);
            wallet[i] = a.wallet();
            locked[i] = a.locked();
            minStars[i] = analysis == null ? 0 : s.assignment().minStars()[analysis.rating(a.id()) - 1];
            if (lead[i] >= 0 && in[lead[i]]) led++;
        }
        leads = led;
        lostEligibility = new int[years][paths];
        lostElimination = new int[years][paths];
    }

    /**
     * A collector for the simulation of coverage {@code c} over {@code paths} paths.
     *
     * @param withHires whether the planned hires are paid (the plan: yes; today's owners: no)
     */
    public static SimulatedCompensation of(Scenario s, Targets targets, Coverage c, boolean withHires, int paths) {
        return of(s, targets, c, withHires, paths, Map.of());
    }

    /**
     * As {@link #of(Scenario, Targets, Coverage, boolean, int)}, with each soldier's process score (0–1, the
     * funnel's, by soldier id; empty without a pipeline) for the yearly star rating.
     */
    public static SimulatedCompensation of(Scenario s, Targets targets, Coverage c, boolean withHires, int paths,
                                           Map<String, Double> processScores) {
        return new SimulatedCompensation(s, targets, c, withHires, paths, processScores);
    }

    @Override
    public YearHook.Worker worker() {
        return new Worker();
    }

    /** One thread's scratch arrays. */
    final class Worker implements YearHook.Worker {
        private final double[] rev = new double[soldiers];
        private final double[] gp = new double[soldiers];
        private final double[] kaRev = new double[soldiers];
        private final double[] kaGp = new double[soldiers];
        private final double[] attainment = new double[soldiers];
        private final double[] won = new double[soldiers];
        private final double[] scratch = new double[soldiers];
        private final int[] order = new int[soldiers];
        /** Each soldier's stars entering the current year of the current path. */
        private final int[] current = new int[soldiers];
        private final int[] entering = new int[soldiers];
        /** Per path: accounts whose lead is gone, each soldier's low years and the wallet gone from their book. */
        private final boolean[] gone = new boolean[lead.length];
        private final int[] lowYears = new int[soldiers];
        private final double[] goneWallet = new double[soldiers];
        private final boolean[] eliminated = new boolean[soldiers];
        /** Soldiers eliminated in an earlier year of the path: paid nothing from then on. */
        private final boolean[] dismissed = new boolean[soldiers];
        /** Leads lost at the end of the current path-year, for {@link #leadsLost}. */
        private final int[] pending = new int[lead.length];
        private int pendingCount;

        @Override
        public void year(int path, int y, double[] revenue, double[] grossProfit) {
            java.util.Arrays.fill(rev, 0.0);
            java.util.Arrays.fill(gp, 0.0);
            java.util.Arrays.fill(kaRev, 0.0);
            java.util.Arrays.fill(kaGp, 0.0);
            pendingCount = 0;
            if (y == 0) {
                System.arraycopy(listed, 0, current, 0, soldiers);
                if (takesLeads) {
                    java.util.Arrays.fill(gone, false);
                    java.util.Arrays.fill(lowYears, 0);
                    java.util.Arrays.fill(goneWallet, 0.0);
                    java.util.Arrays.fill(dismissed, false);
                    java.util.Arrays.fill(eliminated, false);
                }
            }
            double t = threshold[y];
            for (int i = 0; i < lead.length; i++) {
                int j = lead[i];
                if (j < 0 || gone[i]) continue;
                double r = revenue[i];
                rev[j] += r;
                gp[j] += grossProfit[i];
                if (Account.isKeyAccountRevenue(r, t)) {
                    kaRev[j] += r;
                    kaGp[j] += grossProfit[i];
                }
            }
            double sal = 0;
            double commission = 0;
            double hireSalary = 0;
            double totalBasis = 0;
            int k = 0;
            double[] q = quota[y];
            for (int j = 0; j < soldiers; j++) {
                if (!in[j]) continue;
                if (dismissed[j]) {
                    // eliminated: no book, no pay, out of the PK; the stars stay where they ended
                    stars[y][j][path] = (byte) current[j];
                    continue;
                }
                CommissionTable tb = table[j];
                // a lead lost takes its wallet's share of the quota with it
                double a = Books.attainment(rev[j], q[j] - quotaPerWallet[y] * goneWallet[j]);
                double basis = tb.weightedBasis(tb.basisOf(rev[j] - kaRev[j], gp[j] - kaGp[j]), tb.basisOf(kaRev[j], kaGp[j]));
                commission += tb.pay(basis, a);
                totalBasis += tb.basisOf(rev[j], gp[j]);
                attainment[k++] = a;
                // this year's salary by the stars it started with; its result sets next year's
                double pay = bands.salary(current[j], listed[j], annualCost[j]);
                sal += pay;
                if (hire[j]) hireSalary += pay;
                int next = Math.max(1, Math.min(5, StarRating.stars(rules, cuts, a, process[j], certification[j]) + offset[j]));
                stars[y][j][path] = (byte) next;
                entering[j] = current[j];
                current[j] = next;
                if (takesLeads) {
                    lowYears[j] = StarRating.lowYears(lowYears[j], next, rules);
                    eliminated[j] = StarRating.eliminated(lowYears[j], rules);
                    if (eliminated[j] && y + 1 < quota.length) dismissed[j] = true;
                }
            }
            if (takesLeads && y + 1 < quota.length) takeLeads(path, y);
            double pool = PkPool.award(attainment, k, PkPool.size(pk, totalBasis), pk, won, scratch, order);
            out[SALARY][y][path] = sal;
            out[COMMISSION][y][path] = commission;
            out[PK][y][path] = pool;
            out[HIRE_SALARY][y][path] = hireSalary;
        }

        /**
         * The leads the year's stars take away (rules in docs/model.md): an account whose lead is eliminated
         * (以星级作为淘汰标准: at or below mechanisms.stars.elimination.stars for elimination.years re-ratings in a
         * row; the soldier is then paid nothing more) or whose lead entered the year eligible by stars and leaves
         * it below the account's minStars. A locked account keeps its lead (and an eliminated soldier's salary
         * stops all the same). Each lost lead's wallet leaves the soldier's quota.
         */
        private void takeLeads(int path, int y) {
            int byElimination = 0;
            int byEligibility = 0;
            for (int i = 0; i < lead.length; i++) {
                int j = lead[i];
                if (j < 0 || gone[i] || !in[j] || locked[i]) continue;
                boolean out = eliminated[j];
                if (out) byElimination++;
                else if (entering[j] >= minStars[i] && !StarRating.leadContinues(current[j], minStars[i], false)) {
                    out = true;
                    byEligibility++;
                }
                if (!out) continue;
                gone[i] = true;
                goneWallet[j] += wallet[i];
                pending[pendingCount++] = i;
            }
            lostElimination[y][path] = byElimination;
            lostEligibility[y][path] = byEligibility;
        }

        @Override
        public int leadsLost(int path, int year, int[] into) {
            System.arraycopy(pending, 0, into, 0, pendingCount);
            return pendingCount;
        }
    }

    /**
     * The leads the stars took away at the end of a simulated year, over paths (taking effect the year after).
     *
     * @param leads         leads in the coverage at the start (accounts with a paid lead)
     * @param byEligibility mean over paths of the leads lost because the lead's stars fell below the account's
     *                      minStars
     * @param byElimination mean of those lost because the lead was eliminated
     * @param pAny          share of paths losing at least one lead this year
     * @param cumulative    mean leads lost up to and including this year
     */
    public record LeadsLost(int year, int leads, double byEligibility, double byElimination, double pAny,
                            double cumulative) {
        /** Mean leads lost this year. */
        public double mean() {
            return byEligibility + byElimination;
        }
    }

    /** Leads lost per simulated year (all zero when the stars do not take leads). */
    public List<LeadsLost> leadsLost(int baseYear) {
        List<LeadsLost> rows = new ArrayList<>();
        int years = lostEligibility.length;
        int paths = years == 0 ? 0 : lostEligibility[0].length;
        double cumulative = 0;
        // the final year's stars have no next year to take a lead from
        for (int y = 0; y + 1 < years; y++) {
            long elig = 0;
            long elim = 0;
            int any = 0;
            for (int p = 0; p < paths; p++) {
                elig += lostEligibility[y][p];
                elim += lostElimination[y][p];
                if (lostEligibility[y][p] + lostElimination[y][p] > 0) any++;
            }
            double a = paths == 0 ? 0 : (double) elig / paths;
            double b = paths == 0 ? 0 : (double) elim / paths;
            cumulative += a + b;
            rows.add(new LeadsLost(baseYear + 1 + y, leads, a, b, paths == 0 ? 0 : (double) any / paths, cumulative));
        }
        return rows;
    }

    /**
     * One soldier's stars at the end of a simulated year, over paths.
     *
     * @param starsP50   median stars
     * @param pPromotion share of paths on which the soldier ends the year with more stars than they started it with
     * @param pDemotion  share with fewer
     * @param salaryP50  median salary of the stars reached, i.e. next year's (currency/year)
     */
    public record StarYear(int year, String soldierId, String name, int listed, double starsP50, double pPromotion,
                           double pDemotion, double salaryP50) {
    }

    /** The stars of every paid soldier in every simulated year, year by year in the scenario's soldier order. */
    public List<StarYear> starYears(Scenario s) {
        List<StarYear> rows = new ArrayList<>();
        int years = stars.length;
        int paths = years == 0 ? 0 : stars[0][0].length;
        double[] st = new double[paths];
        double[] sal = new double[paths];
        for (int y = 0; y < years; y++) {
            for (int j = 0; j < soldiers; j++) {
                if (!in[j]) continue;
                int up = 0;
                int down = 0;
                for (int p = 0; p < paths; p++) {
                    int now = stars[y][j][p];
                    int before = y == 0 ? listed[j] : stars[y - 1][j][p];
                    if (now > before) up++;
                    else if (now < before) down++;
                    st[p] = now;
                    sal[p] = bands.salary(now, listed[j], annualCost[j]);
                }
                Soldier so = s.soldiers().get(j);
                rows.add(new StarYear(s.baseYear() + 1 + y, so.id(), so.name(), listed[j], Stats.of(st).p50(),
                        (double) up / paths, (double) down / paths, Stats.of(sal).p50()));
            }
        }
        return rows;
    }

    /** The plan against today's owners on common random numbers, with the compensation watched on every path. */
    public record Watched(PlanComparison comparison, Result compensation) {
    }

    /** As {@link #compare(Scenario, Targets, Coverage, Coverage, SimulationOptions, Map)} without a pipeline's process scores. */
    public static Watched compare(Scenario s, Targets targets, Coverage baseline, Coverage plan, SimulationOptions o) {
        return compare(s, targets, baseline, plan, o, Map.of());
    }

    /**
     * Simulates today's owners and the plan as {@link Simulator#compare} does (the same result, bit for bit) while
     * computing each path-year's compensation under both, and pairs them ({@link #summarize}).
     */
    public static Watched compare(Scenario s, Targets targets, Coverage baseline, Coverage plan, SimulationOptions o,
                                  Map<String, Double> processScores) {
        SimulatedCompensation planPay = of(s, targets, plan, true, o.paths(), processScores);
        SimulatedCompensation todayPay = of(s, targets, baseline, false, o.paths(), processScores);
        PlanComparison c = Simulator.compare(s, targets, baseline, plan, o, todayPay, planPay);
        MechanismParams m = s.mechanisms();
        Result r = summarize(planPay, todayPay, c, s.baseYear(), m.hiringCost() * m.hires().size());
        return new Watched(c, r.withStars(planPay.starYears(s)));
    }

    /**
     * Simulates one coverage (e.g. today's owners when there is no plan) as {@link Simulator#run} does, with its
     * stars re-rated on every path so that, under {@code mechanisms.stars.takeLeads}, they take leads away as in
     * {@link #compare}; bit-identical to the plain run otherwise.
     */
    public static SimulationResult run(Scenario s, Targets targets, Coverage c, SimulationOptions o,
                                       Map<String, Double> processScores) {
        if (!s.mechanisms().stars().takesLeads()) return Simulator.run(s, targets, c, o);
        return Simulator.run(s, targets, c, o, of(s, targets, c, false, o.paths(), processScores));
    }

    /** The simulated compensation of one figure in one year over all paths. */
    public record Figure(int year, String metric, Stats stats) {
    }

    /**
     * The plan's simulated compensation and ROI, year by year.
     *
     * @param figures  per year (in order) the figures of {@link #METRICS_WRITTEN}
     * @param horizon  the ROI summed over the horizon, per path
     * @param stars    the plan's soldiers' stars per simulated year (empty when not watched)
     * @param totals   per figure of {@link #METRICS_SUMMED}, its sum over the horizon over paths, in that order
     *                 (the year of each is the final year)
     * @param totalsByPath the same sums path by path ({@code [figure][path]}); not copied, read only
     * @param leadsLost the plan's leads taken away by the stars per simulated year ({@link LeadsLost})
     * @param takesLeads whether the stars took leads away in the simulation (mechanisms.stars.takeLeads)
     */
    public record Result(List<Figure> figures, Stats horizon, List<StarYear> stars, List<Figure> totals,
                         double[][] totalsByPath, List<LeadsLost> leadsLost, boolean takesLeads) {
        public Result {
            figures = List.copyOf(figures);
            stars = List.copyOf(stars);
            totals = List.copyOf(totals);
            leadsLost = List.copyOf(leadsLost);
        }

        /** A copy with the plan's stars per simulated year. */
        public Result withStars(List<StarYear> s) {
            return new Result(figures, horizon, s, totals, totalsByPath, leadsLost, takesLeads);
        }

        /**
         * Per path, this result's horizon sum of a figure of {@link #METRICS_SUMMED} minus {@code other}'s (the
         * same paths: a scheme against another on common random numbers).
         */
        public double[] totalMinus(Result other, String metric) {
            int k = METRICS_SUMMED.indexOf(metric);
            if (k < 0) throw new IllegalArgumentException("not a summed figure: " + metric);
            double[] a = totalsByPath[k];
            double[] b = other.totalsByPath[k];
            if (a.length != b.length) throw new IllegalArgumentException("results over different paths");
            double[] d = new double[a.length];
            for (int p = 0; p < a.length; p++) d[p] = a[p] - b[p];
            return d;
        }

        /** The sum over the horizon of a figure of {@link #METRICS_SUMMED}, or null. */
        public Stats total(String metric) {
            for (Figure f : totals) if (f.metric().equals(metric)) return f.stats();
            return null;
        }

        /** The incremental compensation over today's owners plus the hiring cost, summed over the horizon. */
        public Stats horizonIncremental() {
            return total("incrementalCost");
        }

        /** A figure of a calendar year, or null. */
        public Figure figure(int year, String metric) {
            for (Figure f : figures) if (f.year() == year && f.metric().equals(metric)) return f;
            return null;
        }
    }

    /** The figures of each simulated year, in the order of compensation.csv. */
    public static final List<String> METRICS_WRITTEN = List.of("grossProfitUplift", "salary", "commission", "pkBonus",
            "compensation", "baselineCompensation", "incrementalCompensation", "hiringCost", "roi", "roiCumulative");

    /**
     * Pairs the plan's collector with today's owners' path by path.
     *
     * <pre>
     * uplift_p,y       = grossProfit_p,y(plan) − grossProfit_p,y(today)          (the simulation's own figures)
     * compensation     = salary + commission + PK pool                          (plan, hires included)
     * incremental      = (compensation − hires' salary) − compensation(today)
     * hiring           = hires' salary + (first year only) hiringCost × hires
     * roi_p,y          = uplift − incremental − hiring;   roiCumulative = Σ roi up to y
     * </pre>
     *
     * @param oneOffHiring the one-off cost of every hire, paid in the first year (currency)
     */
    public static Result summarize(SimulatedCompensation plan, SimulatedCompensation today, PlanComparison c,
                                   int baseYear, double oneOffHiring) {
        int years = plan.out[0].length;
        int paths = plan.out[0][0].length;
        List<Figure> figures = new ArrayList<>();
        double[] cumulative = new double[paths];
        double[][] sum = new double[METRICS_SUMMED.size()][paths];
        for (int y = 0; y < years; y++) {
            double[] uplift = c.uplift(Metric.GROSS_PROFIT, y);
            double[][] v = new double[METRICS_WRITTEN.size()][paths];
            for (int p = 0; p < paths; p++) {
                double comp = plan.out[SALARY][y][p] + plan.out[COMMISSION][y][p] + plan.out[PK][y][p];
                double base = today.out[SALARY][y][p] + today.out[COMMISSION][y][p] + today.out[PK][y][p];
                double hireSalary = plan.out[HIRE_SALARY][y][p];
                double incremental = comp - hireSalary - base;
                double hiring = hireSalary + (y == 0 ? oneOffHiring : 0.0);
                double roi = uplift[p] - incremental - hiring;
                cumulative[p] += roi;
                double[] row = {uplift[p], plan.out[SALARY][y][p], plan.out[COMMISSION][y][p], plan.out[PK][y][p], comp,
                        base, incremental, hiring, roi, cumulative[p]};
                for (int k = 0; k < row.length; k++) v[k][p] = row[k];
                sum[0][p] += uplift[p];
                sum[1][p] += comp;
                sum[2][p] += base;
                sum[3][p] += incremental;
                sum[4][p] += hiring;
                sum[5][p] += incremental + hiring;
                sum[6][p] += roi;
            }
            for (int k = 0; k < METRICS_WRITTEN.size(); k++) {
                figures.add(new Figure(baseYear + 1 + y, METRICS_WRITTEN.get(k), Stats.of(v[k])));
            }
        }
        List<Figure> totals = new ArrayList<>();
        for (int k = 0; k < METRICS_SUMMED.size(); k++) {
            totals.add(new Figure(baseYear + years, METRICS_SUMMED.get(k), Stats.of(sum[k])));
        }
        return new Result(figures, Stats.of(cumulative), List.of(), totals, sum, plan.leadsLost(baseYear),
                plan.takesLeads);
    }

    /**
     * The figures summed over the horizon per path: the plan's gross-profit uplift, its compensation, today's
     * owners', the incremental compensation, the hiring cost, their sum (what the plan costs in pay over today's)
     * and the ROI.
     */
    public static final List<String> METRICS_SUMMED = List.of("grossProfitUplift", "compensation",
            "baselineCompensation", "incrementalCompensation", "hiringCost", "incrementalCost", "roi");
}
