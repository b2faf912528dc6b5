package dev.kam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kam.io.ChildJvm;
import dev.kam.io.Json;
import dev.kam.io.Trees;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands of issue #10 tried as a careful user would: every write that would replace, delete or
 * overwrite a file the run reads is refused with exit 2 and a message naming both paths, and every
 * input file keeps its bytes (the whole scenario folder is hashed before and after).
 */
class OutputSafetyTest {
    static final Path TINY = Path.of("scenarios/tiny");
    static final List<String> TINY_FILES = List.of("scenario.yaml", "accounts.csv", "soldiers.csv", "products.csv",
            "relationships.csv");

    @TempDir
    Path tmp;

    /** A copy of the tiny scenario in {@code dir}, with a NOTES.txt of the user's beside it. */
    static Path tiny(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String f : TINY_FILES) Files.copy(TINY.resolve(f), dir.resolve(f));
        Files.writeString(dir.resolve("NOTES.txt"), "my notes", StandardCharsets.UTF_8);
        return dir.resolve("scenario.yaml");
    }

    static CliRun kam(String... args) {
        return CliRun.of(args);
    }

    static String[] args(String... a) {
        return a;
    }

    @ParameterizedTest(name = "{0} with the scenario in {1}/")
    @CsvSource({"analyze,analysis", "targets,targets", "assign,plan", "simulate,simulation", "compare,compare",
            "plan,analysis", "plan,report.html"})
    void aStageCommandNeverReplacesTheFolderThatHoldsItsScenario(String command, String folder) throws Exception {
        Path dir = tmp.resolve("work");
        Path scenario = tiny(dir.resolve(folder));
        Map<String, String> before = Trees.raw(dir);
        // ./kam analyze analysis/scenario.yaml --out .
        CliRun r = kam(command, scenario.toString(), "--out", dir.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("kam: --out " + dir + " would replace " + dir.resolve(folder) + ", which holds the "
                + "input file " + scenario), r.err());
        assertEquals(before, Trees.raw(dir), "every file as it was, nothing added");
    }

    @Test
    void theSameThroughDotDotAndThroughASymbolicLink() throws Exception {
        Path real = tmp.resolve("real");
        Path scenario = tiny(real.resolve("analysis"));
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), real);
        Map<String, String> before = Trees.raw(real);
        CliRun viaLink = kam("analyze", scenario.toString(), "--out", alias.toString());
        assertEquals(2, viaLink.code());
        assertTrue(viaLink.err().contains("would replace " + alias.resolve("analysis") + ", which holds the input file "
                + scenario), viaLink.err());
        CliRun viaDots = kam("analyze", alias.resolve("analysis/scenario.yaml").toString(), "--out",
                real.resolve("analysis/..").toString());
        assertEquals(2, viaDots.code());
        assertTrue(viaDots.err().contains("would replace"), viaDots.err());
        Path linkedOut = Files.createDirectories(tmp.resolve("out2"));
        Files.createSymbolicLink(linkedOut.resolve("analysis"), real.resolve("analysis"));
        CliRun linkedStage = kam("analyze", scenario.toString(), "--out", linkedOut.toString());
        assertEquals(2, linkedStage.code(), "a stage folder that is a link to the scenario's folder");
        assertEquals(before, Trees.raw(real));
    }

    @Test
    void aHardLinkOfAnInputWhereTheReportGoesIsRefused() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createLink(out.resolve("report.html"), scenario.resolveSibling("accounts.csv"));
        CliRun r = kam("plan", scenario.toString(), "--out", out.toString(), "--paths", "100", "--time-limit", "1s");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("would replace " + out.resolve("report.html") + ", which is the input file "
                + scenario.resolveSibling("accounts.csv")), r.err());
    }

    @Test
    void simulateWithAPlanInsideTheSimulationFolderIsRefusedAndWithOneInPlanItWorks() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path out = tmp.resolve("out");
        assertEquals(0, kam("assign", scenario.toString(), "--time-limit", "1s", "--out", out.toString()).code());
        assertEquals(0, kam("simulate", scenario.toString(), "--paths", "100", "--tornado-paths", "0", "--out",
                out.toString()).code());
        Path mine = out.resolve("simulation/my.json");
        Files.copy(out.resolve("plan/plan.json"), mine);
        byte[] myBytes = Files.readAllBytes(mine);
        CliRun refused = kam("simulate", scenario.toString(), "--plan", mine.toString(), "--out", out.toString(),
                "--paths", "100", "--tornado-paths", "0");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("kam: --out " + out + " would replace " + out.resolve("simulation")
                + ", which holds the input file " + mine), refused.err());
        assertTrue(java.util.Arrays.equals(myBytes, Files.readAllBytes(mine)));

        Path plan = out.resolve("plan/plan.json");
        byte[] planBytes = Files.readAllBytes(plan);
        CliRun ok = kam("simulate", scenario.toString(), "--plan", plan.toString(), "--out", out.toString(),
                "--paths", "100", "--tornado-paths", "0");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(java.util.Arrays.equals(planBytes, Files.readAllBytes(plan)), "the plan read is carried over as it was");
        assertTrue(ok.err().contains("my.json was not written by kam"), "my.json moved aside, said so: " + ok.err());
        assertEquals(1, Trees.copies(out.resolve("kam-kept"), "my.json", Trees.sha(myBytes)));
        assertEquals(List.of(), Trees.clutter(out));
    }

    @Test
    void exportLpNeverOverwritesAnInputOrAFileKamDidNotWrite() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path dir = scenario.getParent();
        Path out = tmp.resolve("out");
        Map<String, String> before = Trees.raw(dir);
        CliRun input = kam("assign", scenario.toString(), "--time-limit", "1s", "--out", out.toString(),
                "--export-lp", dir.resolve("accounts.csv").toString());
        assertEquals(2, input.code());
        assertEquals("kam: --export-lp " + dir.resolve("accounts.csv") + " would overwrite the input file "
                + dir.resolve("accounts.csv") + "; choose another file name" + System.lineSeparator(), input.err());
        CliRun foreign = kam("assign", scenario.toString(), "--time-limit", "1s", "--out", out.toString(),
                "--export-lp", dir.resolve("NOTES.txt").toString());
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("exists and was not written by kam; kam does not overwrite it"), foreign.err());
        CliRun inside = kam("assign", scenario.toString(), "--time-limit", "1s", "--out", out.toString(),
                "--export-lp", out.resolve("plan/model.lp").toString());
        assertEquals(2, inside.code());
        assertTrue(inside.err().contains("is inside " + out.resolve("plan") + ", which kam replaces on every run"), inside.err());
        assertEquals(before, Trees.raw(dir));
        assertFalse(Files.exists(out), "nothing written");

        Path lp = tmp.resolve("model.lp");
        assertEquals(0, kam("assign", scenario.toString(), "--time-limit", "1s", "--out", out.toString(),
                "--export-lp", lp.toString()).code());
        CliRun again = kam("assign", scenario.toString(), "--time-limit", "1s", "--seed", "2", "--out", out.toString(),
                "--export-lp", lp.toString());
        assertEquals(0, again.code(), "an LP file kam wrote is replaced: " + again.err());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(lp)));
        assertEquals(before, Trees.raw(dir));
    }

    @Test
    void aBaseScenarioOrATableInsideAnOutputFolderIsAnInputToo() throws Exception {
        Path dir = tmp.resolve("w");
        Path base = tiny(dir.resolve("out/plan")).resolveSibling("base.yaml");
        Files.move(dir.resolve("out/plan/scenario.yaml"), base);
        Files.writeString(dir.resolve("child.yaml"), "extends: out/plan/base.yaml\nname: Child\n", StandardCharsets.UTF_8);
        Map<String, String> before = Trees.raw(dir);
        CliRun r = kam("plan", dir.resolve("child.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("would replace " + dir.resolve("out/plan") + ", which holds the input file "), r.err());
        assertTrue(r.err().contains("out/plan/base.yaml"), "the extends: base is named first: " + r.err());

        Path t = tmp.resolve("t");
        tiny(t);
        Files.createDirectories(t.resolve("targets"));
        Files.move(t.resolve("accounts.csv"), t.resolve("targets/accounts.csv"));
        Files.writeString(t.resolve("scenario.yaml"), Files.readString(t.resolve("scenario.yaml"))
                .replace("accounts: accounts.csv", "accounts: {file: targets/accounts.csv}"));
        Map<String, String> tBefore = Trees.raw(t);
        CliRun table = kam("targets", t.resolve("scenario.yaml").toString(), "--out", t.toString());
        assertEquals(2, table.code(), table.err());
        assertTrue(table.err().contains("holds the input file " + t.resolve("targets/accounts.csv")), table.err());
        assertEquals(tBefore, Trees.raw(t));
        assertEquals(before, Trees.raw(dir));
    }

    @Test
    void aWorkbookInsideAStageFolderIsAnInputToo() throws Exception {
        Path w = tmp.resolve("wb");
        assertEquals(0, kam("init", "--xlsx", w.resolve("targets").toString()).code());
        Files.move(w.resolve("targets/scenario.yaml"), w.resolve("scenario.yaml"));
        Files.writeString(w.resolve("scenario.yaml"), Files.readString(w.resolve("scenario.yaml"))
                .replace("workbook: tables.xlsx", "workbook: targets/tables.xlsx"));
        Map<String, String> before = Trees.raw(w);
        CliRun r = kam("targets", w.resolve("scenario.yaml").toString(), "--out", w.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("would replace " + w.resolve("targets") + ", which holds the input file "
                + w.resolve("targets/tables.xlsx")), r.err());
        assertEquals(before, Trees.raw(w));
    }

    @Test
    void generateNeverReplacesAHandWrittenOrEditedScenario() throws Exception {
        Path hand = tmp.resolve("hand");
        tiny(hand);
        Map<String, String> before = Trees.raw(hand);
        CliRun r = kam("generate", "--accounts", "20", "--soldiers", "3", "--products", "2", "--out", hand.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("kam: --out " + hand + " holds files kam did not write there (NOTES.txt, "
                + "accounts.csv, products.csv, relationships.csv, scenario.yaml"), r.err());
        assertEquals(before, Trees.raw(hand));

        Path gen = tmp.resolve("gen");
        assertEquals(0, kam("generate", "--accounts", "20", "--soldiers", "3", "--products", "2", "--out", gen.toString()).code());
        assertEquals(0, kam("generate", "--accounts", "25", "--soldiers", "3", "--products", "2", "--out", gen.toString()).code(),
                "an unchanged generated scenario is replaced");
        Files.writeString(gen.resolve("scenario.yaml"), Files.readString(gen.resolve("scenario.yaml")) + "# my edit\n");
        Map<String, String> edited = Trees.raw(gen);
        CliRun again = kam("generate", "--accounts", "20", "--soldiers", "3", "--products", "2", "--out", gen.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("holds a scenario kam wrote that was changed since (scenario.yaml)"), again.err());
        assertEquals(edited, Trees.raw(gen));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("gen", "hand"), s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary siblings");
        }
    }

    @Test
    void timeLimitsBeyondTheRangeAreUsageErrorsNotOverflows() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path out = tmp.resolve("out");
        CliRun flag = kam("assign", scenario.toString(), "--time-limit", "99999999h", "--out", out.toString());
        assertEquals(2, flag.code());
        assertEquals("kam: --time-limit '99999999h' is longer than 7 days: a time limit must be between 1ms and 168h"
                + System.lineSeparator(), flag.err());
        CliRun planFlag = kam("plan", scenario.toString(), "--time-limit", "99999999h", "--out", out.toString());
        assertEquals(2, planFlag.code());
        assertTrue(planFlag.err().contains("--set: assignment.timeLimit: '99999999h' is longer than 7 days"), planFlag.err());
        Files.writeString(scenario, Files.readString(scenario).replace("assignment: {timeLimit: 5s, seed: 1}",
                "assignment: {timeLimit: 99999999h, unimprovedTimeLimit: 169h, seed: 1}"));
        int line = Files.readAllLines(scenario).indexOf("assignment: {timeLimit: 99999999h, unimprovedTimeLimit: 169h, seed: 1}") + 1;
        CliRun yaml = kam("validate", scenario.toString());
        assertEquals(2, yaml.code());
        assertTrue(yaml.err().contains(scenario + ":" + line + ": assignment.timeLimit: '99999999h' is longer than 7 days"),
                yaml.err());
        assertTrue(yaml.err().contains(scenario + ":" + line + ": assignment.unimprovedTimeLimit: '169h' is longer than 7 days"),
                yaml.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void amountsWhoseSumsWouldOverflowAreRefusedAtValidate() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path accounts = scenario.resolveSibling("accounts.csv");
        String csv = Files.readString(accounts);
        Files.writeString(accounts, csv.replace("A1,上海恒达精密制造有限公司,manufacturing,east,9200000,20000000",
                "A1,上海恒达精密制造有限公司,manufacturing,east,1.7e308,1.7e308"));
        CliRun huge = kam("validate", scenario.toString());
        assertEquals(2, huge.code());
        assertTrue(huge.err().contains(accounts + ":2: revenue: (1.7e308) is larger than 1e15 (10^15), the largest "
                + "figure kam computes with"), huge.err());
        Files.writeString(accounts, csv.replace("9200000,20000000", "900000000000000,900000000000000")
                .replace("6100000,9000000", "600000000000000,600000000000000"));
        CliRun sum = kam("validate", scenario.toString());
        assertEquals(2, sum.code());
        assertTrue(sum.err().contains(accounts + ":3: wallet: (600000000000000) brings the accounts' total wallet to "
                + "1.5E15, above 1e15 (10^15)"), sum.err());
        CliRun sd = kam("simulate", scenario.toString(), "--set", "simulation.marketGrowth.sd=1e300");
        assertEquals(2, sd.code());
        assertTrue(sd.err().contains("simulation.marketGrowth.sd: (1.0E300) must be between 0 and 1"), sd.err());
    }

    @Test
    void threadsAndPathsAreCappedLikeTheirKeys() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path out = tmp.resolve("out");
        CliRun threads = kam("simulate", scenario.toString(), "--threads", "100000", "--out", out.toString());
        assertEquals(2, threads.code());
        assertEquals("kam: --threads (100000) must be between 1 and 1024" + System.lineSeparator(), threads.err());
        CliRun yaml = kam("simulate", scenario.toString(), "--set", "simulation.threads=100000", "--out", out.toString());
        assertEquals(2, yaml.code());
        assertTrue(yaml.err().contains("simulation.threads: (100000) must be between 0 and 1024"), yaml.err());
        CliRun bench = kam("bench", "sim", scenario.toString(), "--threads", "5000", "--out", out.toString());
        assertEquals(2, bench.code());
        assertTrue(bench.err().contains("--threads (5000) must be between 1 and 1024"), bench.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void setExtendsIsAppliedOrRefused() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path base = tmp.resolve("base.yaml");
        Files.writeString(base, "strategy:\n  keyAccountThreshold: 3000000\n  bogus: 1\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CliRun read = kam("validate", scenario.toString(), "--set", "extends=" + base);
        assertEquals(2, read.code(), "the base is read: its unknown key is reported");
        assertTrue(read.err().contains(base + ":3: strategy.bogus"), read.err());
        Files.writeString(base, "currency: EUR\nname: From the base\n", StandardCharsets.UTF_8);
        Files.writeString(scenario, Files.readString(scenario).replace("currency: CNY\n", ""));
        CliRun applied = kam("analyze", scenario.toString(), "--set", "extends=" + base, "--out", out.toString());
        assertEquals(0, applied.code(), applied.err());
        assertTrue(applied.out().contains("revenue EUR "), "the base's currency applies: " + applied.out());
        assertTrue(applied.out().startsWith("Analysis of 小型示例 Tiny Example Co."), "the file's own name wins");
        CliRun missing = kam("validate", scenario.toString(), "--set", "extends=" + tmp.resolve("nope.yaml"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--set: extends: '" + tmp.resolve("nope.yaml") + "' not found"), missing.err());
        CliRun nested = kam("validate", scenario.toString(), "--set", "extends.name=x");
        assertEquals(2, nested.code());
        assertTrue(nested.err().contains("extends is the path of the scenario YAML to build on"), nested.err());
    }

    @Test
    void aReadOnlyFolderIsExitTwoWithCannotWrite() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path out = ro.resolve("out");
        try {
            if (!probeFails(out)) { // root ignores permissions: try a file system that refuses new folders
                out = Path.of("/sys/kam-test-" + ProcessHandle.current().pid());
                Assumptions.assumeTrue(probeFails(out), "no folder here refuses writes to this user");
            }
            Map<String, String> before = Trees.raw(scenario.getParent());
            CliRun r = kam("analyze", scenario.toString(), "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("kam: cannot write " + out + ": "), r.err());
            assertFalse(r.err().contains("internal error"), r.err());
            assertEquals(before, Trees.raw(scenario.getParent()));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFullDiskIsExitTwoWithCannotWrite() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path small = Files.createDirectories(tmp.resolve("small"));
        // a 300 KB file system in a private mount namespace (needs root and util-linux; skipped elsewhere)
        String mount = "mount -t tmpfs -o size=300k tmpfs " + small + " && exec \"$@\"";
        List<String> probe = List.of("unshare", "-m", "sh", "-c", mount, "sh", "true");
        boolean possible;
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            possible = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            possible = false;
        }
        Assumptions.assumeTrue(possible, "cannot mount a small file system here");
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", mount, "sh"));
        cmd.addAll(ChildJvm.command(Main.class, List.of(), "analyze", scenario.toString(), "--out",
                small.resolve("out").toString()));
        Map<String, String> before = Trees.raw(scenario.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), printed);
        assertTrue(printed.contains("kam: cannot write " + small.resolve("out") + ": No space left on device"), printed);
        assertFalse(printed.contains("internal error"), printed);
        assertEquals(before, Trees.raw(scenario.getParent()));
    }

    @Test
    void theIssuesOwnCommandLineInTheScenariosFolder() throws Exception {
        Path work = tmp.resolve("work");
        tiny(work.resolve("analysis"));
        Map<String, String> before = Trees.raw(work);
        // cd work && kam analyze analysis/scenario.yaml --out .
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(Main.class, List.of(), "analyze", "analysis/scenario.yaml",
                "--out", ".")).directory(work.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), printed);
        assertEquals("kam: --out . would replace ./analysis, which holds the input file analysis/scenario.yaml; choose "
                + "another output folder or move the input out of it" + System.lineSeparator(), printed);
        assertEquals(before, Trees.raw(work));
    }

    private static boolean probeFails(Path p) {
        try {
            Files.createDirectory(p);
            Files.delete(p);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Test
    void aUsersFileInAStageFolderIsMovedAsideAndReported() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path out = tmp.resolve("out");
        assertEquals(0, kam("analyze", scenario.toString(), "--out", out.toString()).code());
        Files.writeString(out.resolve("analysis/NOTES.txt"), "keep me", StandardCharsets.UTF_8);
        CliRun r = kam("analyze", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("kam: " + out + "/analysis/NOTES.txt was not written by kam (or was changed since): "
                + "moved to " + out + "/kam-kept/"), r.err());
        assertFalse(Files.exists(out.resolve("analysis/NOTES.txt")));
        List<Path> kept;
        try (Stream<Path> s = Files.walk(out.resolve("kam-kept"))) {
            kept = s.filter(p -> p.getFileName().toString().equals("NOTES.txt")).toList();
        }
        assertEquals(1, kept.size());
        assertEquals("keep me", Files.readString(kept.get(0)));
        assertEquals(List.of(), Trees.clutter(out));
    }

    @Test
    void anInterruptedAssignRecordsItInPlanJson() throws Exception {
        Path scenario = tiny(tmp.resolve("s"));
        Path out = tmp.resolve("out");
        List<String> props = new ArrayList<>();
        Path log = tmp.resolve("child.log");
        Process p = ChildJvm.startLogged(log, Main.class, props, "assign", scenario.toString(), "--time-limit", "120s",
                "--out", out.toString());
        String printed;
        try {
            Path runs = out.resolve(".kam/runs");
            for (int i = 0; i < 600 && !(Files.isDirectory(runs) && Files.list(runs).findAny().isPresent()); i++) {
                Thread.sleep(100);
            }
            Thread.sleep(3000); // the search has started
            p.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops the search and waits for the plan
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the child ended");
            printed = Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
        assertTrue(printed.contains("assign: interrupted; writing the best plan found so far"), printed);
        JsonNode plan = Json.MAPPER.readTree(out.resolve("plan/plan.json").toFile());
        assertTrue(plan.path("interrupted").asBoolean(), plan.toString());
        assertTrue(plan.path("interruptedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), plan.toString());
        assertTrue(plan.path("seconds").asDouble() < 100, "stopped early");
        assertEquals(List.of(), Trees.clutter(out));
    }
}
