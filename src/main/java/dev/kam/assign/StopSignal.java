package dev.kam.assign;

import org.optaplanner.core.api.solver.Solver;

/** Ends a running search early from another thread (e.g. a Ctrl-C shutdown hook); the best plan is kept. */
public final class StopSignal {
    private volatile boolean stopped;
    private volatile Solver<?> solver;

    public void stop() {
        stopped = true;
        Solver<?> s = solver;
        if (s != null) s.terminateEarly();
    }

    public boolean stopped() {
        return stopped;
    }

    void attach(Solver<?> s) {
        solver = s;
        if (stopped) s.terminateEarly();
    }
}
