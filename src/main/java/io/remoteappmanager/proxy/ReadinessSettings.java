package io.remoteappmanager.proxy;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppSpec;
import java.net.URI;
import java.time.Duration;

/**
 * One app's readiness probe: the spec's own settings over {@code ram.readiness.*}.
 *
 * @param path the probed path; {@code {urlpath}} stands for the app's urlpath
 */
public record ReadinessSettings(String path, Duration period, Duration timeout) {

    static final String URLPATH = "{urlpath}";

    public static ReadinessSettings of(RamConfig.Readiness defaults, AppSpec.Readiness spec) {
        return new ReadinessSettings(spec.path().orElse(defaults.path()), spec.period().orElse(defaults.period()),
                spec.timeout().orElse(defaults.timeout()));
    }

    /** The URL probed for an app published at {@code hostUrl} ({@code http://ip:port}) under {@code urlpath}. */
    public URI url(String hostUrl, String urlpath) {
        return URI.create(hostUrl + path.replace(URLPATH, urlpath));
    }

    /** How long one probe request may take: a period, but at least a second and at most the whole timeout. */
    Duration requestTimeout() {
        Duration atLeast = period.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : period;
        return atLeast.compareTo(timeout) > 0 ? timeout : atLeast;
    }
}
