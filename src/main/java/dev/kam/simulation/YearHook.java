package dev.kam.simulation;

/**
 * Observes the simulated years of every path: each scenario account's revenue and gross profit in the year,
 * so that a caller can compute figures per path and year (the compensation of SPEC §12) without the simulation
 * knowing them. A hook reads, and may only take leads away ({@link Worker#leadsLost}): without that, the
 * simulation's results are bit-identical with or without one, and its random streams are never touched.
 *
 * <p>Threads: {@link #worker()} is called once per simulation thread; a worker sees paths in any order and each
 * path's years in order, and must write only what belongs to the path it is told (as the simulation does), so
 * the figures do not depend on the number of threads.
 */
public interface YearHook {
    /** A worker for one simulation thread (its scratch arrays are its own). */
    Worker worker();

    /**
     * Both hooks watching the same simulation, {@code first} told first; the leads lost are {@code first}'s
     * ({@code second} only watches).
     */
    static YearHook both(YearHook first, YearHook second) {
        return () -> {
            Worker a = first.worker();
            Worker b = second.worker();
            return new Worker() {
                @Override
                public void year(int path, int year, double[] revenue, double[] grossProfit) {
                    a.year(path, year, revenue, grossProfit);
                    b.year(path, year, revenue, grossProfit);
                }

                @Override
                public int leadsLost(int path, int year, int[] into) {
                    return a.leadsLost(path, year, into);
                }
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

        /**
         * The one way a hook acts on the simulation (SPEC §12: stars set next year's eligibility): called right
         * after {@link #year} of the same path-year (not after the last year), it names the scenario accounts
         * (indices in the scenario's account order) whose lead is lost from the next year on for the rest of this
         * path. From then on the simulation treats each as uncovered: the uncovered share gain, churn and
         * conversion, and no further product adoption (products already adopted keep selling). Naming an account
         * twice, or one without a lead, changes nothing. No random number is drawn for it, so every stream stays
         * where it was; a hook that never names one leaves the results bit-identical.
         *
         * @param into room for one index per scenario account; the first {@code n} entries are read
         * @return n, the number of indices written (0 by default: a hook only watches)
         */
        default int leadsLost(int path, int year, int[] into) {
            return 0;
        }
    }
}
