package io.remoteappmanager.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree: the offline commands ({@code validate}, {@code plan}, {@code run}), the ones that ask a running
 * controller ({@code get}, {@code describe}, {@code logs}, {@code reconcile}, {@code plan --server}) and
 * {@code completion}, with one set of exit codes: 0 success, 1 a finding (invalid specs, an engine or controller that
 * cannot be reached, a refused token, an unknown app), 2 a usage error. {@link #run} returns the code instead of
 * exiting, for tests.
 */
@Command(name = "remoteappmanager", mixinStandardHelpOptions = true, version = "remoteappmanager 0.1.0",
        description = "Keeps per-user web-app containers on Docker in step with YAML specs.",
        subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class, GetCommand.class,
                DescribeCommand.class, LogsCommand.class, ReconcileCommand.class, CompletionCommand.class})
public final class Cli implements Runnable {

    /** Exit code of a finding: invalid specs, or an engine or controller that cannot be reached or refuses. */
    public static final int FINDING = 1;
    /** Exit code of a wrong command line (picocli's default for usage errors too). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Cli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Runs one command line with this process's environment; see {@link #run(String[], Map, PrintWriter, PrintWriter)}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.getenv(), out, err);
    }

    /**
     * Runs one command line and returns its exit code; output goes to {@code out}, diagnostics to {@code err};
     * {@code environment} gives {@code RAM_SERVER} and {@code RAM_API_TOKEN}.
     */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Cli(environment)).setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((failure, line, parsed) -> {
                    if (failure instanceof ControllerError) {
                        line.getErr().println("error: " + failure.getMessage());
                        return FINDING;
                    }
                    throw failure;
                });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The environment the commands read their defaults from. */
    Map<String, String> environment() {
        return environment;
    }

    /** No subcommand: {@link Main} starts the controller before it gets here, so this is only reached in tests. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: see --help");
    }
}
