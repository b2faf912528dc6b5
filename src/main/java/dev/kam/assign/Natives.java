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

    /** Seconds the first load took (NaN before it happened). */
    public static double loadSeconds() {
        return loadSeconds;
    }
}
