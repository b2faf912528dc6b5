package dev.kam.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files the pages are made of, all bundled in the jar: a fixed table from URL path to class-path
 * resource. Nothing else is served, so no request path can reach the file system or list a folder.
 */
final class Assets {
    /** ECharts as the webjar ships it (the jar's shade filter keeps this file and the licences only). */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    /** The CJK subset font the charts and reports use, so Chinese renders without a system font. */
    static final String FONT = "/dev/kam/report/fonts/kam-cjk.ttf";

    /** A bundled file: its bytes, media type and cache rule. */
    record Asset(byte[] bytes, String type, String cache) {
    }

    private record Entry(String resource, String type, String cache) {
    }

    private static final String REVALIDATE = "no-cache";
    private static final String VERSIONED = "private, max-age=86400, immutable";

    private static final Map<String, Entry> TABLE = Map.of(
            "/", new Entry("/dev/kam/serve/index.html", "text/html; charset=utf-8", "no-store"),
            "/index.html", new Entry("/dev/kam/serve/index.html", "text/html; charset=utf-8", "no-store"),
            "/app.js", new Entry("/dev/kam/serve/app.js", "text/javascript; charset=utf-8", REVALIDATE),
            "/app.css", new Entry("/dev/kam/serve/app.css", "text/css; charset=utf-8", REVALIDATE),
            "/favicon.svg", new Entry("/dev/kam/serve/favicon.svg", "image/svg+xml", REVALIDATE),
            "/assets/echarts-5.3.1.min.js", new Entry(ECHARTS, "text/javascript; charset=utf-8", VERSIONED),
            "/assets/kam-cjk.ttf", new Entry(FONT, "font/ttf", REVALIDATE));

    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /** The asset at an exact URL path, or null when there is none. */
    Asset get(String path) {
        Entry e = TABLE.get(path);
        if (e == null) return null;
        return loaded.computeIfAbsent(path, p -> new Asset(read(e.resource()), e.type(), e.cache()));
    }

    /** Every URL path served as an asset. */
    static java.util.Set<String> paths() {
        return TABLE.keySet();
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("bundled file " + resource + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled file " + resource, e);
        }
    }
}
