package dev.kam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kam serve}: one line on stdout with the address and token, a working server, usage errors as exit code 2. */
class ServeCommandTest {
    private static final Pattern LINE = Pattern.compile("kam serve: http://127\\.0\\.0\\.1:(\\d+)/\\?token=([A-Za-z0-9_-]{43})");

    @Test
    void printsExactlyOneLineAndServesUntilStopped() throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ServeCommand cmd = cl.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cl.execute("serve", "scenarios/tiny/scenario.yaml",
                "--port", "0", "--set", "assignment.timeLimit=1s", "--set", "simulation.paths=200"));
        for (int i = 0; i < 600 && cmd.server() == null && !run.isDone(); i++) Thread.sleep(50);
        assertTrue(cmd.server() != null, "not started: " + err + (run.isDone() ? " exit " + run.get() : ""));
        for (int i = 0; i < 100 && out.toString().isEmpty(); i++) Thread.sleep(20);
        String printed = out.toString();
        Matcher m = LINE.matcher(printed.strip());
        assertTrue(m.matches(), "the one line: '" + printed + "'");
        assertEquals(1, printed.lines().count(), printed);
        assertEquals(cmd.server().port(), Integer.parseInt(m.group(1)));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/api/status"))
                .header("Authorization", "Bearer " + m.group(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"scenario\":\"小型示例 Tiny Example Co.\""), status.body());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(printed.strip().substring("kam serve: ".length()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the printed link opens the app");

        cmd.stop();
        assertEquals(Main.OK, run.get(30, TimeUnit.SECONDS));
        assertEquals(1, out.toString().lines().count(), "nothing else on stdout: " + out);
    }

    @Test
    void badUsageAndBadScenariosExitWithTwo(@TempDir Path dir) {
        CliRun port = CliRun.of("serve", "scenarios/tiny/scenario.yaml", "--port", "70000");
        assertEquals(Main.BAD_INPUT, port.code());
        assertTrue(port.err().contains("--port must be between 0 and 65535"), port.err());
        CliRun missing = CliRun.of("serve", dir.resolve("none.yaml").toString());
        assertEquals(Main.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("scenario file not found"), missing.err());
        CliRun invalid = CliRun.of("serve", "scenarios/tiny/scenario.yaml", "--set", "simulation.churn.covered=2");
        assertEquals(Main.BAD_INPUT, invalid.code());
        assertTrue(invalid.err().contains("--set: simulation.churn.covered: (2) must be between 0 and 1"), invalid.err());
        assertEquals("", invalid.out(), "no address is printed for a scenario that does not load");
        CliRun variant = CliRun.of("serve", "scenarios/tiny/scenario.yaml", "--variant", dir.resolve("v.yaml").toString());
        assertEquals(Main.BAD_INPUT, variant.code());
    }
}
