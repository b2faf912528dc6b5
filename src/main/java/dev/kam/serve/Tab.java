package dev.kam.serve;

import java.util.concurrent.Future;

/**
 * What one browser tab owns on the server: its editable plan, its latest simulation (a newer one cancels
 * it: a slider dragged quickly does not queue stale work) and its long job. The page names its tab in
 * the {@code X-Kam-Tab} header; API clients that send none get a fresh tab per request, so their
 * requests never interfere. Guarded by the tab's own lock.
 */
final class Tab {
    private final String id;
    private volatile long lastSeen = System.nanoTime();
    private PlanSession session;
    private Future<?> simulation;
    private Job job;

    Tab(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    boolean anonymous() {
        return id == null;
    }

    void touch() {
        lastSeen = System.nanoTime();
    }

    long lastSeen() {
        return lastSeen;
    }

    synchronized PlanSession session() {
        return session;
    }

    /** Replaces the tab's plan, closing the one it replaces. */
    synchronized void session(PlanSession s) {
        if (session != null && session != s) session.close();
        session = s;
    }

    /** Makes {@code f} the tab's simulation and cancels the one it supersedes (interrupting its paths). */
    synchronized void simulation(Future<?> f) {
        if (simulation != null && simulation != f && !simulation.isDone()) simulation.cancel(true);
        simulation = f;
    }

    /** True while the tab's latest simulation runs. */
    synchronized boolean simulating() {
        return simulation != null && !simulation.isDone();
    }

    synchronized Job job() {
        return job;
    }

    /** Starts a job unless one is running; false when one is. */
    synchronized boolean start(Job j) {
        if (job != null && !job.done()) return false;
        job = j;
        return true;
    }

    synchronized void close() {
        if (simulation != null) simulation.cancel(true);
        if (job != null) job.cancel();
        if (session != null) session.close();
        session = null;
    }
}
