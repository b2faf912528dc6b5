package dev.kam.simulation;

/**
 * e^x for the simulation's hot loop, about twice as fast as {@link Math#exp} here and, being plain
 * arithmetic on a table, the same bits on every JVM and CPU.
 *
 * <p>Table-driven reduction (Tang, 1989): x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, so
 * e^x = 2^k · 2^(j/64) · e^r, with e^r from its degree-5 Taylor polynomial (truncation error below
 * r⁶/720 ≈ 3.5·10⁻¹⁷). Relative error a few units in the last place; exact 1 at x = 0. Outside
 * |x| &lt; 700 (and for NaN) it defers to {@link Math#exp}.
 */
final class FastExp {
    private static final double[] TABLE = new double[64];
    private static final double INV_STEP = 64 / Math.log(2);
    // ln2 split into a high part with trailing zero bits (exact products with k) and the rest, over 64
    private static final double STEP_HI = 0x1.62e42fefa0000p-1 / 64;
    private static final double STEP_LO = 0x1.cf79abc9e3b3ap-40 / 64;

    static {
        for (int j = 0; j < 64; j++) TABLE[j] = StrictMath.pow(2, j / 64.0);
    }

    private FastExp() {
    }

    static double exp(double x) {
        if (!(Math.abs(x) < 700)) return Math.exp(x);
        // round to nearest by the 1.5·2^52 trick (|x·64/ln2| < 2^51 here)
        double kd = (x * INV_STEP + 0x1.8p52) - 0x1.8p52;
        long k = (long) kd;
        double r = (x - kd * STEP_HI) - kd * STEP_LO;
        double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
        double scale = Double.longBitsToDouble(((k >> 6) + 1023) << 52);
        return TABLE[(int) (k & 63)] * p * scale;
    }
}
