package dev.kam.analysis;

import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

    record Verdict(Diagnosis diagnosis, String reason) {
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
     * grow (in, but far below the ceiling of a big wallet), else healthy.
     */
    static Verdict diagnose(Account a, double peerOrders, Rules r) {
        double rev = Math.max(0, a.revenue());
        double wallet = Math.max(0, a.wallet());
        double sow = wallet > 0 ? rev / wallet : 0;
        double credit = Double.isNaN(a.credit()) ? DEFAULT_CREDIT : a.credit();
        String owner = a.owner() == null ? "no owner" : "owner " + a.owner();

        List<String> keep = new ArrayList<>();
        if (a.stage() == Stage.AT_RISK) keep.add("stage at-risk");
        if (rev > 0 && credit < r.minCredit) {
            keep.add("credit " + fmt2(credit) + " below " + fmt2(r.minCredit));
        }
        double orders = a.orders();
        if (rev > 0 && r.ordersRatio > 0 && !Double.isNaN(orders) && !Double.isNaN(peerOrders)
                && orders < r.ordersRatio * peerOrders) {
            keep.add("buys " + num(orders) + (orders == 1 ? " time" : " times") + " a year, under " + pct(r.ordersRatio) + " of the " + num(peerOrders)
                    + " of similar-sized accounts");
        }
        if (!keep.isEmpty()) {
            return new Verdict(Diagnosis.CANNOT_KEEP, String.join("; ", keep) + "; " + money(rev, r.currency)
                    + " revenue at stake, " + owner);
        }
        if (rev <= 0) {
            String who = a.owner() == null ? "no owner works it" : "owner " + a.owner() + " has not won it yet";
            return new Verdict(Diagnosis.CANNOT_WIN, "prospect with a " + money(wallet, r.currency) + " wallet; "
                    + who);
        }
        boolean big = wallet >= r.bigWallet;
        if (big && sow < r.footholdShare) {
            return new Verdict(Diagnosis.CANNOT_WIN, "foothold only: " + pct(sow) + " of a " + money(wallet, r.currency)
                    + " wallet (below " + pct(r.footholdShare) + "); " + owner);
        }
        if (big && sow < r.growBelowShare) {
            double headroom = r.shareCeiling * wallet - rev;
            return new Verdict(Diagnosis.CANNOT_GROW, "share of wallet " + pct(sow) + " of " + money(wallet, r.currency)
                    + ", below " + pct(r.growBelowShare) + "; " + money(headroom, r.currency) + " headroom to the "
                    + pct(r.shareCeiling) + " ceiling; " + owner);
        }
        if (!big) {
            return new Verdict(Diagnosis.HEALTHY, "small wallet (" + money(wallet, r.currency) + " < "
                    + money(r.bigWallet, r.currency) + "): no key-account gap; share of wallet " + pct(sow));
        }
        return new Verdict(Diagnosis.HEALTHY, "share of wallet " + pct(sow) + " of " + money(wallet, r.currency)
                + " (at least " + pct(r.growBelowShare) + "), stage " + a.stage().code() + ", credit " + fmt2(credit));
    }

    // ---- structure health ---------------------------------------------------------------------------

    static Health health(Scenario s, KeyAccountBaseline b, Concentration c, List<Account> accounts,
                         List<AccountAssessment> assessed, int[] order) {
        AnalysisParams p = s.analysis();
        StrategyParams st = s.strategy();
        String cur = s.currency();
        List<String> findings = new ArrayList<>();
        boolean led = b.totalRevenue() > 0 && b.share() >= p.healthKeyShare();
        boolean concentrated = c.activeAccounts() > 1 && c.top1Share() > p.healthMaxTop1();

        findings.add(String.format(Locale.ROOT, "Key accounts (revenue ≥ %s): %d of %d accounts bring %s of revenue (%s).",
                money(b.threshold(), cur), b.count(), b.accounts(), pct(b.share()), money(b.revenue(), cur)));
        if (led) {
            findings.add("The base is key-account-led: key accounts bring " + pct(b.share()) + " of revenue (healthy: at least "
                    + pct(p.healthKeyShare()) + ").");
        } else {
            findings.add("The base is not key-account-led: key accounts bring " + pct(b.share())
                    + " of revenue, below the healthy " + pct(p.healthKeyShare()) + ".");
        }
        if (concentrated) {
            Account top = accounts.get(order[0]);
            findings.add("Dependence on one account: " + top.name() + " (" + top.id() + ") brings " + pct(c.top1Share())
                    + " of revenue (healthy: at most " + pct(p.healthMaxTop1()) + ").");
        }

        List<Health.GoalGap> gaps = new ArrayList<>();
        int h = st.horizonYears();
        int goalYear = s.baseYear() + h;
        if (!Double.isNaN(st.goalShare())) {
            double gap = st.goalShare() - b.share();
            gaps.add(new Health.GoalGap("keyAccountRevenueShare", b.share(), st.goalShare(), gap, Double.NaN));
            findings.add(String.format(Locale.ROOT, "Key-account share of revenue: %s today, goal %s by %d (%s%.1f points).",
                    pct(b.share()), pct(st.goalShare()), goalYear, gap >= 0 ? "+" : "", gap * 100));
        }
        if (!Double.isNaN(st.goalCount())) {
            double gap = st.goalCount() - b.count();
            double g = cagr(b.count(), st.goalCount(), h);
            gaps.add(new Health.GoalGap("keyAccountCount", b.count(), st.goalCount(), gap, g));
            findings.add(String.format(Locale.ROOT, "Key accounts: %d today, goal %s by %d (%s%s)%s.", b.count(),
                    num(st.goalCount()), goalYear, gap >= 0 ? "+" : "", num(gap),
                    Double.isNaN(g) ? "" : ", " + pct(g) + " a year"));
        }
        if (!Double.isNaN(st.goalRevenue())) {
            double gap = st.goalRevenue() - b.revenue();
            double g = cagr(b.revenue(), st.goalRevenue(), h);
            gaps.add(new Health.GoalGap("keyAccountRevenue", b.revenue(), st.goalRevenue(), gap, g));
            findings.add(String.format(Locale.ROOT, "Key-account revenue: %s today, goal %s by %d (%s)%s.",
                    money(b.revenue(), cur), money(st.goalRevenue(), cur), goalYear,
                    b.revenue() > 0 ? String.format(Locale.ROOT, "×%.1f", st.goalRevenue() / b.revenue()) : "from nothing",
                    Double.isNaN(g) ? "" : ", " + pct(g) + " a year"));
        }
        if (gaps.isEmpty()) findings.add("No goals are set under strategy.goals: the gap to the goals cannot be measured.");

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
            findings.add(keepKa + " key account" + (keepKa == 1 ? "" : "s") + " may be lost (留不住): "
                    + money(keepKaRevenue, cur) + ", " + pct(b.revenue() > 0 ? keepKaRevenue / b.revenue() : 0)
                    + " of key-account revenue.");
        }
        if (growKa > 0) {
            findings.add(growKa + " account" + (growKa == 1 ? "" : "s") + " with a big wallet "
                    + (growKa == 1 ? "is" : "are") + " far below the share ceiling (做不大).");
        }

        Health.Verdict verdict = !led ? Health.Verdict.NOT_KEY_ACCOUNT_LED
                : concentrated ? Health.Verdict.CONCENTRATED : Health.Verdict.HEALTHY;
        String summary = switch (verdict) {
            case HEALTHY -> "Healthy: key-account-led (" + pct(b.share()) + " of revenue from key accounts).";
            case CONCENTRATED -> "Key-account-led but concentrated: the largest account brings " + pct(c.top1Share())
                    + " of revenue.";
            case NOT_KEY_ACCOUNT_LED -> "Not key-account-led: key accounts bring only " + pct(b.share()) + " of revenue.";
        };
        return new Health(verdict, summary, led, gaps, findings);
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

    // Formatter with %,f builds new DecimalFormatSymbols on every call, which dominated the run time on
    // thousands of reasons; these formats are built once per thread.
    private static final ThreadLocal<DecimalFormat[]> FORMATS = ThreadLocal.withInitial(() -> new DecimalFormat[] {
        format("#,##0"), format("#,##0.0"), format("0.0"), format("0.00")});

    private static DecimalFormat format(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    /** An amount with thousands separators and the currency: "12,500,000 CNY". */
    static String money(double v, String currency) {
        return FORMATS.get()[0].format(v) + " " + currency;
    }

    /** A fraction as a percentage with one decimal: "12.5%". */
    static String pct(double v) {
        return FORMATS.get()[2].format(v * 100) + "%";
    }

    static String fmt2(double v) {
        return FORMATS.get()[3].format(v);
    }

    /** A count or amount with thousands separators; one decimal when not whole. */
    static String num(double v) {
        return FORMATS.get()[v == Math.rint(v) ? 0 : 1].format(v);
    }
}
