package dev.kam.assign;

import dev.kam.analysis.Analysis;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;
import dev.kam.domain.Relationship;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.ScenarioException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Generalized Assignment Problem instance in OR-Library format (Beasley 1990; instances of Chu &amp;
 * Beasley 1997 and Yagiura, Ibaraki &amp; Glover 2004): {@code m n}, the m×n cost matrix, the m×n weight
 * matrix, the m capacities. Minimize total cost, every job on exactly one agent within capacity.
 *
 * @param name    instance name (e.g. {@code yagiura2004/c10400})
 * @param cost    cost[i][j] of giving job j to agent i
 * @param weight  weight[i][j]: resource job j consumes at agent i
 */
public record GapInstance(String name, int agents, int jobs, long[][] cost, long[][] weight, long[] capacity) {

    /** Reads a file; errors name the file and what is wrong. */
    public static GapInstance read(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, "", "cannot read GAP file: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ScenarioException(file.toString(), 0, "", "not an OR-Library GAP file (binary or non-ASCII content)");
        }
        String[] tok = text.trim().split("\\s+");
        int[] pos = {0};
        int m = (int) next(tok, pos, file, "number of agents");
        int n = (int) next(tok, pos, file, "number of jobs");
        if (m <= 0 || n <= 0 || (long) m * n > 10_000_000) {
            throw new ScenarioException(file.toString(), 1, "m n", "agents (" + m + ") and jobs (" + n + ") must be positive and m·n at most 10,000,000");
        }
        long expected = 2L + 2L * m * n + m;
        if (tok.length != expected) {
            throw new ScenarioException(file.toString(), 0, "", "expected " + expected + " numbers for " + m + " agents and "
                    + n + " jobs, found " + tok.length);
        }
        long[][] cost = new long[m][n];
        long[][] weight = new long[m][n];
        long[] cap = new long[m];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) cost[i][j] = next(tok, pos, file, "cost");
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) weight[i][j] = next(tok, pos, file, "weight");
        for (int i = 0; i < m; i++) cap[i] = next(tok, pos, file, "capacity");
        return new GapInstance(name, m, n, cost, weight, cap);
    }

    private static long next(String[] tok, int[] pos, Path file, String what) {
        String t = tok[pos[0]++];
        try {
            long v = Long.parseLong(t);
            if (v < 0 || v > 1_000_000_000L) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ScenarioException(file.toString(), 0, what, "'" + t + "' (number " + pos[0] + ") is not a non-negative integer");
        }
    }

    /** Total cost of an assignment (agent per job). */
    public long cost(int[] agentOf) {
        long c = 0;
        for (int j = 0; j < jobs; j++) c += cost[agentOf[j]][j];
        return c;
    }

    /**
     * The same instance as a kam scenario, for the plan's names and explanations: agents are soldiers
     * (capacity = capacity hours, eligible for everything), jobs are mustCover accounts; one effort level
     * (1.0), rating priority 1, no switching cost, no products. The numbers the solver uses come from
     * {@link Coefficients#gap(GapInstance)}: per pair hours = weight and value = −cost exactly (SPEC §4's
     * relationships.csv overrides, taken as given), so the objective is exactly −(total cost).
     */
    public Scenario toScenario(Duration timeLimit, long seed) {
        List<Account> accounts = new ArrayList<>(jobs);
        for (int j = 0; j < jobs; j++) {
            accounts.add(new Account("j" + j, "job " + j, "any", "any", 0, 0, 0, 0.8, 0.5, Double.NaN, Double.NaN,
                    Set.of(), null, Stage.ACTIVE, true, 1.0));
        }
        List<Soldier> soldiers = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            soldiers.add(new Soldier("a" + i, "agent " + i, Layer.PROJECT, 5, Set.of("*"), Set.of("*"), capacity[i], 3, Double.NaN));
        }
        AssignmentParams p = AssignmentParams.DEFAULT.withEffort(new double[] {1.0}, new String[] {"standard"});
        p = new AssignmentParams(timeLimit, null, seed, p.effortLevels(), p.effortNames(), 0,
                new double[] {1, 1, 1, 1, 1}, 0.0, p.minStars(), p.minCertification(), false,
                new int[] {1, 1, 1}, new int[] {5, 5, 5}, p.baseHours(), 0, 0.95);
        return new Scenario(name, "", 2026, name, accounts, soldiers, List.of(), List.<Relationship>of(), AnalysisParams.DEFAULT,
                StrategyParams.DEFAULT, p, SimulationParams.DEFAULT);
    }

    /** An empty analysis: every job rated 1A, small tier (ratings do not matter for GAP). */
    public static Analysis analysis() {
        return new Analysis(List.of());
    }
}
