package dev.kam.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of SPEC §11 / issue #15 item 5, tried against a real server with requests a browser or an attacker could send. */
class ServeSecurityTest {
    @TempDir
    static Path dir;
    static ServeFixture f;
    static Map<String, String> before;

    @BeforeAll
    static void start() throws Exception {
        f = ServeFixture.start(dir, ServeFixture.FAST);
        before = ServeFixture.hashes(f.folder);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
        assertEquals(before, ServeFixture.hashes(f.folder), "the scenario's files were written");
    }

    private String host() {
        return "Host: 127.0.0.1:" + f.server.port() + "\r\n";
    }

    private String bearer() {
        return "Authorization: Bearer " + f.server.token() + "\r\n";
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        assertEquals("127.0.0.1", f.server.address().getAddress().getHostAddress());
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (!(a instanceof Inet4Address) || a.isLoopbackAddress()) continue;
                try (Socket s = new Socket()) {
                    assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(a, f.server.port()), 2000),
                            "reachable on " + a);
                }
            }
        }
    }

    @Test
    void everyRequestNeedsTheToken() {
        for (String path : List.of("/", "/index.html", "/app.js", "/assets/echarts-5.3.1.min.js", "/api/summary", "/api/status",
                "/download/b1/report.html", "/no/such/thing")) {
            ServeFixture.Reply r = f.send(HttpRequest.newBuilder(URI.create(f.base() + path)).GET());
            assertEquals(401, r.status(), path);
        }
        assertEquals(401, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/simulate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).status());
        String wrong = f.server.token().substring(1) + "x";
        assertEquals(401, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/status")).header("Authorization", "Bearer " + wrong).GET()).status());
        assertEquals(401, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/status"))
                .header("Cookie", "kam_token_" + f.server.port() + "=" + wrong).GET()).status());
        assertEquals(401, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/status?token=" + wrong)).GET()).status());
        assertEquals(401, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/status"))
                .header("Cookie", "kam_token_1=" + f.server.token()).GET()).status(), "another port's cookie");
    }

    @Test
    void theTokenInTheLinkBecomesAStrictHttpOnlyCookie() {
        ServeFixture.Reply page = f.send(HttpRequest.newBuilder(URI.create(f.server.url())).GET());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"/app.js\""), "the app's page");
        String cookie = page.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.startsWith("kam_token_" + f.server.port() + "=" + f.server.token() + ";"), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(200, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/status")).header("Cookie", "other=1; " + pair).GET()).status());
        assertEquals(200, f.get("/api/status").status(), "Bearer works as well");
    }

    @Test
    void tokensAreRandomAndLong() {
        assertTrue(f.server.token().matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + f.server.token());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) assertTrue(seen.add(Access.create(f.server.port(), new java.security.SecureRandom()).token()));
        assertFalse(seen.contains(f.server.token()));
    }

    @Test
    void theHostHeaderMustNameThisServer() {
        String ok = "GET /api/status HTTP/1.1\r\n" + host() + bearer() + "Connection: close\r\n\r\n";
        assertEquals(200, f.raw(ok));
        assertEquals(200, f.raw("GET /api/status HTTP/1.1\r\nHost: localhost:" + f.server.port() + "\r\n" + bearer()
                + "Connection: close\r\n\r\n"));
        for (String h : List.of("evil.example", "evil.example:" + f.server.port(), "127.0.0.1", "127.0.0.1:1",
                "localhost.evil.example:" + f.server.port())) {
            assertEquals(403, f.raw("GET /api/status HTTP/1.1\r\nHost: " + h + "\r\n" + bearer() + "Connection: close\r\n\r\n"), h);
        }
        assertEquals(403, f.raw("GET /api/status HTTP/1.0\r\n" + bearer() + "\r\n"), "no Host at all");
    }

    @Test
    void postsFromAnotherSitesPageAreRefused() {
        String body = "{}";
        String req = "POST /api/simulate HTTP/1.1\r\n" + host() + bearer() + "Origin: http://evil.example\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        assertEquals(403, f.raw(req));
        assertEquals(415, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/simulate"))
                .header("Authorization", "Bearer " + f.server.token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).status(), "a form post cannot send JSON");
    }

    @Test
    void onlyBundledAssetsAreServed() {
        for (String path : List.of("/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/assets/",
                "/assets/../app.js", "/assets/kam-cjk.ttf/..", "/dev/kam/serve/app.js", "/META-INF/MANIFEST.MF",
                "/index.html/", "//etc/passwd", "/scenario.yaml", "/app.js%00.txt", "/download/", "/download/b1/../../x")) {
            int status = f.raw("GET " + path + " HTTP/1.1\r\n" + host() + bearer() + "Connection: close\r\n\r\n");
            assertTrue(status == 404 || status == 400, path + " → " + status);
        }
        assertEquals(200, f.raw("GET /app.js HTTP/1.1\r\n" + host() + bearer() + "Connection: close\r\n\r\n"));
        assertEquals(200, f.get("/assets/kam-cjk.ttf").status());
        assertEquals(200, f.get("/assets/echarts-5.3.1.min.js").status());
        for (String path : Assets.paths()) assertEquals(200, f.get(path).status(), path);
        assertEquals(405, f.post("/app.js", "{}").status());
    }

    @Test
    void requestBodiesAreLimited() {
        String big = "{\"set\": {\"x\": \"" + "a".repeat(Server.MAX_BODY) + "\"}}";
        assertEquals(413, f.post("/api/simulate", big).status());
        // a chunked body without a length is cut off too
        ServeFixture.Reply chunked = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/simulate"))
                .header("Authorization", "Bearer " + f.server.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));
        assertEquals(413, chunked.status());
        assertEquals(200, f.post("/api/targets", "{}").status(), "a normal body passes");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (ServeFixture.Reply r : List.of(f.get("/"), f.get("/api/status"), f.get("/nothing"), f.post("/api/simulate", "{\"set\": 1}"),
                f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/status")).GET()))) {
            String csp = r.header("Content-Security-Policy");
            assertNotNull(csp, r.status() + " " + r.headers());
            String script = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
            assertEquals("script-src 'self'", script, "no inline or eval'd script: " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("connect-src 'self'"), csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("DENY", r.header("X-Frame-Options"));
            assertEquals("no-referrer", r.header("Referrer-Policy"));
        }
        assertEquals("no-store", f.get("/api/summary").header("Cache-Control"));
        assertEquals("no-store", f.get("/api/status").header("Cache-Control"));
        assertEquals("no-store", f.get("/").header("Cache-Control"), "the page with the token is never cached");
    }

    @Test
    void thePageHasNoInlineScript() throws IOException {
        String html = f.get("/").body();
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        for (org.jsoup.nodes.Element s : doc.select("script")) {
            assertTrue(s.hasAttr("src") && s.data().isBlank(), "inline script: " + s);
            assertTrue(s.attr("src").startsWith("/"), "a script from elsewhere: " + s);
        }
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), "inline handler " + a + " on " + e.tagName());
            }
        }
        for (org.jsoup.nodes.Element l : doc.select("link[href]")) assertTrue(l.attr("href").startsWith("/"), l.toString());
        String js = f.get("/app.js").body();
        assertFalse(js.contains("http://") || js.contains("https://"), "app.js fetches nothing from elsewhere");
        assertFalse(js.contains("innerHTML"), "data is set as text, never as HTML");
        assertFalse(js.contains("eval("), "no eval");
    }

    @Test
    void inputsAreValidatedLikeTheFiles() {
        Set<Integer> bad = Set.of(400);
        for (String[] c : new String[][] {
                {"/api/simulate", "{\"set\": {\"simulation.marketGrowth.sd\": -1}}"},
                {"/api/simulate", "{\"set\": {\"simulation.correlation.market\": 0.8, \"simulation.correlation.industry\": 0.5}}"},
                {"/api/targets", "{\"set\": {\"strategy.goals.keyAccountCount\": 2.5}}"},
                {"/api/assign", "{\"timeLimit\": \"forever\"}"},
                {"/api/assign", "{\"locks\": [\"A1\"]}"},
                {"/api/compare", "{\"variants\": [\"nope\"]}"},
                {"/api/downloads", "{\"lang\": \"fr\"}"},
                {"/api/plan/move", "{\"soldier\": \"S1\"}"},
                {"/api/variants", "{\"name\": \"" + "n".repeat(200) + "\"}"}}) {
            ServeFixture.Reply r = f.post(c[0], c[1], "validation-tab");
            assertTrue(bad.contains(r.status()), c[0] + " " + c[1] + " → " + r.status() + " " + r.body());
            assertFalse(r.json().get("error").asText().isBlank());
        }
        assertEquals(400, f.send(HttpRequest.newBuilder(URI.create(f.base() + "/api/status"))
                .header("Authorization", "Bearer " + f.server.token()).header("X-Kam-Tab", "../../x").GET()).status());
    }
}
