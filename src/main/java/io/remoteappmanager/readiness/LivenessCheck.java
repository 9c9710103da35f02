package io.remoteappmanager.readiness;

import java.net.URI;
import java.time.Duration;

/**
 * The liveness check of one ready container: where it asks, and how many checks in a row failed. Fed by one probe,
 * one answer at a time; read by the planner's thread.
 */
final class LivenessCheck {

    private final LivenessSettings settings;
    private final URI url;
    private volatile int failures;
    private volatile String lastFailure = "";

    LivenessCheck(LivenessSettings settings, URI url) {
        this.settings = settings;
        this.url = url;
    }

    URI url() {
        return url;
    }

    Duration period() {
        return settings.period();
    }

    Duration timeout() {
        return settings.timeout();
    }

    /** An answer below 500 in time: the count starts over. */
    void passed() {
        failures = 0;
    }

    /** Records a failed check ({@code answer} says how); true once the failure threshold is reached. */
    boolean failed(String answer) {
        failures = failures + 1;
        lastFailure = answer;
        return failures >= settings.failureThreshold();
    }

    /** Why the app is unhealthy, once it is. */
    String reason() {
        return "liveness: " + url + " failed " + failures + " check(s) in a row, each within "
                + settings.timeout().toMillis() + " ms (last: " + lastFailure + ")";
    }
}
