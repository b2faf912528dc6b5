package dev.kam.simulation;

/**
 * Observes the simulated years of every path: each scenario account's revenue and gross profit in the year,
 * so that a caller can compute figures per path and year (the compensation of SPEC §12) without the simulation
 * knowing them. A hook only reads: the simulation's results are bit-identical with or without one, and its
 * random streams are not touched.
 *
 * <p>Threads: {@link #worker()} is called once per simulation thread; a worker sees paths in any order and each
 * path's years in order, and must write only what belongs to the path it is told (as the simulation does), so
 * the figures do not depend on the number of threads.
 */
public interface YearHook {
    /** A worker for one simulation thread (its scratch arrays are its own). */
    Worker worker();

    /** Both hooks watching the same simulation, {@code first} told first. */
    static YearHook both(YearHook first, YearHook second) {
        return () -> {
            Worker a = first.worker();
            Worker b = second.worker();
            return (path, year, revenue, grossProfit) -> {
                a.year(path, year, revenue, grossProfit);
                b.year(path, year, revenue, grossProfit);
            };
        };
    }

    /** Receives one thread's path-years. */
    interface Worker {
        /**
         * One year of one path.
         *
         * @param path        path index
         * @param year        0-based year of the horizon (0 = base year + 1)
         * @param revenue     revenue of every scenario account this year (currency), in the scenario's account
         *                    order; 0 for an account lost or not won; arrivals are left out. Reused: read, do not keep
         * @param grossProfit gross profit of every scenario account this year (currency), the same way
         */
        void year(int path, int year, double[] revenue, double[] grossProfit);
    }
}
