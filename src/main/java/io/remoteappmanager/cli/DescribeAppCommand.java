package io.remoteappmanager.cli;

import io.remoteappmanager.api.AppView;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code describe app NAME}: one app of a running controller in detail ({@code GET /api/v1/apps/NAME}). */
@Command(name = "app", aliases = "apps", mixinStandardHelpOptions = true,
        description = "Show one app: its spec's source and revision, phase and why, last action and error, where it "
                + "runs, its image digest and its last phase changes. Exit 0, 1 when there is no such app or the "
                + "controller cannot be reached or refuses the token, 2 on a usage error.")
final class DescribeAppCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "the app's metadata.name (see: get apps)")
    String name;

    @CommandLine.Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AppView app = ControllerClient.as(
                server.client().get("/api/v1/apps/" + ControllerClient.segment(name), "app '" + name + "'"), AppView.class);
        AppDescription.print(spec.commandLine().getOut(), app, Instant.now());
        return 0;
    }
}
