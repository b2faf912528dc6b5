package dev.kam.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every path a command will write or replace, known before it runs: entries under the output folder
 * ({@code analysis}, {@code report.html}, {@code bench/gap.csv}, ...) and files elsewhere
 * ({@code --export-lp FILE}). {@link #check} compares them with every file the run reads and refuses
 * (exit 2, naming both paths) a write that would replace, delete or overwrite an input or a folder
 * holding one. Paths are compared after resolving symbolic links and {@code ..}, and by file identity
 * (so a case-insensitive file system or a second mount of the same folder does not slip through).
 *
 * @param dir     the output folder ({@code --out DIR})
 * @param option  how the user named it, for messages (e.g. {@code --out})
 * @param entries paths relative to {@code dir}, {@code /}-separated; each starts with one of {@link #NAMES}
 * @param files   single files written outside the output folder
 */
public record OutputPlan(Path dir, String option, List<String> entries, List<ExtraFile> files) {
    /**
     * Every name kam writes at the top of an output folder (SPEC §6); an entry must start with one.
     * A stage or file that later commands add is added here, so it is checked like the others.
     */
    public static final List<String> NAMES = List.of("analysis", "targets", "plan", "simulation", "compare",
            "calibration", "mechanisms", "projects", "pipeline", "bench", "report.html", "plan.xlsx");

    /** kam's own state folder inside an output folder (runs being written, the published one, manifests). */
    public static final String STATE = ".kam";

    /**
     * A file written outside the output folder.
     *
     * @param path      where it goes
     * @param option    how the user named it (e.g. {@code --export-lp})
     * @param signature the first bytes of every file kam writes there: an existing file that does not start
     *                  with them is not kam's and is never overwritten; null to refuse any existing file
     */
    public record ExtraFile(Path path, String option, String signature) {
    }

    public OutputPlan {
        entries = List.copyOf(entries);
        files = List.copyOf(files);
        for (String e : entries) {
            String top = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            if (!NAMES.contains(top) || e.contains("..") || e.contains("\\") || e.endsWith("/")) {
                throw new IllegalArgumentException("output entry '" + e + "' must be one of " + NAMES
                        + " or a path inside one; add new outputs to OutputPlan.NAMES");
            }
        }
    }

    /** The entries a command writes under {@code dir} (named {@code --out} in messages). */
    public static OutputPlan of(Path dir, Collection<String> entries) {
        return new OutputPlan(dir, "--out", List.copyOf(entries), List.of());
    }

    public static OutputPlan of(Path dir, String... entries) {
        return of(dir, Arrays.asList(entries));
    }

    /** This plan and also a file outside the output folder. */
    public OutputPlan withFile(Path path, String option, String signature) {
        List<ExtraFile> f = new ArrayList<>(files);
        f.add(new ExtraFile(path, option, signature));
        return new OutputPlan(dir, option(), entries, f);
    }

    /** The top-level names this plan writes or replaces. */
    public List<String> tops() {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            String top = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            if (!out.contains(top)) out.add(top);
        }
        return out;
    }

    /**
     * Refuses (throws {@link OutputException}, nothing written) when the output folder is a file, when
     * any entry or extra file would replace an input or a folder holding one, when an input lies in kam's
     * state folder outside the published outputs, or when an extra file exists and is not kam's.
     */
    public void check(InputFiles inputs) {
        problem(inputs).ifPresent(m -> {
            throw OutputException.refused(m);
        });
    }

    /** The reason {@link #check} would refuse, or empty. */
    public Optional<String> problem(InputFiles inputs) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of(option + " " + dir + " is a file, not a folder; give a folder");
        }
        Path state = dir.resolve(STATE);
        if (Files.exists(state, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(state, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(option + " " + dir + " holds " + state + ", which is not kam's state folder; move it away");
        }
        List<Path> in = new ArrayList<>();
        for (Path p : inputs.list()) in.add(real(p));
        for (int i = 0; i < in.size(); i++) {
            Path input = inputs.list().get(i);
            for (String e : entries) {
                Path target = FileTree.at(dir, e);
                if (within(in.get(i), target)) {
                    return Optional.of(option + " " + dir + " would replace " + target + ", which "
                            + (sameFile(in.get(i), target) ? "is" : "holds") + " the input file " + input
                            + "; choose another output folder or move the input out of it");
                }
            }
            Path published = state.resolve("current");
            if (within(in.get(i), state) && !within(in.get(i), published)) {
                return Optional.of("the input file " + input + " is inside " + state
                        + ", kam's own state folder, which kam cleans up; move it out");
            }
            for (ExtraFile f : files) {
                if (within(in.get(i), f.path())) {
                    return Optional.of(f.option() + " " + f.path() + " would overwrite the input file " + input
                            + "; choose another file name");
                }
            }
        }
        for (ExtraFile f : files) {
            for (String name : NAMES) {
                Path managed = dir.resolve(name);
                if (within(real(f.path()), managed)) {
                    return Optional.of(f.option() + " " + f.path() + " is inside " + managed
                            + ", which kam replaces on every run; write it outside " + dir);
                }
            }
            if (within(real(f.path()), state)) {
                return Optional.of(f.option() + " " + f.path() + " is inside kam's state folder " + state
                        + "; write it elsewhere");
            }
            if (Files.isDirectory(f.path())) {
                return Optional.of(f.option() + " " + f.path() + " is a folder; give a file name");
            }
            if (Files.exists(f.path(), LinkOption.NOFOLLOW_LINKS) && !startsWith(f.path(), f.signature())) {
                return Optional.of(f.option() + " " + f.path() + " exists and was not written by kam; kam does not "
                        + "overwrite it: delete it or choose a new file name");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(Path file, String signature) {
        if (signature == null || Files.isSymbolicLink(file) || !Files.isRegularFile(file)) return false;
        byte[] want = signature.getBytes(StandardCharsets.UTF_8);
        try (InputStream s = Files.newInputStream(file)) {
            byte[] got = s.readNBytes(want.length);
            return Arrays.equals(got, want);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The path with every symbolic link and {@code ..} resolved as the operating system would: the real
     * path of its longest existing prefix, then the missing names.
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        try {
            return abs.toRealPath();
        } catch (IOException | SecurityException e) {
            Path parent = abs.getParent();
            Path name = abs.getFileName();
            if (parent == null || name == null) return abs.normalize();
            Path rp = real(parent);
            if (name.toString().equals("..")) return rp.getParent() == null ? rp : rp.getParent();
            if (name.toString().equals(".")) return rp;
            return rp.resolve(name);
        }
    }

    /**
     * Whether the real path {@code input} is {@code target} or lies inside it: compared as real paths,
     * and by file identity of every existing folder above the input (a case-insensitive file system
     * spells one folder several ways; a bind mount or hard link gives one file two paths).
     */
    static boolean within(Path input, Path target) {
        Path t = real(target);
        if (input.startsWith(t)) return true;
        if (!Files.exists(t)) return false;
        for (Path a = input; a != null; a = a.getParent()) {
            if (sameFile(a, t)) return true;
        }
        return false;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
