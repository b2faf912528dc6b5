package dev.kam.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which files of an output tree kam wrote, each with the SHA-256 of the bytes it wrote, and which
 * files it carried along without having written them (a user's file in a stage folder). A file is
 * kam's when the manifest lists it as written and its bytes are unchanged; anything else (a new
 * file, a file edited since) is the user's and is never deleted.
 *
 * @param written rel path → SHA-256 of the files kam wrote
 * @param foreign rel path → SHA-256 of the files carried along that kam did not write
 */
record Manifest(Map<String, String> written, Map<String, String> foreign) {
    static final String FILE = "manifest.json";
    static final Manifest EMPTY = new Manifest(Map.of(), Map.of());

    Manifest {
        written = Map.copyOf(written);
        foreign = Map.copyOf(foreign);
    }

    /** Whether the file at {@code rel} with these bytes is one kam wrote. */
    boolean owns(String rel, String sha256) {
        return sha256.equals(written.get(rel));
    }

    /** Reads a manifest; absent or unreadable is {@link #EMPTY} (so nothing counts as kam's). */
    static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) return EMPTY;
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return new Manifest(map(n.path("written")), map(n.path("foreign")));
        } catch (IOException | RuntimeException e) {
            return EMPTY;
        }
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** Writes through a temporary file and a rename, so a reader sees the old manifest or the new one. */
    void write(Path file, Map<String, Object> header) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        doc.put("written", new TreeMap<>(written));
        doc.put("foreign", new TreeMap<>(foreign));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.text(doc), StandardCharsets.UTF_8);
        FileTree.replace(tmp, file);
    }
}
