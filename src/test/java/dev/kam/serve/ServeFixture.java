package dev.kam.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A real server on an ephemeral port of 127.0.0.1 serving a copy of the tiny scenario (so that tests can
 * check its files are never written), with a short search and few paths, and an HTTP client for it.
 */
final class ServeFixture implements AutoCloseable {
    /** Overrides that keep a test run short: a 1 s search and 500 paths. */
    static final List<String> FAST = List.of("assignment.timeLimit=1s", "simulation.paths=500");
    static final ObjectMapper JSON = new ObjectMapper();

    final Path folder;
    final Path scenario;
    final Server server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServeFixture(Path folder, Path scenario, Server server) {
        this.folder = folder;
        this.scenario = scenario;
        this.server = server;
    }

    /** Copies scenarios/tiny into {@code dir}/tiny and serves it. */
    static ServeFixture start(Path dir, List<String> overrides) throws IOException {
        Path scenario = copyTiny(dir);
        Path folder = scenario.getParent();
        Workspace ws = Workspace.open(scenario, overrides, List.of());
        return new ServeFixture(folder, scenario, Server.start(ws, 0));
    }

    /** Copies scenarios/tiny into {@code dir}/tiny; returns its scenario.yaml. */
    static Path copyTiny(Path dir) throws IOException {
        Path folder = dir.resolve("tiny");
        Files.createDirectories(folder);
        try (Stream<Path> s = Files.list(Path.of("scenarios", "tiny"))) {
            for (Path p : s.toList()) Files.copy(p, folder.resolve(p.getFileName()));
        }
        return folder.resolve("scenario.yaml");
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Workspace workspace() {
        return server.workspace();
    }

    /** An answer: status, headers, body. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + server.token()).GET());
    }

    Reply get(String path, String tab) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + server.token())
                .header("X-Kam-Tab", tab).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply post(String path, String json, String tab) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json").header("X-Kam-Tab", tab)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes as they are (no client normalizes the path or sets the Host) and returns the status line's code. */
    int raw(String request) {
        return rawReply(request).status();
    }

    Reply rawReply(String request) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int sp = text.indexOf(' ');
            int status = Integer.parseInt(text.substring(sp + 1, sp + 4));
            int end = text.indexOf("\r\n\r\n");
            return new Reply(status, Map.of(), end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of every file under a folder, by relative path: equal before and after means nothing was written. */
    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                try {
                    byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                    out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(d));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
