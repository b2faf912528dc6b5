package dev.kam.simulation;

import dev.kam.domain.SimulationParams;

/**
 * How to run the simulation (not what it models: that is {@link SimulationParams}).
 *
 * @param paths   number of Monte Carlo paths (≥ 1)
 * @param seed    master seed; path p uses streams hashed from (seed, p)
 * @param threads worker threads (≥ 1); never changes the numbers
 */
public record SimulationOptions(int paths, long seed, int threads) {
    public SimulationOptions {
        if (paths < 1) throw new IllegalArgumentException("paths (" + paths + ") must be at least 1");
        if (threads < 1) throw new IllegalArgumentException("threads (" + threads + ") must be at least 1");
    }

    /** Paths and seed from the scenario, threads from the scenario or else all cores. */
    public static SimulationOptions of(SimulationParams p) {
        return new SimulationOptions(p.paths(), p.seed(), p.threads() > 0 ? p.threads() : cores());
    }

    public SimulationOptions withPaths(int n) {
        return new SimulationOptions(n, seed, threads);
    }

    public SimulationOptions withSeed(long s) {
        return new SimulationOptions(paths, s, threads);
    }

    public SimulationOptions withThreads(int t) {
        return new SimulationOptions(paths, seed, t);
    }

    public static int cores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
