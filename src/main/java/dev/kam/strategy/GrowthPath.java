package dev.kam.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes a yearly path can take between today's value (t = 0) and the goal (t = H). Every shape returns
 * H + 1 values with {@code v[0] = x0} and {@code v[H] = xH} exactly.
 */
public final class GrowthPath {
    private GrowthPath() {
    }

    /** A point the path must pass through: years after the base year and the value then. */
    public record Knot(int t, double value) {
    }

    /**
     * Constant yearly growth: x_t = x0 · (xH / x0)^(t/H). Undefined when either end is 0 or below: then the
     * path is linear (the caller reports it).
     */
    public static double[] steady(double x0, double xH, int h) {
        if (!geometric(x0, xH)) return linear(x0, xH, h);
        double[] v = new double[h + 1];
        double r = Math.pow(xH / x0, 1.0 / h);
        v[0] = x0;
        for (int t = 1; t < h; t++) v[t] = x0 * Math.pow(r, t);
        v[h] = xH;
        return v;
    }

    /** Whether constant growth from x0 to xH exists (both ends above 0). */
    public static boolean geometric(double x0, double xH) {
        return x0 > 0 && xH > 0;
    }

    /** Equal yearly steps: x_t = x0 + (xH − x0) · t/H. */
    public static double[] linear(double x0, double xH, int h) {
        double[] v = new double[h + 1];
        for (int t = 0; t <= h; t++) v[t] = x0 + (xH - x0) * t / h;
        v[h] = xH;
        return v;
    }

    /**
     * A logistic s-curve: slow start, fastest progress at fraction m of the horizon, slow finish.
     * x_t = x0 + (xH − x0) · p(t/H) with p(u) = (σ(k(u − m)) − σ(−km)) / (σ(k(1 − m)) − σ(−km)),
     * σ(z) = 1 / (1 + e^−z); p(0) = 0, p(1) = 1.
     *
     * @param k steepness (larger = sharper middle), m midpoint 0–1
     */
    public static double[] sCurve(double x0, double xH, int h, double k, double m) {
        double[] v = new double[h + 1];
        double lo = sigmoid(-k * m);
        double hi = sigmoid(k * (1 - m));
        for (int t = 0; t <= h; t++) {
            double u = (double) t / h;
            double p = (sigmoid(k * (u - m)) - lo) / (hi - lo);
            v[t] = x0 + (xH - x0) * p;
        }
        v[0] = x0;
        v[h] = xH;
        return v;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * Through the knots (t = 0 and t = H included by the caller), at constant growth between consecutive
     * knots; linear on a segment where either end is 0.
     *
     * @param knots ascending in t, first t = 0, last t = H
     */
    public static double[] throughKnots(List<Knot> knots, int h) {
        double[] v = new double[h + 1];
        for (int i = 0; i + 1 < knots.size(); i++) {
            Knot a = knots.get(i);
            Knot b = knots.get(i + 1);
            int span = b.t() - a.t();
            double[] seg = steady(a.value(), b.value(), span);
            for (int j = 0; j <= span; j++) v[a.t() + j] = seg[j];
        }
        return v;
    }

    /** Knots for one metric: (0, x0), the given milestone points, (H, xH), sorted and without duplicates of 0 or H. */
    public static List<Knot> knots(double x0, List<Knot> inner, double xH, int h) {
        List<Knot> k = new ArrayList<>();
        k.add(new Knot(0, x0));
        for (Knot m : inner) if (m.t() > 0 && m.t() < h && !Double.isNaN(m.value())) k.add(m);
        k.sort((a, b) -> Integer.compare(a.t(), b.t()));
        k.add(new Knot(h, xH));
        return k;
    }
}
