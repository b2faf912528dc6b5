package dev.kam.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One stage's output folder (e.g. {@code out/analysis}), written into a hidden temporary sibling and
 * swapped in by {@link #commit()}: an existing folder is replaced whole or left as it was, never half
 * overwritten. Single files at the output root go through {@link #writeAtomically(Path, byte[])}.
 */
public final class OutputDir implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputDir(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Opens {@code root/stage} for writing; nothing under {@code root/stage} changes until commit. */
    public static OutputDir open(Path root, String stage) {
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempDirectory(root, "." + stage + ".tmp-");
            readable(temp, true);
            return new OutputDir(root.resolve(stage), temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Where to write a file of this stage (inside the temporary folder until commit). */
    public Path file(String name) {
        Path p = temp.resolve(name);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The final folder, valid after commit. */
    public Path target() {
        return target;
    }

    public void writeString(String name, String text) {
        try {
            Files.writeString(file(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the stage folder by what was written (inside a run's private folder: see {@link OutputRun}). */
    public Path commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
                deleteTree(old);
                move(target, old);
            }
            move(temp, target);
            committed = true;
            if (old != null) deleteTree(old);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Drops the temporary folder if the stage was not committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(temp);
            } catch (IOException ignored) {
                // a leftover hidden temp folder is harmless
            }
        }
    }

    /** Writes a file through a temporary sibling and an atomic rename. */
    public static void writeAtomically(Path file, byte[] content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            readable(tmp, false);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(content);
            }
            move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Temporary files are created owner-only; outputs get the usual rwxr-xr-x / rw-r--r-- where POSIX. */
    private static void readable(Path p, boolean dir) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                    dir ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(q);
        }
    }
}
