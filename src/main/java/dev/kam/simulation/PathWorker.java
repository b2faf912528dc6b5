package dev.kam.simulation;

import java.util.Arrays;

/**
 * Simulates whole paths of one {@link CompiledModel}; one worker per thread, its scratch arrays
 * allocated once and reused for every path, so nothing is allocated per account-year.
 *
 * <p>Random-number alignment (for common random numbers between plans and between parameter
 * values): the main stream draws, per year, the market normal, one normal per industry, then exactly
 * one normal and one uniform per scenario account, alive or not. None of these counts depends on the
 * plan or on the arrival rate, so two plans, or a sensitivity run with another
 * {@code newProspectsPerYear}, see the same shocks, churn and conversion draws for the scenario's
 * accounts. Arrivals (their count, sources, and the draws of arrived slots) use a second stream, and
 * product adoption, whose number of draws depends on the plan, a third.
 */
final class PathWorker {
    private static final byte DEAD = 0;
    private static final byte ACTIVE = 1;
    private static final byte PROSPECT = 2;

    private final CompiledModel m;
    private final double[] wallet;
    private final double[] share;
    private final byte[] state;
    private final double[] productRevenue;
    private final double[] productProfit;
    private final boolean[] adopted;
    // per-slot attributes: the scenario's accounts, then arrived prospects copied into the pool slots
    private final double[] margin;
    private final double[] gain;
    private final double[] churn;
    private final double[] conversion;
    private final int[] industry;
    private final double[] industryFactor;
    private final double[] growthPow;
    private final Rng rng = new Rng(0, 0, 0);
    private final Rng productRng = new Rng(0, 0, 1);
    private final Rng arrivalRng = new Rng(0, 0, 2);

    /** Account-years simulated by this worker (slots in use summed over years and paths). */
    long accountYears;
    /** Arrivals dropped because a path's pool was full. */
    long dropped;

    PathWorker(CompiledModel m) {
        this.m = m;
        int cap = m.capacity;
        wallet = new double[cap];
        share = new double[cap];
        state = new byte[cap];
        productRevenue = new double[cap];
        productProfit = new double[cap];
        adopted = new boolean[m.offerPrice.length];
        margin = new double[cap];
        gain = new double[cap];
        churn = new double[cap];
        conversion = new double[cap];
        industry = new int[cap];
        System.arraycopy(m.margin, 0, margin, 0, m.accounts);
        System.arraycopy(m.gain, 0, gain, 0, m.accounts);
        System.arraycopy(m.churn, 0, churn, 0, m.accounts);
        System.arraycopy(m.conversion, 0, conversion, 0, m.accounts);
        System.arraycopy(m.industry, 0, industry, 0, m.accounts);
        industryFactor = new double[m.industries];
        growthPow = new double[m.years];
        for (int y = 0; y < m.years; y++) growthPow[y] = Math.pow(m.onePlusG, y);
    }

    /**
     * Simulates path {@code path} and writes its yearly metrics to {@code out[metric][year][path]}.
     */
    void run(long seed, int path, double[][][] out) {
        rng.seed(seed, path, 0);
        productRng.seed(seed, path, 1);
        arrivalRng.seed(seed, path, 2);
        final int n = m.accounts;
        System.arraycopy(m.wallet0, 0, wallet, 0, n);
        System.arraycopy(m.share0, 0, share, 0, n);
        for (int i = 0; i < n; i++) state[i] = m.prospect0[i] ? PROSPECT : ACTIVE;
        Arrays.fill(productRevenue, 0, n, 0.0);
        Arrays.fill(productProfit, 0, n, 0.0);
        Arrays.fill(adopted, false);

        // hoisted constants and arrays
        final double[] wallet = this.wallet;
        final double[] share = this.share;
        final byte[] state = this.state;
        final double[] productRevenue = this.productRevenue;
        final double[] productProfit = this.productProfit;
        final double[] margin = this.margin;
        final double[] gain = this.gain;
        final double[] churn = this.churn;
        final double[] conversion = this.conversion;
        final int[] industry = this.industry;
        final double[] factor = this.industryFactor;
        final int[] offerStart = m.offerStart;
        final double threshold = m.threshold;
        final double ceiling = m.shareCeiling;
        final double initial = m.initialShare;
        final double sigma = m.sigma;
        final double sigmaIdio = m.sigmaIdio;
        final double drift = -0.5 * sigma * sigma;
        final double sMarket = sigma * m.sqrtMarket;
        final double sIndustry = sigma * m.sqrtIndustry;
        final Rng rng = this.rng;
        final Rng arrivalRng = this.arrivalRng;

        int slots = n;
        long work = 0;
        for (int y = 0; y < m.years; y++) {
            double market = rng.nextGaussian();
            for (int j = 0; j < factor.length; j++) {
                factor[j] = m.onePlusG * Math.exp(sMarket * market + sIndustry * rng.nextGaussian() + drift);
            }
            int arriving = arrivalRng.nextPoisson(m.arrivals);
            for (int a = 0; a < arriving; a++) {
                int src = arrivalRng.nextInt(n);
                if (slots == m.capacity) {
                    dropped++;
                    continue;
                }
                arrive(slots++, src, growthPow[y]);
            }

            double total = 0;
            double profit = 0;
            double kaRevenue = 0;
            int kaCount = 0;
            for (int i = 0; i < slots; i++) {
                final Rng r = i < n ? rng : arrivalRng;
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
                    s = share[i];
                    double room = ceiling - s;
                    if (room > 0) s += room * gain[i];
                } else {
                    if (u >= conversion[i]) continue;
                    state[i] = ACTIVE;
                    s = initial;
                }
                share[i] = s;
                int o = offerStart[i];
                if (o != offerStart[i + 1]) adopt(i, o, offerStart[i + 1]);
                double base = s * w;
                double rev = base + productRevenue[i];
                total += rev;
                profit += base * margin[i] + productProfit[i];
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
        }
        accountYears += work;
    }

    /** A new prospect in slot {@code slot}: a copy of account {@code src}'s wallet (grown to last year's level), industry and margin, uncovered. */
    private void arrive(int slot, int src, double growth) {
        wallet[slot] = m.wallet0[src] * growth;
        share[slot] = 0.0;
        state[slot] = PROSPECT;
        margin[slot] = m.margin[src];
        industry[slot] = m.industry[src];
        gain[slot] = m.gainUncovered;
        churn[slot] = m.churnUncovered;
        conversion[slot] = m.conversionUncovered;
        productRevenue[slot] = 0.0;
        productProfit[slot] = 0.0;
    }

    /** Each offered, not yet adopted product is adopted with probability productAdoption. */
    private void adopt(int i, int from, int to) {
        double p = m.adoption;
        for (int j = from; j < to; j++) {
            if (!adopted[j] && productRng.nextDouble() < p) {
                adopted[j] = true;
                productRevenue[i] += m.offerPrice[j];
                productProfit[i] += m.offerProfit[j];
            }
        }
    }
}
