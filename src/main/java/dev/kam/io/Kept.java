package dev.kam.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where files that kam did not write go when kam replaces the folder they are in:
 * {@code DIR/kam-kept/YYYYMMDD-HHMMSS/<their path under DIR>}. They are moved (a rename on the same
 * file system), never deleted, and the command says so.
 */
final class Kept {
    static final String FOLDER = "kam-kept";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;
    private Path root;
    private final List<String> moved = new ArrayList<>();

    Kept(Path dir) {
        this.dir = dir;
    }

    /** Moves {@code file} (a file, link or whole folder) to the kept folder under {@code rel}. */
    void move(Path file, String rel) throws IOException {
        if (root == null) {
            String stamp = LocalDateTime.now().format(STAMP);
            Path r = dir.resolve(FOLDER).resolve(stamp);
            for (int i = 2; FileTree.exists(r); i++) r = dir.resolve(FOLDER).resolve(stamp + "-" + i);
            root = r;
        }
        Path to = FileTree.at(root, rel);
        for (int i = 2; FileTree.exists(to); i++) to = FileTree.at(root, rel + "." + i);
        Files.createDirectories(to.getParent());
        boolean folder = java.nio.file.Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        CrashPoints.step("keep " + rel);
        FileTree.move(file, to);
        moved.add(folder ? rel + "/" : rel);
    }

    /** One line for the user when anything was moved, else none. */
    List<String> notes(Path shownDir) {
        if (moved.isEmpty()) return List.of();
        Path where = shownDir.resolve(dir.relativize(root));
        if (moved.size() == 1) {
            String rel = moved.get(0);
            return List.of(shownDir + "/" + rel + (rel.endsWith("/") ? " (a folder kam did not make)"
                    : " was not written by kam (or was changed since)") + ": moved to " + where + "/" + rel
                    + " instead of replacing it");
        }
        List<String> shown = moved.size() <= 8 ? moved : moved.subList(0, 8);
        String more = moved.size() > shown.size() ? " and " + (moved.size() - shown.size()) + " more" : "";
        return List.of(moved.size() + " entries of " + shownDir + " were not written by kam (or were changed since): "
                + "moved to " + where + " instead of replacing them: " + String.join(", ", shown) + more);
    }
}
