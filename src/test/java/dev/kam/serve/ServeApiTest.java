package dev.kam.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.assign.Plan;
import dev.kam.domain.Coverage;
import dev.kam.domain.Problem;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.scenario.ScenarioReader;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.Simulator;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web API of docs/serve.md against a real server on an ephemeral port, checked against the stages run directly. */
class ServeApiTest {
    @TempDir
    static Path dir;
    static ServeFixture f;
    static Map<String, String> before;

    @BeforeAll
    static void start() throws Exception {
        f = ServeFixture.start(dir, ServeFixture.FAST);
        before = ServeFixture.hashes(f.folder);
    }

    @AfterAll
    static void stop() throws Exception {
        Path downloads = f.workspace().downloadsRoot();
        f.close();
        assertEquals(before, ServeFixture.hashes(f.folder), "the scenario's files changed");
        assertFalse(Files.exists(downloads), "the downloads folder outlived the server: " + downloads);
    }

    private static List<String> overrides(String... more) {
        List<String> o = new ArrayList<>(ServeFixture.FAST);
        o.addAll(List.of(more));
        return o;
    }

    @Test
    void summaryHasTheContractFieldsAndTheStagesNumbers() {
        JsonNode s = f.get("/api/summary").json();
        double p = s.get("goalProbability").asDouble();
        assertTrue(s.get("goalProbabilityCiLow").asDouble() <= p && p <= s.get("goalProbabilityCiHigh").asDouble(), s.toString());
        assertTrue(s.has("baselineGoalProbability"));
        assertEquals("小型示例 Tiny Example Co.", s.get("scenario").asText());
        Scenario sc = ScenarioReader.read(f.scenario, ServeFixture.FAST);
        Plan plan = f.workspace().optimizedPlan();
        assertEquals(plan.objective(), s.get("objective").asDouble(), 1e-9);
        // the stage's proven bound and gap, as plan.json has them
        assertEquals(plan.bound(), s.get("bound").asDouble(), 1e-9, s.toString());
        assertEquals(plan.gapPercent(), s.get("gapPercent").asDouble(), 1e-9);
        assertTrue(s.get("bound").asDouble() >= s.get("objective").asDouble() - 1e-6, "a bound is never below the plan");
        Targets t = TargetPlanner.plan(sc);
        PlanComparison c = Simulator.compare(sc, t, Coverage.baseline(sc, new ResponseModel(sc.simulation())),
                plan.coverage(), SimulationOptions.of(sc.simulation()));
        int year = sc.baseYear() + sc.strategy().horizonYears();
        assertEquals(c.plan().hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year), p, 0.0);
        assertEquals(c.baseline().hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year),
                s.get("baselineGoalProbability").asDouble(), 0.0);
        double[] ci = Wilson.interval(p, 500);
        assertEquals(ci[0], s.get("goalProbabilityCiLow").asDouble(), 1e-12);
        // every probability the page shows comes with its interval, and the no-plan "when" beside the plan's
        for (String k : List.of("baselineGoalProbability", "allGoalsProbability", "neverWithinHorizon")) {
            assertInterval(s, k, k + "CiLow", k + "CiHigh");
        }
        assertTrue(s.has("baselineMedianYear") && s.has("planMinusBaselineStderr"), s.toString());
        JsonNode sim = f.post("/api/simulate", "{\"set\": {}, \"paths\": 500}").json();
        for (JsonNode h : sim.get("hits")) {
            assertInterval(h, "probability", "ciLow", "ciHigh");
            assertInterval(h, "baseline", "baselineCiLow", "baselineCiHigh");
            assertInterval(h, "all", "allCiLow", "allCiHigh");
        }
        assertInterval(sim.get("start"), "goalProbability", "ciLow", "ciHigh");
    }

    private static void assertInterval(JsonNode n, String value, String low, String high) {
        assertTrue(n.has(low) && n.has(high), value + " without its interval: " + n);
        double v = n.get(value).asDouble();
        double lo = n.get(low).asDouble();
        double hi = n.get(high).asDouble();
        assertTrue(lo <= v + 1e-12 && v <= hi + 1e-12 && lo >= 0 && hi <= 1, value + " " + lo + " " + v + " " + hi);
    }

    @Test
    void simulateWithChangedAssumptionsMatchesTheStagesOnTheSamePaths() {
        JsonNode r = f.post("/api/simulate", "{\"set\": {\"simulation.churn.covered\": 0.2}, \"paths\": 400}").json();
        Scenario sc = ScenarioReader.read(f.scenario, overrides("simulation.churn.covered=0.2", "simulation.paths=400"));
        Plan plan = f.workspace().optimizedPlan();
        PlanComparison c = Simulator.compare(sc, TargetPlanner.plan(sc), Coverage.baseline(sc, new ResponseModel(sc.simulation())),
                Workspace.refit(sc, plan.coverage()), SimulationOptions.of(sc.simulation()));
        int year = sc.baseYear() + sc.strategy().horizonYears();
        double p = c.plan().hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
        assertEquals(p, r.get("goalProbability").asDouble(), 0.0);
        assertEquals(400, r.get("paths").asInt());
        assertEquals(10, r.get("years").size());
        assertEquals(7 + 2, r.get("fan").get("keyAccountRevenue").size());

        Scenario base = ScenarioReader.read(f.scenario, overrides("simulation.paths=400"));
        double ps = Simulator.run(base, TargetPlanner.plan(base), plan.coverage(), SimulationOptions.of(base.simulation()))
                .hitProbability(Metric.KEY_ACCOUNT_REVENUE.code(), year);
        JsonNode start = r.get("start");
        assertEquals(ps, start.get("goalProbability").asDouble(), 0.0);
        // the paired mean of the difference is the difference of the two fractions, to rounding
        assertEquals(p - ps, start.get("difference").asDouble(), 1e-12);
        assertTrue(start.get("difference").asDouble() < 0, "more churn must lower P(goal): " + start);
        assertTrue(start.get("crn").isNull(), "same seed, same paths, same accounts: " + start);
    }

    @Test
    void badKeysAndValuesAreRefusedWithTheMessagesOfSet() {
        for (String[] c : new String[][] {
                {"{\"set\": {\"simulation.churn.covered\": 2}}", "simulation.churn.covered=2"},
                {"{\"set\": {\"simulation.chrun.covered\": 0.1}}", "simulation.chrun.covered=0.1"},
                {"{\"set\": {\"strategy.path\": \"zigzag\"}}", "strategy.path=zigzag"},
                {"{\"paths\": \"many\"}", "simulation.paths=many"},
                {"{\"paths\": 0}", "simulation.paths=0"}}) {
            ServeFixture.Reply r = f.post("/api/simulate", c[0]);
            assertEquals(400, r.status(), c[0] + " → " + r.body());
            List<String> expected = new ArrayList<>();
            for (Problem p : ScenarioReader.validate(f.scenario, overrides(c[1])).problems().all()) {
                if (p.severity() == Problem.Severity.ERROR) expected.add(p.toString());
            }
            assertFalse(expected.isEmpty(), "the reader must refuse " + c[1]);
            assertEquals(expected.get(0), r.json().get("error").asText());
            assertTrue(expected.get(0).startsWith("--set: "), expected.get(0));
        }
        ServeFixture.Reply files = f.post("/api/simulate", "{\"set\": {\"tables.accounts\": \"/etc/passwd\"}}");
        assertEquals(400, files.status());
        assertTrue(files.json().get("error").asText().contains("names files"), files.body());
        assertEquals(400, f.post("/api/simulate", "{\"set\": {\"a=b\": 1}}").status());
        assertEquals(400, f.post("/api/simulate", "{\"set\": [1, 2]}").status());
        assertEquals(400, f.post("/api/simulate", "{not json").status());
    }

    @Test
    void targetsFollowTheGoals() {
        JsonNode t = f.post("/api/targets", "{\"set\": {\"strategy.goals.keyAccountRevenue\": 50000000, \"strategy.path\": \"linear\"}}").json();
        JsonNode years = t.get("years");
        assertEquals(50_000_000, years.get(years.size() - 1).get("keyAccountRevenue").asDouble(), 1e-6);
        assertEquals("linear", t.get("path").asText());
        assertTrue(t.get("departments").size() >= years.size(), "department targets every year");
        JsonNode plain = f.post("/api/targets", "{}").json();
        assertEquals(40_000_000, plain.get("years").get(years.size() - 1).get("keyAccountRevenue").asDouble(), 1e-6);
    }

    @Test
    void aMoveChangesTheObjectiveByItsOwnValueAndUndoTakesItBack() {
        String tab = "move-test";
        JsonNode plan = f.get("/api/plan", tab).json();
        double before = plan.get("objective").asDouble();
        JsonNode a2 = account(plan, "A2");
        String other = a2.get("lead").asText().equals("S3") ? "S2" : "S3";
        JsonNode m = f.post("/api/plan/move", "{\"account\": \"A2\", \"soldier\": \"" + other + "\"}", tab).json();
        double after = m.get("objective").asDouble();
        assertEquals(after - before, m.get("delta").asDouble(), 1e-6);
        assertEquals(other, m.get("account").get("lead").asText());
        assertEquals(a2.get("value").asDouble() * -1 + m.get("account").get("value").asDouble(), m.get("delta").asDouble(), 1e-6,
                "only A2's own value changes when it keeps its offers and no rule breaks");
        boolean leadValue = false;
        for (JsonNode j : m.get("why")) {
            if (j.get("kind").asText().equals("LeadValue")) {
                leadValue = true;
                assertEquals(other, j.get("fields").get("soldierId").asText());
                assertEquals(m.get("account").get("value").asDouble() * 100, j.get("fields").get("cents").asDouble(), 1e-6);
            }
        }
        assertTrue(leadValue, "the move is justified by the lead's value: " + m.get("why"));
        JsonNode u = f.post("/api/plan/undo", "{}", tab).json();
        assertEquals(before, u.get("objective").asDouble(), 1e-9);
        assertEquals(409, f.post("/api/plan/undo", "{}", tab).status(), "nothing left to undo");

        ServeFixture.Reply bad = f.post("/api/plan/move", "{\"account\": \"A02\", \"soldier\": \"S3\"}", tab);
        assertEquals(400, bad.status());
        assertTrue(bad.json().get("error").asText().contains("did you mean 'A2'"), bad.body());
        ServeFixture.Reply ineligible = f.post("/api/plan/move", "{\"account\": \"A4\", \"soldier\": \"S1\"}", tab);
        assertEquals(400, ineligible.status(), ineligible.body());
        assertEquals(400, f.post("/api/plan/move", "{\"account\": \"A2\", \"soldier\": \"S3\"}").status(),
                "editing needs a tab");
    }

    @Test
    void everyOptionsDeltaIsWhatTheMoveThenDoes() {
        String tab = "options-test";
        JsonNode opts = f.post("/api/plan/options", "{\"account\": \"A3\"}", tab).json().get("options");
        assertTrue(opts.size() >= 2, opts.toString());
        for (JsonNode o : opts) {
            if (o.get("current").asBoolean()) continue;
            double before = f.get("/api/plan", tab).json().get("objective").asDouble();
            String soldier = o.get("soldier").isNull() ? "null" : "\"" + o.get("soldier").asText() + "\"";
            String effort = o.get("effortName").isNull() ? "null" : "\"" + o.get("effortName").asText() + "\"";
            JsonNode m = f.post("/api/plan/move", "{\"account\": \"A3\", \"soldier\": " + soldier + ", \"effort\": " + effort + "}", tab).json();
            assertEquals(o.get("delta").asDouble(), m.get("delta").asDouble(), 1e-6, o.toString());
            assertEquals(before + o.get("delta").asDouble(), m.get("objective").asDouble(), 1e-6);
            f.post("/api/plan/undo", "{}", tab);
        }
    }

    @Test
    void reoptimizingKeepsTheLocksAndAnswersTheContract() {
        String tab = "assign-test";
        JsonNode plan = f.get("/api/plan", tab).json();
        String lead = account(plan, "A2").get("lead").asText();
        String other = lead.equals("S3") ? "S2" : "S3";
        JsonNode r = f.post("/api/assign", "{\"set\": {\"assignment.timeLimit\": \"1s\"}, \"locks\": {\"A2\": \"" + other + "\"}}", tab).json();
        assertTrue(r.get("objective").isNumber(), r.toString());
        // a re-solve with locks proves a bound under the locks (the rest's bound plus the locked decisions' value)
        assertTrue(r.get("bound").isNumber() && r.get("bound").asDouble() >= r.get("objective").asDouble() - 1e-6, r.toString());
        assertTrue(r.get("gapPercent").isNumber() && r.get("gapPercent").asDouble() >= 0, r.toString());
        assertTrue(r.get("moves").isArray());
        assertEquals(other, r.get("locks").get("A2").get("soldier").asText());
        JsonNode after = f.get("/api/plan", tab).json();
        assertEquals(other, account(after, "A2").get("lead").asText());
        assertEquals(r.get("objective").asDouble(), after.get("objective").asDouble(), 1e-9);
        for (JsonNode mv : r.get("moves")) {
            assertNotEquals(mv.get("from").asText(), mv.get("to").asText());
            if (mv.get("account").asText().equals("A2") && !mv.get("value").isNull()) {
                assertTrue(Double.isFinite(mv.get("value").asDouble()));
            }
        }
        JsonNode job = f.get("/api/job", tab).json().get("job");
        assertEquals("assign", job.get("kind").asText());
        assertFalse(job.get("running").asBoolean());

        // the contract's call without a tab works too, and changes no tab
        ServeFixture.Reply plain = f.post("/api/assign", "{\"set\": {\"assignment.timeLimit\": \"1s\"}, \"locks\": {\"A2\": \"" + other + "\"}}");
        assertEquals(200, plain.status(), plain.body());
    }

    @Test
    void aLongReoptimizationShowsProgressAndStopsWithItsBestPlan() throws Exception {
        String tab = "cancel-test";
        CompletableFuture<ServeFixture.Reply> run = CompletableFuture.supplyAsync(
                () -> f.post("/api/assign", "{\"timeLimit\": \"120s\"}", tab));
        JsonNode job = null;
        for (int i = 0; i < 600; i++) {
            job = f.get("/api/job", tab).json().get("job");
            if (job != null && !job.isNull() && job.get("kind").asText().equals("assign") && job.get("running").asBoolean()
                    && job.get("seconds").asDouble() > 0.3) break;
            Thread.sleep(50);
        }
        assertNotNull(job);
        assertEquals(120.0, job.get("limitSeconds").asDouble(), 0.0);
        assertEquals(409, f.post("/api/assign", "{}", tab).status(), "one optimization per tab at a time");
        JsonNode cancelled = f.post("/api/job/cancel", "{}", tab).json().get("job");
        assertTrue(cancelled.get("cancelled").asBoolean());
        ServeFixture.Reply r = run.get(60, TimeUnit.SECONDS);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("cancelled").asBoolean());
        assertTrue(r.json().get("seconds").asDouble() < 120, "stopped before its limit");
        assertEquals(r.json().get("objective").asDouble(), f.get("/api/plan", tab).json().get("objective").asDouble(), 1e-9,
                "the best plan found so far becomes the tab's plan");
    }

    @Test
    void badLocksAreRefusedWithEveryProblem() {
        ServeFixture.Reply r = f.post("/api/assign", "{\"locks\": {\"A02\": \"S3\", \"A4\": \"S1\", \"A1\": \"S9\"}}", "locks-test");
        assertEquals(400, r.status(), r.body());
        String all = r.json().get("problems").toString();
        assertTrue(all.contains("A02: no account has this id (did you mean 'A2'?)"), all);
        assertTrue(all.contains("A4: S1 may not lead it"), all);
        assertTrue(all.contains("no soldier has the id 'S9'"), all);
        ServeFixture.Reply over = f.post("/api/assign", "{\"set\": {\"assignment.baseHours.key\": 900, \"assignment.baseHours.mid\": 900,"
                + " \"assignment.baseHours.small\": 900}, \"locks\": {\"A1\": {\"soldier\": \"S3\", \"effort\": \"intensive\"},"
                + " \"A2\": {\"soldier\": \"S3\", \"effort\": \"intensive\"}}}", "locks-test");
        assertEquals(400, over.status(), over.body());
        assertTrue(over.json().get("error").asText().contains("locks: S3 would lead A1, A2 for 2,700 h a year, more than its 1,200 h"),
                over.body());
    }

    @Test
    void tabsAreIndependentAndSafeAtOnce() throws Exception {
        double start = f.get("/api/plan", "tab-one").json().get("objective").asDouble();
        f.get("/api/plan", "tab-two");
        List<CompletableFuture<Double>> deltas = new ArrayList<>();
        for (String tab : List.of("tab-one", "tab-two")) {
            for (String[] m : new String[][] {{"A2", "S3"}, {"A3", "S2"}, {"A7", "S1"}, {"A2", "S2"}}) {
                deltas.add(CompletableFuture.supplyAsync(() -> f.post("/api/plan/move",
                        "{\"account\": \"" + m[0] + "\", \"soldier\": \"" + m[1] + "\"}", tab).json().get("delta").asDouble()));
            }
        }
        double sumOne = 0;
        double sumTwo = 0;
        for (int i = 0; i < deltas.size(); i++) {
            double d = deltas.get(i).get(60, TimeUnit.SECONDS);
            if (i < 4) sumOne += d;
            else sumTwo += d;
        }
        double one = f.get("/api/plan", "tab-one").json().get("objective").asDouble();
        double two = f.get("/api/plan", "tab-two").json().get("objective").asDouble();
        assertEquals(start + sumOne, one, 1e-6, "tab one's objective is its own moves' deltas");
        assertEquals(start + sumTwo, two, 1e-6, "tab two's objective is its own moves' deltas");
        assertEquals(start, f.get("/api/plan", "tab-three").json().get("objective").asDouble(), 1e-9, "a new tab starts from the optimized plan");
    }

    @Test
    void aNewerSimulationOfTheSameTabCancelsTheOlderOne() throws Exception {
        String tab = "slider-test";
        CompletableFuture<ServeFixture.Reply> slow = CompletableFuture.supplyAsync(
                () -> f.post("/api/simulate", "{\"paths\": 400000}", tab));
        Tab t = f.workspace().tab(tab);
        for (int i = 0; i < 600 && !t.simulating() && !slow.isDone(); i++) Thread.sleep(50);
        assertTrue(t.simulating(), "the long simulation should be running: " + (slow.isDone() ? slow.get().body() : ""));
        ServeFixture.Reply fast = f.post("/api/simulate", "{\"paths\": 200}", tab);
        assertEquals(200, fast.status(), fast.body());
        ServeFixture.Reply old = slow.get(120, TimeUnit.SECONDS);
        assertEquals(409, old.status(), old.body());
        assertTrue(old.json().get("superseded").asBoolean());
        // another tab's simulation is not affected by this tab's
        assertEquals(200, f.post("/api/simulate", "{\"paths\": 200}", "other-tab").status());
    }

    @Test
    void variantsCompareOnCommonRandomNumbers() {
        JsonNode v = f.post("/api/variants", "{\"name\": \"Retention\", \"set\": {\"simulation.churn.covered\": 0.01}}", "cmp-tab").json();
        String id = null;
        for (JsonNode x : v.get("variants")) if (x.get("name").asText().equals("Retention")) id = x.get("id").asText();
        assertNotNull(id, v.toString());
        JsonNode c = f.post("/api/compare", "{\"variants\": [\"start\", \"" + id + "\"], \"paths\": 500}", "cmp-tab").json();
        JsonNode rows = c.get("variants");
        assertEquals(2, rows.size(), c.toString());
        assertTrue(c.get("fullyCommon").asBoolean());
        double p0 = rows.get(0).get("goalProbability").asDouble();
        double p1 = rows.get(1).get("goalProbability").asDouble();
        assertEquals(f.get("/api/summary").json().get("goalProbability").asDouble(), p0, 0.0,
                "the reference is the starting point on the same 500 paths");
        assertEquals(p1 - p0, rows.get(1).get("difference").get("goalProbability").asDouble(), 1e-12);
        for (JsonNode row : rows) {
            assertInterval(row, "goalProbability", "ciLow", "ciHigh");
            assertInterval(row, "baselineGoalProbability", "baselineCiLow", "baselineCiHigh");
            assertInterval(row, "allGoalsProbability", "allGoalsCiLow", "allGoalsCiHigh");
            assertTrue(row.has("baselineMedianYear") && row.has("planMinusBaselineStderr"), row.toString());
        }
        assertTrue(p1 >= p0, "less churn cannot lower P(goal) on the same paths: " + p0 + " → " + p1);
        assertEquals(400, f.post("/api/variants", "{\"name\": \"bad\", \"set\": {\"simulation.churn.covered\": 7}}").status());
        assertEquals(400, f.post("/api/variants/delete", "{\"id\": \"start\"}").status(), "the starting point stays");
    }

    @Test
    void downloadsAreWrittenOutsideTheScenarioFolderAndServedByName() {
        JsonNode d = f.post("/api/downloads", "{\"lang\": \"zh\"}", "dl-tab").json();
        List<String> names = new ArrayList<>();
        for (JsonNode x : d.get("files")) names.add(x.get("name").asText());
        assertEquals("report.html", names.get(0), names.toString());
        assertTrue(names.containsAll(List.of("plan/assignments.csv", "plan/plan.json", "targets/targets.csv",
                "simulation/percentiles.csv", "simulation/targets-hit.csv", "analysis/accounts.csv")), names.toString());
        ServeFixture.Reply csv = f.get(d.get("files").get(1).get("url").asText());
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Disposition").startsWith("attachment"), csv.headers().toString());
        ServeFixture.Reply report = f.get(d.get("files").get(0).get("url").asText());
        assertEquals(200, report.status());
        assertTrue(report.body().contains("<html"), "report.html");
        assertTrue(report.header("Content-Security-Policy").contains("default-src 'none'"));
        assertFalse(report.header("Content-Security-Policy").contains("script-src"), "the report runs no script");
        assertEquals(404, f.get("/download/" + d.get("id").asText() + "/../../scenario.yaml").status());
        assertEquals(404, f.get("/download/nope/report.html").status());
        assertFalse(f.workspace().downloadsRoot().toAbsolutePath().startsWith(f.folder.toAbsolutePath()),
                "written outside the scenario's folder");
    }

    @Test
    void saveAsWritesANewFolderThatReadsBackAndNeverOverwrites() throws Exception {
        Path target = dir.resolve("tiny-whatif");
        String body = "{\"folder\": \"" + target.toString().replace("\\", "\\\\") + "\", \"plan\": true,"
                + " \"set\": {\"simulation.churn.covered\": 0.2, \"strategy.path\": \"linear\"}}";
        ServeFixture.Reply r = f.post("/api/save", body, "save-tab");
        assertEquals(200, r.status(), r.body());
        Scenario saved = ScenarioReader.read(target.resolve("scenario.yaml"));
        assertEquals(0.2, saved.simulation().churnCovered(), 0.0);
        assertEquals("linear", saved.strategy().path());
        assertEquals(1, saved.assignment().timeLimit().toSeconds(), "the command line's --set is saved too");
        assertTrue(Files.isRegularFile(target.resolve("plan.json")));
        assertTrue(Files.readString(target.resolve("scenario.yaml")).contains("extends: ../tiny/scenario.yaml"));
        Map<String, String> savedFiles = ServeFixture.hashes(target);
        ServeFixture.Reply again = f.post("/api/save", body, "save-tab");
        assertEquals(409, again.status(), again.body());
        assertEquals(savedFiles, ServeFixture.hashes(target), "an existing folder is never written");
        Files.createDirectories(dir.resolve("empty-but-there"));
        assertEquals(409, f.post("/api/save", "{\"folder\": \"" + dir.resolve("empty-but-there").toString().replace("\\", "\\\\")
                + "\"}", "save-tab").status());
        assertEquals(400, f.post("/api/save", "{\"folder\": \"" + dir.resolve("no/such/parent/x").toString().replace("\\", "\\\\")
                + "\"}", "save-tab").status());
    }

    @Test
    void messagesComeInBothLanguagesWithTheSameKeys() {
        JsonNode en = f.get("/api/messages?lang=en").json().get("words");
        JsonNode zh = f.get("/api/messages?lang=zh").json().get("words");
        assertEquals(en.size(), zh.size());
        assertEquals("Overview", en.get("serve.nav.overview").asText());
        assertEquals("总览", zh.get("serve.nav.overview").asText());
        assertEquals(400, f.get("/api/messages?lang=fr").status());
    }

    @Test
    void statusReportsTheFirstRun() {
        JsonNode s = f.get("/api/status").json();
        assertEquals("ready", s.get("phase").asText());
        assertEquals(0.03, s.get("assumptions").get("simulation.churn.covered").asDouble(), 0.0);
        assertEquals(404, f.get("/api/nothing").status());
        assertEquals(405, f.post("/api/summary", "{}").status());
    }

    private static JsonNode account(JsonNode plan, String id) {
        for (JsonNode a : plan.get("accounts")) if (a.get("id").asText().equals(id)) return a;
        throw new AssertionError("no account " + id);
    }
}
