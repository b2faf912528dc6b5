package dev.kam.io;

/**
 * Test hook for the crash tests: every change the output transaction makes on disk is a numbered
 * step. With {@code -Dkam.test.haltAtStep=N} the JVM halts (as {@code kill -9} would: no shutdown
 * hooks, no finally blocks) just before step N; with {@code -Dkam.test.traceSteps=true} each step
 * is printed on stderr as {@code kam-step N what}. Both are off unless set, and cost one comparison.
 */
final class CrashPoints {
    private static final int HALT_AT = Integer.getInteger("kam.test.haltAtStep", 0);
    private static final boolean TRACE = Boolean.getBoolean("kam.test.traceSteps");
    private static int count;

    private CrashPoints() {
    }

    static void step(String what) {
        if (HALT_AT == 0 && !TRACE) return;
        int n;
        synchronized (CrashPoints.class) {
            n = ++count;
        }
        if (TRACE) {
            System.err.println("kam-step " + n + " " + what);
            System.err.flush();
        }
        if (n == HALT_AT) Runtime.getRuntime().halt(137);
    }
}
