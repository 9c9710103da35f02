package io.remoteappmanager.model;

import java.util.Locale;

/**
 * What the engine's own health check (an image's {@code HEALTHCHECK}) says of a container, so an app whose image
 * knows best when it is broken is treated like one that fails its liveness probe.
 */
public enum HealthStatus {
    /** The image has no health check (or the engine does not run one). */
    NONE,
    /** The check has not passed yet, within its start period. */
    STARTING,
    HEALTHY,
    /** The check failed as often in a row as the image's {@code --retries} allow. */
    UNHEALTHY;

    /** The status an engine names ({@code starting}, {@code healthy}, {@code unhealthy}); anything else is NONE. */
    public static HealthStatus of(String engineStatus) {
        if (engineStatus == null) {
            return NONE;
        }
        return switch (engineStatus.strip().toLowerCase(Locale.ROOT)) {
            case "starting" -> STARTING;
            case "healthy" -> HEALTHY;
            case "unhealthy" -> UNHEALTHY;
            default -> NONE;
        };
    }
}
