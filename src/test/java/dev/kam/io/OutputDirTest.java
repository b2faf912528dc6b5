package dev.kam.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDirTest {
    @TempDir
    Path root;

    private List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void nothingChangesUntilCommitThenTheFolderIsReplacedWhole() throws Exception {
        Path old = Files.createDirectories(root.resolve("analysis"));
        Files.writeString(old.resolve("stale.csv"), "old");
        Files.writeString(old.resolve("accounts.csv"), "old");
        try (OutputDir d = OutputDir.open(root, "analysis")) {
            d.writeString("accounts.csv", "new");
            assertEquals("old", Files.readString(old.resolve("accounts.csv")), "untouched before commit");
            assertEquals(d.target(), d.commit());
        }
        assertEquals(List.of("accounts.csv"), names(root.resolve("analysis")), "no stale file survives");
        assertEquals("new", Files.readString(root.resolve("analysis/accounts.csv")));
        assertEquals(List.of("analysis"), names(root), "no temporary or old folder left");
    }

    @Test
    void aFailedStageLeavesTheOldFolderAsItWas() throws Exception {
        Path old = Files.createDirectories(root.resolve("plan"));
        Files.writeString(old.resolve("plan.json"), "{\"old\":true}");
        assertThrows(IllegalStateException.class, () -> {
            try (OutputDir d = OutputDir.open(root, "plan")) {
                d.writeString("plan.json", "{\"half\":");
                throw new IllegalStateException("solver crashed");
            }
        });
        assertEquals("{\"old\":true}", Files.readString(old.resolve("plan.json")));
        assertEquals(List.of("plan"), names(root), "temporary folder dropped");
    }

    @Test
    void writeAtomicallyReplacesAFileAndLeavesNoTemporary() throws Exception {
        Path f = root.resolve("report.html");
        Files.writeString(f, "old");
        OutputDir.writeAtomically(f, "new 报告".getBytes(StandardCharsets.UTF_8));
        assertEquals("new 报告", Files.readString(f));
        assertEquals(List.of("report.html"), names(root));
    }

    @Test
    void outputsAreReadableByOthers() throws Exception {
        try (OutputDir d = OutputDir.open(root, "targets")) {
            d.writeString("targets.csv", "x");
            d.commit();
        }
        OutputDir.writeAtomically(root.resolve("report.html"), new byte[] {1});
        if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertTrue(Files.getPosixFilePermissions(root.resolve("targets")).contains(
                    java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
            assertTrue(Files.getPosixFilePermissions(root.resolve("report.html")).contains(
                    java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
        }
    }
}
