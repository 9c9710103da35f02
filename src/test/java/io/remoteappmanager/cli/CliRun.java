package io.remoteappmanager.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the command line: its exit code and what it printed on each stream. */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} with an empty environment (no RAM_SERVER, no RAM_API_TOKEN from the developer's shell). */
    static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    /** Runs {@code args} with {@code environment} as the process environment the commands read. */
    static CliRun with(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, environment, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
