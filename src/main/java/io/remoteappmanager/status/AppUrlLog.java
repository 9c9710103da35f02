package io.remoteappmanager.status;

import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Logs each app's phase and address when they change (all of them after the first pass), so an operator watching
 * the log sees where every app is served without asking the API. Listens to the {@link StatusBoard} and reads each
 * snapshot's app changes.
 */
public final class AppUrlLog implements Consumer<StatusSnapshot> {

    private static final Logger LOG = Logger.getLogger(AppUrlLog.class);

    @Override
    public void accept(StatusSnapshot snapshot) {
        for (AppChange change : snapshot.changes().apps()) {
            change.now().filter(app -> change.before().filter(before -> before.phase() == app.phase()
                    && before.endpoint().equals(app.endpoint()) && before.urlpath().equals(app.urlpath())).isEmpty())
                    .ifPresent(app -> LOG.infof("app %s: %s %s", app.key(), app.phase(), app.hostUrl()
                            .map(url -> url + app.urlpath().orElse("") + "/").orElse("(no address)")));
        }
    }
}
