package dev.kam.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts a class of the test class path in a new JVM (for crash tests: kill -9 needs another process). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java -cp <this class path> [props] main args}; stderr goes to stdout. */
    public static Process start(Class<?> main, List<String> props, String... args) throws IOException {
        return builder(main, props, args).start();
    }

    /** As {@link #start}, the child's output going to {@code log} (Process.destroy() closes a pipe, not a file). */
    public static Process startLogged(Path log, Class<?> main, List<String> props, String... args) throws IOException {
        return builder(main, props, args).redirectOutput(log.toFile()).start();
    }

    private static ProcessBuilder builder(Class<?> main, List<String> props, String... args) {
        return new ProcessBuilder(command(main, props, args)).redirectErrorStream(true);
    }

    /** The command line that runs {@code main} in a new JVM on this class path. */
    public static List<String> command(Class<?> main, List<String> props, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Djava.awt.headless=true");
        cmd.addAll(props);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The first line the child prints, waiting at most {@code seconds}; null when it printed none. */
    public static String firstLine(Process p, int seconds) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(seconds, TimeUnit.SECONDS);
    }

    /** Runs the child to its end; its exit code and output. */
    public static Result run(Class<?> main, List<String> props, String... args) throws Exception {
        Process p = start(main, props, args);
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child " + main.getSimpleName() + " did not end");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public record Result(int code, String out) {
    }
}
