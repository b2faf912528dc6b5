package dev.kam.simulation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsProperties {

    @Property(tries = 300)
    void percentilesAreOrderedAndWithinTheData(@ForAll @Size(min = 1, max = 200)
                                               List<@DoubleRange(min = -1e9, max = 1e9) Double> values) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        Stats s = Stats.of(x);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] p = s.percentiles();
        assertTrue(p[0] >= sorted[0] && p[p.length - 1] <= sorted[sorted.length - 1]);
        for (int i = 1; i < p.length; i++) assertTrue(p[i - 1] <= p[i], "P" + i + " ordered");
        double tol = 1e-9 * Math.max(1, Math.abs(sorted[0]) + Math.abs(sorted[sorted.length - 1]));
        assertTrue(s.mean() >= sorted[0] - tol && s.mean() <= sorted[sorted.length - 1] + tol);
        assertTrue(s.stderr() >= 0);
    }

    @Property(tries = 200)
    void shiftingTheDataShiftsEveryPercentileAndLeavesTheStandardErrorAlone(
            @ForAll @Size(min = 2, max = 100) List<@DoubleRange(min = -1000, max = 1000) Double> values,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double shift) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = Arrays.stream(x).map(v -> v + shift).toArray();
        Stats a = Stats.of(x);
        Stats b = Stats.of(y);
        for (int i = 0; i < Stats.LEVELS.length; i++) {
            assertEquals(a.percentiles()[i] + shift, b.percentiles()[i], 1e-8);
        }
        assertEquals(a.mean() + shift, b.mean(), 1e-8);
        assertEquals(a.stderr(), b.stderr(), 1e-8);
    }
}
