package io.remoteappmanager.readiness;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.Endpoint;
import java.net.URI;
import java.time.Duration;

/**
 * One app's readiness probe: the spec's own settings over {@code ram.readiness.*}.
 *
 * @param path the probed path; {@code {urlpath}} stands for the app's urlpath
 */
public record ReadinessSettings(String path, Duration period, Duration timeout) {

    static final String URLPATH = "{urlpath}";

    public static ReadinessSettings of(ProbeDefaults.Readiness defaults, AppSpec.Readiness spec) {
        return new ReadinessSettings(spec.path().orElse(defaults.path()), spec.period().orElse(defaults.period()),
                spec.timeout().orElse(defaults.timeout()));
    }

    /**
     * The URL probed for an app served at {@code endpoint} under {@code urlpath}.
     *
     * @throws IllegalArgumentException when the two do not make a URL (the spec's path rules make that rare)
     */
    public URI url(Endpoint endpoint, String urlpath) {
        return probeUrl(endpoint, path, urlpath);
    }

    /** {@code path} (with {@code {urlpath}} replaced) on the app's host port: where readiness and liveness ask. */
    static URI probeUrl(Endpoint endpoint, String path, String urlpath) {
        return URI.create(endpoint.url() + path.replace(URLPATH, urlpath));
    }

    /** How long one probe request may take: a period, but at least a second and at most the whole timeout. */
    Duration requestTimeout() {
        Duration atLeast = period.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : period;
        return atLeast.compareTo(timeout) > 0 ? timeout : atLeast;
    }
}
