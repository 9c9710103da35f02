package io.remoteappmanager.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logs NAME [-f] [--tail N] [--previous]}: what an app's container printed, read through a running controller
 * ({@code GET /api/v1/apps/NAME/logs} as text), copied to standard output as it arrives, so the operator needs no
 * shell on the engine's host or the swarm node that runs it.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print an app's container output, as a running controller reads it from the engine. Exit 0, "
                + "1 when there is no such app or the controller cannot be reached or refuses the token, 2 on a usage "
                + "error.")
final class LogsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "the app's metadata.name (see: get apps)")
    String name;

    @Option(names = {"-f", "--follow"}, description = "keep printing new output until interrupted (Ctrl-C)")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", description = "only the last N lines (default: the controller's)")
    Integer tail;

    @Option(names = {"-p", "--previous"},
            description = "the container before the last restart, while the engine still has it")
    boolean previous;

    @CommandLine.Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (tail != null && tail < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tail takes a number of lines, 0 or more");
        }
        List<String> query = new ArrayList<>();
        if (tail != null) {
            query.add("tail=" + tail);
        }
        if (follow) {
            query.add("follow=true");
        }
        if (previous) {
            query.add("previous=true");
        }
        String path = "/api/v1/apps/" + ControllerClient.segment(name) + "/logs"
                + (query.isEmpty() ? "" : "?" + String.join("&", query));
        ControllerClient client = server.client();
        try {
            client.stream(path, "app '" + name + "'", spec.commandLine().getOut());
        } catch (ControllerError e) {
            if (e.isNotFound()) {
                throw olderControllerOr(client);
            }
            throw e;
        }
        return 0;
    }

    /** A 404 means no such app, unless the app exists: then the controller predates the logs endpoint. */
    private ControllerError olderControllerOr(ControllerClient client) {
        client.get("/api/v1/apps/" + ControllerClient.segment(name), "app '" + name + "'"); // throws when no such app
        return new ControllerError("the controller at " + client.server() + " has app '" + name + "' but serves no "
                + "logs (GET /api/v1/apps/NAME/logs answered 404): it is older than this command line");
    }
}
