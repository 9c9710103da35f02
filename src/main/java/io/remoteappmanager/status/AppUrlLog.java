package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Logs each app's phase and address when they change (all of them after the first pass), so an operator watching
 * the log sees where every app is served without asking the API. Listens to the {@link StatusBoard}.
 */
public final class AppUrlLog implements Consumer<StatusSnapshot> {

    private static final Logger LOG = Logger.getLogger(AppUrlLog.class);

    private Map<AppKey, String> shown = Map.of();

    @Override
    public synchronized void accept(StatusSnapshot snapshot) {
        Map<AppKey, String> now = new HashMap<>(snapshot.apps().size() * 2);
        for (AppStatus app : snapshot.all()) {
            String line = app.phase() + " " + app.hostUrl().map(url -> url + app.urlpath().orElse("") + "/")
                    .orElse("(no address)");
            now.put(app.key(), line);
            if (!line.equals(shown.get(app.key()))) {
                LOG.infof("app %s: %s", app.key(), line);
            }
        }
        shown = now;
    }
}
