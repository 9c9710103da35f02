package io.remoteappmanager.cli;

import io.remoteappmanager.api.ActionView;
import io.remoteappmanager.api.PlanView;
import java.io.PrintWriter;

/**
 * {@code plan --server}: what a pass of a running controller would do now ({@code GET /api/v1/plan}), from its own
 * specs, cache and back-offs, printed as the offline {@code plan} prints its own.
 */
final class ServerPlan {

    private ServerPlan() {}

    static void print(PrintWriter out, ControllerClient client) {
        PlanView plan = ControllerClient.as(client.get("/api/v1/plan", "the plan"), PlanView.class);
        out.printf("server: %s, %d app(s)%n", client.server(), plan.apps().size());
        plan.problems().forEach(p -> out.println("problem: " + p));
        plan.warnings().forEach(w -> out.println("warning: " + w));
        for (PlanView.DecisionView app : plan.apps()) {
            out.printf("%-40s %-16s %s%n", app.key(), app.phase(), app.message());
        }
        if (plan.actions().isEmpty()) {
            out.println("no action: everything is as the specs say");
        }
        for (ActionView action : plan.actions()) {
            out.printf("would %s %s%s: %s%n", action.kind(), action.key(), container(action), action.reason());
        }
    }

    /** The container an action touches, as {@code [abcdef123456]} after the key, or nothing when it makes one. */
    static String container(ActionView action) {
        String id = action.containerId();
        return id == null ? "" : " [" + id.substring(0, Math.min(12, id.length())) + "]";
    }
}
