package dev.kam.serve;

import dev.kam.assign.StopSignal;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long piece of work a tab waits for (an optimization, a comparison): what it is doing, how far it is,
 * the best objective found so far, and a way to stop it. An optimization stopped early keeps the best
 * plan found. Fields are volatile: the worker writes them, progress requests read them.
 */
final class Job {
    private static final Pattern SOFT = Pattern.compile("(-?\\d+)soft");
    private static final Pattern HARD = Pattern.compile("(-?\\d+)hard");

    private final String kind;
    private final long started = System.nanoTime();
    private final double limitSeconds;
    private final StopSignal stop = new StopSignal();
    private volatile String step = "";
    private volatile double bestObjective = Double.NaN;
    private volatile long bestHard;
    private volatile boolean done;
    private volatile boolean cancelled;
    private volatile String error;
    private volatile java.util.concurrent.Future<?> work;

    /**
     * @param kind         {@code assign}, {@code compare}, {@code initial}
     * @param limitSeconds the search's time limit (seconds), NaN when unknown
     */
    Job(String kind, double limitSeconds) {
        this.kind = kind;
        this.limitSeconds = limitSeconds;
    }

    String kind() {
        return kind;
    }

    StopSignal stop() {
        return stop;
    }

    /** Told by the solver of every better plan: keeps its objective (the soft level / 100) and hard level. */
    void best(Duration elapsed, String score) {
        Matcher s = SOFT.matcher(score);
        if (s.find()) bestObjective = Long.parseLong(s.group(1)) / 100.0;
        Matcher h = HARD.matcher(score);
        if (h.find()) bestHard = Long.parseLong(h.group(1));
    }

    void step(String text) {
        step = text;
    }

    void finish(String failure) {
        error = failure;
        done = true;
    }

    /** Work to interrupt on cancel (a comparison's simulations); an optimization is stopped, not interrupted. */
    void attach(java.util.concurrent.Future<?> f) {
        work = f;
    }

    /** Asks the work to stop; an optimization returns its best plan so far. */
    void cancel() {
        cancelled = true;
        stop.stop();
        java.util.concurrent.Future<?> w = work;
        if (w != null) w.cancel(true);
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean done() {
        return done;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    Map<String, Object> status() {
        return JsonIo.obj("kind", kind, "running", !done, "seconds", seconds(), "limitSeconds", limitSeconds,
                "step", step, "bestObjective", bestObjective, "bestHard", bestHard, "cancelled", cancelled,
                "error", error);
    }
}
