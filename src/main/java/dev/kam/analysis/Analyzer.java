package dev.kam.analysis;

import dev.kam.domain.Account;
import dev.kam.domain.Money;
import dev.kam.domain.Msg;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The analyze stage: customer pyramid, concentration, key-account baseline, structure health, 5A rating and
 * lifecycle diagnosis. Pure: no I/O, the same scenario always gives the same analysis. Every formula and
 * default is in docs/model.md (Analyze).
 */
public final class Analyzer {
    /** Credit used when accounts.csv leaves it empty (SPEC §3). */
    public static final double DEFAULT_CREDIT = 0.8;
    /** Difficulty used when accounts.csv leaves it empty (SPEC §3). */
    public static final double DEFAULT_DIFFICULTY = 0.5;
    /** Score of a criterion that cannot be measured (e.g. efficiency without service hours): neutral. */
    public static final double NEUTRAL = 0.5;
    /** Size peers an account's orders are compared with (the accounts nearest to it by revenue). */
    public static final int PEERS = 20;
    /** Fewer peers with known orders than this: the orders rule is off. */
    public static final int MIN_PEERS = 5;

    private Analyzer() {
    }

    public static Analysis analyze(Scenario scenario) {
        AnalysisParams p = scenario.analysis();
        StrategyParams st = scenario.strategy();
        List<Account> accounts = scenario.accounts();
        int n = accounts.size();
        double[] revenue = new double[n];
        for (int i = 0; i < n; i++) revenue[i] = Math.max(0, accounts.get(i).revenue());
        double total = 0;
        for (double r : revenue) total += r;

        int[] order = rankByRevenue(accounts);
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) rank[order[k]] = k + 1;

        Tier[] tiers = tiers(revenue, order, total, p, st.keyAccountThreshold());
        List<TierSummary> pyramid = pyramid(tiers, revenue, total);
        Concentration conc = concentration(revenue);
        KeyAccountBaseline base = baseline(accounts, revenue, total, st.keyAccountThreshold());

        AccountAssessment.Criteria[] criteria = criteria(accounts, p, scenario.simulation().initialShare());
        double[] weights = p.ratingWeights();
        double[] cuts = p.ratingCuts();
        double[] peerOrders = peerMedianOrders(accounts);

        double bigWallet = Double.isNaN(p.bigWallet()) ? st.keyAccountThreshold() : p.bigWallet();
        Rules rules = new Rules(bigWallet, p.winFootholdShare(), p.growCeilingRatio() * scenario.simulation().shareCeiling(),
                scenario.simulation().shareCeiling(), p.keepMinCredit(), p.keepOrdersRatio(), scenario.currency());

        List<AccountAssessment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Account a = accounts.get(i);
            double score = score(criteria[i], weights);
            int rating = rating(score, cuts);
            Verdict v = diagnose(a, peerOrders[i], rules);
            out.add(new AccountAssessment(a.id(), tiers[i], score, rating, v.diagnosis, v.reason, rank[i],
                    revenue[i], a.wallet(), criteria[i], revenue[i] <= 0));
        }
        Health health = health(scenario, base, conc, accounts, out, order);
        return new Analysis(out, pyramid, conc, base, health);
    }

    // ---- pyramid ----------------------------------------------------------------------------------

    /** Account indices by revenue, largest first; ties by id so the order never depends on file order. */
    static int[] rankByRevenue(List<Account> accounts) {
        Integer[] idx = new Integer[accounts.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -Math.max(0, accounts.get(i).revenue()))
                .thenComparing(i -> accounts.get(i).id()));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = idx[i];
        return out;
    }

    /**
     * ABC cut: walking down the ranking, an account is key while the cumulative share <em>before</em> it is
     * below keyShare (so the account that crosses the line is key), mid while below midShare, else small.
     * With useThreshold, revenue at or above the threshold makes an account key whatever its rank. Accounts
     * without revenue are always small.
     */
    static Tier[] tiers(double[] revenue, int[] order, double total, AnalysisParams p, double threshold) {
        Tier[] t = new Tier[revenue.length];
        double cum = 0;
        for (int i : order) {
            double before = total > 0 ? cum / total : 1;
            cum += revenue[i];
            Tier tier;
            if (revenue[i] <= 0) tier = Tier.SMALL;
            else if (before < p.keyShare()) tier = Tier.KEY;
            else if (before < p.midShare()) tier = Tier.MID;
            else tier = Tier.SMALL;
            if (p.useThreshold() && Account.isKeyAccountRevenue(revenue[i], threshold)) tier = Tier.KEY;
            t[i] = tier;
        }
        return t;
    }

    static List<TierSummary> pyramid(Tier[] tiers, double[] revenue, double total) {
        int n = tiers.length;
        List<TierSummary> out = new ArrayList<>(3);
        for (Tier tier : Tier.values()) {
            int count = 0;
            double rev = 0;
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = 0; i < n; i++) {
                if (tiers[i] != tier) continue;
                count++;
                rev += revenue[i];
                min = Double.isNaN(min) ? revenue[i] : Math.min(min, revenue[i]);
                max = Double.isNaN(max) ? revenue[i] : Math.max(max, revenue[i]);
            }
            out.add(new TierSummary(tier, count, rev, n == 0 ? 0 : (double) count / n, total > 0 ? rev / total : 0,
                    min, max));
        }
        return out;
    }

    // ---- concentration ------------------------------------------------------------------------------

    /** Top shares, HHI, Gini and the Lorenz curve over the accounts with revenue &gt; 0. */
    static Concentration concentration(double[] revenue) {
        double[] x = Arrays.stream(revenue).filter(r -> r > 0).sorted().toArray();
        int m = x.length;
        double total = 0;
        for (double v : x) total += v;
        if (m == 0) {
            return new Concentration(0, 0, 0, 0, 0, 0, 0, 0, 0,
                    List.of(new Concentration.Point(0, 0), new Concentration.Point(1, 1)));
        }
        int top10 = (int) Math.ceil(0.1 * m);
        double hhi = 0;
        double weighted = 0;
        List<Concentration.Point> lorenz = new ArrayList<>(m + 1);
        lorenz.add(new Concentration.Point(0, 0));
        double cum = 0;
        for (int i = 0; i < m; i++) {
            double s = x[i] / total;
            hhi += s * s;
            weighted += (i + 1) * x[i];
            cum += x[i];
            lorenz.add(new Concentration.Point((double) (i + 1) / m, i == m - 1 ? 1.0 : cum / total));
        }
        // G = 2 Σ i·x(i) / (n Σ x) − (n + 1) / n, x ascending, i = 1..n
        double gini = 2 * weighted / (m * total) - (m + 1.0) / m;
        return new Concentration(m, total, topShare(x, 1, total), topShare(x, 5, total), top10,
                topShare(x, top10, total), hhi, 1 / hhi, Math.max(0, gini), lorenz);
    }

    private static double topShare(double[] ascending, int k, double total) {
        double s = 0;
        for (int i = ascending.length - 1; i >= Math.max(0, ascending.length - k); i--) s += ascending[i];
        return s / total;
    }

    // ---- key-account baseline -----------------------------------------------------------------------

    static KeyAccountBaseline baseline(List<Account> accounts, double[] revenue, double total, double threshold) {
        int count = 0;
        int active = 0;
        double rev = 0;
        double orders = 0;
        double revWithOrders = 0;
        int withOrders = 0;
        for (int i = 0; i < revenue.length; i++) {
            if (revenue[i] > 0) active++;
            if (Account.isKeyAccountRevenue(revenue[i], threshold)) {
                count++;
                rev += revenue[i];
                double o = accounts.get(i).orders();
                if (!Double.isNaN(o) && o > 0) {
                    withOrders++;
                    orders += o;
                    revWithOrders += revenue[i];
                }
            }
        }
        return new KeyAccountBaseline(threshold, count, rev, total > 0 ? rev / total : 0, total, revenue.length,
                active, revenue.length - active, withOrders == 0 ? Double.NaN : orders / withOrders,
                withOrders == 0 ? Double.NaN : revWithOrders / orders);
    }

    // ---- 5A rating ----------------------------------------------------------------------------------

    /**
     * The five criterion scores of every account. Revenue, profit and efficiency are normalized against the
     * accounts with revenue (percentile rank or log min-max); an account without revenue is scored on its
     * potential revenue wallet × prospectShare placed in that same distribution.
     */
    static AccountAssessment.Criteria[] criteria(List<Account> accounts, AnalysisParams p, double fallbackShare) {
        int n = accounts.size();
        double prospectShare = prospectShare(accounts, p, fallbackShare);
        double[] rev = new double[n];
        double[] profit = new double[n];
        double[] eff = new double[n];
        boolean[] active = new boolean[n];
        List<Double> refRev = new ArrayList<>();
        List<Double> refProfit = new ArrayList<>();
        List<Double> refEff = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Account a = accounts.get(i);
            active[i] = a.revenue() > 0;
            rev[i] = active[i] ? a.revenue() : Math.max(0, a.wallet()) * prospectShare;
            profit[i] = rev[i] * a.margin();
            double h = a.serviceHours();
            eff[i] = !Double.isNaN(h) && h > 0 ? rev[i] / h : Double.NaN;
            if (active[i]) {
                refRev.add(rev[i]);
                refProfit.add(profit[i]);
                if (!Double.isNaN(eff[i])) refEff.add(eff[i]);
            }
        }
        Normalizer nr = new Normalizer(p.normalization(), refRev);
        Normalizer np = new Normalizer(p.normalization(), refProfit);
        Normalizer ne = new Normalizer(p.normalization(), refEff);
        AccountAssessment.Criteria[] out = new AccountAssessment.Criteria[n];
        for (int i = 0; i < n; i++) {
            Account a = accounts.get(i);
            double credit = Double.isNaN(a.credit()) ? DEFAULT_CREDIT : a.credit();
            double difficulty = Double.isNaN(a.difficulty()) ? DEFAULT_DIFFICULTY : a.difficulty();
            double e = Double.isNaN(eff[i]) ? NEUTRAL : ne.score(eff[i], active[i]);
            out[i] = new AccountAssessment.Criteria(nr.score(rev[i], active[i]), np.score(profit[i], active[i]),
                    credit, e, 1 - difficulty);
        }
        return out;
    }

    /** The share of wallet a prospect is assumed to reach: the setting, else the median of active accounts. */
    static double prospectShare(List<Account> accounts, AnalysisParams p, double fallback) {
        if (!Double.isNaN(p.prospectShare())) return p.prospectShare();
        double[] sow = accounts.stream().filter(a -> a.revenue() > 0 && a.wallet() > 0)
                .mapToDouble(a -> Math.min(1, a.revenue() / a.wallet())).sorted().toArray();
        return sow.length == 0 ? fallback : median(sow);
    }

    /** Weighted mean of the criterion scores: Σ wₖ sₖ / Σ wₖ. */
    static double score(AccountAssessment.Criteria c, double[] weights) {
        double[] s = c.toArray();
        double num = 0;
        double den = 0;
        for (int k = 0; k < s.length; k++) {
            num += weights[k] * s[k];
            den += weights[k];
        }
        return den > 0 ? num / den : 0;
    }

    /** 1 + the number of cuts (2A…5A) at or below the score; a tiny tolerance absorbs rounding. */
    static int rating(double score, double[] cuts) {
        int r = 1;
        for (double c : cuts) {
            if (score + 1e-9 >= c) r++;
        }
        return r;
    }

    /** Maps a raw criterion value to 0–1 against the values of the accounts with revenue. */
    static final class Normalizer {
        private final boolean percentile;
        private final double[] ref;
        private final double logMin;
        private final double logMax;

        Normalizer(String method, List<Double> reference) {
            this.percentile = !AnalysisParams.LOG_MINMAX.equals(method);
            this.ref = reference.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            this.logMin = ref.length == 0 ? 0 : Math.log1p(ref[0]);
            this.logMax = ref.length == 0 ? 0 : Math.log1p(ref[ref.length - 1]);
        }

        /**
         * Percentile: mid-rank (#below + (#equal − 1)/2) / (n − 1) for a member of the reference, and the same
         * as if inserted, (#below + #equal/2) / n, for an outsider; log min-max:
         * (ln(1+x) − ln(1+min)) / (ln(1+max) − ln(1+min)) clamped to 0–1. Neutral 0.5 without spread.
         */
        double score(double x, boolean member) {
            if (percentile) {
                int below = lowerBound(ref, x);
                int equal = lowerBound(ref, Math.nextUp(x)) - below;
                if (member) {
                    int m = ref.length;
                    return m <= 1 ? NEUTRAL : (below + (equal - 1) / 2.0) / (m - 1);
                }
                return ref.length == 0 ? NEUTRAL : (below + equal / 2.0) / ref.length;
            }
            if (logMax <= logMin) return NEUTRAL;
            double v = (Math.log1p(Math.max(0, x)) - logMin) / (logMax - logMin);
            return Math.max(0, Math.min(1, v));
        }

        private static int lowerBound(double[] a, double x) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < x) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    // ---- lifecycle diagnosis ------------------------------------------------------------------------

    /** Thresholds of the diagnosis rules, resolved against the scenario. */
    record Rules(double bigWallet, double footholdShare, double growBelowShare, double shareCeiling,
                 double minCredit, double ordersRatio, String currency) {
    }

    /** A diagnosis and why: a rule's message with its figures (words are chosen at the edge). */
    record Verdict(Diagnosis diagnosis, Msg reason) {
    }

    /**
     * For every account, the median orders per year of its size peers: the {@link #PEERS} accounts nearest to it
     * in the revenue ranking (half above, half below, shifted at the ends) among the active accounts whose
     * orders are known. NaN for accounts without revenue or orders, or with fewer than {@link #MIN_PEERS} peers.
     * Peers of similar size, because bigger accounts order more often: comparing across sizes would flag every
     * smaller account of a tier.
     */
    static double[] peerMedianOrders(List<Account> accounts) {
        int n = accounts.size();
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        List<Integer> known = new ArrayList<>();
        for (int i : rankByRevenue(accounts)) {
            Account a = accounts.get(i);
            if (a.revenue() > 0 && !Double.isNaN(a.orders())) known.add(i);
        }
        int m = known.size();
        if (m - 1 < MIN_PEERS) return out;
        int k = Math.min(PEERS, m - 1);
        for (int j = 0; j < m; j++) {
            int from = Math.max(0, Math.min(j - k / 2, m - 1 - k));
            double[] v = new double[k];
            int c = 0;
            for (int q = from; c < k; q++) {
                if (q == j) continue;
                v[c++] = accounts.get(known.get(q)).orders();
            }
            Arrays.sort(v);
            out[known.get(j)] = median(v);
        }
        return out;
    }

    /**
     * Rules in order of urgency: cannot keep (we may lose what we have), cannot win (we are not in), cannot
     * grow (in, but far below the ceiling of a big wallet), else healthy. The reason names the rule
     * ({@code analysis.reason.*}) and carries its figures.
     */
    static Verdict diagnose(Account a, double peerOrders, Rules r) {
        double rev = Math.max(0, a.revenue());
        double wallet = Math.max(0, a.wallet());
        double sow = wallet > 0 ? rev / wallet : 0;
        double credit = Double.isNaN(a.credit()) ? DEFAULT_CREDIT : a.credit();
        Msg owner = a.owner() == null ? Msg.of("analysis.owner.none") : Msg.of("analysis.owner.is", a.owner());

        List<Msg> keep = new ArrayList<>();
        if (a.stage() == Stage.AT_RISK) keep.add(Msg.of("analysis.reason.keep.atRisk"));
        if (rev > 0 && credit < r.minCredit) keep.add(Msg.of("analysis.reason.keep.credit", credit, r.minCredit));
        double orders = a.orders();
        if (rev > 0 && r.ordersRatio > 0 && !Double.isNaN(orders) && !Double.isNaN(peerOrders)
                && orders < r.ordersRatio * peerOrders) {
            keep.add(Msg.of("analysis.reason.keep.orders", orders, r.ordersRatio, peerOrders));
        }
        if (!keep.isEmpty()) {
            return new Verdict(Diagnosis.CANNOT_KEEP, Msg.of("analysis.reason.keep", keep, money(rev, r), owner));
        }
        if (rev <= 0) {
            Msg who = a.owner() == null ? Msg.of("analysis.reason.prospect.unworked")
                    : Msg.of("analysis.reason.prospect.notWon", a.owner());
            return new Verdict(Diagnosis.CANNOT_WIN, Msg.of("analysis.reason.prospect", money(wallet, r), who));
        }
        boolean big = wallet >= r.bigWallet;
        if (big && sow < r.footholdShare) {
            return new Verdict(Diagnosis.CANNOT_WIN, Msg.of("analysis.reason.foothold", sow, money(wallet, r),
                    r.footholdShare, owner));
        }
        if (big && sow < r.growBelowShare) {
            double headroom = r.shareCeiling * wallet - rev;
            return new Verdict(Diagnosis.CANNOT_GROW, Msg.of("analysis.reason.grow", sow, money(wallet, r),
                    r.growBelowShare, money(headroom, r), r.shareCeiling, owner));
        }
        if (!big) {
            return new Verdict(Diagnosis.HEALTHY, Msg.of("analysis.reason.smallWallet", money(wallet, r),
                    money(r.bigWallet, r), sow));
        }
        return new Verdict(Diagnosis.HEALTHY, Msg.of("analysis.reason.healthy", sow, money(wallet, r),
                r.growBelowShare, Msg.of("analysis.stage." + a.stage().code()), credit));
    }

    private static Money money(double v, Rules r) {
        return new Money(v, r.currency);
    }

    // ---- structure health ---------------------------------------------------------------------------

    static Health health(Scenario s, KeyAccountBaseline b, Concentration c, List<Account> accounts,
                         List<AccountAssessment> assessed, int[] order) {
        AnalysisParams p = s.analysis();
        StrategyParams st = s.strategy();
        String cur = s.currency();
        List<Msg> findings = new ArrayList<>();
        boolean led = b.totalRevenue() > 0 && b.share() >= p.healthKeyShare();
        boolean concentrated = c.activeAccounts() > 1 && c.top1Share() > p.healthMaxTop1();

        findings.add(Msg.of("analysis.health.keyAccounts", new Money(b.threshold(), cur), b.count(), b.accounts(),
                b.share(), new Money(b.revenue(), cur)));
        if (led) {
            findings.add(Msg.of("analysis.health.led", b.share(), p.healthKeyShare()));
        } else {
            findings.add(Msg.of("analysis.health.notLed", b.share(), p.healthKeyShare()));
        }
        if (concentrated) {
            Account top = accounts.get(order[0]);
            findings.add(Msg.of("analysis.health.dependence", top.name(), top.id(), c.top1Share(), p.healthMaxTop1()));
        }

        List<Health.GoalGap> gaps = new ArrayList<>();
        int h = st.horizonYears();
        int goalYear = s.baseYear() + h;
        if (!Double.isNaN(st.goalShare())) {
            double gap = st.goalShare() - b.share();
            gaps.add(new Health.GoalGap("keyAccountRevenueShare", b.share(), st.goalShare(), gap, Double.NaN));
            findings.add(Msg.of("analysis.health.gap.share", b.share(), st.goalShare(), goalYear, gap * 100));
        }
        if (!Double.isNaN(st.goalCount())) {
            double gap = st.goalCount() - b.count();
            double g = cagr(b.count(), st.goalCount(), h);
            gaps.add(new Health.GoalGap("keyAccountCount", b.count(), st.goalCount(), gap, g));
            findings.add(Msg.of("analysis.health.gap.count", b.count(), st.goalCount(), goalYear, gap, perYear(g)));
        }
        if (!Double.isNaN(st.goalRevenue())) {
            double gap = st.goalRevenue() - b.revenue();
            double g = cagr(b.revenue(), st.goalRevenue(), h);
            gaps.add(new Health.GoalGap("keyAccountRevenue", b.revenue(), st.goalRevenue(), gap, g));
            Msg times = b.revenue() > 0 ? Msg.of("analysis.health.times", st.goalRevenue() / b.revenue())
                    : Msg.of("analysis.health.fromNothing");
            findings.add(Msg.of("analysis.health.gap.revenue", new Money(b.revenue(), cur),
                    new Money(st.goalRevenue(), cur), goalYear, times, perYear(g)));
        }
        if (gaps.isEmpty()) findings.add(Msg.of("analysis.health.noGoals"));

        int keepKa = 0;
        double keepKaRevenue = 0;
        int growKa = 0;
        for (int i = 0; i < accounts.size(); i++) {
            AccountAssessment a = assessed.get(i);
            boolean ka = a.revenue() > 0 && a.revenue() >= b.threshold();
            if (ka && a.diagnosis() == Diagnosis.CANNOT_KEEP) {
                keepKa++;
                keepKaRevenue += a.revenue();
            }
            if (a.diagnosis() == Diagnosis.CANNOT_GROW) growKa++;
        }
        if (keepKa > 0) {
            findings.add(Msg.of("analysis.health.keepKa", keepKa, new Money(keepKaRevenue, cur),
                    b.revenue() > 0 ? keepKaRevenue / b.revenue() : 0.0));
        }
        if (growKa > 0) findings.add(Msg.of("analysis.health.growKa", growKa));

        Health.Verdict verdict = !led ? Health.Verdict.NOT_KEY_ACCOUNT_LED
                : concentrated ? Health.Verdict.CONCENTRATED : Health.Verdict.HEALTHY;
        Msg summary = switch (verdict) {
            case HEALTHY -> Msg.of("analysis.verdict.HEALTHY", b.share());
            case CONCENTRATED -> Msg.of("analysis.verdict.CONCENTRATED", c.top1Share());
            case NOT_KEY_ACCOUNT_LED -> Msg.of("analysis.verdict.NOT_KEY_ACCOUNT_LED", b.share());
        };
        return new Health(verdict, summary, led, gaps, findings);
    }

    /** ", 14.9% a year" after a goal gap, or nothing when the growth is undefined. */
    private static Object perYear(double growth) {
        return Double.isNaN(growth) ? "" : Msg.of("analysis.health.perYear", growth);
    }

    /** (to/from)^(1/years) − 1; NaN when from is 0. */
    static double cagr(double from, double to, int years) {
        if (from <= 0 || years <= 0) return Double.NaN;
        return Math.pow(to / from, 1.0 / years) - 1;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static double median(double[] sorted) {
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }
}
