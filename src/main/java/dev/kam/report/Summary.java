package dev.kam.report;

import dev.kam.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.domain.Account;
import dev.kam.domain.Scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headline figures of a run, read from the stage files: probability of reaching the end goal,
 * median final-year key-account revenue, the plan's uplift over the baseline. Each is NaN when the
 * stage that produces it did not run.
 *
 * @param goalYear             calendar year of the end goal
 * @param goalProbability      probability of reaching the end goal, 0–1
 * @param goalBasis            where the probability comes from (file and field)
 * @param finalYear            last year of the horizon
 * @param medianFinalKaRevenue P50 of key-account revenue in the final year (currency/year)
 * @param finalTarget          key-account revenue target of the final year (currency/year)
 * @param todayKaRevenue       key-account revenue today (accounts at or above the threshold)
 * @param todayKaCount         key accounts today
 * @param todayKaShare         key-account share of total revenue today
 * @param requiredGrowth       constant yearly growth from today's to the final target
 * @param uplift               the plan's expected uplift over the baseline (currency)
 * @param upliftBasis          where the uplift comes from (file and field)
 * @param medianFirstYear      median calendar year in which the final key-account revenue target is first met
 * @param neverWithinHorizon   share of paths that never meet it within the horizon, 0–1
 * @param kaRevenueProbability probability of meeting the final year's key-account revenue target alone, 0–1
 */
public record Summary(int goalYear, double goalProbability, String goalBasis, int finalYear,
                      double medianFinalKaRevenue, double finalTarget, double todayKaRevenue, int todayKaCount,
                      double todayKaShare, double requiredGrowth, double uplift, String upliftBasis,
                      double medianFirstYear, double neverWithinHorizon, double kaRevenueProbability) {

    /** Reads the figures from the run's stage folders under {@code in.root()}. */
    public static Summary of(HtmlReport.Input in, Scenario sc) {
        Path root = in.root();
        int finalYear = sc.baseYear() + sc.strategy().horizonYears();
        double threshold = sc.strategy().keyAccountThreshold();
        double ka = 0;
        int kaCount = 0;
        for (Account a : sc.accounts()) {
            if (a.isKeyAccount(threshold)) {
                ka += a.revenue();
                kaCount++;
            }
        }
        double total = sc.totalRevenue();
        double kaShare = total > 0 ? ka / total : Double.NaN;

        double target = Double.NaN;
        CsvTable targets = CsvTable.read(root.resolve("targets/targets.csv"));
        if (targets != null && !targets.rows().isEmpty()) {
            Map<String, String> last = targets.rows().get(targets.rows().size() - 1);
            target = CsvTable.num(last, "keyAccountRevenue");
            double y = CsvTable.num(last, "year");
            if (!Double.isNaN(y)) finalYear = (int) y;
        }
        if (Double.isNaN(target)) target = sc.strategy().goalRevenue();
        double growth = ka > 0 && target > 0
                ? Math.pow(target / ka, 1.0 / sc.strategy().horizonYears()) - 1 : Double.NaN;

        double median = Double.NaN;
        CsvTable pc = CsvTable.read(root.resolve("simulation/percentiles.csv"));
        if (pc != null) {
            int last = Integer.MIN_VALUE;
            for (Map<String, String> r : pc.rows()) last = Math.max(last, (int) CsvTable.num(r, "year"));
            for (Map<String, String> r : pc.rows()) {
                if ((int) CsvTable.num(r, "year") == last && "keyAccountRevenue".equals(CsvTable.str(r, "metric"))) {
                    median = CsvTable.num(r, "p50");
                    finalYear = last;
                }
            }
        }

        double prob = Double.NaN;
        String basis = "";
        double kaProb = Double.NaN;
        CsvTable hits = CsvTable.read(root.resolve("simulation/targets-hit.csv"));
        if (hits != null) {
            int last = Integer.MIN_VALUE;
            for (Map<String, String> r : hits.rows()) last = Math.max(last, (int) CsvTable.num(r, "year"));
            for (Map<String, String> r : hits.rows()) {
                if ((int) CsvTable.num(r, "year") == last && "keyAccountRevenue".equals(CsvTable.str(r, "metric"))) {
                    kaProb = CsvTable.num(r, "probability");
                }
            }
        }
        JsonNode sim = read(root.resolve("simulation/summary.json"));
        // P(goal) is one thing everywhere (SPEC §8): the final-year key-account revenue target, summary.json goalProbability
        Found f = find(sim, List.of("goalprobability", "probabilitygoal", "endgoalprobability", "goalhitprobability",
                "probabilityofgoal"));
        if (f != null) {
            prob = f.value();
            basis = f.path().toLowerCase(Locale.ROOT).contains("all") ? "all" : "simulation/summary.json: " + f.path();
        } else {
            CsvTable hit = CsvTable.read(root.resolve("simulation/targets-hit.csv"));
            if (hit != null) {
                int last = Integer.MIN_VALUE;
                for (Map<String, String> r : hit.rows()) last = Math.max(last, (int) CsvTable.num(r, "year"));
                for (Map<String, String> r : hit.rows()) {
                    if ((int) CsvTable.num(r, "year") == last && "keyAccountRevenue".equals(CsvTable.str(r, "metric"))) {
                        prob = CsvTable.num(r, "probability");
                        basis = "simulation/targets-hit.csv: " + last + " keyAccountRevenue";
                    }
                }
            }
        }

        double uplift = Double.NaN;
        String upBasis = "";
        JsonNode plan = read(root.resolve("plan/plan.json"));
        Found u = find(plan, List.of("upliftadded", "addeduplift", "upliftoverbaseline", "uplift", "expecteduplift",
                "objectivegain"));
        if (u == null) u = findContaining(plan, "uplift");
        if (u != null) {
            uplift = u.value();
            upBasis = "plan/plan.json: " + u.path();
        }
        double firstYear = Double.NaN;
        double never = Double.NaN;
        JsonNode first = sim == null ? null : sim.path("endGoal").path("firstYearMet");
        if (first != null && first.has("medianYear") && first.get("medianYear").isNumber()) {
            firstYear = first.get("medianYear").asDouble();
            never = first.path("neverWithinHorizon").asDouble(Double.NaN);
        }
        return new Summary(finalYear, prob, basis, finalYear, median, target, ka, kaCount, kaShare, growth, uplift, upBasis,
                firstYear, never, kaProb);
    }

    static JsonNode read(Path p) {
        if (!Files.isRegularFile(p)) return null;
        try {
            return Json.MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** A numeric field found in a JSON tree. */
    record Found(String path, double value) {
    }

    /** Breadth-first: the first numeric field whose name (case-insensitive) is one of the names, in name order. */
    static Found find(JsonNode root, List<String> names) {
        for (String name : names) {
            Found f = first(root, key -> key.equals(name));
            if (f != null) return f;
        }
        return null;
    }

    /** Breadth-first: the first numeric field whose name contains the word. */
    static Found findContaining(JsonNode root, String word) {
        return first(root, key -> key.contains(word));
    }

    /** Breadth-first: the first numeric field whose lower-cased name matches, with its dotted path. */
    private static Found first(JsonNode root, java.util.function.Predicate<String> matches) {
        if (root == null) return null;
        Deque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {"", root});
        while (!queue.isEmpty()) {
            Object[] e = queue.poll();
            JsonNode n = (JsonNode) e[1];
            if (!n.isObject()) continue;
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String path = e[0].toString().isEmpty() ? f.getKey() : e[0] + "." + f.getKey();
                if (f.getValue().isNumber() && matches.test(f.getKey().toLowerCase(Locale.ROOT))) {
                    return new Found(path, f.getValue().asDouble());
                }
                if (f.getValue().isObject()) queue.add(new Object[] {path, f.getValue()});
            }
        }
        return null;
    }
}
