package dev.kam.assign;

import org.optaplanner.core.api.solver.Solver;

/**
 * Ends a running search early from another thread (e.g. a Ctrl-C shutdown hook): the heuristic and the
 * exact side both stop, and the best plan found so far is kept.
 */
public final class StopSignal {
    private volatile boolean stopped;
    private volatile Solver<?> solver;
    private final MipEngines.Interrupt mip = new MipEngines.Interrupt();

    public void stop() {
        stopped = true;
        Solver<?> s = solver;
        if (s != null) s.terminateEarly();
        mip.stop();
    }

    public boolean stopped() {
        return stopped;
    }

    void attach(Solver<?> s) {
        solver = s;
        if (stopped) s.terminateEarly();
    }

    MipEngines.Interrupt mip() {
        return mip;
    }
}
