package io.remoteappmanager.cli;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.TransitionView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code describe app} as text: where the spec came from, the phase and why, the last action and error, where the
 * container runs and with which image digest, then the last {@value #TRANSITIONS} phase changes, oldest first.
 */
final class AppDescription {

    /** As many phase changes as the controller keeps per app. */
    static final int TRANSITIONS = 20;

    private final PrintWriter out;
    private final Instant now;

    private AppDescription(PrintWriter out, Instant now) {
        this.out = out;
        this.now = now;
    }

    static void print(PrintWriter out, AppView app, Instant now) {
        new AppDescription(out, now).describe(app);
    }

    private void describe(AppView app) {
        field("Name", AppTable.name(app));
        field("Key", app.key());
        field("User", app.user());
        field("Mapping id", app.mappingId());
        field("Source", app.source());
        field("Revision", app.revision());
        field("Phase", app.phase() + (app.since() == null ? "" : " for " + Ages.since(app.since(), now)
                + " (since " + app.since() + ")"));
        field("Message", app.message());
        field("Ready", String.valueOf(app.ready()));
        field("Exit code", app.exitCode() == null ? null : app.exitCode().toString());
        field("Container", app.containerId());
        field("Image", app.image());
        field("Image digest", app.imageDigest());
        field("Node", app.node());
        field("Network", app.network());
        field("URL path", app.urlpath());
        field("URL", AppTable.url(app));
        field("Last action", lastAction(app));
        field("Last error", app.lastError());
        transitions(app.transitions() == null ? List.of() : app.transitions());
    }

    private void field(String label, String value) {
        out.printf("%-14s%s%n", label + ":", value == null || value.isEmpty() ? "<none>" : value);
    }

    private String lastAction(AppView app) {
        if (app.lastAction() == null) {
            return null;
        }
        return app.lastAction() + (app.lastActionAt() == null ? "" : " " + Ages.since(app.lastActionAt(), now) + " ago")
                + (app.lastReason() == null ? "" : ": " + app.lastReason());
    }

    private void transitions(List<TransitionView> all) {
        List<TransitionView> last = all.subList(Math.max(0, all.size() - TRANSITIONS), all.size());
        out.println("Transitions:" + (last.isEmpty() ? "   <none>" : " (oldest first)"));
        if (last.isEmpty()) {
            return;
        }
        Table table = new Table(List.of("AGE", "FROM", "TO", "REASON"));
        for (TransitionView t : last) {
            table.row(Arrays.asList(Ages.since(t.at(), now), t.from() == null ? "(new)" : t.from(), t.to(), t.reason()));
        }
        table.print(out, "  ");
    }
}
