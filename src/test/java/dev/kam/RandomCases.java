package dev.kam;

import java.util.SplittableRandom;

/**
 * Property tests over seeded random cases. Try {@code i} draws its case from
 * {@code new SplittableRandom(baseSeed + i)}, so every run checks the same cases; a failure names the
 * try, its seed and the generated case, which is enough to replay it. Generators get the try index too,
 * so that the first tries can be explicit edge cases.
 */
public final class RandomCases {
    private RandomCases() {
    }

    /** Makes the case of one try. */
    @FunctionalInterface
    public interface Gen<T> {
        T make(int tryIndex, SplittableRandom random);
    }

    /** Checks one case; returns normally if the property holds. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T c) throws Exception;
    }

    /** Runs {@code tries} cases and fails on the first one whose check fails or throws. */
    public static <T> void forAll(long baseSeed, int tries, Gen<T> gen, Check<T> check) {
        for (int i = 0; i < tries; i++) {
            long seed = baseSeed + i;
            T c = null;
            try {
                c = gen.make(i, new SplittableRandom(seed));
                check.check(c);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("try " + i + " of " + tries + " (random seed " + seed + ") failed: " + e
                        + "\n  case: " + c, e);
            }
        }
    }
}
