package dev.kam.scenario;

import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.MechanismParams.Basis;
import dev.kam.domain.MechanismParams.Commission;
import dev.kam.domain.MechanismParams.Funnel;
import dev.kam.domain.MechanismParams.Method;
import dev.kam.domain.MechanismParams.Pk;
import dev.kam.domain.MechanismParams.Projects;
import dev.kam.domain.MechanismParams.Split;
import dev.kam.domain.MechanismParams.Stars;
import dev.kam.domain.MechanismParams.Tier;
import dev.kam.domain.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code mechanisms:} (SPEC §12) to {@link MechanismParams}; defaults in {@link MechanismParams#DEFAULT},
 * documented in docs/scenario-format.md. Every rule is checked as it is read, at the key's file and line.
 */
final class MechanismKeys {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final List<String> BASES = List.of("revenue", "grossProfit");
    private static final List<String> METHODS = List.of("marginal", "whole");
    private static final List<String> SPLITS = List.of("equal", "proportional", "rank");

    private MechanismKeys() {
    }

    static MechanismParams read(Section s) {
        MechanismParams d = MechanismParams.DEFAULT;
        Stars stars = stars(s.section("stars"), s.present());
        double[] salary = salary(s.section("salaryByStars"), d.salaryByStars());
        Section c = s.section("commission");
        Commission commission = commission(c, Commission.DEFAULT);
        Map<Layer, Commission> byLayer = new EnumMap<>(Layer.class);
        Section layers = c.section("layers");
        for (Layer l : Layer.values()) {
            if (layers.has(l.code())) byLayer.put(l, commission(layers.section(l.code()), commission));
        }
        Pk pk = pk(s.section("pk"));
        Funnel funnel = funnel(s.section("funnel"));
        Projects projects = projects(s.section("projects"));
        double hiringCost = s.nonNegative("hiringCost", d.hiringCost());
        return new MechanismParams(stars, salary, commission, byLayer, pk, funnel, projects, hiringCost, List.of());
    }

    private static Stars stars(Section s, boolean configured) {
        Stars d = Stars.DEFAULT;
        Section w = s.section("weights");
        double wp = w.nonNegative("performance", d.performance());
        double wq = w.nonNegative("process", d.process());
        double wc = w.nonNegative("certification", d.certification());
        double sum = wp + wq + wc;
        if (w.present() && sum <= 0) {
            w.error("performance", "star weights performance + process + certification are all 0; give at least one "
                    + "a positive weight");
            wp = d.performance();
            wq = d.process();
            wc = d.certification();
            sum = 1;
        }
        Section cs = s.section("cuts");
        double[] cuts = d.cuts();
        for (int k = 0; k < 4; k++) {
            String key = String.valueOf(k + 2);
            cuts[k] = cs.fraction(key, cuts[k]);
            if (k > 0 && cuts[k] < cuts[k - 1]) {
                cs.error(key, "(" + Problem.show(cuts[k]) + ") is below the " + (k + 1) + "-star cut ("
                        + Problem.show(cuts[k - 1]) + "); star cuts must not decrease from 2 to 5");
                cuts[k] = cuts[k - 1];
            }
        }
        double full = s.number("fullAttainment", d.fullAttainment(), 0.01, 100);
        Section e = s.section("elimination");
        int eStars = e.integer("stars", d.eliminationStars(), 1, 5);
        int eYears = e.integer("years", d.eliminationYears(), 0, 100);
        boolean take = s.bool("takeLeads", configured);
        String anchor = s.choice("anchor", "listed", List.of("listed", "formula"));
        return new Stars(wp / sum, wq / sum, wc / sum, cuts, full, eStars, eYears, take, anchor.equals("listed"));
    }

    private static double[] salary(Section s, double[] def) {
        double[] out = def.clone();
        if (!s.present()) return out;
        for (int k = 1; k <= 5; k++) {
            String key = String.valueOf(k);
            if (!s.has(key)) {
                s.error(key, "is missing: give the salary of every star level 1 to 5 (梯度原则: one band per star)");
                continue;
            }
            out[k - 1] = s.nonNegative(key, Double.NaN);
        }
        for (int k = 2; k <= 5; k++) {
            if (!Double.isNaN(out[k - 1]) && !Double.isNaN(out[k - 2]) && out[k - 1] <= out[k - 2]) {
                s.error(String.valueOf(k), "(" + Problem.show(out[k - 1]) + ") must be more than the " + (k - 1)
                        + "-star salary (" + Problem.show(out[k - 2]) + "): each star is a step up (梯度原则)");
            }
        }
        return out;
    }

    /** A scheme; keys it leaves out inherit from {@code parent}. */
    static Commission commission(Section s, Commission parent) {
        Basis basis = switch (s.choice("basis", parent.basis().code(), BASES)) {
            case "grossProfit" -> Basis.GROSS_PROFIT;
            default -> Basis.REVENUE;
        };
        Method method = s.choice("method", parent.method().code(), METHODS).equals("whole") ? Method.WHOLE
                : Method.MARGINAL;
        List<Tier> tiers = s.has("tiers") ? tiers(s) : parent.tiers();
        if (tiers == null) tiers = parent.tiers();
        double cap = parent.cap();
        if (s.has("cap")) {
            String text = s.string("cap", null);
            if (text != null && !text.equalsIgnoreCase("none")) {
                cap = s.number("cap", INF, 0, INF);
                if (cap == 0) {
                    s.error("cap", "(0) must be more than 0; write none (or leave it out) for no cap");
                    cap = INF;
                }
            } else {
                cap = INF;
            }
        }
        double kaWeight = s.number("keyAccountWeight", parent.keyAccountWeight(), 0, 10);
        if (method == Method.WHOLE) warnFallingRates(s, tiers);
        return new Commission(basis, method, tiers, cap, kaWeight);
    }

    /**
     * The tiers, checked: each has a rate 0–1 and exactly one of {@code upTo} (increasing) and {@code above} (the
     * last tier only, equal to the previous tier's upTo so that no attainment is left without a rate or given two).
     * Null when any tier is wrong (every problem is reported).
     */
    static List<Tier> tiers(Section s) {
        List<Section> list = s.sections("tiers");
        int problemsBefore = s.problems().errorCount();
        if (list.isEmpty()) {
            s.error("tiers", "is empty; give at least one tier, e.g. [{above: 0, rate: 0.02}]");
            return null;
        }
        List<Tier> out = new ArrayList<>();
        double prev = 0;
        boolean open = false;
        for (int i = 0; i < list.size(); i++) {
            Section t = list.get(i);
            boolean last = i == list.size() - 1;
            boolean hasUpTo = t.has("upTo");
            boolean hasAbove = t.has("above");
            double rate = Double.NaN;
            if (!t.has("rate")) t.error("rate", "is missing; every tier needs a rate between 0 and 1 (0.02 for 2%)");
            else rate = t.number("rate", Double.NaN, 0, 1);
            if (hasUpTo && hasAbove) {
                t.error("above", "a tier has either upTo or above, not both");
                continue;
            }
            if (!hasUpTo && !hasAbove) {
                t.error("rate", "the tier has neither upTo nor above; write {upTo: 1.0, rate: ...} or, for the "
                        + "last tier, {above: 1.0, rate: ...}");
                continue;
            }
            if (hasUpTo) {
                double up = t.number("upTo", Double.NaN, 0, 1000);
                if (Double.isNaN(up)) continue;
                if (up <= 0) {
                    t.error("upTo", "(0) must be more than 0: a tier covers attainments above the previous tier's bound");
                } else if (up < prev) {
                    t.error("upTo", "(" + Problem.show(up) + ") is below the previous tier's upTo ("
                            + Problem.show(prev) + "); tiers must be in increasing order of upTo");
                } else if (up == prev) {
                    t.error("upTo", "(" + Problem.show(up) + ") repeats the previous tier's upTo; two tiers overlap "
                            + "and this one covers no attainment");
                } else if (!Double.isNaN(rate)) {
                    out.add(new Tier(up, rate));
                }
                if (up > prev) prev = up;
                if (last) {
                    t.error("upTo", "the last tier must be open so that every attainment has a rate: write {above: "
                            + Problem.show(prev) + ", rate: ...} after it (use commission.cap to cap pay)");
                }
            } else {
                double above = t.number("above", Double.NaN, 0, 1000);
                if (Double.isNaN(above)) continue;
                if (!last) {
                    t.error("above", "only the last tier may be open (above); tier " + (i + 1) + " of " + list.size()
                            + " is followed by " + (list.size() - 1 - i) + " more");
                } else if (above < prev) {
                    t.error("above", "(" + Problem.show(above) + ") overlaps the previous tier, which runs up to "
                            + Problem.show(prev) + "; above must equal it");
                } else if (above > prev) {
                    t.error("above", "(" + Problem.show(above) + ") leaves attainments between " + Problem.show(prev)
                            + " and " + Problem.show(above) + " without a rate; above must equal the previous tier's "
                            + "upTo (" + Problem.show(prev) + ")");
                } else if (!Double.isNaN(rate)) {
                    out.add(new Tier(INF, rate));
                    open = true;
                }
            }
        }
        if (s.problems().errorCount() > problemsBefore || !open) return null;
        return out;
    }

    /** Under whole-amount tiers a falling rate pays less for selling more across the boundary. */
    private static void warnFallingRates(Section s, List<Tier> tiers) {
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).rate() < tiers.get(i - 1).rate()) {
                s.warning("method", "whole-amount tiers with a falling rate (" + Problem.show(tiers.get(i - 1).rate())
                        + " then " + Problem.show(tiers.get(i).rate()) + ") pay less for more revenue across the "
                        + "boundary at " + Problem.show(tiers.get(i - 1).upTo()));
                return;
            }
        }
    }

    private static Pk pk(Section s) {
        Pk d = Pk.OFF;
        double amount = s.nonNegative("amount", d.amount());
        double rate = s.fraction("rate", d.rate());
        double top = s.fraction("top", d.top());
        Split split = switch (s.choice("split", d.split().code(), SPLITS)) {
            case "proportional" -> Split.PROPORTIONAL;
            case "rank" -> Split.RANK;
            default -> Split.EQUAL;
        };
        double min = s.number("minAttainment", d.minAttainment(), 0, 100);
        if (s.present() && (amount > 0 || rate > 0) && top == 0) {
            s.error("top", "(0) lets no soldier win the pool; give the winning share, e.g. 0.2 for the top 20%");
        }
        return new Pk(amount, rate, top, split, min);
    }

    private static Funnel funnel(Section s) {
        Funnel d = Funnel.DEFAULT;
        List<String> stages = d.stages();
        boolean seed = true;
        if (s.has("stages")) {
            List<String> given = s.strings("stages");
            Set<String> seen = new HashSet<>();
            boolean ok = given.size() >= 2;
            if (!ok) s.error("stages", "needs at least 2 stages (the seed has 9: " + String.join(", ", d.stages()) + ")");
            for (String g : given) {
                String lower = g.toLowerCase(Locale.ROOT);
                if (g.isBlank()) {
                    s.error("stages", "a stage name is empty");
                    ok = false;
                } else if (g.matches("\\d+")) {
                    s.error("stages", "'" + g + "' is a number; stage names must not be numbers, since pipeline.csv "
                            + "may give a stage by its step number");
                    ok = false;
                } else if (!seen.add(lower)) {
                    s.error("stages", "'" + g + "' appears twice; stage names must be unique (case-insensitive)");
                    ok = false;
                }
            }
            if (ok) {
                stages = given;
                seed = given.equals(d.stages());
            }
        }
        int n = stages.size();
        int won = s.integer("won", seed ? d.wonStage() : n, 2, n);
        Section a = s.section("active");
        int from = a.integer("from", seed ? d.activeFrom() : Math.min(2, won - 1), 1, n);
        int to = a.integer("to", won - 1, 1, n);
        if (from > to) {
            a.error("to", "(" + to + ") must be at least from (" + from + ")");
            to = from;
        }
        if (to >= won) {
            a.error("to", "(" + to + ") must be before the won stage (" + won + "): a signed opportunity is no longer "
                    + "a prospect");
            to = won - 1;
            if (from > to) from = to;
        }
        Section p = s.section("prospects");
        int min = p.integer("min", d.minProspects(), 0, 1000);
        int max = p.integer("max", d.maxProspects(), 0, 1000);
        if (max < min) {
            p.error("max", "(" + max + ") must be at least min (" + min + ")");
            max = min;
        }
        double cycle = s.number("cycleYears", d.cycleYears(), 0.05, 20);
        LocalDate asOf = null;
        String text = s.string("asOf", null);
        if (text != null) {
            try {
                asOf = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                s.error("asOf", "'" + text + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-31");
            }
        }
        return new Funnel(stages, seed, from, to, won, min, max, cycle, asOf);
    }

    private static Projects projects(Section s) {
        Projects d = Projects.DEFAULT;
        Section mine = s.section("mine");
        double share = mine.fraction("shareBelow", d.mineShareRatio());
        int mineDays = mine.integer("days", d.mineDays(), 1, 3650);
        Section dec = s.section("decline");
        double drop = dec.fraction("drop", d.declineDrop());
        int decDays = dec.integer("days", d.declineDays(), 1, 3650);
        Section as = s.section("assess");
        int asDays = as.integer("days", d.assessDays(), 1, 3650);
        return new Projects(share, drop, asDays, mineDays, decDays);
    }
}
