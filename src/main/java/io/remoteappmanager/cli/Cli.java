package io.remoteappmanager.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree ({@code validate}, {@code plan}, {@code run}) and its exit codes: 0 success, 1 a finding
 * (invalid specs, engine unreachable), 2 a usage error. {@link #run} returns the code instead of exiting, for tests.
 */
@Command(name = "remoteappmanager", mixinStandardHelpOptions = true, version = "remoteappmanager 0.1.0",
        description = "Keeps per-user web-app containers on Docker in step with YAML specs.",
        subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class})
public final class Cli implements Runnable {

    /** Exit code of a finding: invalid specs, or an engine that cannot be reached. */
    public static final int FINDING = 1;
    /** Exit code of a wrong command line (picocli's default for usage errors too). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs one command line and returns its exit code; output goes to {@code out}, diagnostics to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Cli()).setOut(out).setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** No subcommand: {@link Main} starts the controller before it gets here, so this is only reached in tests. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: validate, plan or run");
    }
}
