package dev.kam.simulation;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The simulation's random stream: xoshiro256++ (Blackman and Vigna, 2018) seeded through SplitMix64,
 * with a 128-layer ziggurat for normals (Marsaglia and Tsang, 2000) and Poisson counts by inversion
 * (small means) or Hörmann's PTRS (1993, large means).
 *
 * <p>A stream is a pure function of (master seed, path, stream number): {@link #seed(long, long, int)}
 * hashes the three with SplitMix64's finalizer, so path p gets the same numbers whichever thread runs
 * it. Not thread-safe: one instance per worker, reseeded per path.
 */
public final class Rng {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Rng(long seed, long path, int stream) {
        seed(seed, path, stream);
    }

    /** Re-seeds this instance for (master seed, path index, stream number). */
    public void seed(long seed, long path, int stream) {
        seed(seed, path, (long) stream);
    }

    /**
     * Re-seeds this instance for (master seed, path index, stream key): the key names a sub-stream, e.g. one per
     * (year) for arrivals or per (year, arrival) for an arrived account (SPEC §8 exact common random numbers).
     */
    public void seed(long seed, long path, long stream) {
        long x = mix64(mix64(seed ^ 0x6A09E667F3BCC909L) + path * 0x9E3779B97F4A7C15L + mix64(stream) * 0xBB67AE8584CAA73BL);
        s0 = mix64(x += 0x9E3779B97F4A7C15L);
        s1 = mix64(x += 0x9E3779B97F4A7C15L);
        s2 = mix64(x += 0x9E3779B97F4A7C15L);
        s3 = mix64(x + 0x9E3779B97F4A7C15L);
        if ((s0 | s1 | s2 | s3) == 0) s0 = 1;
    }

    /** A key identifying (master seed, path) for {@link #keyed}: the root of a path's counter-based sub-streams. */
    public static long pathKey(long seed, long path) {
        return mix64(mix64(seed ^ 0x3C6EF372FE94F82BL) + path * 0x9E3779B97F4A7C15L);
    }

    /**
     * The {@code index}-th uniform on [0, 1) of the counter-based sub-stream {@code key} (SplitMix64 used as a
     * counter-based generator: output = mix(key + index·γ)). Stateless, so a draw depends only on its key and
     * index, never on how many other draws were made (product adoption keyed by path, account and product).
     */
    public static double keyed(long key, long index) {
        return (mix64(key + index * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
    }

    /** Mixes two keys into one (order matters). */
    public static long combine(long a, long b) {
        return mix64(a ^ mix64(b + 0xA0761D6478BD642FL));
    }

    /** A 64-bit key of a text (ids), the same on every JVM: FNV-1a over the UTF-16 units, then mixed. */
    public static long key(String text) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix64(h);
    }

    /** SplitMix64's output function (Steele, Lea and Flood, 2014): a bijective 64-bit mixer. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long r = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return r;
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound), bound &gt; 0 (Lemire's multiply-shift, bias below 2^-32 for bounds used here). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    // ---- ziggurat normal -------------------------------------------------------------------------

    private static final double R = 3.442619855899;
    private static final long[] KN = new long[128];
    private static final double[] WN = new double[128];
    private static final double[] FN = new double[128];

    static {
        double m1 = 2147483648.0;
        double dn = R;
        double tn = dn;
        double vn = 9.91256303526217e-3;
        double q = vn / Math.exp(-0.5 * dn * dn);
        KN[0] = (long) ((dn / q) * m1);
        KN[1] = 0;
        WN[0] = q / m1;
        WN[127] = dn / m1;
        FN[0] = 1.0;
        FN[127] = Math.exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--) {
            dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
            KN[i + 1] = (long) ((dn / tn) * m1);
            tn = dn;
            FN[i] = Math.exp(-0.5 * dn * dn);
            WN[i] = dn / m1;
        }
    }

    /**
     * A standard normal. One 64-bit draw in about 99% of calls: the high 32 bits give the signed
     * abscissa, the low 7 bits the layer (separate bits, which avoids the correlation Leong et al.
     * (2005) found when the original reuses the same bits).
     */
    public double nextGaussian() {
        long r = nextLong();
        int hz = (int) (r >> 32);
        int iz = (int) (r & 127);
        if (Math.abs((long) hz) < KN[iz]) return hz * WN[iz];
        return gaussianSlow(hz, iz);
    }

    private double gaussianSlow(int hz, int iz) {
        while (true) {
            double x = hz * WN[iz];
            if (iz == 0) {
                double y;
                do {
                    x = -Math.log(1.0 - nextDouble()) / R;
                    y = -Math.log(1.0 - nextDouble());
                } while (y + y < x * x);
                return hz > 0 ? R + x : -R - x;
            }
            if (FN[iz] + nextDouble() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
            long r = nextLong();
            hz = (int) (r >> 32);
            iz = (int) (r & 127);
            if (Math.abs((long) hz) < KN[iz]) return hz * WN[iz];
        }
    }

    // ---- Poisson -----------------------------------------------------------------------------------

    /**
     * The Poisson(lambda) count at probability u in [0, 1) by inversion: the smallest k with F(k) ≥ u. One uniform
     * per count, and for the same u the count never falls as lambda rises, so a change of arrival rate moves the
     * count as little as possible (common random numbers). Sequential search from 0 below lambda 500; above, from a
     * normal-approximation start with the exact CDF (regularized gamma), then step by step.
     */
    public static int poissonInverse(double lambda, double u) {
        if (!(lambda > 0)) return 0;
        if (lambda < 500) {
            double p = Math.exp(-lambda);
            double f = p;
            int k = 0;
            while (u > f && k < 100_000) {
                k++;
                p *= lambda / k;
                f += p;
            }
            return k;
        }
        double z = Math.sqrt(2) * Erf.erfInv(2 * Math.max(1e-300, Math.min(1 - 1e-16, u)) - 1);
        long k = Math.max(0, (long) Math.floor(lambda + Math.sqrt(lambda) * z));
        double f = Gamma.regularizedGammaQ(k + 1.0, lambda);
        double pmf = Math.exp(k * Math.log(lambda) - lambda - Gamma.logGamma(k + 1.0));
        while (u > f) {
            k++;
            pmf *= lambda / k;
            f += pmf;
        }
        while (k > 0 && f - pmf >= u) {
            f -= pmf;
            pmf *= k / lambda;
            k--;
        }
        return (int) Math.min(Integer.MAX_VALUE, k);
    }

    /**
     * The draw of a parameter at probability u: a normal (mean, sd) truncated to [min, max] by inversion, or a
     * uniform on [low, high].
     */
    public static double truncatedNormal(double mean, double sd, double min, double max, double u) {
        if (!(sd > 0)) return Math.max(min, Math.min(max, mean));
        double a = phi((min - mean) / sd);
        double b = phi((max - mean) / sd);
        double q = a + u * (b - a);
        q = Math.max(1e-300, Math.min(1 - 1e-16, q));
        double x = mean + sd * Math.sqrt(2) * Erf.erfInv(2 * q - 1);
        return Math.max(min, Math.min(max, x));
    }

    private static double phi(double x) {
        if (x == Double.NEGATIVE_INFINITY) return 0;
        if (x == Double.POSITIVE_INFINITY) return 1;
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** A Poisson count with mean lambda ≥ 0. */
    public int nextPoisson(double lambda) {
        if (lambda <= 0) return 0;
        if (lambda < 10) {
            // inversion by sequential search: about lambda + 1 uniforms
            double p = Math.exp(-lambda);
            double f = p;
            double u = nextDouble();
            int k = 0;
            while (u > f && k < 1000) {
                k++;
                p *= lambda / k;
                f += p;
            }
            return k;
        }
        return ptrs(lambda);
    }

    /** Hörmann (1993), "The transformed rejection method for generating Poisson random variables". */
    private int ptrs(double lam) {
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = nextDouble() - 0.5;
            double v = nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) return (int) k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - Gamma.logGamma(k + 1)) {
                return (int) k;
            }
        }
    }
}
