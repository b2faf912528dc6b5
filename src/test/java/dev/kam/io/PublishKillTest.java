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
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 during publish: a child JVM publishes a new run over an old one and halts (as SIGKILL would:
 * no shutdown hooks, no finally) just before each step of the transaction in turn; then random real
 * SIGKILLs of a child publishing in a loop. After each kill the output folder must show exactly the
 * old outputs or exactly the new ones, the user's file in it must survive, and after the next run's
 * tidy-up nothing but the outputs and kam's state is left.
 */
class PublishKillTest {
    private static final String NOTES = "my notes, not kam's";

    @TempDir
    Path tmp;

    @AfterEach
    void links() {
        System.clearProperty("kam.output.links");
    }

    private static List<String> props(boolean links, String... more) {
        List<String> p = new ArrayList<>(List.of(more));
        if (!links) p.add("-Dkam.output.links=false");
        return p;
    }

    /** The old run published, with a user's file in its analysis/ folder. */
    private Path oldState(String name, boolean links) throws Exception {
        if (!links) System.setProperty("kam.output.links", "false");
        Path out = tmp.resolve(name);
        PublishChild.publish(out, "old");
        Files.writeString(out.resolve("analysis/NOTES.txt"), NOTES, StandardCharsets.UTF_8);
        return out;
    }

    private static Map<String, String> withoutNotes(Map<String, String> view) {
        Map<String, String> m = new TreeMap<>(view);
        m.remove("analysis/NOTES.txt");
        return m;
    }

    @ParameterizedTest(name = "links {0}")
    @ValueSource(booleans = {true, false})
    void aRunKilledAtAnyStepOfItsPublishLeavesTheOldOutputsOrTheNew(boolean links) throws Exception {
        Map<String, String> old = Trees.expected("old");
        Map<String, String> neu = Trees.expected("old", "new");
        String notes = Trees.sha(NOTES);

        Path probe = oldState("probe", links);
        ChildJvm.Result traced = ChildJvm.run(PublishChild.class, props(links, "-Dkam.test.traceSteps=true"),
                probe.toString(), "new");
        assertEquals(0, traced.code(), traced.out());
        Matcher m = Pattern.compile("kam-step (\\d+) ").matcher(traced.out());
        int steps = 0;
        while (m.find()) steps = Math.max(steps, Integer.parseInt(m.group(1)));
        assertTrue(steps >= 8, "the publish has its steps: " + traced.out());
        assertEquals(neu, withoutNotes(Trees.outputs(probe)));

        // the children run a few at a time; each has its own folder
        List<java.util.concurrent.Future<ChildJvm.Result>> killed = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int k = 1; k <= steps; k++) {
                Path out = oldState("kill-" + k, links);
                List<String> p = props(links, "-Dkam.test.haltAtStep=" + k);
                killed.add(pool.submit(() -> ChildJvm.run(PublishChild.class, p, out.toString(), "new")));
            }
            for (java.util.concurrent.Future<ChildJvm.Result> f : killed) f.get(300, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        int mixedBeforeRepair = 0;
        for (int k = 1; k <= steps; k++) {
            Path out = tmp.resolve("kill-" + k);
            ChildJvm.Result r = killed.get(k - 1).get();
            String at = "killed before step " + k + " of " + steps + " (links " + links + ")\n" + traced.out();
            assertEquals(137, r.code(), at + "\n" + r.out());

            Map<String, String> shown = withoutNotes(Trees.outputs(out));
            boolean consistent = shown.equals(old) || shown.equals(neu);
            if (links) assertTrue(consistent, at + ": shows " + shown.keySet());
            else if (!consistent) mixedBeforeRepair++;
            assertTrue(Trees.copies(out, "NOTES.txt", notes) >= 1, at + ": the user's file is somewhere in " + out);

            OutputRun.tidy(out); // what the next run does first
            Map<String, String> tidied = withoutNotes(Trees.outputs(out));
            assertTrue(tidied.equals(old) || tidied.equals(neu), at + ": after tidying shows " + tidied.keySet());
            // with links the switch is the only change a reader sees: tidying never changes it; without,
            // tidying finishes a publish whose journal was written (old → new)
            if (links) assertEquals(shown, tidied, at + ": tidying changed what was published");
            assertEquals(List.of(), Trees.clutter(out), at);
            Map<String, String> visible = Trees.view(out, java.util.Set.of(OutputPlan.STATE));
            assertTrue(visible.entrySet().stream().anyMatch(e -> e.getKey().endsWith("/NOTES.txt")
                    && e.getValue().equals(notes)), at + ": NOTES.txt in analysis/ or kam-kept/: " + visible.keySet());

            PublishChild.publish(out, "next");
            Map<String, String> next = new TreeMap<>(tidied);
            for (String e : PublishChild.entries("next")) next.keySet().removeIf(key -> OutputRun.under(key, List.of(e)));
            PublishChild.files("next").forEach((key, text) -> next.put(key, Trees.sha(text)));
            assertEquals(next, withoutNotes(Trees.outputs(out)), at + ": the next run");
            assertEquals(List.of(), Trees.clutter(out), at + ": after the next run");
            assertEquals(1, Trees.copies(out.resolve("kam-kept"), "NOTES.txt", notes), at + ": NOTES.txt kept once");
        }
        // without links a kill between two folder renames shows a mix until the next kam run repairs it
        if (links) assertEquals(0, mixedBeforeRepair);
    }

    @Test
    void randomKillsOfAChildPublishingInALoop() throws Exception {
        long seed = 20240611L;
        Random random = new Random(seed);
        Map<String, String> old = Trees.expected("old");
        Map<String, String> neu = Trees.expected("old", "new");
        for (int i = 0; i < 4; i++) {
            Path out = oldState("loop-" + i, true);
            Files.delete(out.resolve("analysis/NOTES.txt"));
            Process p = ChildJvm.start(PublishChild.class, List.of(), out.toString(), "new", "1000000");
            long delay = 400 + random.nextInt(1200);
            Thread.sleep(delay);
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String at = "seed " + seed + ", kill " + i + " after " + delay + " ms";
            Map<String, String> view = Trees.outputs(out);
            assertTrue(view.equals(old) || view.equals(neu), at + ": shows " + view.keySet());
            OutputRun.tidy(out);
            assertEquals(view, Trees.outputs(out), at);
            assertEquals(List.of(), Trees.clutter(out), at);
        }
    }
}
