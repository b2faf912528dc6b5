package dev.kam.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where the bytes of a table file (CSV or workbook) enter kam. Every table, and the
 * workbook a scenario names under {@code workbook:}, is read through {@link #read}: it refuses what
 * is not a readable regular file with a message saying what it is instead (a folder, a symbolic link
 * that loops or points nowhere, a device), refuses files above {@link #MAX_BYTES} from their size
 * before reading, and reads the file once, whole, so that every later step works on one snapshot.
 */
public final class TableFile {
    /** Largest table file accepted, in bytes (32 MiB), CSV or workbook. */
    public static final long MAX_BYTES = 32L << 20;
    /** Links followed when explaining a broken symbolic link (the kernel gives up at 40 too). */
    private static final int MAX_LINKS = 40;

    /** What a file's first bytes say it is. */
    public enum Type {
        /** Anything else: read as CSV text. */
        TEXT,
        /** A zip archive: an .xlsx workbook, or another zip-based format. */
        ZIP,
        /** An OLE2 compound file: an old .xls workbook, or an encrypted .xlsx. */
        OLE2
    }

    private TableFile() {
    }

    /**
     * A table file as opened: its type, and its bytes unless it is a zip (a workbook is read from disk by
     * its reader, so that its size never has to fit in memory twice).
     *
     * @param bytes    the whole file; null for {@link Type#ZIP}
     * @param size     its size in bytes when opened
     * @param modified its last-modified time when opened, to notice a file that changes while it is read
     */
    public record Opened(Path path, String label, Type type, byte[] bytes, long size, FileTime modified) {
        /** Whether the file is still the one opened (same size and modification time). */
        boolean unchanged() {
            try {
                return Files.size(path) == size && Files.getLastModifiedTime(path).equals(modified);
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * Opens a table file: the one method through which every table file and workbook of a scenario is
     * opened. Problems go to {@code problems} under {@code label} (the path as the user wrote it);
     * returns null when the file cannot be used.
     */
    public static Opened open(Path path, String label, Problems problems) {
        problems.inputs().add(path);
        String why = unusable(path);
        if (why != null) {
            problems.error(label, 0, "", why);
            return null;
        }
        try {
            long size = Files.size(path);
            FileTime modified = Files.getLastModifiedTime(path);
            if (size > MAX_BYTES) {
                problems.error(label, 0, "", "file is " + size + " bytes; a table may be at most " + MAX_BYTES
                        + " bytes (32 MiB)");
                return null;
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes(8);
                if (type(head) == Type.ZIP) return new Opened(path, label, Type.ZIP, null, size, modified);
                byte[] rest = in.readNBytes((int) MAX_BYTES + 1 - head.length);
                byte[] bytes = new byte[head.length + rest.length];
                System.arraycopy(head, 0, bytes, 0, head.length);
                System.arraycopy(rest, 0, bytes, head.length, rest.length);
                if (bytes.length > MAX_BYTES) {
                    problems.error(label, 0, "", "file is larger than " + MAX_BYTES + " bytes (32 MiB), the limit for a table");
                    return null;
                }
                return new Opened(path, label, type(bytes), bytes, size, modified);
            }
        } catch (AccessDeniedException e) {
            problems.error(label, 0, "", "cannot read: permission denied");
        } catch (IOException e) {
            problems.error(label, 0, "", "cannot read: " + e.getMessage());
        }
        return null;
    }

    /** Reads a table file whole (through {@link #open}); null when it cannot be used. */
    public static byte[] read(Path path, String label, Problems problems) {
        Opened o = open(path, label, problems);
        if (o == null) return null;
        if (o.bytes() != null) return o.bytes();
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            problems.error(label, 0, "", "cannot read: " + e.getMessage());
            return null;
        }
    }

    /** What the first bytes say the file is. */
    public static Type type(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) return Type.ZIP;
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && bytes[2] == 0x11
                && (bytes[3] & 0xFF) == 0xE0 && (bytes[4] & 0xFF) == 0xA1 && (bytes[5] & 0xFF) == 0xB1
                && bytes[6] == 0x1A && (bytes[7] & 0xFF) == 0xE1) {
            return Type.OLE2;
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && bytes[2] == 0x11
                && (bytes[3] & 0xFF) == 0xE0) {
            return Type.OLE2;
        }
        return Type.TEXT;
    }

    /** Why the path cannot be read as a table, or null when it is a regular file. */
    static String unusable(Path path) {
        if (Files.isRegularFile(path)) return null;
        if (Files.isSymbolicLink(path)) {
            String broken = brokenLink(path);
            if (broken != null) return broken;
        }
        if (Files.isDirectory(path)) return "is not a file";
        if (Files.exists(path)) return "is not a file (a device, pipe or socket); a table must be a regular file";
        return "file not found" + nearby(path);
    }

    /** For a symbolic link that does not lead to a file: where it leads, or that it loops. */
    private static String brokenLink(Path link) {
        Set<Path> seen = new HashSet<>();
        Path at = link.toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!seen.add(at)) return "is a symbolic link that loops (it leads back to " + at.getFileName() + ")";
            if (!Files.isSymbolicLink(at)) {
                if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) return null;
                return "is a symbolic link to " + at + ", which does not exist";
            }
            try {
                Path target = Files.readSymbolicLink(at);
                Path dir = at.getParent() == null ? Path.of("") : at.getParent();
                at = dir.resolve(target).toAbsolutePath().normalize();
            } catch (IOException | UnsupportedOperationException e) {
                return "is a symbolic link that cannot be followed: " + e.getMessage();
            }
        }
        return "is a symbolic link that loops (more than " + MAX_LINKS + " links)";
    }

    /** " (there is accounts.xlsx in the same folder)" when a file of the same name with another extension exists. */
    private static String nearby(Path path) {
        Path name = path.getFileName();
        Path dir = path.toAbsolutePath().getParent();
        if (name == null || dir == null || !Files.isDirectory(dir)) return "";
        String stem = stem(name.toString()).toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            int looked = 0;
            for (Path p : ds) {
                if (++looked > 10_000) break;
                String n = p.getFileName().toString();
                if (!n.equals(name.toString()) && stem(n).toLowerCase(Locale.ROOT).equals(stem) && Files.isRegularFile(p)) {
                    found.add(n);
                }
            }
        } catch (IOException | SecurityException e) {
            return "";
        }
        if (found.isEmpty()) return "";
        found.sort(null);
        return " (there is " + String.join(", ", found) + " in the same folder)";
    }

    private static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
