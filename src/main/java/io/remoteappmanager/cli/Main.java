package io.remoteappmanager.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The jar's entry point: {@code run} (or no argument) starts the controller; any other command, and
 * {@code run --help}, is handled by {@link Cli} without starting Quarkus, so {@code validate} needs neither the engine
 * nor a free port.
 */
@QuarkusMain
public final class Main {

    Main() {}

    public static void main(String... args) {
        boolean help = Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
        if (args.length == 0 || args[0].equals("run") && !help) {
            Quarkus.run(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = Cli.run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
