package dev.kam.assign;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test oracles: an LP text evaluator and exhaustive search over every plan of a tiny table. */
final class Exact {
    private Exact() {
    }

    /** The variable values of a plan: 1 for chosen x, offered y and dropped d; u = the offer's value at the lead. */
    static Map<String, BigDecimal> values(Coefficients t, int[] choice, boolean[] offered) {
        Map<String, BigDecimal> v = new HashMap<>();
        for (int a = 0; a < t.accounts; a++) {
            if (choice[a] >= 0) v.put(LpWriter.x(t, choice[a], a), BigDecimal.ONE);
            else if (LpWriter.hasDrop(t, a)) v.put(LpWriter.d(a), BigDecimal.ONE);
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                if (!offered[q]) continue;
                v.put(LpWriter.y(t, q, a), BigDecimal.ONE);
                if (t.pairOptBase[q] >= 0 && choice[a] >= 0) {
                    v.put(LpWriter.u(t, q, a), BigDecimal.valueOf(Math.max(0, t.pairValue(q, choice[a]))).movePointLeft(2));
                }
            }
        }
        return v;
    }

    /** A parsed LP: objective terms and rows. */
    record Lp(Map<String, BigDecimal> objective, List<Row> rows, List<String> binaries) {
        BigDecimal objectiveAt(Map<String, BigDecimal> v) {
            BigDecimal s = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : objective.entrySet()) {
                s = s.add(e.getValue().multiply(v.getOrDefault(e.getKey(), BigDecimal.ZERO)));
            }
            return s;
        }

        boolean feasibleAt(Map<String, BigDecimal> v) {
            for (Row r : rows) if (!r.holds(v)) return false;
            return true;
        }
    }

    record Row(String name, Map<String, BigDecimal> terms, String op, BigDecimal rhs) {
        boolean holds(Map<String, BigDecimal> v) {
            BigDecimal s = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : terms.entrySet()) {
                s = s.add(e.getValue().multiply(v.getOrDefault(e.getKey(), BigDecimal.ZERO)));
            }
            int c = s.compareTo(rhs);
            return switch (op) {
                case "<=" -> c <= 0;
                case ">=" -> c >= 0;
                default -> c == 0;
            };
        }
    }

    static String lpText(Coefficients t) {
        StringWriter w = new StringWriter();
        LpWriter.write(t, "test", w);
        return w.toString();
    }

    /** Parses the subset of CPLEX LP format that LpWriter writes. */
    static Lp parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) if (!l.startsWith("\\")) lines.add(l);
        String all = String.join("\n", lines);
        int max = all.indexOf("Maximize");
        int st = all.indexOf("Subject To");
        int bin = all.indexOf("Binary");
        int bounds = all.indexOf("Bounds");
        int rowsEnd = bounds >= 0 ? bounds : bin;
        int end = all.indexOf("End");
        String obj = all.substring(max + "Maximize".length(), st).trim();
        obj = obj.substring(obj.indexOf(':') + 1);
        Map<String, BigDecimal> objective = terms(obj.trim().split("\\s+"));
        List<Row> rows = new ArrayList<>();
        // rows start with " name:" on a new line; continuation lines start with " + " or " - "
        StringBuilder cur = null;
        List<String> rowTexts = new ArrayList<>();
        for (String l : all.substring(st + "Subject To".length(), rowsEnd).split("\n")) {
            if (l.isBlank()) continue;
            if (l.matches("^ [A-Za-z_][A-Za-z0-9_]*:.*")) {
                if (cur != null) rowTexts.add(cur.toString());
                cur = new StringBuilder(l);
            } else {
                cur.append(' ').append(l);
            }
        }
        if (cur != null) rowTexts.add(cur.toString());
        for (String r : rowTexts) {
            String name = r.substring(0, r.indexOf(':')).trim();
            String body = r.substring(r.indexOf(':') + 1).trim();
            String op = body.contains("<=") ? "<=" : body.contains(">=") ? ">=" : "=";
            int at = body.indexOf(op);
            rows.add(new Row(name, terms(body.substring(0, at).trim().split("\\s+")), op,
                    new BigDecimal(body.substring(at + op.length()).trim())));
        }
        List<String> binaries = new ArrayList<>();
        for (String b : all.substring(bin + "Binary".length(), end).trim().split("\\s+")) if (!b.isBlank()) binaries.add(b);
        return new Lp(objective, rows, binaries);
    }

    private static Map<String, BigDecimal> terms(String[] tok) {
        Map<String, BigDecimal> out = new HashMap<>();
        BigDecimal sign = BigDecimal.ONE;
        BigDecimal coef = null;
        for (String s : tok) {
            if (s.isEmpty()) continue;
            if (s.equals("+")) {
                sign = BigDecimal.ONE;
            } else if (s.equals("-")) {
                sign = sign.negate();
            } else if (Character.isDigit(s.charAt(0))) {
                coef = new BigDecimal(s);
            } else {
                BigDecimal c = (coef == null ? BigDecimal.ONE : coef).multiply(sign);
                out.merge(s, c, BigDecimal::add);
                sign = BigDecimal.ONE;
                coef = null;
            }
        }
        return out;
    }

    /** Best (medium, soft) over every hard-feasible plan; soft in cents; with the plan and its real-unit objective. */
    record Optimum(long medium, long soft, Solution plan) {
    }

    /** Exhaustive search over every lead choice and, for each, every subset of offers (tiny tables only). */
    static Optimum optimum(Coefficients t) {
        int n = t.accounts;
        int[] choice = new int[n];
        Optimum[] best = {new Optimum(Long.MIN_VALUE, Long.MIN_VALUE, null)};
        enumerate(t, 0, choice, best);
        return best[0];
    }

    private static void enumerate(Coefficients t, int a, int[] choice, Optimum[] best) {
        if (a == t.accounts) {
            Solution plan = bestWithProducts(t, choice.clone());
            if (plan == null) return;
            Solution.Score sc = plan.score(t);
            if (sc.hard() != 0) return;
            Optimum b = best[0];
            if (sc.medium() > b.medium() || (sc.medium() == b.medium() && sc.soft() > b.soft())) {
                best[0] = new Optimum(sc.medium(), sc.soft(), plan);
            }
            return;
        }
        choice[a] = -1;
        enumerate(t, a + 1, choice, best);
        for (int o = t.optStart[a]; o < t.optStart[a + 1]; o++) {
            choice[a] = o;
            enumerate(t, a + 1, choice, best);
        }
    }

    /** The best feasible offer subset for fixed leads (null when the leads themselves break a rule). */
    static Solution bestWithProducts(Coefficients t, int[] choice) {
        Solution none = new Solution(choice, new boolean[t.pairs()]);
        if (none.score(t).hard() != 0) return null;
        List<Integer> pairs = new ArrayList<>();
        for (int a = 0; a < t.accounts; a++) {
            if (choice[a] < 0) continue;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) pairs.add(q);
        }
        Solution best = none;
        long bestV = none.objective(t);
        for (long mask = 1; mask < (1L << pairs.size()); mask++) {
            boolean[] off = new boolean[t.pairs()];
            for (int i = 0; i < pairs.size(); i++) if ((mask & (1L << i)) != 0) off[pairs.get(i)] = true;
            Solution s = new Solution(choice, off);
            if (s.score(t).hard() != 0) continue;
            long v = s.objective(t);
            if (v > bestV) {
                bestV = v;
                best = s;
            }
        }
        return best;
    }

    /** The best total offer value for fixed leads under the product rules only (capacity, per-account cap). */
    static long bestOfferValue(Coefficients t, int[] choice) {
        List<Integer> pairs = new ArrayList<>();
        for (int a = 0; a < t.accounts; a++) {
            if (choice[a] < 0) continue;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) pairs.add(q);
        }
        long best = 0;
        for (long mask = 0; mask < (1L << pairs.size()); mask++) {
            int[] used = new int[t.products];
            int[] per = new int[t.accounts];
            long v = 0;
            boolean ok = true;
            for (int i = 0; i < pairs.size() && ok; i++) {
                if ((mask & (1L << i)) == 0) continue;
                int q = pairs.get(i);
                int a = t.pairAccount[q];
                if (++used[t.pairProduct[q]] > t.productCapacity[t.pairProduct[q]] || ++per[a] > t.maxProductsPerAccount) ok = false;
                v += t.pairValue(q, choice[a]);
            }
            if (ok) best = Math.max(best, v);
        }
        return best;
    }
}
