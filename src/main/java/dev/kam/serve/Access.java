package dev.kam.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Who may talk to the server: requests that name this server as their host (so that a web page on
 * another site cannot reach it by rebinding a DNS name to 127.0.0.1) and carry this run's token, in the
 * query once ({@code ?token=}), then in an HttpOnly, SameSite=Strict cookie, or as
 * {@code Authorization: Bearer TOKEN}. Tokens are compared in constant time.
 */
final class Access {
    /** Random bytes in a token (256 bits). */
    static final int TOKEN_BYTES = 32;

    private final String token;
    private final byte[] tokenBytes;
    private final int port;

    private Access(String token, int port) {
        this.token = token;
        this.tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
        this.port = port;
    }

    /** A fresh random token for a server listening on {@code port}. */
    static Access create(int port, SecureRandom random) {
        byte[] b = new byte[TOKEN_BYTES];
        random.nextBytes(b);
        return new Access(Base64.getUrlEncoder().withoutPadding().encodeToString(b), port);
    }

    String token() {
        return token;
    }

    /** The cookie's name; it carries the port because browsers share cookies between ports of one host. */
    String cookieName() {
        return "kam_token_" + port;
    }

    /** The Set-Cookie value that lets later requests of this browser through. */
    String setCookie() {
        return cookieName() + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** True when the Host header names this server (127.0.0.1 or localhost, this port). */
    boolean hostAllowed(String host) {
        if (host == null) return false;
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port);
    }

    /** True when a request's Origin (sent by browsers on POST and cross-origin requests) is this server or absent. */
    boolean originAllowed(String origin) {
        if (origin == null) return true;
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.equals("http://127.0.0.1:" + port) || o.equals("http://localhost:" + port);
    }

    /** How a request proved it knows the token. */
    enum Proof { NONE, QUERY, COOKIE, BEARER }

    /**
     * Checks the three places a token may be; a wrong token anywhere is as good as none.
     *
     * @param rawQuery      the URL's raw query, may be null
     * @param cookies       every Cookie header, may be empty
     * @param authorization every Authorization header, may be empty
     */
    Proof check(String rawQuery, List<String> cookies, List<String> authorization) {
        for (String a : authorization) {
            String v = a.trim();
            if (v.regionMatches(true, 0, "Bearer ", 0, 7) && matches(v.substring(7).trim())) return Proof.BEARER;
        }
        String name = cookieName();
        for (String header : cookies) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name) && matches(part.substring(eq + 1).trim())) {
                    return Proof.COOKIE;
                }
            }
        }
        String q = queryValue(rawQuery, "token");
        if (q != null && matches(q)) return Proof.QUERY;
        return Proof.NONE;
    }

    /** Constant-time comparison with this run's token (MessageDigest.isEqual does not stop at the first difference). */
    boolean matches(String candidate) {
        if (candidate == null) return false;
        return MessageDigest.isEqual(tokenBytes, candidate.getBytes(StandardCharsets.US_ASCII));
    }

    /** The decoded value of one query parameter, or null. */
    static String queryValue(String rawQuery, String key) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (!k.equals(key)) continue;
            try {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
