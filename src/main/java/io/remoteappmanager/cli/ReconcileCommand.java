package io.remoteappmanager.cli;

import io.remoteappmanager.api.ActionView;
import io.remoteappmanager.api.ReconcileView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code reconcile}: asks a running controller for a pass now ({@code POST /api/v1/reconcile}) and prints what it
 * did, once its actions have ended: each action with its reason and outcome, and the pass's warnings.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Run a pass on a running controller now and print each action it took with its outcome. Exit 0 "
                + "(even when an action failed: see its outcome), 1 when the controller cannot be reached, refuses the "
                + "token or cannot run a pass (engine unreachable, pass too long), 2 on a usage error.")
final class ReconcileCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ControllerClient client = server.client();
        ReconcileView pass = ControllerClient.as(client.post("/api/v1/reconcile"), ReconcileView.class);
        PrintWriter out = spec.commandLine().getOut();
        pass.warnings().forEach(w -> out.println("warning: " + w));
        for (ActionView action : pass.actions()) {
            out.printf("%s %s%s: %s -> %s%s%n", action.kind(), action.key(), ServerPlan.container(action),
                    action.reason(), action.outcome(), action.error() == null ? "" : ": " + action.error());
        }
        out.printf("pass done on %s: %d action(s), %d app(s)%n", client.server(), pass.actions().size(), pass.apps().size());
        return 0;
    }
}
