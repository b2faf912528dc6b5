package dev.kam.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** File-system helpers of the output transaction; symbolic links are never followed. */
final class FileTree {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private FileTree() {
    }

    /** Relative paths ({@code /}-separated) of every file and symbolic link under {@code root}, sorted; empty when absent. */
    static List<String> files(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(root, NOFOLLOW)) return out;
        if (!Files.isDirectory(root, NOFOLLOW)) {
            out.add("");
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                out.add(rel(root, file));
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    static String rel(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** {@code root} resolved with a {@code /}-separated relative path. */
    static Path at(Path root, String rel) {
        return rel.isEmpty() ? root : root.resolve(rel.replace('/', root.getFileSystem().getSeparator().charAt(0)));
    }

    /** SHA-256 of a file's bytes, or of a symbolic link's target text (hex). */
    static String hash(Path p) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isSymbolicLink(p)) {
            md.update("link:".getBytes(StandardCharsets.UTF_8));
            md.update(Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
        } else {
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(p)) {
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Whether two paths hold the same bytes (the same file, or equal content); false when either is absent. */
    static boolean sameContent(Path a, Path b) throws IOException {
        if (!Files.exists(a, NOFOLLOW) || !Files.exists(b, NOFOLLOW)) return false;
        if (Files.isSymbolicLink(a) != Files.isSymbolicLink(b)) return false;
        if (!Files.isSymbolicLink(a) && Files.isSameFile(a, b)) return true;
        if (!Files.isSymbolicLink(a) && Files.size(a) != Files.size(b)) return false;
        return hash(a).equals(hash(b));
    }

    /**
     * Puts a copy of {@code from} at {@code to}: a hard link where the file system allows it (instant,
     * no extra space), else a byte copy; a symbolic link is recreated with the same target.
     */
    static void linkOrCopy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.deleteIfExists(to);
        if (Files.isSymbolicLink(from)) {
            Files.createSymbolicLink(to, Files.readSymbolicLink(from));
            return;
        }
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Renames within one file system, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Renames {@code from} to {@code to} replacing a file or symbolic link there (rename(2): atomic on POSIX). */
    static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a tree that holds only kam's own files (a staging folder never published). */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, NOFOLLOW)) return;
        if (!Files.isDirectory(p, NOFOLLOW)) {
            Files.deleteIfExists(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(q);
        }
    }

    /** Removes the empty folders under and including {@code p}, deepest first; a folder that still holds anything stays. */
    static void deleteEmptyDirs(Path p) throws IOException {
        if (!Files.isDirectory(p, NOFOLLOW)) return;
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(p)) {
            s.filter(q -> Files.isDirectory(q, NOFOLLOW)).forEach(dirs::add);
        }
        dirs.sort(Comparator.reverseOrder());
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException | FileAlreadyExistsException | NoSuchFileException e) {
                // holds something: it stays
            }
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p, NOFOLLOW);
    }
}
