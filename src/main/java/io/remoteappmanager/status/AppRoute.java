package io.remoteappmanager.status;

import io.remoteappmanager.model.Phase;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the reverse proxy should send an app's urlpath, as its status says: the one rule route sync applies, so that
 * what the API shows and what the proxy does never disagree.
 */
public enum AppRoute {
    /** To its container: it runs and answers (and, when its liveness is checked, is not Unhealthy). */
    APP,
    /** To the controller's wake page: it is idle, or it was and is coming up again after a request woke it. */
    WAKE_PAGE,
    /** A route it already has stays (to its container or to the wake page): it runs but has not answered yet. */
    KEEP,
    /** None. */
    NONE;

    /** The phases of an app coming up (or failing to) after a request woke it: the wake page stays until it answers. */
    private static final Set<Phase> WAKING = EnumSet.of(Phase.Pending, Phase.Starting, Phase.Restarting,
            Phase.Recreating, Phase.CrashLoopBackOff, Phase.Failed);

    /** The route of an app in {@code phase}, {@code ready} or not, whose route was {@code previous}. */
    public static AppRoute of(Phase phase, boolean ready, Optional<AppRoute> previous) {
        if (ready && phase != Phase.Removing && phase != Phase.Failed && phase != Phase.Unhealthy) {
            return APP;
        }
        if (phase == Phase.Idle || previous.filter(WAKE_PAGE::equals).isPresent() && WAKING.contains(phase)) {
            return WAKE_PAGE;
        }
        return phase == Phase.Starting ? KEEP : NONE;
    }
}
