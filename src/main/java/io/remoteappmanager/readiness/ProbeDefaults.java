package io.remoteappmanager.readiness;

import java.time.Duration;

/**
 * The probes' settings where a spec sets none ({@code ram.readiness.*}, {@code ram.liveness.*}), so that the probes
 * read no configuration of their own.
 *
 * @param readiness whether apps are probed until ready, how, and how many requests may be in flight
 * @param liveness  whether every app is checked once ready (else only those whose spec asks), and how
 */
public record ProbeDefaults(Readiness readiness, Liveness liveness) {

    /**
     * @param enabled       false: an app is ready as soon as its container runs
     * @param path          the probed path; {@code {urlpath}} stands for the app's urlpath
     * @param maxConcurrent probe requests in flight at once, at least 1
     */
    public record Readiness(boolean enabled, String path, Duration period, Duration timeout, int maxConcurrent) {}

    /**
     * @param enabled          true: every app is checked; false: only apps whose spec has a liveness section
     * @param failureThreshold failed checks in a row that make an app unhealthy, at least 1
     */
    public record Liveness(boolean enabled, String path, Duration period, Duration timeout, int failureThreshold) {}
}
