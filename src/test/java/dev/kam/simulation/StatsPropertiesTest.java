package dev.kam.simulation;

import dev.kam.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsPropertiesTest {

    /** Values in [lo, hi]: both bounds, 0 when in range, and uniform draws; one list in four repeats a few values. */
    static List<Double> values(SplittableRandom r, int minSize, int maxSize, double lo, double hi) {
        int n = minSize + r.nextInt(maxSize - minSize + 1);
        double[] pool = r.nextInt(4) == 0 ? new double[1 + r.nextInt(3)] : null;
        if (pool != null) for (int i = 0; i < pool.length; i++) pool[i] = value(r, lo, hi);
        List<Double> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(pool != null ? pool[r.nextInt(pool.length)] : value(r, lo, hi));
        return list;
    }

    static double value(SplittableRandom r, double lo, double hi) {
        return switch (r.nextInt(20)) {
            case 0 -> lo;
            case 1 -> hi;
            case 2 -> 0.0;
            default -> r.nextDouble(lo, Math.nextUp(hi));
        };
    }

    record Sample(List<Double> values) {
    }

    static Sample sample(int tryIndex, SplittableRandom r) {
        double lo = -1e9, hi = 1e9;
        return new Sample(switch (tryIndex) {
            case 0 -> List.of(0.0);
            case 1 -> List.of(lo);
            case 2 -> List.of(hi);
            case 3 -> List.of(lo, hi);
            case 4 -> List.of(hi, lo, hi);
            case 5 -> Collections.nCopies(200, 123.45);
            case 6 -> values(r, 200, 200, lo, hi);
            case 7 -> List.of(-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE);
            default -> values(r, 1, 200, lo, hi);
        });
    }

    @Test
    void percentilesAreOrderedAndWithinTheData() {
        RandomCases.forAll(0x57A7_0001L, 300, StatsPropertiesTest::sample, c -> {
            double[] x = c.values().stream().mapToDouble(Double::doubleValue).toArray();
            Stats s = Stats.of(x);
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double[] p = s.percentiles();
            assertTrue(p[0] >= sorted[0] && p[p.length - 1] <= sorted[sorted.length - 1]);
            for (int i = 1; i < p.length; i++) assertTrue(p[i - 1] <= p[i], "P" + i + " ordered");
            double tol = 1e-9 * Math.max(1, Math.abs(sorted[0]) + Math.abs(sorted[sorted.length - 1]));
            assertTrue(s.mean() >= sorted[0] - tol && s.mean() <= sorted[sorted.length - 1] + tol);
            assertTrue(s.stderr() >= 0);
        });
    }

    record Shifted(List<Double> values, double shift) {
    }

    static Shifted shifted(int tryIndex, SplittableRandom r) {
        double lo = -1000, hi = 1000;
        return switch (tryIndex) {
            case 0 -> new Shifted(List.of(0.0, 0.0), 0);
            case 1 -> new Shifted(List.of(lo, hi), -1e4);
            case 2 -> new Shifted(List.of(hi, lo), 1e4);
            case 3 -> new Shifted(List.of(lo, lo), 1e4);
            case 4 -> new Shifted(List.of(hi, hi, hi), -1e4);
            case 5 -> new Shifted(values(r, 100, 100, lo, hi), value(r, -1e4, 1e4));
            default -> new Shifted(values(r, 2, 100, lo, hi), value(r, -1e4, 1e4));
        };
    }

    @Test
    void shiftingTheDataShiftsEveryPercentileAndLeavesTheStandardErrorAlone() {
        RandomCases.forAll(0x57A7_0002L, 200, StatsPropertiesTest::shifted, c -> {
            double shift = c.shift();
            double[] x = c.values().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = Arrays.stream(x).map(v -> v + shift).toArray();
            Stats a = Stats.of(x);
            Stats b = Stats.of(y);
            for (int i = 0; i < Stats.LEVELS.length; i++) {
                assertEquals(a.percentiles()[i] + shift, b.percentiles()[i], 1e-8);
            }
            assertEquals(a.mean() + shift, b.mean(), 1e-8);
            assertEquals(a.stderr(), b.stderr(), 1e-8);
        });
    }
}
