package dev.kam.simulation;

import dev.kam.domain.ResponseModel;

import java.util.Arrays;

/**
 * Simulates whole paths of one {@link CompiledModel}; one worker per thread, its scratch arrays (and one random
 * stream per arrival slot) allocated once and reused for every path, so nothing is allocated per account-year.
 *
 * <p>Random numbers (SPEC §8 exact common random numbers). Per path: the parameter stream draws one uniform per
 * model parameter, uncertain or not. The main stream draws, per year, the market normal, one normal per industry,
 * then exactly one normal and one uniform per scenario account, alive or not; none of these counts depends on the
 * plan, the parameters or the arrival rate. Product adoption of (account, product) in year t is the t-th value of a
 * counter-based sub-stream keyed by (path, account id, product id), so a plan that offers other products to one
 * account leaves every other account's draws as they were. Arrivals of year t come from a sub-stream keyed by
 * (path, year): the count by inversion of one uniform (a higher rate adds arrivals, it does not reshuffle them),
 * and the k-th arrival of the year gets its own stream keyed by (path, year, k) for its source account and every
 * later draw.
 */
final class PathWorker {
    private static final byte DEAD = 0;
    private static final byte ACTIVE = 1;
    private static final byte PROSPECT = 2;
    private static final long ARRIVAL_YEAR = 1L << 48;
    private static final long ARRIVAL_SLOT = 2L << 48;

    private final CompiledModel m;
    private final double[] wallet;
    private final double[] share;
    private final byte[] state;
    private final double[] productRevenue;
    private final double[] productProfit;
    private final boolean[] adopted;
    private final long[] offerPathKey;
    // per-slot attributes: the scenario's accounts, then arrived prospects copied into the pool slots
    private final double[] margin;
    private final int[] industry;
    private final double[] industryFactor;
    private final double[] marketIndex;
    private final Rng rng = new Rng(0, 0, 0);
    private final Rng paramRng = new Rng(0, 0, 1);
    private final Rng yearRng = new Rng(0, 0, 2);
    private final Rng[] slotRng;
    private final double[] uniforms = new double[CompiledModel.PARAMS];
    private final double[] drawn = new double[CompiledModel.PARAMS];
    /** The caller's observer of each path-year, null for none (then the arrays below are null too). */
    private final YearHook.Worker hook;
    private final double[] hookRevenue;
    private final double[] hookProfit;
    /** Accounts whose lead the hook took away on the current path, in the order lost (null without a hook). */
    private final int[] lostList;
    private final boolean[] lost;
    private final int[] lostBuffer;
    private int lostCount;
    /** Rates of the current path: the model's own when nothing is uncertain, else this worker's. */
    private final CompiledModel.Derived own;
    private CompiledModel.Derived d;

    /** Account-years simulated by this worker (slots in use summed over years and paths). */
    long accountYears;
    /** Arrivals dropped because a path's pool was full. */
    long dropped;

    PathWorker(CompiledModel m) {
        this(m, null);
    }

    /** A worker reporting every path-year to {@code hook} (null for none). */
    PathWorker(CompiledModel m, YearHook.Worker hook) {
        this.m = m;
        this.hook = hook;
        hookRevenue = hook == null ? null : new double[m.accounts];
        hookProfit = hook == null ? null : new double[m.accounts];
        lostList = hook == null ? null : new int[m.accounts];
        lost = hook == null ? null : new boolean[m.accounts];
        lostBuffer = hook == null ? null : new int[m.accounts];
        int cap = m.capacity;
        wallet = new double[cap];
        share = new double[cap];
        state = new byte[cap];
        productRevenue = new double[cap];
        productProfit = new double[cap];
        adopted = new boolean[m.offerPrice.length];
        offerPathKey = new long[m.offerPrice.length];
        margin = new double[cap];
        industry = new int[cap];
        System.arraycopy(m.margin, 0, margin, 0, m.accounts);
        System.arraycopy(m.industry, 0, industry, 0, m.accounts);
        industryFactor = new double[m.industries];
        marketIndex = new double[m.industries];
        slotRng = new Rng[m.poolSize];
        for (int k = 0; k < slotRng.length; k++) slotRng[k] = new Rng(0, 0, 0);
        own = new CompiledModel.Derived(cap);
        if (!m.uncertain) {
            // the pool slots of arrivals are written per path; the scenario's accounts keep the compiled rates
            System.arraycopy(m.atCentre.gain, 0, own.gain, 0, m.accounts);
            System.arraycopy(m.atCentre.churn, 0, own.churn, 0, m.accounts);
            System.arraycopy(m.atCentre.churnFirst, 0, own.churnFirst, 0, m.accounts);
            System.arraycopy(m.atCentre.conversion, 0, own.conversion, 0, m.accounts);
            System.arraycopy(m.atCentre.churnIfUncovered, 0, own.churnIfUncovered, 0, m.accounts);
            copyConstants(m.atCentre, own);
        }
        d = own;
    }

    private static void copyConstants(CompiledModel.Derived from, CompiledModel.Derived to) {
        to.erosion = from.erosion;
        to.onePlusG = from.onePlusG;
        to.sigma = from.sigma;
        to.sqrtMarket = from.sqrtMarket;
        to.sqrtIndustry = from.sqrtIndustry;
        to.sigmaIdio = from.sigmaIdio;
        to.ceiling = from.ceiling;
        to.initialShare = from.initialShare;
        to.adoption = from.adoption;
        to.arrivals = from.arrivals;
        to.gainUncovered = from.gainUncovered;
        to.churnUncovered = from.churnUncovered;
        to.conversionUncovered = from.conversionUncovered;
    }

    /** Simulates path {@code path} and writes its yearly metrics to {@code out[metric][year][path]}. */
    void run(long seed, int path, double[][][] out) {
        run(seed, path, out, null, null);
    }

    /**
     * As {@link #run(long, int, double[][][])}; when {@code trace} is given, also the revenue of every scenario
     * account in every year ({@code trace[year][account]}, 0 once lost) and when {@code params} is given the
     * path's parameter draw (for tests of the common random numbers and of the parameter draws).
     */
    void run(long seed, int path, double[][][] out, double[][] trace, double[] params) {
        if (lostCount > 0) restoreLeads();
        rng.seed(seed, path, 0);
        paramRng.seed(seed, path, 1);
        for (int q = 0; q < uniforms.length; q++) uniforms[q] = paramRng.nextDouble();
        if (m.uncertain) {
            m.draw(uniforms, drawn);
            m.derive(drawn, own, !m.erosionGiven);
        }
        if (params != null) {
            if (m.uncertain) System.arraycopy(drawn, 0, params, 0, drawn.length);
            else System.arraycopy(m.centre, 0, params, 0, drawn.length);
            params[dev.kam.domain.SimulationParams.Param.SHARE_EROSION.ordinal()] = d.erosion;
        }
        final CompiledModel.Derived d = this.d;
        final long pathKey = Rng.pathKey(seed, path);
        for (int j = 0; j < offerPathKey.length; j++) offerPathKey[j] = Rng.combine(pathKey, m.offerKey[j]);
        final int n = m.accounts;
        System.arraycopy(m.wallet0, 0, wallet, 0, n);
        System.arraycopy(m.share0, 0, share, 0, n);
        for (int i = 0; i < n; i++) state[i] = m.prospect0[i] ? PROSPECT : ACTIVE;
        Arrays.fill(productRevenue, 0, n, 0.0);
        Arrays.fill(productProfit, 0, n, 0.0);
        Arrays.fill(adopted, false);
        Arrays.fill(marketIndex, 1.0);

        // hoisted constants and arrays
        final double[] wallet = this.wallet;
        final double[] share = this.share;
        final byte[] state = this.state;
        final double[] productRevenue = this.productRevenue;
        final double[] productProfit = this.productProfit;
        final double[] margin = this.margin;
        final double[] gain = d.gain;
        final double[] churnLater = d.churn;
        final double[] conversion = d.conversion;
        final int[] industry = this.industry;
        final double[] factor = this.industryFactor;
        final int[] offerStart = m.offerStart;
        final double ceiling = d.ceiling;
        final double erosion = d.erosion;
        final double initial = d.initialShare;
        final double sigma = d.sigma;
        final double sigmaIdio = d.sigmaIdio;
        final double drift = -0.5 * sigma * sigma;
        final double sMarket = sigma * d.sqrtMarket;
        final double sIndustry = sigma * d.sqrtIndustry;
        // the idiosyncratic factor's mean, so the market index of an arrival is the mean wallet of its industry
        final double idioMean = Math.exp(0.5 * sigmaIdio * sigmaIdio);
        final Rng rng = this.rng;

        int slots = n;
        long work = 0;
        for (int y = 0; y < m.years; y++) {
            double market = rng.nextGaussian();
            for (int j = 0; j < factor.length; j++) {
                factor[j] = d.onePlusG * Math.exp(sMarket * market + sIndustry * rng.nextGaussian() + drift);
            }
            if (d.arrivals > 0) {
                yearRng.seed(seed, path, ARRIVAL_YEAR + y);
                int arriving = Rng.poissonInverse(d.arrivals, yearRng.nextDouble());
                for (int k = 0; k < arriving; k++) {
                    if (slots == m.capacity) {
                        dropped++;
                        continue;
                    }
                    Rng r = slotRng[slots - n];
                    r.seed(seed, path, ARRIVAL_SLOT + ((long) y << 32) + k);
                    arrive(slots++, r.nextInt(n), d);
                }
            }
            for (int j = 0; j < factor.length; j++) marketIndex[j] *= factor[j] * idioMean;
            final double[] churn = y == 0 ? d.churnFirst : churnLater;
            final double threshold = m.threshold[y];
            final double[] tr = trace == null ? null : trace[y];
            final double[] hr = hookRevenue;
            final double[] hp = hookProfit;
            if (hr != null) {
                Arrays.fill(hr, 0.0);
                Arrays.fill(hp, 0.0);
            }

            double total = 0;
            double profit = 0;
            double kaRevenue = 0;
            int kaCount = 0;
            for (int i = 0; i < slots; i++) {
                final Rng r = i < n ? rng : slotRng[i - n];
                double z = r.nextGaussian();
                double u = r.nextDouble();
                byte st = state[i];
                if (st == DEAD) continue;
                double w = wallet[i] * factor[industry[i]] * FastExp.exp(sigmaIdio * z);
                wallet[i] = w;
                double s;
                if (st == ACTIVE) {
                    if (u < churn[i]) {
                        state[i] = DEAD;
                        continue;
                    }
                    s = ResponseModel.nextShare(share[i], gain[i], ceiling, erosion);
                } else {
                    if (u >= conversion[i]) continue;
                    state[i] = ACTIVE;
                    s = initial;
                }
                share[i] = s;
                int o = offerStart[i];
                if (o != offerStart[i + 1] && (lostCount == 0 || i >= n || !lost[i])) {
                    adopt(i, o, offerStart[i + 1], y, d.adoption);
                }
                double base = s * w;
                double rev = base + productRevenue[i];
                double gp = base * margin[i] + productProfit[i];
                total += rev;
                profit += gp;
                if (tr != null && i < n) tr[i] = rev;
                if (hr != null && i < n) {
                    hr[i] = rev;
                    hp[i] = gp;
                }
                // branch-free: whether an account is a key account is unpredictable from one to the next
                int ka = rev >= threshold && rev > 0 ? 1 : 0;
                kaRevenue += ka * rev;
                kaCount += ka;
            }
            work += slots;
            out[0][y][path] = total;
            out[1][y][path] = kaRevenue;
            out[2][y][path] = kaCount;
            out[3][y][path] = total > 0 ? kaRevenue / total : 0.0;
            out[4][y][path] = profit;
            if (hook != null) {
                hook.year(path, y, hr, hp);
                if (y + 1 < m.years) {
                    int k = hook.leadsLost(path, y, lostBuffer);
                    for (int q = 0; q < k; q++) loseLead(lostBuffer[q], d);
                }
            }
        }
        accountYears += work;
    }

    /** Account i is uncovered from the next year on (its first-year churn is past, so churnFirst stays). */
    private void loseLead(int i, CompiledModel.Derived d) {
        if (lost[i]) return;
        lost[i] = true;
        lostList[lostCount++] = i;
        d.gain[i] = d.gainUncovered;
        d.churn[i] = d.churnIfUncovered[i];
        d.conversion[i] = d.conversionUncovered;
    }

    /**
     * Gives back the leads the previous path lost: the compiled rates when nothing is uncertain (a path with
     * drawn parameters rewrites every account's rates anyway).
     */
    private void restoreLeads() {
        for (int q = 0; q < lostCount; q++) {
            int i = lostList[q];
            lost[i] = false;
            own.gain[i] = m.atCentre.gain[i];
            own.churn[i] = m.atCentre.churn[i];
            own.conversion[i] = m.atCentre.conversion[i];
        }
        lostCount = 0;
    }

    /**
     * A new prospect in slot {@code slot}: a copy of account {@code src}'s industry and margin, with its wallet
     * grown by the path's realised market index of that industry up to last year (SPEC §8), uncovered.
     */
    private void arrive(int slot, int src, CompiledModel.Derived d) {
        int j = m.industry[src];
        wallet[slot] = m.wallet0[src] * marketIndex[j];
        share[slot] = 0.0;
        state[slot] = PROSPECT;
        margin[slot] = m.margin[src];
        industry[slot] = j;
        d.gain[slot] = d.gainUncovered;
        d.churn[slot] = d.churnUncovered;
        d.churnFirst[slot] = d.churnUncovered;
        d.conversion[slot] = d.conversionUncovered;
        productRevenue[slot] = 0.0;
        productProfit[slot] = 0.0;
    }

    /** Each offered, not yet adopted product is adopted with probability productAdoption, from its own sub-stream. */
    private void adopt(int i, int from, int to, int year, double p) {
        for (int j = from; j < to; j++) {
            if (!adopted[j] && Rng.keyed(offerPathKey[j], year) < p) {
                adopted[j] = true;
                productRevenue[i] += m.offerPrice[j];
                productProfit[i] += m.offerProfit[j];
            }
        }
    }
}
