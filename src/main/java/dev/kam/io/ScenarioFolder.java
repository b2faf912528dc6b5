package dev.kam.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A scenario folder that kam writes ({@code kam generate --out DIR}, {@code kam init DIR}): written
 * only into a new or empty folder, or over a scenario kam wrote there earlier and nobody changed
 * since; never over a hand-written or edited scenario.
 *
 * <p>Beside the files goes {@code .kam-scenario.json}, listing each file kam wrote with its SHA-256.
 * The folder is written in a hidden sibling {@code .DIR.kam-new-*} and renamed into place; an earlier
 * generated scenario is renamed to {@code .DIR.kam-old-*} and deleted after. Siblings that a killed
 * run left are removed by the next write to the same folder, identified by their marker (and not
 * locked by a live process), never by name alone.
 */
public final class ScenarioFolder {
    /** The marker beside the files of a scenario kam wrote. */
    public static final String MARKER = ".kam-scenario.json";

    private ScenarioFolder() {
    }

    /**
     * Writes {@code files} (name → UTF-8 text) as the folder {@code dir}; refuses with
     * {@link OutputException} (nothing written) when {@code dir} holds anything kam did not write there.
     *
     * @param tool   what writes it, recorded in the marker (e.g. {@code kam generate})
     * @param option how the user named {@code dir}, for messages (e.g. {@code --out})
     */
    public static void write(Path dir, Map<String, String> files, String tool, String option) {
        write(dir, files, null, tool, option);
    }

    /**
     * As {@link #write(Path, Map, String, String)}; {@code derived}, when not null, is called with the
     * private folder holding {@code files} (e.g. to read the scenario just written) and returns more
     * files (name → UTF-8 text) to write beside them.
     */
    public static void write(Path dir, Map<String, String> files, Function<Path, Map<String, String>> derived,
                             String tool, String option) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        Function<Path, Map<String, byte[]>> more = derived == null ? null : folder -> {
            Map<String, byte[]> m = new LinkedHashMap<>();
            derived.apply(folder).forEach((k, v) -> m.put(k, v.getBytes(StandardCharsets.UTF_8)));
            return m;
        };
        writeBytes(dir, bytes, more, tool, option);
    }

    /** As {@link #write} with the files' bytes (e.g. a workbook). */
    public static void writeBytes(Path dir, Map<String, byte[]> files, String tool, String option) {
        writeBytes(dir, files, null, tool, option);
    }

    private static void writeBytes(Path dir, Map<String, byte[]> given, Function<Path, Map<String, byte[]>> derived,
                                   String tool, String option) {
        Map<String, byte[]> files = new LinkedHashMap<>(given);
        checkNames(files);
        Path abs = OutputPlan.real(dir);
        Path parent = abs.getParent();
        if (parent == null) throw OutputException.refused(option + " " + dir + " is a root folder; give a folder inside it");
        String base = abs.getFileName().toString();
        try {
            Files.createDirectories(parent);
            tidy(parent, base);
            problem(dir, abs, option).ifPresent(m -> {
                throw OutputException.refused(m);
            });
            Path tmp = parent.resolve("." + base + ".kam-new-" + random());
            CrashPoints.step("create scenario folder");
            Files.createDirectory(tmp);
            try (FileChannel marker = FileChannel.open(tmp.resolve(MARKER), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                marker.lock();
                marker.write(ByteBuffer.wrap(markerText(files, tool).getBytes(StandardCharsets.UTF_8)));
                marker.force(false);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    CrashPoints.step("write " + f.getKey());
                    Files.write(tmp.resolve(f.getKey()), f.getValue());
                }
                if (derived != null) {
                    Map<String, byte[]> more = derived.apply(tmp);
                    checkNames(more);
                    for (Map.Entry<String, byte[]> f : more.entrySet()) {
                        CrashPoints.step("write " + f.getKey());
                        Files.write(tmp.resolve(f.getKey()), f.getValue());
                    }
                    files.putAll(more);
                    marker.truncate(0);
                    marker.write(ByteBuffer.wrap(markerText(files, tool).getBytes(StandardCharsets.UTF_8)), 0);
                    marker.force(false);
                }
            } // the lock goes before the renames (Windows renames no folder with an open file)
            Path old = null;
            if (FileTree.exists(abs) && !isEmpty(abs)) {
                old = parent.resolve("." + base + ".kam-old-" + random());
                CrashPoints.step("move old scenario aside");
                FileTree.move(abs, old);
            }
            CrashPoints.step("move scenario in");
            if (FileTree.exists(abs)) Files.delete(abs); // an empty folder
            FileTree.move(tmp, abs);
            if (old != null) removeOwn(old, true);
        } catch (IOException e) {
            throw OutputException.cannotWrite(dir, e);
        }
    }

    private static void checkNames(Map<String, byte[]> files) {
        for (String name : files.keySet()) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".") || name.equals(MARKER)) {
                throw new IllegalArgumentException("file name '" + name + "' must be a plain name");
            }
        }
    }

    /** Why kam may not write a scenario into {@code dir}, or empty when it may. */
    static java.util.Optional<String> problem(Path shown, Path dir, String option) throws IOException {
        if (!FileTree.exists(dir)) return java.util.Optional.empty();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.of(option + " " + shown + " is " + (Files.isSymbolicLink(dir) ? "a symbolic link"
                    : "a file") + "; give a new or empty folder");
        }
        if (isEmpty(dir)) return java.util.Optional.empty();
        Map<String, String> listed = listed(dir.resolve(MARKER));
        List<String> foreign = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String n = p.getFileName().toString();
                if (n.equals(MARKER) && listed != null) continue;
                if (listed == null || !listed.containsKey(n) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    foreign.add(n);
                } else if (!listed.get(n).equals(FileTree.hash(p))) {
                    changed.add(n);
                }
            }
        }
        if (!foreign.isEmpty()) {
            return java.util.Optional.of(option + " " + shown + " holds files kam did not write there ("
                    + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                    + (foreign.size() > 5 ? ", ..." : "") + "); give a new or empty folder");
        }
        if (!changed.isEmpty()) {
            return java.util.Optional.of(option + " " + shown + " holds a scenario kam wrote that was changed since ("
                    + String.join(", ", changed) + "); kam does not replace it: give a new or empty folder");
        }
        return java.util.Optional.empty();
    }

    /** Removes siblings {@code .BASE.kam-new-*} / {@code .BASE.kam-old-*} that dead runs left, by their marker. */
    private static void tidy(Path parent, String base) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("." + base + ".kam-new-") || n.startsWith("." + base + ".kam-old-");
            }).forEach(leftovers::add);
        }
        for (Path p : leftovers) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
            Path marker = p.resolve(MARKER);
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                if (isEmpty(p)) Files.deleteIfExists(p); // killed before its marker: nothing in it
                continue;
            }
            boolean dead;
            try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.WRITE)) {
                FileLock l = ch.tryLock();
                dead = l != null;
            } catch (OverlappingFileLockException e) {
                dead = false;
            }
            if (dead) removeOwn(p, p.getFileName().toString().contains(".kam-old-"));
        }
    }

    /**
     * Deletes a folder's files that the marker lists (for an old scenario: only with unchanged bytes),
     * then the marker and the folder; anything else stays where it is.
     */
    private static void removeOwn(Path folder, boolean checkBytes) throws IOException {
        Map<String, String> listed = listed(folder.resolve(MARKER));
        if (listed == null) return;
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s.toList()::iterator) {
                String n = p.getFileName().toString();
                if (!listed.containsKey(n) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (checkBytes && !listed.get(n).equals(FileTree.hash(p))) continue;
                CrashPoints.step("delete " + n);
                Files.delete(p);
            }
        }
        try (Stream<Path> s = Files.list(folder)) {
            if (s.anyMatch(p -> !p.getFileName().toString().equals(MARKER))) return;
        }
        Files.deleteIfExists(folder.resolve(MARKER));
        Files.deleteIfExists(folder);
    }

    /** File name → SHA-256 from a marker, or null when there is none or it is unreadable. */
    private static Map<String, String> listed(Path marker) {
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return null;
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(marker, StandardCharsets.UTF_8));
            if (!n.path("files").isObject()) return null;
            Map<String, String> m = new TreeMap<>();
            n.path("files").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String markerText(Map<String, byte[]> files, String tool) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kam", "this scenario was written by " + tool + "; kam replaces it only while these files are unchanged");
        m.put("tool", tool);
        Map<String, String> h = new TreeMap<>();
        files.forEach((k, v) -> h.put(k, sha256(v)));
        m.put("files", h);
        return Json.text(m);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static String random() {
        return Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }
}
