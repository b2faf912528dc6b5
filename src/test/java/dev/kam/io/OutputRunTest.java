package dev.kam.io;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing through {@link OutputRun}, with symbolic links and (where links are not allowed) with real folders. */
class OutputRunTest {
    @TempDir
    Path tmp;

    @AfterEach
    void links() {
        System.clearProperty("kam.output.links");
    }

    private Path dir(boolean links) {
        if (!links) System.setProperty("kam.output.links", "false");
        return tmp.resolve("out");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "links {0}")
    @ValueSource(booleans = {true, false})
    void aStageRunReplacesItsOwnFolderAndKeepsTheOthers(boolean links) throws Exception {
        Path out = dir(links);
        assertEquals(List.of(), PublishChild.publish(out, "old"));
        assertEquals(Trees.expected("old"), Trees.outputs(out));
        assertEquals(links, Files.isSymbolicLink(out.resolve("analysis")), "links where the file system has them");

        PublishChild.publish(out, "new");
        assertEquals(Trees.expected("old", "new"), Trees.outputs(out), "targets/ carried over, analysis/ replaced whole");
        assertFalse(Files.exists(out.resolve("analysis/summary.json")), "no file of the old analysis/ remains");
        PublishChild.publish(out, "next");
        assertEquals(Trees.expected("old", "new", "next"), Trees.outputs(out));
        assertEquals(List.of(), Trees.clutter(out));
        assertEquals(List.of(".kam", "analysis", "plan", "report.html", "targets"), names(out));
    }

    @ParameterizedTest(name = "links {0}")
    @ValueSource(booleans = {true, false})
    void filesKamDidNotWriteAreMovedAsideNeverDeleted(boolean links) throws Exception {
        Path out = dir(links);
        PublishChild.publish(out, "old");
        Files.writeString(out.resolve("analysis/NOTES.txt"), "my notes", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("targets/mine.txt"), "mine", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("analysis/accounts.csv"), "edited in Excel", StandardCharsets.UTF_8);

        List<String> notes = PublishChild.publish(out, "new");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("2 entries of " + out + " were not written by kam (or were changed since): "
                + "moved to " + out + "/kam-kept/"), notes.get(0));
        assertTrue(notes.get(0).endsWith("analysis/NOTES.txt, analysis/accounts.csv")
                || notes.get(0).endsWith("analysis/accounts.csv, analysis/NOTES.txt"), notes.get(0));
        assertEquals(1, Trees.copies(out.resolve("kam-kept"), "NOTES.txt", Trees.sha("my notes")));
        assertEquals(1, Trees.copies(out.resolve("kam-kept"), "accounts.csv", Trees.sha("edited in Excel")));
        assertEquals("mine", Files.readString(out.resolve("targets/mine.txt")), "a carried folder keeps the user's file");
        assertEquals(PublishChild.files("new").get("analysis/accounts.csv"), Files.readString(out.resolve("analysis/accounts.csv")));

        PublishChild.publish(out, "old"); // replaces targets/: now mine.txt goes aside too
        assertEquals(1, Trees.copies(out.resolve("kam-kept"), "mine.txt", Trees.sha("mine")));
        assertFalse(Files.exists(out.resolve("targets/mine.txt")));
        assertEquals(List.of(), Trees.clutter(out));
    }

    @ParameterizedTest(name = "links {0}")
    @ValueSource(booleans = {true, false})
    void aFolderFromAnEarlierKamOrTheUserIsMovedAsideWhole(boolean links) throws Exception {
        Path out = dir(links);
        Files.createDirectories(out.resolve("analysis"));
        Files.writeString(out.resolve("analysis/accounts.csv"), "written by kam 0.1");
        Files.writeString(out.resolve("report.html"), "a report of kam 0.1");
        Files.createDirectories(out.resolve("targets"));
        Files.writeString(out.resolve("targets/targets.csv"), "mine");
        List<String> notes = PublishChild.publish(out, "new");
        assertTrue(notes.get(0).contains("were not written by kam"), notes.toString());
        assertEquals(1, Trees.copies(out.resolve("kam-kept"), "accounts.csv", Trees.sha("written by kam 0.1")));
        assertEquals(1, Trees.copies(out.resolve("kam-kept"), "report.html", Trees.sha("a report of kam 0.1")));
        assertEquals("mine", Files.readString(out.resolve("targets/targets.csv")), "a folder this run does not write stays");
        Map<String, String> want = Trees.expected("new");
        want.put("targets/targets.csv", Trees.sha("mine"));
        assertEquals(want, Trees.outputs(out));
    }

    @ParameterizedTest(name = "links {0}")
    @ValueSource(booleans = {true, false})
    void aRunThatIsNotPublishedLeavesTheFolderAsItWas(boolean links) throws Exception {
        Path out = dir(links);
        try (OutputRun run = OutputRun.begin(OutputPlan.of(out, "analysis"), new InputFiles())) {
            Files.createDirectories(run.root().resolve("analysis"));
            Files.writeString(run.root().resolve("analysis/x.csv"), "x");
        }
        assertFalse(Files.exists(out), "a new output folder is removed again");
        PublishChild.publish(out, "old");
        Map<String, String> before = Trees.raw(out);
        try (OutputRun run = OutputRun.begin(OutputPlan.of(out, "analysis"), new InputFiles())) {
            Files.createDirectories(run.root().resolve("analysis"));
            Files.writeString(run.root().resolve("analysis/x.csv"), "x");
        }
        assertEquals(before, Trees.raw(out), "byte for byte, kam's state folder included");
    }

    @Test
    void aWriterOutsideThePlanIsAnError() throws Exception {
        Path out = tmp.resolve("out");
        try (OutputRun run = OutputRun.begin(OutputPlan.of(out, "analysis"), new InputFiles())) {
            Files.createDirectories(run.root().resolve("targets"));
            Files.writeString(run.root().resolve("targets/t.csv"), "t");
            assertThrows(IllegalStateException.class, run::publish);
        }
        assertThrows(IllegalArgumentException.class, () -> OutputPlan.of(out, "mystage"));
        assertThrows(IllegalArgumentException.class, () -> OutputPlan.of(out, "analysis/../x"));
    }

    @Test
    void leftoversOfDeadRunsAreRemovedByMarkerOnly() throws Exception {
        Path out = tmp.resolve("out");
        PublishChild.publish(out, "old");
        Path runs = out.resolve(".kam/runs");
        Path dead = Files.createDirectories(runs.resolve("run-dead/analysis"));
        Files.writeString(dead.resolve("a.csv"), "half written");
        Files.writeString(runs.resolve("run-dead/" + OutputRun.RUN_MARKER), "{}");
        Path foreign = Files.createDirectories(runs.resolve("my-backup"));
        Files.writeString(foreign.resolve("keep.txt"), "not kam's");
        Files.createDirectories(runs.resolve("run-empty"));
        Files.createSymbolicLink(out.resolve(".kam/current.new"), Path.of("runs/run-dead"));

        Map<String, String> view = Trees.outputs(out);
        OutputRun.tidy(out);
        assertEquals(view, Trees.outputs(out), "tidying never changes what is published");
        assertFalse(Files.exists(runs.resolve("run-dead")), "a dead run with its marker is removed");
        assertFalse(Files.exists(runs.resolve("run-empty")), "an empty folder is removed (nothing to lose)");
        assertEquals("not kam's", Files.readString(foreign.resolve("keep.txt")), "a folder without the marker is never touched");
        assertFalse(Files.exists(out.resolve(".kam/current.new"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aLiveRunOfAnotherProcessIsNotCleanedUp() throws Exception {
        Path out = tmp.resolve("out");
        PublishChild.publish(out, "old");
        Process p = ChildJvm.start(HoldRun.class, List.of(), out.toString());
        try {
            assertEquals("open", ChildJvm.firstLine(p, 60), "the child opened its run");
            Path runs = out.resolve(".kam/runs");
            int before;
            try (Stream<Path> s = Files.list(runs)) {
                before = (int) s.count();
            }
            assertEquals(2, before, "the published run and the child's");
            PublishChild.publish(out, "new"); // tidies first: must leave the child's run alone
            try (Stream<Path> s = Files.list(runs)) {
                assertEquals(2, s.count(), "the live run survived another run's clean-up");
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        OutputRun.tidy(out);
        assertEquals(List.of(), Trees.clutter(out), "once dead, it is removed");
        assertEquals(Trees.expected("old", "new"), Trees.outputs(out));
    }

    @Test
    void concurrentStageRunsLoseNoStage() throws Exception {
        Path out = tmp.resolve("out");
        PublishChild.publish(out, "old");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        String[] stages = {"analysis", "targets", "plan", "simulation", "compare", "bench"};
        try {
            for (String stage : stages) {
                done.add(pool.submit(() -> {
                    go.await();
                    try (OutputRun run = OutputRun.begin(OutputPlan.of(out, stage), new InputFiles())) {
                        Files.createDirectories(run.root().resolve(stage));
                        Files.writeString(run.root().resolve(stage + "/" + stage + ".csv"), stage);
                        run.publish();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (String stage : stages) assertEquals(stage, Files.readString(out.resolve(stage + "/" + stage + ".csv")), stage);
        assertEquals(PublishChild.files("old").get("report.html"), Files.readString(out.resolve("report.html")));
        assertEquals(List.of(), Trees.clutter(out));
    }

    @Test
    void aStateFolderKamDidNotMakeIsRefused() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve(".kam"));
        Files.writeString(out.resolve(".kam/notes.txt"), "mine");
        OutputException e = assertThrows(OutputException.class, () -> PublishChild.publish(out, "old"));
        assertEquals("--out " + out + " holds " + out.resolve(".kam") + ", which kam did not make (it has no kam.json); "
                + "move it away", e.getMessage());
        assertEquals("mine", Files.readString(out.resolve(".kam/notes.txt")));
        assertEquals(List.of(".kam"), names(out));
    }

    @Test
    void whenOnlyRemovingTheOldRunFailsTheNewOutputsStayPublished() throws Exception {
        Path out = tmp.resolve("out");
        PublishChild.publish(out, "old");
        Path oldRun = out.resolve(".kam/current").toRealPath();
        Path stuck = oldRun.resolve("analysis/summary.json");
        Path folder = stuck.getParent();
        // a file the old run cannot delete: a read-only folder, or for root an immutable file
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean immutable = false;
        try {
            if (Files.isWritable(folder)) {
                immutable = new ProcessBuilder("chattr", "+i", stuck.toString()).start().waitFor() == 0;
                org.junit.jupiter.api.Assumptions.assumeTrue(immutable, "cannot make an undeletable file here");
            }
            List<String> notes = PublishChild.publish(out, "new");
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("the new outputs are in place, but removing the previous "
                    + "ones failed")), notes.toString());
            assertEquals(Trees.expected("old", "new"), Trees.outputs(out), "published despite the failure");
        } finally {
            if (immutable) new ProcessBuilder("chattr", "-i", stuck.toString()).start().waitFor();
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        OutputRun.tidy(out);
        assertEquals(Trees.expected("old", "new"), Trees.outputs(out));
        assertEquals(List.of(), Trees.clutter(out), "the next run finished the clean-up");
    }

    /** Opens a run in DIR, says "open" and waits to be killed. */
    public static final class HoldRun {
        public static void main(String[] args) throws Exception {
            try (OutputRun run = OutputRun.begin(OutputPlan.of(Path.of(args[0]), "plan"), new InputFiles())) {
                Files.createDirectories(run.root().resolve("plan"));
                System.out.println("open");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }
}
