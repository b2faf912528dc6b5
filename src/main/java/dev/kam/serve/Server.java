package dev.kam.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kam.i18n.Lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * {@code kam serve}'s HTTP server: the JDK's {@code com.sun.net.httpserver} bound to 127.0.0.1 only,
 * answering the bundled pages, the JSON API of docs/serve.md and the generated downloads.
 *
 * <p>Every request passes, in order: the Host check (the request must name 127.0.0.1 or localhost
 * and this port, which defeats DNS rebinding), the token check (401 without it), the Origin check on
 * anything but GET, then exact-match routing (no path reaches the file system, no folder is listed).
 * Request bodies are JSON only (415 otherwise) and at most {@link #MAX_BODY} bytes (413). Every answer
 * carries a Content-Security-Policy without inline script, {@code nosniff}, {@code DENY} framing and
 * no referrer; API answers are never cached.
 *
 * <p>Why the JDK server and not Javalin on Jetty: measured on this project's machine, a minimal Javalin 7
 * server took about 3 s to start (Jetty, servlet and Kotlin classes) against 0.2 s for the JDK's, and adds
 * 7 MB of jars; the app serves one user on loopback, so Jetty's throughput buys nothing, while every
 * security rule above has to be written explicitly either way. Threads: a fixed pool of
 * {@link #THREADS} for requests; heavy work runs on the workspace's own pools.
 */
public final class Server implements AutoCloseable {
    /** Largest request body accepted (bytes). */
    public static final int MAX_BODY = 256 * 1024;
    /** Request threads. */
    static final int THREADS = 16;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /** The report is a document of its own: no script at all. */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern TAB = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final HttpServer http;
    private final ExecutorService pool;
    private final Access access;
    private final Workspace workspace;
    private final Assets assets = new Assets();
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** One API endpoint: reads what it needs from the request, answers a JSON value. */
    @FunctionalInterface
    private interface Route {
        Object answer(Request r);
    }

    /** A request as the routes see it: its tab, query and (for POST) its JSON body. */
    private record Request(Tab tab, String query, JsonNode body) {
        String param(String key) {
            return Access.queryValue(query, key);
        }
    }

    private Server(HttpServer http, Workspace workspace) {
        this.http = http;
        this.workspace = workspace;
        this.access = Access.create(http.getAddress().getPort(), new SecureRandom());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "kam-serve-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        routes();
        http.createContext("/", this::handle);
        http.setExecutor(pool);
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port 0 for a free port
     */
    public static Server start(Workspace workspace, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        Server s = new Server(http, workspace);
        http.start();
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The address the server listens on (always 127.0.0.1). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    public String token() {
        return access.token();
    }

    /** The link to open: {@code http://127.0.0.1:PORT/?token=TOKEN}. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/?token=" + access.token();
    }

    public Workspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
        workspace.close();
    }

    // ------------------------------------------------------------------ routes

    private void get(String path, Route r) {
        routes.put("GET " + path, r);
    }

    private void post(String path, Route r) {
        routes.put("POST " + path, r);
    }

    private void routes() {
        Workspace w = workspace;
        get("/api/status", r -> w.status());
        get("/api/summary", r -> w.summary());
        get("/api/messages", r -> {
            String l = r.param("lang");
            Lang lang = l == null ? Lang.EN : Lang.parse(l);
            if (lang == null) throw ApiException.badInput("lang: must be en or zh, not '" + l + "'");
            return JsonIo.obj("lang", lang == Lang.ZH ? "zh" : "en", "words", Words.of(lang));
        });
        get("/api/overview", r -> w.overview());
        post("/api/targets", r -> w.targets(Inputs.set(r.body())));
        post("/api/simulate", r -> w.simulate(r.tab(), Inputs.set(r.body()), Inputs.text(r.body(), "paths")));
        get("/api/plan", r -> w.plan(r.tab()));
        post("/api/plan/move", r -> w.move(r.tab(), Inputs.required(r.body(), "account"),
                Inputs.text(r.body(), "soldier"), Inputs.text(r.body(), "effort")));
        post("/api/plan/undo", r -> w.undo(r.tab()));
        post("/api/plan/options", r -> w.options(r.tab(), Inputs.required(r.body(), "account")));
        post("/api/plan/reset", r -> w.reset(r.tab()));
        post("/api/assign", r -> w.assign(r.tab(), Inputs.set(r.body()), Inputs.locks(r.body()),
                Inputs.text(r.body(), "timeLimit")));
        get("/api/job", r -> w.job(r.tab()));
        post("/api/job/cancel", r -> w.cancel(r.tab()));
        get("/api/variants", r -> JsonIo.obj("variants", w.variants()));
        post("/api/variants", r -> JsonIo.obj("variants", w.saveVariant(r.tab(), Inputs.required(r.body(), "name"),
                Inputs.set(r.body()), Inputs.flag(r.body(), "optimize"))));
        post("/api/variants/delete", r -> JsonIo.obj("variants", w.deleteVariant(Inputs.required(r.body(), "id"))));
        post("/api/compare", r -> w.compare(r.tab(), Inputs.strings(r.body(), "variants"), Inputs.text(r.body(), "paths")));
        post("/api/downloads", r -> w.downloads(r.tab(), Inputs.set(r.body()), Inputs.lang(r.body())));
        get("/api/save", r -> w.saveSuggestion());
        post("/api/save", r -> w.saveAs(r.tab(), Inputs.set(r.body()), Inputs.required(r.body(), "folder"),
                Inputs.flag(r.body(), "plan")));
    }

    // ------------------------------------------------------------------ handling

    private void handle(HttpExchange ex) {
        try (ex) {
            secure(ex.getResponseHeaders(), CSP);
            Headers h = ex.getRequestHeaders();
            if (!access.hostAllowed(h.getFirst("Host"))) {
                plain(ex, 403, "kam serve answers only requests addressed to 127.0.0.1:" + port() + " or localhost:" + port());
                return;
            }
            URI uri = ex.getRequestURI();
            Access.Proof proof = access.check(uri.getRawQuery(), list(h, "Cookie"), list(h, "Authorization"));
            if (proof == Access.Proof.NONE) {
                plain(ex, 401, "kam serve needs its token: open the link that 'kam serve' printed "
                        + "(http://127.0.0.1:" + port() + "/?token=...), or send Authorization: Bearer TOKEN");
                return;
            }
            if (proof == Access.Proof.QUERY) ex.getResponseHeaders().add("Set-Cookie", access.setCookie());
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !access.originAllowed(h.getFirst("Origin"))) {
                plain(ex, 403, "kam serve refuses requests sent from another site's page (Origin " + h.getFirst("Origin") + ")");
                return;
            }
            String path = uri.getRawPath();
            if (path.startsWith("/api/")) api(ex, method, path, uri.getRawQuery());
            else if (path.startsWith("/download/")) download(ex, method, path);
            else asset(ex, method, path);
        } catch (IOException e) {
            // the browser went away; nothing to answer
        } catch (RuntimeException e) {
            System.err.println("kam serve: internal error: " + e);
        }
    }

    private void api(HttpExchange ex, String method, String path, String query) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        try {
            Route route = routes.get(method + " " + path);
            if (route == null) {
                boolean other = routes.containsKey("GET " + path) || routes.containsKey("POST " + path);
                if (other) {
                    ex.getResponseHeaders().set("Allow", routes.containsKey("GET " + path) ? "GET" : "POST");
                    throw new ApiException(405, method + " is not allowed on " + path);
                }
                throw new ApiException(404, "no such API endpoint: " + path);
            }
            JsonNode body = JsonIo.MAPPER.createObjectNode();
            if (method.equals("POST")) body = JsonIo.parse(body(ex));
            if (!body.isObject()) throw ApiException.badInput("the request body must be a JSON object");
            String tabId = ex.getRequestHeaders().getFirst("X-Kam-Tab");
            if (tabId != null && !TAB.matcher(tabId).matches()) {
                throw ApiException.badInput("X-Kam-Tab: must be 1–64 letters, digits, '-' or '_'");
            }
            Object answer = route.answer(new Request(workspace.tab(tabId), query, body));
            json(ex, 200, answer);
        } catch (ApiException e) {
            json(ex, e.status(), JsonIo.obj("error", e.getMessage(), "problems", e.problems(),
                    "superseded", e.status() == 409 && e.getMessage().contains("newer simulation")));
        } catch (RuntimeException e) {
            System.err.println("kam serve: internal error on " + method + " " + path + ": " + e);
            json(ex, 500, JsonIo.obj("error", "internal error: " + e, "problems", List.of()));
        }
    }

    /** The request body, refused with 415 when not JSON and 413 when larger than {@link #MAX_BODY}. */
    private static byte[] body(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send the request body as JSON (Content-Type: application/json)");
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY) {
                    drain(ex);
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiException.badInput("Content-Length: '" + length + "' is not a number");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                drain(ex);
                throw tooLarge();
            }
            return b;
        }
    }

    /** Most a refused body is read (and thrown away) so its client gets the 413 instead of a reset connection. */
    static final long MAX_DRAIN = 16L * MAX_BODY;

    /**
     * Reads and discards what is left of a refused body, up to {@link #MAX_DRAIN}: a client still sending when the
     * server answers would otherwise see the connection reset, not the 413. A larger body is cut off.
     */
    private static void drain(HttpExchange ex) {
        try {
            InputStream in = ex.getRequestBody();
            long left = MAX_DRAIN;
            byte[] buf = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) left -= n;
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "the request body is larger than " + MAX_BODY + " bytes, the limit of kam serve");
    }

    private void asset(HttpExchange ex, String method, String path) throws IOException {
        Assets.Asset a = assets.get(path);
        if (a == null) {
            plain(ex, 404, "not found: " + path);
            return;
        }
        if (!method.equals("GET")) {
            ex.getResponseHeaders().set("Allow", "GET");
            plain(ex, 405, method + " is not allowed on " + path);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", a.type());
        ex.getResponseHeaders().set("Cache-Control", a.cache());
        send(ex, 200, a.bytes());
    }

    private void download(HttpExchange ex, String method, String path) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        String rest = path.substring("/download/".length());
        int slash = rest.indexOf('/');
        Path file = slash < 0 ? null : workspace.download(rest.substring(0, slash), rest.substring(slash + 1));
        if (file == null || !method.equals("GET")) {
            plain(ex, file == null ? 404 : 405, file == null ? "not found: " + path : method + " is not allowed here");
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "text/plain; charset=utf-8";
        };
        ex.getResponseHeaders().set("Content-Type", type);
        if (ext.equals("html")) {
            ex.getResponseHeaders().set("Content-Security-Policy", REPORT_CSP);
        } else {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
        }
        send(ex, 200, Files.readAllBytes(file));
    }

    // ------------------------------------------------------------------ answers

    private static void secure(Headers out, String csp) {
        out.set("Content-Security-Policy", csp);
        out.set("X-Content-Type-Options", "nosniff");
        out.set("X-Frame-Options", "DENY");
        out.set("Referrer-Policy", "no-referrer");
        out.set("Cross-Origin-Opener-Policy", "same-origin");
        out.set("Cross-Origin-Resource-Policy", "same-origin");
        out.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    }

    private static void json(HttpExchange ex, int status, Object value) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, JsonIo.bytes(value));
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static List<String> list(Headers h, String name) {
        List<String> v = h.get(name);
        return v == null ? List.of() : new ArrayList<>(v);
    }
}
