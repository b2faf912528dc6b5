package dev.kam.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: what a folder shows (path → SHA-256), and what kam may leave in an output folder. */
public final class Trees {
    private Trees() {
    }

    /**
     * Every file under {@code dir} as a reader sees it (symbolic links followed, dangling ones absent),
     * path → SHA-256; the top-level names in {@code skip} are left out.
     */
    public static Map<String, String> view(Path dir, Set<String> skip) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) return out;
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = FileTree.rel(dir, p);
                if (rel.isEmpty()) continue;
                String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
                if (skip.contains(top) || !Files.isRegularFile(p)) continue;
                out.put(rel, sha(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The outputs as a reader sees them: {@link #view} without kam's state folder and moved-aside files. */
    public static Map<String, String> outputs(Path dir) {
        return view(dir, Set.of(OutputPlan.STATE, Kept.FOLDER));
    }

    /** Every file and link under {@code dir}, links not followed (path → SHA-256 of bytes or link text). */
    public static Map<String, String> raw(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try {
            for (String rel : FileTree.files(dir)) out.put(rel, FileTree.hash(FileTree.at(dir, rel)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The expected outputs of variants published in order (later ones replace an earlier one's entries). */
    public static Map<String, String> expected(String... variants) {
        Map<String, String> out = new TreeMap<>();
        for (String v : variants) {
            for (String e : PublishChild.entries(v)) out.keySet().removeIf(k -> OutputRun.under(k, List.of(e)));
            PublishChild.files(v).forEach((k, text) -> out.put(k, sha(text)));
        }
        return out;
    }

    public static String sha(String text) {
        return sha(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String sha(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What is wrong with an output folder after kam tidied it: anything but the published names, kam's
     * state folder and kam-kept at the top; a dangling link; in the state folder anything but the marker,
     * the lock, the published run (and in folders mode the manifest); more than one run folder.
     */
    public static List<String> clutter(Path dir) {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!OutputPlan.NAMES.contains(n) && !n.equals(OutputPlan.STATE) && !n.equals(Kept.FOLDER)) bad.add(n);
                if (Files.isSymbolicLink(p) && !Files.exists(p)) bad.add(n + " (dangling link)");
            }
            Path state = dir.resolve(OutputPlan.STATE);
            if (Files.isDirectory(state)) {
                try (Stream<Path> t = Files.list(state)) {
                    for (Path p : (Iterable<Path>) t::iterator) {
                        String n = p.getFileName().toString();
                        if (!Set.of(OutputRun.STATE_MARKER, OutputRun.LOCK, OutputRun.RUNS, OutputRun.CURRENT,
                                Manifest.FILE).contains(n)) bad.add(".kam/" + n);
                    }
                }
                Path runs = state.resolve(OutputRun.RUNS);
                try (Stream<Path> r = Files.list(runs)) {
                    List<Path> folders = r.toList();
                    boolean links = Files.isSymbolicLink(state.resolve(OutputRun.CURRENT));
                    if (folders.size() > (links ? 1 : 0)) bad.add(".kam/runs holds " + folders.size() + " folders");
                    for (Path f : folders) {
                        if (links && !f.toRealPath().equals(state.resolve(OutputRun.CURRENT).toRealPath())) {
                            bad.add(".kam/runs/" + f.getFileName() + " (not the published run)");
                        }
                        try (Stream<Path> x = Files.list(f)) {
                            for (Path q : (Iterable<Path>) x::iterator) {
                                String n = q.getFileName().toString();
                                if (!OutputPlan.NAMES.contains(n) && !n.equals(OutputRun.RUN_MARKER)
                                        && !n.equals(Manifest.FILE)) bad.add(".kam/runs/" + f.getFileName() + "/" + n);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bad;
    }

    /** Whether a file (not a link) named {@code name} exists anywhere under {@code dir} with these bytes. */
    public static int copies(Path dir, String name, String sha) {
        int n = 0;
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().equals(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && FileTree.hash(p).equals(sha)) n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
