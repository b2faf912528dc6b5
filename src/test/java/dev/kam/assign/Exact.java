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

    /** The variable values of a plan (1 for chosen x and offered y). */
    static Map<String, Integer> values(Coefficients t, int[] choice, boolean[] offered) {
        Map<String, Integer> v = new HashMap<>();
        for (int a = 0; a < t.accounts; a++) {
            if (choice[a] >= 0) v.put(LpWriter.x(t, choice[a], a), 1);
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) if (offered[q]) v.put(LpWriter.y(t, q, a), 1);
        }
        return v;
    }

    /** A parsed LP: objective terms and rows. */
    record Lp(Map<String, BigDecimal> objective, List<Row> rows, List<String> binaries) {
        BigDecimal objectiveAt(Map<String, Integer> v) {
            BigDecimal s = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : objective.entrySet()) {
                s = s.add(e.getValue().multiply(BigDecimal.valueOf(v.getOrDefault(e.getKey(), 0))));
            }
            return s;
        }

        boolean feasibleAt(Map<String, Integer> v) {
            for (Row r : rows) if (!r.holds(v)) return false;
            return true;
        }
    }

    record Row(String name, Map<String, BigDecimal> terms, String op, BigDecimal rhs) {
        boolean holds(Map<String, Integer> v) {
            BigDecimal s = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : terms.entrySet()) {
                s = s.add(e.getValue().multiply(BigDecimal.valueOf(v.getOrDefault(e.getKey(), 0))));
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
        int end = all.indexOf("End");
        String obj = all.substring(max + "Maximize".length(), st).trim();
        obj = obj.substring(obj.indexOf(':') + 1);
        Map<String, BigDecimal> objective = terms(obj.trim().split("\\s+"));
        List<Row> rows = new ArrayList<>();
        // rows start with " name:" on a new line; continuation lines start with " + " or " - "
        StringBuilder cur = null;
        List<String> rowTexts = new ArrayList<>();
        for (String l : all.substring(st + "Subject To".length(), bin).split("\n")) {
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

    /** Best (medium, soft) over every hard-feasible plan; soft in cents. */
    record Optimum(long medium, long soft) {
    }

    static Optimum optimum(Coefficients t) {
        int n = t.accounts;
        int[] choice = new int[n];
        long[] best = {Long.MIN_VALUE, Long.MIN_VALUE};
        enumerate(t, 0, choice, best);
        return new Optimum(best[0], best[1]);
    }

    private static void enumerate(Coefficients t, int a, int[] choice, long[] best) {
        if (a == t.accounts) {
            long[] load = new long[t.soldiers];
            int[] cnt = new int[t.soldiers];
            long value = 0, medium = 0;
            for (int b = 0; b < t.accounts; b++) {
                int o = choice[b];
                if (o < 0) {
                    if (t.mustCover[b]) medium--;
                    continue;
                }
                load[t.optSoldier[o]] += t.optHours[o];
                cnt[t.optSoldier[o]]++;
                value += t.optValue[o];
            }
            for (int s = 0; s < t.soldiers; s++) {
                if (load[s] > t.capacity[s]) return;
                if (t.maxAccountsPerSoldier > 0 && cnt[s] > t.maxAccountsPerSoldier) return;
            }
            long products = bestProducts(t, choice);
            long total = value + products;
            if (medium > best[0] || (medium == best[0] && total > best[1])) {
                best[0] = medium;
                best[1] = total;
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

    /** The best product offer for fixed leads, by enumerating every subset of pairs of covered accounts. */
    static long bestProducts(Coefficients t, int[] choice) {
        List<Integer> pairs = new ArrayList<>();
        List<Integer> accountOf = new ArrayList<>();
        for (int a = 0; a < t.accounts; a++) {
            if (choice[a] < 0) continue;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                pairs.add(q);
                accountOf.add(a);
            }
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
                int p = t.pairProduct[q];
                int a = accountOf.get(i);
                if (++used[p] > t.productCapacity[p] || ++per[a] > t.maxProductsPerAccount) ok = false;
                v += t.pairValue[q];
            }
            if (ok) best = Math.max(best, v);
        }
        return best;
    }
}
