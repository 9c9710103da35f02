package io.remoteappmanager.cli;

import io.remoteappmanager.api.AppView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code get apps} as a table: name, user, phase, whether it is ready and how long it has been in its phase; wide adds
 * the image, the node (swarm) or network (docker), the app's direct URL and the phase's message.
 */
final class AppTable {

    private static final List<String> HEADER = List.of("NAME", "USER", "PHASE", "READY", "SINCE");
    private static final List<String> WIDE_HEADER = List.of("IMAGE", "NODE/NETWORK", "URL", "MESSAGE");

    private AppTable() {}

    static void print(PrintWriter out, List<AppView> apps, boolean wide, Instant now) {
        List<String> header = new ArrayList<>(HEADER);
        if (wide) {
            header.addAll(WIDE_HEADER);
        }
        Table table = new Table(header);
        for (AppView app : apps) {
            List<String> row = new ArrayList<>(Arrays.asList(name(app), app.user(), app.phase(), app.ready() ? "1/1" : "0/1",
                    Ages.since(app.since(), now)));
            if (wide) {
                row.addAll(Arrays.asList(app.image(), placement(app), url(app), app.message()));
            }
            table.row(row);
        }
        table.print(out);
    }

    /** The spec's name, or the key for an app no spec file names (one started through the seed's API). */
    static String name(AppView app) {
        return app.name() != null ? app.name() : app.key();
    }

    /** Where its container runs: the swarm node, else the docker network; null when neither is known. */
    static String placement(AppView app) {
        return app.node() != null ? app.node() : app.network();
    }

    /** The app's own address (its published port and urlpath), without the proxy; null when it has none. */
    static String url(AppView app) {
        if (app.hostUrl() == null) {
            return app.urlpath();
        }
        return app.hostUrl().replaceAll("/+$", "") + (app.urlpath() == null ? "/" : app.urlpath());
    }
}
