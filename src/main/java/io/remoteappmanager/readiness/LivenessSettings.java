package io.remoteappmanager.readiness;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One app's liveness check once it is ready: the spec's own settings over {@code ram.liveness.*}.
 *
 * @param path             the probed path; {@code {urlpath}} stands for the app's urlpath
 * @param timeout          how long one check waits for its answer
 * @param failureThreshold failed checks in a row that make the app unhealthy
 */
public record LivenessSettings(String path, Duration period, Duration timeout, int failureThreshold) {

    /** The app's settings, or empty when its liveness is not checked (no spec section, {@code ram.liveness.enabled} off). */
    public static Optional<LivenessSettings> of(ProbeDefaults.Liveness defaults, AppSpec spec) {
        if (!spec.livenessChecked(defaults.enabled())) {
            return Optional.empty();
        }
        AppSpec.Liveness own = spec.liveness().orElse(AppSpec.Liveness.DEFAULTS);
        return Optional.of(new LivenessSettings(own.path().orElse(defaults.path()), own.period().orElse(defaults.period()),
                own.timeout().orElse(defaults.timeout()), own.failureThreshold().orElse(defaults.failureThreshold())));
    }

    /**
     * The URL checked for an app served at {@code endpoint} under {@code urlpath}.
     *
     * @throws IllegalArgumentException when the two do not make a URL
     */
    public URI url(Endpoint endpoint, String urlpath) {
        return ReadinessSettings.probeUrl(endpoint, path, urlpath);
    }
}
