package dev.kam.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One run's outputs, published all at once. A command opens a run with {@link #begin} (which checks
 * its {@link OutputPlan} against every input first), lets the stage writers write under
 * {@link #root()}, and calls {@link #publish()}; {@link #close()} drops whatever was not published.
 *
 * <p>Layout of an output folder {@code DIR}:
 * <pre>
 * DIR/analysis     -&gt; .kam/current/analysis      (one symbolic link per published name)
 * DIR/report.html  -&gt; .kam/current/report.html
 * DIR/.kam/kam.json                 marks the folder as kam's; records the mode
 * DIR/.kam/current -&gt; runs/ID        the published run: switched by one atomic rename
 * DIR/.kam/runs/ID/kam-run.lock     marks a run folder as kam's; locked while its process lives
 * DIR/.kam/runs/ID/manifest.json    every file of the run with the SHA-256 kam wrote
 * </pre>
 * A run writes into a new {@code runs/ID}; publishing links the other stages' current files into it
 * (hard links, or copies where the file system has none), then renames a new {@code current} link over
 * the old one. Whatever moment the process dies, {@code DIR/...} shows the old run or the new one,
 * never a mix. Folders a dead run left are removed by the next run, identified by their marker and
 * only when no live process holds its lock.
 *
 * <p>Where symbolic links cannot be made (Windows without the privilege, some network or FAT file
 * systems, or {@code -Dkam.output.links=false}) the stage folders are real folders and a run publishes
 * by renaming each one in, after writing a journal; the next run reads the journal and finishes the
 * interrupted publish first, so the old-or-new guarantee holds from the next kam run on.
 *
 * <p>A file in a folder being replaced that kam did not write (not in the manifest, or changed since)
 * is moved to {@code DIR/kam-kept/STAMP/} and reported in {@link #publish()}'s notes, never deleted.
 */
public final class OutputRun implements AutoCloseable {
    static final String RUNS = "runs";
    static final String CURRENT = "current";
    static final String CURRENT_NEW = "current.new";
    static final String LOCK = "lock";
    static final String STATE_MARKER = "kam.json";
    static final String RUN_MARKER = "kam-run.lock";
    static final String JOURNAL = "journal.json";
    static final String OLD = ".old";
    static final String OLD_MANIFEST = "old-manifest.json";
    static final int FORMAT = 1;

    /** How published outputs appear in DIR. */
    enum Mode {
        /** DIR/NAME are symbolic links into .kam/current: one atomic switch per run. */
        LINKS,
        /** DIR/NAME are real folders renamed into place under a journal (no symbolic links here). */
        FOLDERS
    }

    /** Run folders of live runs in this JVM, which no clean-up may open (closing a channel drops POSIX locks). */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /** File locks are per process, so threads of one JVM also take a lock per state folder. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final OutputPlan plan;
    private final Path dir;
    private final Path state;
    private final Mode mode;
    private final Path run;
    private final List<Path> created;
    private final List<String> notes = new ArrayList<>();
    private FileChannel marker;
    private Kept kept;
    /** The readers' view has switched to this run (links: current renamed; folders: every folder moved in). */
    private boolean committed;
    /** A journal names this run: its folder holds what a recovery needs, so it is never dropped on close. */
    private boolean journaled;
    private boolean published;
    private boolean closed;

    private OutputRun(OutputPlan plan, Path dir, Mode mode, Path run, FileChannel marker, List<Path> created) {
        this.plan = plan;
        this.dir = dir;
        this.state = dir.resolve(OutputPlan.STATE);
        this.mode = mode;
        this.run = run;
        this.marker = marker;
        this.created = created;
    }

    /**
     * Checks the plan against the inputs (refusing with {@link OutputException} before anything is
     * written), finishes or cleans up what dead runs left in the output folder, and opens a private
     * folder for this run's files.
     */
    public static OutputRun begin(OutputPlan plan, InputFiles inputs) {
        plan.check(inputs);
        Path dir = OutputPlan.real(plan.dir());
        List<Path> created = new ArrayList<>();
        try {
            createDirectories(dir, created);
            Path state = dir.resolve(OutputPlan.STATE);
            Mode mode = openState(plan, state, created);
            List<String> notes = new ArrayList<>();
            OutputRun r = locked(state, () -> {
                tidyLocked(dir, state, mode, plan.dir(), notes);
                return newRun(plan, dir, state, mode, created);
            });
            r.notes.addAll(notes);
            return r;
        } catch (IOException | RuntimeException e) {
            removeCreated(created);
            if (e instanceof OutputException oe) throw oe;
            if (e instanceof RuntimeException re && OutputException.ioCause(re) == null) throw re;
            throw OutputException.cannotWrite(plan.dir(), e);
        }
    }

    /** Where the stage writers write: {@code root()/analysis}, {@code root()/report.html}, ... (private until published). */
    public Path root() {
        return run;
    }

    /** Notes for the user: files moved aside, leftovers cleaned (empty when nothing happened). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Makes this run's files the published outputs, all at once; every other published file stays as
     * it was. Returns notes for the user (files moved aside). An I/O failure before the switch leaves
     * the old outputs; after it, the new ones (and the next run tidies).
     */
    public List<String> publish() {
        if (published || closed) throw new IllegalStateException("run already " + (published ? "published" : "closed"));
        kept = new Kept(dir);
        try {
            locked(state, () -> {
                if (mode == Mode.LINKS) publishLinks();
                else publishFolders();
                return null;
            });
            published = true;
        } catch (IOException | RuntimeException e) {
            if (committed) {
                // the new outputs are published; only tidying up failed, and the next run finishes it
                published = true;
                notes.add("the new outputs are in place, but removing the previous ones failed ("
                        + OutputException.describe(e) + "); the next kam run into " + plan.dir() + " finishes it");
            } else if (e instanceof OutputException || e instanceof RuntimeException re && OutputException.ioCause(re) == null) {
                throw (RuntimeException) e;
            } else {
                throw OutputException.cannotWrite(plan.dir(), e, kept.notes(plan.dir()));
            }
        }
        notes.addAll(kept.notes(plan.dir()));
        return notes();
    }

    /** Releases the run; a run not published is deleted, and folders it created are removed when empty. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        releaseMarker();
        LIVE.remove(run);
        if (published || journaled) return; // a journaled run is finished or rolled back by the next run
        try {
            locked(state, () -> {
                CrashPoints.step("drop unpublished run");
                FileTree.deleteTree(run);
                if (mode == Mode.LINKS) removeDanglingLinks(dir, state);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            // the next run removes it (it is marked as kam's and no longer locked)
        }
        removeCreated(created);
    }

    /**
     * Publishes one file under {@code dir} (e.g. {@code bench/gap.csv}) as its own run: checked against
     * {@code inputs}, the rest of the output folder carried over. Returns the notes of {@link #publish()}.
     */
    public static List<String> publishFile(Path dir, String entry, byte[] content, InputFiles inputs) {
        try (OutputRun run = begin(OutputPlan.of(dir, entry), inputs)) {
            Path file = FileTree.at(run.root(), entry);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            List<String> notes = new ArrayList<>(run.notes());
            notes.addAll(run.publish());
            return notes;
        } catch (IOException e) {
            throw OutputException.cannotWrite(dir, e);
        }
    }

    /**
     * Finishes an interrupted publish and removes what dead runs left in {@code dir} (no-op when
     * {@code dir} holds no kam state). Every run does this first; tests and tools may call it alone.
     */
    public static List<String> tidy(Path dir) {
        Path real = OutputPlan.real(dir);
        Path state = real.resolve(OutputPlan.STATE);
        if (!Files.isRegularFile(state.resolve(STATE_MARKER))) return List.of();
        try {
            Mode mode = readMode(state);
            List<String> notes = new ArrayList<>();
            locked(state, () -> {
                tidyLocked(real, state, mode, dir, notes);
                return null;
            });
            return notes;
        } catch (IOException e) {
            throw OutputException.cannotWrite(dir, e);
        }
    }

    // ------------------------------------------------------------------ state folder

    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !FileTree.exists(p); p = p.getParent()) missing.add(0, p);
        for (Path p : missing) {
            CrashPoints.step("create folder " + p.getFileName());
            try {
                Files.createDirectory(p);
                created.add(p);
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by another run
            }
        }
    }

    private static Mode openState(OutputPlan plan, Path state, List<Path> created) throws IOException {
        Path marker = state.resolve(STATE_MARKER);
        if (!FileTree.exists(state)) {
            CrashPoints.step("create state folder");
            try {
                Files.createDirectory(state);
                created.add(state);
            } catch (FileAlreadyExistsException e) {
                // another run made it meanwhile
            }
        }
        if (!Files.isRegularFile(marker)) {
            try (Stream<Path> s = Files.list(state)) {
                boolean adoptable = s.allMatch(p -> {
                    String n = p.getFileName().toString();
                    return n.equals(LOCK) || n.startsWith(STATE_MARKER) || n.startsWith("link-probe-")
                            || n.equals(RUNS) && isEmptyDir(p);
                });
                if (!adoptable) {
                    throw OutputException.refused(plan.option() + " " + plan.dir() + " holds " + state
                            + ", which kam did not make (it has no " + STATE_MARKER + "); move it away");
                }
            }
            Mode mode = linksAllowed(state) ? Mode.LINKS : Mode.FOLDERS;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kam", "state of this output folder: the published run and runs being written; do not edit");
            m.put("format", FORMAT);
            m.put("mode", mode.name().toLowerCase(Locale.ROOT));
            CrashPoints.step("write state marker");
            Path tmp = state.resolve(STATE_MARKER + ".tmp");
            Files.writeString(tmp, Json.text(m), StandardCharsets.UTF_8);
            FileTree.replace(tmp, marker);
        }
        Mode mode = readMode(state);
        Files.createDirectories(state.resolve(RUNS));
        if (mode == Mode.LINKS && Files.isSymbolicLink(state.resolve(CURRENT)) && !linksAllowed(state)) {
            throw OutputException.refused(plan.option() + " " + plan.dir() + " was written with symbolic links, "
                    + "which cannot be made here; give another output folder");
        }
        return mode;
    }

    private static boolean isEmptyDir(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Mode readMode(Path state) throws IOException {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(Files.readString(state.resolve(STATE_MARKER), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read " + state.resolve(STATE_MARKER) + ": " + e.getMessage(), e);
        }
        if (n.path("format").asInt(0) > FORMAT) {
            throw OutputException.refused(state.getParent() + " was written by a newer kam (state format "
                    + n.path("format").asInt() + "); use that version or another output folder");
        }
        return "folders".equals(n.path("mode").asText()) ? Mode.FOLDERS : Mode.LINKS;
    }

    /** Whether symbolic links can be made here (and are not switched off with {@code -Dkam.output.links=false}). */
    static boolean linksAllowed(Path state) {
        if ("false".equalsIgnoreCase(System.getProperty("kam.output.links"))) return false;
        Path probe = state.resolve("link-probe-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000)));
        try {
            Files.createSymbolicLink(probe, Path.of(RUNS));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            // a stray probe link is removed by the next tidy-up
        }
        return true;
    }

    private interface Body<T> {
        T run() throws IOException;
    }

    /** Runs {@code body} holding the state folder's lock (one publish or clean-up at a time, across processes). */
    private static <T> T locked(Path state, Body<T> body) throws IOException {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(state.toAbsolutePath().normalize(), k -> new ReentrantLock());
        jvm.lock();
        try (FileChannel ch = FileChannel.open(state.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return body.run();
        } finally {
            jvm.unlock();
        }
    }

    private static OutputRun newRun(OutputPlan plan, Path dir, Path state, Mode mode, List<Path> created)
            throws IOException {
        Path runs = state.resolve(RUNS);
        Path run;
        do {
            run = runs.resolve("run-" + LocalDateTime.now().format(ID) + "-" + ProcessHandle.current().pid() + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000)));
        } while (FileTree.exists(run));
        CrashPoints.step("create run folder");
        Files.createDirectory(run);
        CrashPoints.step("create run marker");
        FileChannel ch = FileChannel.open(run.resolve(RUN_MARKER), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            if (ch.tryLock() == null) throw new IOException("cannot lock " + run.resolve(RUN_MARKER));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kam", "a run folder made by kam; removed when its process is gone and it is not published");
            m.put("pid", ProcessHandle.current().pid());
            m.put("started", Instant.now().toString());
            m.put("entries", plan.entries());
            ch.write(ByteBuffer.wrap(Json.text(m).getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        LIVE.add(run);
        return new OutputRun(plan, dir, mode, run, ch, created);
    }

    private void releaseMarker() {
        if (marker == null) return;
        try {
            marker.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        marker = null;
    }

    private static void removeCreated(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            Path p = created.get(i);
            try {
                if (p.getFileName().toString().equals(OutputPlan.STATE)) {
                    Path runs = p.resolve(RUNS);
                    if (FileTree.exists(runs) && !isEmptyDir(runs)) return;
                    Files.deleteIfExists(runs);
                    Files.deleteIfExists(p.resolve(STATE_MARKER));
                    Files.deleteIfExists(p.resolve(LOCK));
                }
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // holds something now: it stays
            }
        }
    }

    // ------------------------------------------------------------------ publish with links

    /** The published run folder, or null. */
    private static Path currentRun(Path state) throws IOException {
        Path c = state.resolve(CURRENT);
        if (!Files.isSymbolicLink(c)) return null;
        Path target = state.resolve(Files.readSymbolicLink(c)).normalize();
        return Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && target.getParent().equals(state.resolve(RUNS))
                ? target : null;
    }

    private static Path linkTarget(String top) {
        return Path.of(OutputPlan.STATE, CURRENT, top);
    }

    private static boolean isOurLink(Path p, String top) throws IOException {
        return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).equals(linkTarget(top));
    }

    private void publishLinks() throws IOException {
        Path cur = currentRun(state);
        Manifest curM = cur == null ? Manifest.EMPTY : Manifest.read(cur.resolve(Manifest.FILE));
        List<String> written = written();
        dropTemporaries(run);

        Map<String, String> ours = hashes(run, written);
        List<String> carry = new ArrayList<>();
        Map<String, String> foreign = new HashMap<>();
        if (cur != null) {
            for (String rel : runFiles(cur)) {
                if (under(rel, written)) continue;
                String h = FileTree.hash(FileTree.at(cur, rel));
                carry.add(rel);
                if (curM.owns(rel, h)) ours.put(rel, h);
                else foreign.put(rel, h);
            }
        }
        CrashPoints.step("write manifest");
        new Manifest(ours, foreign).write(run.resolve(Manifest.FILE), header());
        for (String rel : carry) {
            CrashPoints.step("carry " + rel);
            FileTree.linkOrCopy(FileTree.at(cur, rel), FileTree.at(run, rel));
        }
        if (cur != null) {
            for (String rel : runFiles(cur)) {
                if (!under(rel, written)) continue;
                Path f = FileTree.at(cur, rel);
                if (!curM.owns(rel, FileTree.hash(f))) kept.move(f, rel);
            }
        }
        List<String> writtenTops = tops(written);
        for (String top : topsOf(run)) {
            Path link = dir.resolve(top);
            if (isOurLink(link, top)) continue;
            if (FileTree.exists(link)) {
                if (!writtenTops.contains(top)) continue; // a folder of the user's where kam only carries: left alone
                kept.move(link, top);
            }
            CrashPoints.step("link " + top);
            Files.createSymbolicLink(link, linkTarget(top));
        }
        Path next = state.resolve(CURRENT_NEW);
        CrashPoints.step("prepare switch");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, Path.of(RUNS, run.getFileName().toString()));
        CrashPoints.step("switch");
        FileTree.replace(next, state.resolve(CURRENT));
        committed = true;
        if (cur != null) {
            retire(cur, curM, run, kept);
            removeRunFolder(cur);
        }
        removeDanglingLinks(dir, state);
    }

    /**
     * Empties a run folder that is no longer published: each file kam wrote (listed, bytes unchanged)
     * or that the published run holds identically is deleted; anything else is moved to kam-kept.
     * The marker stays: {@link #removeRunFolder} drops it last.
     */
    private static void retire(Path folder, Manifest m, Path reference, Kept kept) throws IOException {
        for (String rel : runFiles(folder)) {
            Path f = FileTree.at(folder, rel);
            String h = FileTree.hash(f);
            if (m.owns(rel, h) || (reference != null && FileTree.sameContent(f, FileTree.at(reference, rel)))) {
                CrashPoints.step("delete " + rel);
                Files.delete(f);
            } else {
                kept.move(f, rel);
            }
        }
    }

    /**
     * Empties the {@code .old} folder of a folders-mode run: the previous stage folders, renamed aside
     * when the new ones went in. Kam's files and copies of what is now published are deleted, the rest kept.
     */
    private static void retireAside(Path run, Manifest oldM, Path dir, Kept kept) throws IOException {
        Path aside = run.resolve(OLD);
        if (!FileTree.exists(aside)) return;
        for (String rel : FileTree.files(aside)) {
            Path file = FileTree.at(aside, rel);
            if (oldM.owns(rel, FileTree.hash(file)) || FileTree.sameContent(file, FileTree.at(dir, rel))) {
                CrashPoints.step("delete old " + rel);
                Files.delete(file);
            } else {
                kept.move(file, rel);
            }
        }
    }

    /**
     * Deletes what is left of a run folder: kam's own bookkeeping and temporary files, empty folders,
     * the marker last. Files kam did not write are never here any more (retire moved them); a folder
     * that still holds something unexpected stays.
     */
    private static void removeRunFolder(Path run) throws IOException {
        CrashPoints.step("delete run folder");
        FileTree.deleteEmptyDirs(run.resolve(OLD));
        for (String top : topsOf(run)) FileTree.deleteEmptyDirs(run.resolve(top));
        try (Stream<Path> s = Files.list(run)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.equals(RUN_MARKER) || OutputPlan.NAMES.contains(n) || n.equals(OLD)) continue;
                FileTree.deleteTree(p); // manifests, temporary files of writers: kam's own
            }
        }
        try (Stream<Path> s = Files.list(run)) {
            if (s.anyMatch(p -> !p.getFileName().toString().equals(RUN_MARKER))) return;
        }
        Files.deleteIfExists(run.resolve(RUN_MARKER));
        Files.deleteIfExists(run);
    }

    private static void removeDanglingLinks(Path dir, Path state) throws IOException {
        for (String top : OutputPlan.NAMES) {
            Path link = dir.resolve(top);
            if (isOurLink(link, top) && !FileTree.exists(state.resolve(CURRENT).resolve(top))) {
                CrashPoints.step("unlink " + top);
                Files.delete(link);
            }
        }
    }

    // ------------------------------------------------------------------ publish with folders

    private void publishFolders() throws IOException {
        recoverJournal(dir, state, kept);
        Path dirManifest = state.resolve(Manifest.FILE);
        Manifest old = Manifest.read(dirManifest);
        List<String> written = written();
        List<String> tops = tops(written);
        dropTemporaries(run);

        Map<String, String> ours = hashes(run, written);
        Map<String, String> foreign = new HashMap<>();
        List<String> carry = new ArrayList<>();
        for (String top : tops) {
            Path t = dir.resolve(top);
            if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) continue;
            for (String r : FileTree.files(t)) {
                String rel = top + "/" + r;
                if (under(rel, written)) continue;
                String h = FileTree.hash(FileTree.at(dir, rel));
                carry.add(rel);
                if (old.owns(rel, h)) ours.put(rel, h);
                else foreign.put(rel, h);
            }
        }
        CrashPoints.step("write manifest");
        Manifest next = new Manifest(ours, foreign);
        next.write(run.resolve(Manifest.FILE), header());
        for (String rel : carry) {
            CrashPoints.step("carry " + rel);
            FileTree.linkOrCopy(FileTree.at(dir, rel), FileTree.at(run, rel));
        }
        for (String top : tops) {
            Path t = dir.resolve(top);
            if (!FileTree.exists(t)) continue;
            if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS) && !written.contains(top)) {
                kept.move(t, top); // a file or link where kam writes a folder
                continue;
            }
            for (String r : FileTree.files(t)) {
                String rel = r.isEmpty() ? top : top + "/" + r;
                if (!under(rel, written)) continue;
                Path f = FileTree.at(dir, rel);
                if (!old.owns(rel, FileTree.hash(f))) kept.move(f, rel);
            }
        }
        CrashPoints.step("write old manifest");
        old.write(run.resolve(OLD_MANIFEST), header());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("run", run.getFileName().toString());
        j.put("tops", tops);
        CrashPoints.step("write journal");
        Path tmp = state.resolve(JOURNAL + ".tmp");
        Files.writeString(tmp, Json.text(j), StandardCharsets.UTF_8);
        FileTree.replace(tmp, state.resolve(JOURNAL));
        journaled = true;
        try {
            swapIn(dir, run, tops);
        } catch (IOException | RuntimeException e) {
            journaled = !rollBack(dir, state, run, tops);
            throw e;
        }
        committed = true;
        finishJournal(dir, state, run, tops, kept);
        journaled = false;
        retireAside(run, Manifest.read(run.resolve(OLD_MANIFEST)), dir, kept);
        releaseMarker();
        removeRunFolder(run);
    }

    /** Renames each new folder into DIR, the old one first moved into the run's .old folder. Idempotent. */
    private static void swapIn(Path dir, Path run, List<String> tops) throws IOException {
        Path aside = run.resolve(OLD);
        for (String top : tops) {
            Path neu = run.resolve(top);
            if (!FileTree.exists(neu)) continue; // already in place
            Path target = dir.resolve(top);
            if (FileTree.exists(target)) {
                Files.createDirectories(aside);
                CrashPoints.step("move old " + top);
                FileTree.move(target, aside.resolve(top));
            }
            CrashPoints.step("move new " + top);
            FileTree.move(neu, target);
        }
    }

    /** After a failed swap in a live run: puts the old folders back and drops the journal; false when it could not. */
    private static boolean rollBack(Path dir, Path state, Path run, List<String> tops) {
        try {
            Path aside = run.resolve(OLD);
            for (int i = tops.size() - 1; i >= 0; i--) {
                String top = tops.get(i);
                Path target = dir.resolve(top);
                Path old = aside.resolve(top);
                if (FileTree.exists(run.resolve(top)) && !FileTree.exists(old)) continue; // not touched yet
                if (FileTree.exists(target) && !FileTree.exists(run.resolve(top))) FileTree.move(target, run.resolve(top));
                if (FileTree.exists(old)) FileTree.move(old, target);
            }
            Files.deleteIfExists(state.resolve(JOURNAL));
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // the journal stays: the next run finishes the publish
        }
    }

    /** Records the new folders in DIR's manifest and drops the journal (the publish is then complete). */
    private static void finishJournal(Path dir, Path state, Path run, List<String> tops, Kept kept) throws IOException {
        Path dirManifest = state.resolve(Manifest.FILE);
        Manifest oldM = FileTree.exists(run.resolve(OLD_MANIFEST)) ? Manifest.read(run.resolve(OLD_MANIFEST))
                : Manifest.read(dirManifest);
        Manifest runM = Manifest.read(run.resolve(Manifest.FILE));
        Map<String, String> w = new HashMap<>();
        Map<String, String> f = new HashMap<>();
        oldM.written().forEach((k, v) -> {
            if (!under(k, tops)) w.put(k, v);
        });
        oldM.foreign().forEach((k, v) -> {
            if (!under(k, tops)) f.put(k, v);
        });
        w.putAll(runM.written());
        f.putAll(runM.foreign());
        CrashPoints.step("write folder manifest");
        new Manifest(w, f).write(dirManifest, Map.of("kam", "files of this output folder kam wrote", "format", FORMAT));
        CrashPoints.step("drop journal");
        Files.deleteIfExists(state.resolve(JOURNAL));
    }

    /** Deletes a run folder that was never published: everything in it is kam's own. */
    private static void retireStaging(Path run) throws IOException {
        CrashPoints.step("delete unpublished run folder");
        FileTree.deleteTree(run);
    }

    /** A journal left by a dead publish: finishes it (each step is idempotent). */
    private static void recoverJournal(Path dir, Path state, Kept kept) throws IOException {
        Path journal = state.resolve(JOURNAL);
        if (!Files.isRegularFile(journal)) return;
        JsonNode j = Json.MAPPER.readTree(Files.readString(journal, StandardCharsets.UTF_8));
        String id = j.path("run").asText("");
        Path run = state.resolve(RUNS).resolve(id);
        List<String> tops = new ArrayList<>();
        j.path("tops").forEach(n -> tops.add(n.asText()));
        if (id.isEmpty() || id.contains("/") || id.contains("\\") || !FileTree.exists(run.resolve(RUN_MARKER))) {
            Files.delete(journal); // nothing to finish: the run folder is gone
            return;
        }
        for (String t : tops) {
            if (!OutputPlan.NAMES.contains(t)) throw new IOException("unexpected name '" + t + "' in " + journal);
        }
        swapIn(dir, run, tops);
        finishJournal(dir, state, run, tops, kept);
        retireAside(run, Manifest.read(run.resolve(OLD_MANIFEST)), dir, kept);
        removeRunFolder(run);
    }

    // ------------------------------------------------------------------ clean-up

    /** Under the state lock: finishes a journal, removes a stray switch link, dead runs and dangling links. */
    private static void tidyLocked(Path dir, Path state, Mode mode, Path shown, List<String> notes) throws IOException {
        Kept kept = new Kept(dir);
        if (mode == Mode.FOLDERS) recoverJournal(dir, state, kept);
        if (Files.isSymbolicLink(state.resolve(CURRENT_NEW))) {
            CrashPoints.step("drop stray switch link");
            Files.delete(state.resolve(CURRENT_NEW));
        }
        Path cur = mode == Mode.LINKS ? currentRun(state) : null;
        Path reference = mode == Mode.LINKS ? cur : dir;
        Path runs = state.resolve(RUNS);
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                s.forEach(folders::add);
            }
        }
        for (Path d : folders) {
            if (d.equals(cur) || LIVE.contains(d) || !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) continue;
            Path mk = d.resolve(RUN_MARKER);
            if (!Files.isRegularFile(mk, LinkOption.NOFOLLOW_LINKS)) {
                if (isEmptyDir(d)) {
                    CrashPoints.step("drop empty run folder");
                    Files.deleteIfExists(d); // a run killed before its marker: nothing in it
                }
                continue; // not kam's: never touched
            }
            FileChannel ch = FileChannel.open(mk, StandardOpenOption.WRITE);
            boolean dead;
            try {
                dead = ch.tryLock() != null;
            } catch (OverlappingFileLockException e) {
                dead = false;
            }
            if (!dead) {
                ch.close();
                continue;
            }
            boolean staging = false;
            try {
                if (mode == Mode.LINKS && FileTree.exists(d.resolve(Manifest.FILE))) {
                    retire(d, Manifest.read(d.resolve(Manifest.FILE)), reference, kept);
                } else if (FileTree.exists(d.resolve(OLD))) {
                    retireAside(d, Manifest.read(d.resolve(OLD_MANIFEST)), dir, kept);
                } else {
                    staging = true;
                }
            } finally {
                ch.close();
            }
            if (staging) retireStaging(d);
            else removeRunFolder(d);
        }
        for (Path p : listOrEmpty(state)) {
            if (p.getFileName().toString().startsWith("link-probe-") && Files.isSymbolicLink(p)) Files.delete(p);
        }
        if (mode == Mode.LINKS) removeDanglingLinks(dir, state);
        notes.addAll(kept.notes(shown));
    }

    // ------------------------------------------------------------------ helpers

    private static List<Path> listOrEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    private Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("kam", "files of this run: written = by kam (SHA-256), foreign = carried along, not kam's");
        h.put("format", FORMAT);
        h.put("run", run.getFileName().toString());
        h.put("published", Instant.now().toString());
        return h;
    }

    /** The plan's entries this run wrote; fails on any file the run wrote outside them. */
    private List<String> written() throws IOException {
        List<String> out = new ArrayList<>();
        for (String e : plan.entries()) if (FileTree.exists(FileTree.at(run, e))) out.add(e);
        for (String rel : runFiles(run)) {
            if (!under(rel, out)) {
                throw new IllegalStateException("a writer made " + rel + " in the output folder, which is not in the "
                        + "command's OutputPlan " + plan.entries() + "; every output goes through the plan");
            }
        }
        return out;
    }

    /** Removes what writers left at the top of this private run folder besides its outputs (temporary folders). */
    private static void dropTemporaries(Path run) throws IOException {
        for (Path p : listOrEmpty(run)) {
            String n = p.getFileName().toString();
            if (OutputPlan.NAMES.contains(n) || n.equals(RUN_MARKER)) continue;
            CrashPoints.step("drop temporary " + n);
            FileTree.deleteTree(p);
        }
    }

    /** Files of a run folder under its published names (not the marker, manifests or temporary folders). */
    private static List<String> runFiles(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        for (String top : topsOf(folder)) {
            for (String r : FileTree.files(folder.resolve(top))) out.add(r.isEmpty() ? top : top + "/" + r);
        }
        return out;
    }

    /** The published names present at the top of a run folder. */
    private static List<String> topsOf(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return out;
        try (Stream<Path> s = Files.list(folder)) {
            s.map(p -> p.getFileName().toString()).filter(OutputPlan.NAMES::contains).sorted().forEach(out::add);
        }
        return out;
    }

    private static List<String> tops(List<String> entries) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            String top = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            if (!out.contains(top)) out.add(top);
        }
        return out;
    }

    static boolean under(String rel, List<String> entries) {
        for (String e : entries) if (rel.equals(e) || rel.startsWith(e + "/")) return true;
        return false;
    }

    private static Map<String, String> hashes(Path root, List<String> entries) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String e : entries) {
            Path p = FileTree.at(root, e);
            for (String r : FileTree.files(p)) {
                String rel = r.isEmpty() ? e : e + "/" + r;
                out.put(rel, FileTree.hash(FileTree.at(root, rel)));
            }
        }
        return out;
    }
}
