package dev.kam.assign;

import com.google.ortools.Loader;

/** Loads OR-Tools' native libraries once per JVM and remembers how long it took. */
public final class Natives {
    private static volatile double loadSeconds = Double.NaN;

    private Natives() {
    }

    /** Loads the natives (unpacked from the jar for this platform) if not loaded yet. */
    public static synchronized void load() {
        if (!Double.isNaN(loadSeconds)) return;
        long t0 = System.nanoTime();
        Loader.loadNativeLibraries();
        loadSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Starts loading in a background thread (it takes seconds on a cold machine), so the heuristic runs
     * meanwhile; {@link #load()} waits for it. A failure to load surfaces in {@code load()}.
     */
    public static void preload() {
        if (!Double.isNaN(loadSeconds)) return;
        Thread t = new Thread(() -> {
            try {
                load();
            } catch (Throwable ignored) {
                // reported again by the caller's own load()
            }
        }, "kam-natives");
        t.setDaemon(true);
        t.start();
    }

    /** Seconds the first load took (NaN before it happened). */
    public static double loadSeconds() {
        return loadSeconds;
    }
}
