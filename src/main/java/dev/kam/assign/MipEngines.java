package dev.kam.assign;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Solves a {@link MipModel} with an OR-Tools engine: SCIP (through MPSolver), CP-SAT, or GLOP for the LP
 * relaxation and its duals. HiGHS is reachable through MPSolver too but is used only as a peer in
 * benchmarks: OR-Tools 9.15's HiGHS bridge reports the incumbent's value as the best bound (so it proves
 * nothing) and writes solution hints through an empty vector, so kam never gives it a hint.
 */
final class MipEngines {
    private MipEngines() {
    }

    enum Status { OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN }

    /**
     * The outcome: status, variable values (null when none), objective and best bound in cents including
     * the model's constant (bound = +∞ when nothing was proven), and how many deterministic seconds it used.
     */
    record Outcome(Status status, double[] values, double objective, double bound, double seconds) {
        boolean hasSolution() {
            return values != null && (status == Status.OPTIMAL || status == Status.FEASIBLE);
        }
    }

    /** Limits of one solve: wall seconds (∞ = none), deterministic seconds (∞ = none, CP-SAT only), node limit (SCIP). */
    record Limits(double wallSeconds, double deterministicSeconds, long nodes, int workers, int seed) {
        boolean deterministic() {
            return Double.isInfinite(wallSeconds);
        }
    }

    /** Lets another thread end a running solve (Ctrl-C, or the time limit of a caller). */
    static final class Interrupt {
        private volatile Runnable stop;
        private volatile boolean stopped;

        void attach(Runnable r) {
            stop = r;
            if (stopped) r.run();
        }

        void detach() {
            stop = null;
        }

        void stop() {
            stopped = true;
            Runnable r = stop;
            if (r != null) r.run();
        }

        boolean stopped() {
            return stopped;
        }
    }

    /** SCIP through MPSolver: single-threaded, hinted, proven bound. */
    static Outcome scip(MipModel m, long[] hint, Limits lim, Interrupt stop) {
        Natives.load();
        MPSolver s = MPSolver.createSolver("SCIP");
        if (s == null) throw new IllegalStateException("OR-Tools has no SCIP on this platform");
        try {
            MPVariable[] x = new MPVariable[m.nVars];
            for (int j = 0; j < m.nVars; j++) x[j] = s.makeIntVar(m.lb[j], m.ub[j], "");
            for (MipModel.Row r : m.rows) {
                MPConstraint c = s.makeConstraint(r.lb() == MipModel.NEG_INF ? -MPSolver.infinity() : r.lb(),
                        r.ub() == MipModel.INF ? MPSolver.infinity() : r.ub());
                for (int i = 0; i < r.vars().length; i++) c.setCoefficient(x[r.vars()[i]], r.coefs()[i]);
            }
            MPObjective o = s.objective();
            for (int j = 0; j < m.nVars; j++) if (m.obj[j] != 0) o.setCoefficient(x[j], m.obj[j]);
            o.setMaximization();
            if (hint != null) {
                double[] h = new double[hint.length];
                for (int j = 0; j < h.length; j++) h[j] = hint[j];
                s.setHint(x, h);
            }
            StringBuilder p = new StringBuilder("limits/gap = 0\nlimits/absgap = 0\n");
            p.append(String.format(Locale.ROOT, "randomization/randomseedshift = %d\n", Math.floorMod(lim.seed(), 1 << 20)));
            if (lim.nodes() > 0) p.append("limits/totalnodes = ").append(lim.nodes()).append('\n');
            s.setSolverSpecificParametersAsString(p.toString());
            if (!Double.isInfinite(lim.wallSeconds())) s.setTimeLimit(Math.max(1, (long) (lim.wallSeconds() * 1000)));
            if (stop != null) stop.attach(s::interruptSolve);
            long t0 = System.nanoTime();
            int code;
            try {
                code = s.solve().swigValue();
            } catch (IllegalArgumentException unknownStatus) {
                // MPSolver's Java enum lacks some codes (e.g. 99 = no solution when a limit is hit)
                code = 99;
            } finally {
                if (stop != null) stop.detach();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            Status st = switch (code) {
                case 0 -> Status.OPTIMAL;
                case 1 -> Status.FEASIBLE;
                case 2 -> Status.INFEASIBLE;
                default -> Status.UNKNOWN;
            };
            double bound = Double.POSITIVE_INFINITY;
            double[] values = null;
            double objective = Double.NEGATIVE_INFINITY;
            if (st == Status.OPTIMAL || st == Status.FEASIBLE) {
                values = new double[m.nVars];
                for (int j = 0; j < m.nVars; j++) values[j] = Math.round(x[j].solutionValue());
                objective = m.constant + exactObjective(m, values);
                bound = safeBound(m, o.bestBound());
                if (st == Status.OPTIMAL && bound < objective) bound = objective;
            } else if (st == Status.INFEASIBLE) {
                bound = Double.NEGATIVE_INFINITY;
            } else {
                bound = safeBound(m, o.bestBound());
            }
            return new Outcome(st, values, objective, bound, secs);
        } finally {
            s.delete();
        }
    }

    /** CP-SAT: deterministic when only a deterministic limit is given (interleaved workers). */
    static Outcome cpsat(MipModel m, long[] hint, Limits lim, Interrupt stop, Consumer<Double> onSolution) {
        Natives.load();
        CpModel model = new CpModel();
        IntVar[] x = new IntVar[m.nVars];
        for (int j = 0; j < m.nVars; j++) x[j] = m.lb[j] == 0 && m.ub[j] == 1 ? model.newBoolVar("") : model.newIntVar(m.lb[j], m.ub[j], "");
        for (MipModel.Row r : m.rows) {
            IntVar[] vs = new IntVar[r.vars().length];
            for (int i = 0; i < vs.length; i++) vs[i] = x[r.vars()[i]];
            model.addLinearConstraint(LinearExpr.weightedSum(vs, r.coefs()),
                    r.lb() == MipModel.NEG_INF ? Long.MIN_VALUE : r.lb(), r.ub() == MipModel.INF ? Long.MAX_VALUE : r.ub());
        }
        model.maximize(LinearExpr.weightedSum(x, m.obj));
        if (hint != null) for (int j = 0; j < m.nVars; j++) model.addHint(x[j], hint[j]);
        CpSolver solver = new CpSolver();
        var p = solver.getParameters();
        p.setRandomSeed(lim.seed()).setLogSearchProgress(false).setNumWorkers(Math.max(1, lim.workers()));
        if (lim.deterministic()) {
            p.setInterleaveSearch(lim.workers() > 1);
        } else {
            p.setMaxTimeInSeconds(Math.max(0.01, lim.wallSeconds()));
        }
        if (!Double.isInfinite(lim.deterministicSeconds())) p.setMaxDeterministicTime(Math.max(0.001, lim.deterministicSeconds()));
        if (stop != null) stop.attach(solver::stopSearch);
        CpSolverStatus st;
        long t0 = System.nanoTime();
        try {
            st = onSolution == null ? solver.solve(model) : solver.solve(model, new CpSolverSolutionCallback() {
                @Override
                public void onSolutionCallback() {
                    onSolution.accept(m.constant + objectiveValue());
                }
            });
        } finally {
            if (stop != null) stop.detach();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Status status = switch (st) {
            case OPTIMAL -> Status.OPTIMAL;
            case FEASIBLE -> Status.FEASIBLE;
            case INFEASIBLE -> Status.INFEASIBLE;
            default -> Status.UNKNOWN;
        };
        double bound = Double.POSITIVE_INFINITY;
        double[] values = null;
        double objective = Double.NEGATIVE_INFINITY;
        if (status == Status.OPTIMAL || status == Status.FEASIBLE) {
            values = new double[m.nVars];
            for (int j = 0; j < m.nVars; j++) values[j] = solver.value(x[j]);
            objective = m.constant + exactObjective(m, values);
            bound = m.constant + Math.floor(solver.bestObjectiveBound() + 1e-6);
            if (status == Status.OPTIMAL) bound = objective;
        } else if (status == Status.INFEASIBLE) {
            bound = Double.NEGATIVE_INFINITY;
        }
        return new Outcome(status, values, objective, bound, secs);
    }

    /** The LP relaxation with GLOP: optimum (cents, with the constant) and the dual value of every row. */
    record Lp(boolean optimal, boolean infeasible, double objective, double[] duals, double[] values) {
    }

    static Lp glop(MipModel m, double wallSeconds) {
        Natives.load();
        MPSolver s = MPSolver.createSolver("GLOP");
        try {
            MPVariable[] x = new MPVariable[m.nVars];
            for (int j = 0; j < m.nVars; j++) x[j] = s.makeNumVar(m.lb[j], m.ub[j], "");
            MPConstraint[] c = new MPConstraint[m.rows.size()];
            for (int i = 0; i < c.length; i++) {
                MipModel.Row r = m.rows.get(i);
                c[i] = s.makeConstraint(r.lb() == MipModel.NEG_INF ? -MPSolver.infinity() : r.lb(),
                        r.ub() == MipModel.INF ? MPSolver.infinity() : r.ub());
                for (int k = 0; k < r.vars().length; k++) c[i].setCoefficient(x[r.vars()[k]], r.coefs()[k]);
            }
            MPObjective o = s.objective();
            for (int j = 0; j < m.nVars; j++) if (m.obj[j] != 0) o.setCoefficient(x[j], m.obj[j]);
            o.setMaximization();
            if (!Double.isInfinite(wallSeconds)) s.setTimeLimit(Math.max(1, (long) (wallSeconds * 1000)));
            int code;
            try {
                code = s.solve().swigValue();
            } catch (IllegalArgumentException unknownStatus) {
                code = 99;
            }
            if (code != 0) return new Lp(false, code == 2, Double.POSITIVE_INFINITY, null, null);
            double[] d = new double[c.length];
            for (int i = 0; i < c.length; i++) d[i] = c[i].dualValue();
            double[] v = new double[m.nVars];
            for (int j = 0; j < m.nVars; j++) v[j] = x[j].solutionValue();
            return new Lp(true, false, m.constant + o.value(), d, v);
        } finally {
            s.delete();
        }
    }

    /**
     * SCIP's dual bound (floating point, within its tolerances) made safe: rounded up after a margin of
     * one cent or 10⁻⁹ of its size, whichever is larger (the model's optimum is a whole number of cents).
     */
    private static double safeBound(MipModel m, double b) {
        if (!Double.isFinite(b) || Math.abs(b) > 1e17) return Double.POSITIVE_INFINITY;
        return m.constant + Math.ceil(b + Math.max(1.0, 1e-9 * Math.abs(b)));
    }

    /** Σ obj·value in exact long arithmetic (solver values are integral). */
    static double exactObjective(MipModel m, double[] values) {
        long v = 0;
        for (int j = 0; j < m.nVars; j++) v += m.obj[j] * Math.round(values[j]);
        return v;
    }
}
