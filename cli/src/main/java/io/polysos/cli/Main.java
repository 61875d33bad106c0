package io.polysos.cli;

import io.polysos.sdp.SolverUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code polysos} command. */
@Command(name = "polysos",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Certified global training of networks with learnable polynomial activations, "
                + "through the Moment-SOS hierarchy of semidefinite relaxations.",
        subcommands = {
            SolversCommand.class,
            SdpCommand.class,
            PopCommand.class,
            GenerateCommand.class,
            LearnCommand.class,
            ReproduceCommand.class,
            BatchCommand.class,
            SummarizeCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (optimal, certified)",
            "1:solved but not optimal or not certified (infeasible, unbounded, limits, bound only)",
            "2:bad input or usage",
            "3:internal error (rerun with --debug)"
        })
public final class Main implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("polysos: out of memory (" + e.getMessage() + "); raise the heap with "
                    + "POLYSOS_JAVA_OPTS=-Xmx<size>, lower the relaxation order or use another backend");
            return ExitCodes.BAD_INPUT;
        }
    }

    /** @return the configured command line, with the error handler of the exit-code convention */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("polysos: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'polysos " + ex.getCommandLine().getCommandName()
                    .replace("polysos", "").trim() + (ex.getCommandLine().getParent() == null ? "" : " ")
                    + "--help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean debug = parsed != null && isDebug(parsed);
        var err = cl.getErr();
        int code;
        String msg;
        if (ex instanceof NoSuchFileException e) {
            code = ExitCodes.BAD_INPUT;
            msg = "no such file: " + e.getFile();
        } else if (ex instanceof AccessDeniedException e) {
            code = ExitCodes.BAD_INPUT;
            msg = "permission denied: " + e.getFile();
        } else if (ex instanceof IllegalArgumentException || ex instanceof SolverUnavailableException
                || ex instanceof IOException || ex instanceof UncheckedIOException) {
            code = ExitCodes.BAD_INPUT;
            msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        } else {
            code = ExitCodes.INTERNAL;
            msg = "internal error: " + ex + (debug ? "" : " (rerun with --debug for details)");
        }
        err.println("polysos: " + msg);
        if (debug) {
            ex.printStackTrace(err);
        }
        return code;
    }

    private static boolean isDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the version filtered into the jar by Maven. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"polysos " + version(), "Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** @return the project version */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
