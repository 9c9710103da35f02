package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Logs each app's phase and address when they change (all of them after the first pass), so an operator watching
 * the log sees where every app is served without asking the API. Listens to the {@link StatusBoard}.
 */
public final class AppUrlLog implements Consumer<StatusSnapshot> {

    private static final Logger LOG = Logger.getLogger(AppUrlLog.class);

    private Map<AppKey, AppStatus> shown = Map.of();

    @Override
    public synchronized void accept(StatusSnapshot snapshot) {
        for (AppStatus app : snapshot.all()) {
            AppStatus before = shown.get(app.key());
            if (before == null || before.phase() != app.phase() || !before.endpoint().equals(app.endpoint())
                    || !before.urlpath().equals(app.urlpath())) {
                LOG.infof("app %s: %s %s", app.key(), app.phase(), app.hostUrl()
                        .map(url -> url + app.urlpath().orElse("") + "/").orElse("(no address)"));
            }
        }
        shown = snapshot.apps();
    }
}
