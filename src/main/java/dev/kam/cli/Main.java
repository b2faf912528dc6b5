package dev.kam.cli;

import dev.kam.domain.Problem;
import dev.kam.domain.ScenarioException;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** The {@code kam} command: parses arguments, runs one subcommand, maps outcomes to exit codes. */
@Command(name = "kam", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Key-account strategy engine: diagnose the customer base, set 10-year targets, "
                + "optimize soldier and product assignments, and simulate the odds of reaching the goals.",
        subcommands = {ValidateCommand.class, InitCommand.class, AnalyzeCommand.class, TargetsCommand.class,
                AssignCommand.class, SimulateCommand.class, PlanCommand.class, CompareCommand.class,
                CalibrateCommand.class, GenerateCommand.class, ServeCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad input or usage.",
                "Run 'kam help COMMAND' for a command's options."})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    /** The words of the commands that have no --lang (English). */
    static final Messages WORDS = Messages.of(Lang.EN);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which one, e.g. 'kam plan'.");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** A configured command line; tests call {@code execute} on it with captured output. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = parsed.hasMatchedOption("--debug")
                || (parsed.subcommand() != null && anyDebug(parsed));
        Messages m = Messages.of(language(parsed));
        if (e instanceof ScenarioException se) {
            for (Problem p : se.problems()) err.println(p);
            long n = se.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
            err.println(m.get("cli.error.problems", n));
            if (debug) e.printStackTrace(err);
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof UsageException || e instanceof dev.kam.io.OutputException) {
            err.println(m.get("cli.error.usage", e.getMessage()));
            err.flush();
            return BAD_INPUT;
        }
        err.println(debug ? m.get("cli.error.internalDebug", e.toString()) : m.get("cli.error.internal", e.toString()));
        if (debug) e.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    /** The language a command was asked to speak ({@code --lang zh}), English when none or not valid. */
    private static Lang language(CommandLine.ParseResult r) {
        for (CommandLine.ParseResult p = r; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--lang")) {
                Lang l = Lang.parse(String.valueOf((Object) p.matchedOptionValue("--lang", "en")));
                if (l != null) return l;
            }
        }
        return Lang.EN;
    }

    private static boolean anyDebug(CommandLine.ParseResult r) {
        for (CommandLine.ParseResult p = r; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    /** Reports the version from the jar manifest (or "dev" when run from classes). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kam " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
