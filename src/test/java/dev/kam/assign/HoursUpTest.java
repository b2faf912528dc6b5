package dev.kam.assign;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast path of {@link Coefficients#hoursUp} agrees with the decimal product on every kind of input. */
class HoursUpTest {
    @Test
    void theFastPathEqualsTheDecimalProduct() {
        SplittableRandom r = new SplittableRandom(0x40_0A5L);
        for (int i = 0; i < 200_000; i++) {
            double base = switch (i % 4) {
                case 0 -> r.nextInt(100_000) / 100.0;                 // two decimals: the fast path
                case 1 -> r.nextInt(1_000_000) / 1000.0;              // three decimals: often the decimal path
                case 2 -> r.nextInt(100_000) / 100.0 + 1e-9;          // just off a hundredth
                default -> r.nextDouble() * 500;                      // anything
            };
            double effort = switch (i % 3) {
                case 0 -> r.nextInt(300) / 100.0;
                case 1 -> r.nextInt(3000) / 1000.0;
                default -> 0.55 + r.nextInt(3) * 0.4;
            };
            assertEquals(Coefficients.hoursUpDecimal(base, effort), Coefficients.hoursUp(base, effort),
                    "hoursUp(" + base + ", " + effort + ") at case " + i);
        }
    }
}
