package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Logs each app's phase and address when they change (all of them after the first pass), so an operator
 * watching the log sees where every app is served without asking the API.
 */
@ApplicationScoped
public class AppUrlLog implements PassListener {

    private static final Logger LOG = Logger.getLogger(AppUrlLog.class);

    private final StatusStore status;
    private Map<AppKey, String> shown = Map.of();

    public AppUrlLog(StatusStore status) {
        this.status = status;
    }

    @Override
    public void afterPass(PassResult result) {
        Map<AppKey, String> now = new HashMap<>();
        for (AppStatus app : status.all()) {
            String line = app.phase() + " " + app.hostUrl().map(url -> url + app.urlpath().orElse("") + "/").orElse("(no address)");
            now.put(app.key(), line);
            if (!line.equals(shown.get(app.key()))) {
                LOG.infof("app %s: %s", app.key(), line);
            }
        }
        shown = now;
    }
}
