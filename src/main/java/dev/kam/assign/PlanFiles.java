package dev.kam.assign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.scenario.Problems;
import dev.kam.domain.ScenarioException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a plan.json written by {@code kam assign} back into what the simulation needs. */
public final class PlanFiles {
    private PlanFiles() {
    }

    /**
     * The coverage of a plan.json: every assignment with a soldier becomes a lead (effort multiple and
     * fit as written), every product row an offer. Ids must exist in the scenario; problems are
     * reported all at once as a ScenarioException naming the file and the entry.
     */
    public static Coverage readCoverage(Path planJson, Scenario scenario) {
        String file = planJson.toString();
        JsonNode root;
        try {
            if (Files.size(planJson) > 512L << 20) {
                throw new ScenarioException(file, 0, "", "plan file is larger than 512 MB");
            }
            root = new ObjectMapper().readTree(planJson.toFile());
        } catch (IOException e) {
            throw new ScenarioException(file, 0, "", "cannot read plan.json: " + e.getMessage().split("\n")[0]);
        }
        if (root == null || !root.isObject() || !root.path("assignments").isArray()) {
            throw new ScenarioException(file, 0, "assignments", "not a kam plan.json (no 'assignments' list)");
        }
        Set<String> accounts = new HashSet<>();
        for (Account a : scenario.accounts()) accounts.add(a.id());
        Set<String> soldiers = new HashSet<>();
        for (Soldier s : scenario.soldiers()) soldiers.add(s.id());
        Set<String> products = new HashSet<>();
        for (Product p : scenario.products()) products.add(p.id());

        Problems problems = new Problems();
        Map<String, Coverage.Lead> leads = new HashMap<>();
        int i = 0;
        for (JsonNode n : root.get("assignments")) {
            String field = "assignments[" + i++ + "]";
            String acc = n.path("account").asText(null);
            if (acc == null || !accounts.contains(acc)) {
                problems.error(file, 0, field + ".account", "'" + acc + "' is not an account of " + scenario.source());
                continue;
            }
            JsonNode sol = n.get("soldier");
            if (sol == null || sol.isNull()) continue;
            if (!soldiers.contains(sol.asText())) {
                problems.error(file, 0, field + ".soldier", "'" + sol.asText() + "' is not a soldier of " + scenario.source());
                continue;
            }
            double effort = n.path("effort").asDouble(Double.NaN);
            double fit = n.path("fit").asDouble(Double.NaN);
            if (!(effort > 0) || effort > 10) {
                problems.error(file, 0, field + ".effort", "(" + n.path("effort").asText() + ") must be a number between 0 and 10");
                continue;
            }
            if (!(fit >= 0 && fit <= 1)) {
                problems.error(file, 0, field + ".fit", "(" + n.path("fit").asText() + ") must be between 0 and 1");
                continue;
            }
            if (leads.put(acc, new Coverage.Lead(sol.asText(), effort, fit)) != null) {
                problems.error(file, 0, field + ".account", "'" + acc + "' is assigned twice");
            }
        }
        Map<String, List<String>> offers = new LinkedHashMap<>();
        i = 0;
        for (JsonNode n : root.path("products")) {
            String field = "products[" + i++ + "]";
            String acc = n.path("account").asText(null);
            String prod = n.path("product").asText(null);
            if (acc == null || !accounts.contains(acc)) {
                problems.error(file, 0, field + ".account", "'" + acc + "' is not an account of " + scenario.source());
            } else if (prod == null || !products.contains(prod)) {
                problems.error(file, 0, field + ".product", "'" + prod + "' is not a product of " + scenario.source());
            } else {
                offers.computeIfAbsent(acc, k -> new ArrayList<>()).add(prod);
            }
        }
        problems.throwIfErrors();
        String label = planJson.getFileName() == null ? "plan" : planJson.getFileName().toString();
        return new Coverage(label, leads, offers);
    }
}
