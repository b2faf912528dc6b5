package dev.kam.cli;

import dev.kam.serve.Server;
import dev.kam.serve.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code kam serve [SCENARIO] [--port N] [--open]}: the interactive what-if app on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the interactive what-if app in your browser: move accounts, change assumptions, "
                + "compare variants, download the report. It listens on 127.0.0.1 only and prints one line with "
                + "its address and a secret token; keep the line to yourself.",
                "Without SCENARIO it serves the bundled demo (scenarios/demo/scenario.yaml). Nothing is written "
                        + "to the scenario's files; 'Save as' in the app writes a new folder."},
        footer = {"", "Examples:", "  kam serve", "  kam serve scenarios/tiny/scenario.yaml --port 8080 --open",
                "  kam serve scenarios/demo/scenario.yaml --variant scenarios/demo-aggressive.yaml",
                "", "Stop it with Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario YAML file (default: the bundled demo).")
    Path scenario;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port on 127.0.0.1 (default 0: a free port).")
    int port;

    @Option(names = "--open", description = "Open the app in the default browser.")
    boolean open;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key for the whole session, e.g. --set assignment.timeLimit=5s (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "SCENARIO",
            description = "Another scenario to offer on the compare page (re-optimized there); repeatable.")
    List<Path> variants = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Server server;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new UsageException("--port must be between 0 and 65535, not " + port);
        Path file = scenario != null ? scenario : PlanCommand.demo();
        if (!Files.exists(file)) {
            throw new UsageException(scenario != null ? "scenario file not found: " + file
                    : "the bundled demo scenario is missing (looked for " + file + "); pass a SCENARIO file");
        }
        for (Path v : variants) if (!Files.exists(v)) throw new UsageException("--variant: scenario file not found: " + v);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = Workspace.open(file, overrides, variants);
        try {
            server = Server.start(ws, port);
        } catch (BindException e) {
            ws.close();
            throw new UsageException("port " + port + " on 127.0.0.1 is in use; choose another with --port, or --port 0 for a free one");
        } catch (IOException e) {
            ws.close();
            throw new UsageException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        Thread hook = new Thread(this::stop, "kam-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("kam serve: " + server.url());
        out.flush();
        err.println("kam serve: " + ws.scenario().name() + " from " + file + "; optimizing the plan in the background. "
                + "Press Ctrl-C to stop.");
        err.flush();
        if (open) openBrowser(server.url(), err);
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
        return Main.OK;
    }

    /** Stops the server (Ctrl-C, or a test); {@link #call} then returns. */
    void stop() {
        Server s = server;
        if (s != null) s.close();
        stopped.countDown();
    }

    /** The running server, null before it started (for tests). */
    Server server() {
        return server;
    }

    private static void openBrowser(String url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> cmd = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            err.println("kam serve: warning: could not open a browser (" + cmd.get(0) + ": " + e.getMessage()
                    + "); open the address above yourself");
            err.flush();
        }
    }
}
