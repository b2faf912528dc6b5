package dev.kam.assign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes the instance as a mixed-integer linear program in CPLEX LP format: binaries
 * {@code x_a_s_e} (soldier s leads account a at effort level e; indices into the scenario's account,
 * soldier and effort lists), {@code y_a_p} (product p offered to account a) and {@code d_a} (account a,
 * owned today, is left without a lead), and continuous {@code u_a_p} (the value of a prospect's offer,
 * which depends on its lead). Pairs without an option have no variable. Coefficients are the table's cents
 * and centihours divided by 100, written exactly, so the LP objective at a plan equals the OptaPlanner soft
 * score / 100 (the plan's {@code objective}).
 *
 * <pre>
 * max  Σ v[a,s,e] x[a,s,e] + Σ v[a,p] y[a,p] + Σ u[a,p] − Σ sw[a] d[a]
 * s.t. Σ_{s,e} x[a,s,e] ≤ 1          (= 1 when a is mustCover or locked)   one_a / must_a
 *      d[a] + Σ_{s,e} x[a,s,e] = 1    (a owned today)                        drop_a
 *      Σ_{a,e} h[a,s,e] x[a,s,e] ≤ C[s],   ≥ M[s] when a minimum is set       cap_s, min_s
 *      Σ_{a,e} x[a,s,e] ≤ K              (when maxAccountsPerSoldier K &gt; 0)  acc_s
 *      Σ_a y[a,p] ≤ cap[p],   Σ_p y[a,p] ≤ maxProductsPerAccount                pcap_p, pmax_a
 *      y[a,p] − Σ_{s,e} x[a,s,e] ≤ 0                                         cov_a_p
 *      u[a,p] − V[a,p] y[a,p] ≤ 0,   u[a,p] − Σ_{s,e} V[a,p,s,e] x[a,s,e] ≤ 0      uy_a_p, ux_a_p
 *      Σ_{owned a} Σ_e x[a,owner(a),e] ≥ owned − maxMoves   (when set; accounts whose owner may still lead them) moves
 * </pre>
 */
public final class LpWriter {
    private LpWriter() {
    }

    /** Exact decimal text of a value held in hundredths. */
    static String hundredths(long v) {
        long abs = Math.abs(v);
        String s = (abs / 100) + (abs % 100 == 0 ? "" : String.format(java.util.Locale.ROOT, ".%02d", abs % 100));
        return v < 0 ? "-" + s : s;
    }

    static String x(Coefficients t, int o, int a) {
        return "x_" + a + "_" + t.optSoldier[o] + "_" + t.optEffort[o];
    }

    static String y(Coefficients t, int q, int a) {
        return "y_" + a + "_" + t.pairProduct[q];
    }

    static String u(Coefficients t, int q, int a) {
        return "u_" + a + "_" + t.pairProduct[q];
    }

    static String d(int a) {
        return "d_" + a;
    }

    /** Whether account a gets a drop variable (it has an owner today). */
    static boolean hasDrop(Coefficients t, int a) {
        return t.owner[a] >= 0;
    }

    public static void write(Coefficients t, String title, Writer target) {
        try {
            Wrapping w = new Wrapping(target);
            w.write("\\ kam assignment MILP" + (title == null ? "" : ": " + title.replaceAll("[\\r\\n]", " ")) + "\n");
            w.write("\\ money in currency units (objective = OptaPlanner soft score / 100), hours per year\n");
            for (int a = 0; a < t.accounts; a++) w.write("\\ account " + a + " = " + safe(t.accountId[a]) + "\n");
            for (int s = 0; s < t.soldiers; s++) w.write("\\ soldier " + s + " = " + safe(t.soldierId[s]) + "\n");
            for (int p = 0; p < t.products; p++) w.write("\\ product " + p + " = " + safe(t.productId[p]) + "\n");
            for (int e = 0; e < t.levels; e++) w.write("\\ effort " + e + " = " + safe(t.effortName[e]) + " (" + t.effort[e] + ")\n");
            w.write("Maximize\n obj:");
            int terms = 0;
            for (int a = 0; a < t.accounts; a++) {
                for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                    term(w, t.optValue[o], x(t, o, a), terms++ == 0);
                }
                for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                    if (t.pairOptBase[q] < 0) term(w, t.pairValue[q], y(t, q, a), terms++ == 0);
                    else w.write((terms++ == 0 ? " " : " + ") + u(t, q, a));
                }
                if (hasDrop(t, a) && t.switching[a] != 0) term(w, -t.switching[a], d(a), terms++ == 0);
            }
            if (terms == 0) w.write(" 0 dummy");
            w.write("\nSubject To\n");
            for (int a = 0; a < t.accounts; a++) {
                int lo = t.optStart[a], hi = t.optStart[a + 1];
                if (hi == lo) {
                    if (t.mustCover[a]) w.write("\\ must_" + a + ": mustCover account has no eligible soldier\n");
                    if (hasDrop(t, a)) w.write(" drop_" + a + ": " + d(a) + " = 1\n");
                    continue;
                }
                w.write(" " + (t.mustCover[a] ? "must_" : "one_") + a + ":");
                for (int o = lo; o < hi; o++) w.write((o == lo ? " " : " + ") + x(t, o, a));
                w.write(t.mustCover[a] ? " = 1\n" : " <= 1\n");
                if (hasDrop(t, a)) {
                    w.write(" drop_" + a + ": " + d(a));
                    for (int o = lo; o < hi; o++) w.write(" + " + x(t, o, a));
                    w.write(" = 1\n");
                }
            }
            // capacity rows: gather each soldier's options
            int[] countPer = new int[t.soldiers];
            for (int o = 0; o < t.options(); o++) countPer[t.optSoldier[o]]++;
            int[][] bySoldier = new int[t.soldiers][];
            for (int s = 0; s < t.soldiers; s++) bySoldier[s] = new int[countPer[s]];
            int[] fill = new int[t.soldiers];
            int[] accountOf = new int[t.options()];
            for (int a = 0; a < t.accounts; a++) {
                for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                    accountOf[o] = a;
                    bySoldier[t.optSoldier[o]][fill[t.optSoldier[o]]++] = o;
                }
            }
            for (int s = 0; s < t.soldiers; s++) {
                if (bySoldier[s].length == 0) {
                    if (t.minHours[s] > 0) w.write("\\ min_" + s + ": a minimum of " + hundredths(t.minHours[s])
                            + " h but no account this soldier may lead\n");
                    continue;
                }
                for (String kind : new String[] {"cap", "min"}) {
                    if (kind.equals("min") && t.minHours[s] <= 0) continue;
                    w.write(" " + kind + "_" + s + ":");
                    boolean first = true;
                    for (int o : bySoldier[s]) {
                        term(w, t.optHours[o], x(t, o, accountOf[o]), first);
                        first = false;
                    }
                    w.write(kind.equals("cap") ? " <= " + hundredths(t.capacity[s]) + "\n" : " >= " + hundredths(t.minHours[s]) + "\n");
                }
                if (t.maxAccountsPerSoldier > 0) {
                    w.write(" acc_" + s + ":");
                    boolean first = true;
                    for (int o : bySoldier[s]) {
                        w.write((first ? " " : " + ") + x(t, o, accountOf[o]));
                        first = false;
                    }
                    w.write(" <= " + t.maxAccountsPerSoldier + "\n");
                }
            }
            for (int p = 0; p < t.products; p++) {
                StringBuilder row = new StringBuilder();
                for (int a = 0; a < t.accounts; a++) {
                    for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                        if (t.pairProduct[q] == p) row.append(row.length() == 0 ? " " : " + ").append(y(t, q, a));
                    }
                }
                if (row.length() > 0) w.write(" pcap_" + p + ":" + row + " <= " + t.productCapacity[p] + "\n");
            }
            for (int a = 0; a < t.accounts; a++) {
                int lo = t.pairStart[a], hi = t.pairStart[a + 1];
                if (hi == lo) continue;
                w.write(" pmax_" + a + ":");
                for (int q = lo; q < hi; q++) w.write((q == lo ? " " : " + ") + y(t, q, a));
                w.write(" <= " + t.maxProductsPerAccount + "\n");
                for (int q = lo; q < hi; q++) {
                    w.write(" cov_" + a + "_" + t.pairProduct[q] + ": " + y(t, q, a));
                    for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) w.write(" - " + x(t, o, a));
                    w.write(" <= 0\n");
                    if (t.pairOptBase[q] >= 0) {
                        w.write(" uy_" + a + "_" + t.pairProduct[q] + ": " + u(t, q, a));
                        term(w, -Math.max(0, t.pairValue[q]), y(t, q, a), false);
                        w.write(" <= 0\n");
                        w.write(" ux_" + a + "_" + t.pairProduct[q] + ": " + u(t, q, a));
                        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                            term(w, -Math.max(0, t.pairValue(q, o)), x(t, o, a), false);
                        }
                        w.write(" <= 0\n");
                    }
                }
            }
            if (t.maxMoves >= 0) {
                StringBuilder row = new StringBuilder();
                int owned = 0;
                for (int a = 0; a < t.accounts; a++) {
                    if (!t.movable(a)) continue;
                    owned++;
                    for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
                        if (t.optSoldier[o] == t.owner[a]) row.append(row.length() == 0 ? " " : " + ").append(x(t, o, a));
                    }
                }
                long need = owned - t.maxMoves;
                if (need > 0) w.write(" moves:" + (row.length() == 0 ? " 0 dummy" : row.toString()) + " >= " + need + "\n");
            }
            boolean anyU = false;
            for (int a = 0; a < t.accounts; a++) {
                for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) anyU |= t.pairOptBase[q] >= 0;
            }
            if (anyU) {
                w.write("Bounds\n");
                for (int a = 0; a < t.accounts; a++) {
                    for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                        if (t.pairOptBase[q] >= 0) w.write(" 0 <= " + u(t, q, a) + " <= " + hundredths(Math.max(0, t.pairValue[q])) + "\n");
                    }
                }
            }
            w.write("Binary\n");
            for (int a = 0; a < t.accounts; a++) {
                for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) w.write(" " + x(t, o, a) + "\n");
                for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) w.write(" " + y(t, q, a) + "\n");
                if (hasDrop(t, a)) w.write(" " + d(a) + "\n");
            }
            if (terms == 0) w.write(" dummy\n");
            w.write("End\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks lines before a token that would pass 200 characters (LP readers limit line length). */
    private static final class Wrapping {
        private final Writer w;
        private int col;

        Wrapping(Writer w) {
            this.w = w;
        }

        void write(String s) throws IOException {
            if (col > 0 && s.startsWith(" ") && col + s.length() > 200) {
                w.write("\n");
                col = 0;
            }
            w.write(s);
            int nl = s.lastIndexOf('\n');
            col = nl < 0 ? col + s.length() : s.length() - nl - 1;
        }

        void flush() throws IOException {
            w.flush();
        }
    }

    private static void term(Wrapping w, long hundredths, String var, boolean first) throws IOException {
        String c = hundredths(Math.abs(hundredths));
        if (hundredths < 0) w.write(" - " + c + " " + var);
        else w.write((first ? " " : " + ") + c + " " + var);
    }

    private static String safe(String id) {
        return id.replaceAll("[\\r\\n]", " ");
    }
}
