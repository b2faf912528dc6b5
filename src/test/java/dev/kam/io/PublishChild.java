package dev.kam.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child JVM for the crash tests: publishes one of a few fixed output sets into DIR through
 * {@link OutputRun}, the way a stage command does. {@code java PublishChild DIR VARIANT [REPEAT]};
 * with REPEAT it alternates between VARIANT and "old" that many times (a target for random kills).
 */
public final class PublishChild {
    private PublishChild() {
    }

    /** The files (path under DIR → text) each variant writes, and the entries it declares. */
    static Map<String, String> files(String variant) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (variant) {
            case "old" -> {
                m.put("analysis/accounts.csv", "id,rating\nA1,5A\nA2,3A\n");
                m.put("analysis/summary.json", "{\"run\": \"old\"}\n");
                m.put("analysis/charts/pyramid.svg", "<svg>old</svg>\n");
                m.put("targets/targets.csv", "year,target\n2027,100\n");
                m.put("report.html", "<html>old report</html>\n");
            }
            case "new" -> {
                m.put("analysis/accounts.csv", "id,rating\nA1,4A\nA2,4A\nA3,1A\n");
                m.put("analysis/health.csv", "verdict\nhealthy\n");
                m.put("report.html", "<html>new report</html>\n");
            }
            case "next" -> {
                m.put("analysis/accounts.csv", "id,rating\nA1,2A\n");
                m.put("plan/plan.json", "{\"run\": \"next\"}\n");
            }
            default -> throw new IllegalArgumentException(variant);
        }
        return m;
    }

    static List<String> entries(String variant) {
        return switch (variant) {
            case "old" -> List.of("analysis", "targets", "report.html");
            case "new" -> List.of("analysis", "report.html");
            case "next" -> List.of("analysis", "plan");
            default -> throw new IllegalArgumentException(variant);
        };
    }

    /** Publishes {@code variant} into {@code dir}; returns the notes. */
    static List<String> publish(Path dir, String variant) throws IOException {
        try (OutputRun run = OutputRun.begin(OutputPlan.of(dir, entries(variant)), new InputFiles())) {
            for (Map.Entry<String, String> f : files(variant).entrySet()) {
                Path p = run.root().resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            return run.publish();
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int i = 0; i < repeat; i++) publish(dir, i % 2 == 0 ? args[1] : "old");
        System.out.println("published");
    }
}
