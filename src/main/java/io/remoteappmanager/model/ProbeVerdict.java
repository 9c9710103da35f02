package io.remoteappmanager.model;

/**
 * What the probe of one container has found so far, as the planner and the status read it: ready (its web server
 * answers below 500), still probing, not ready within its timeout, or, once ready, unhealthy (its liveness probe
 * failed as often in a row as its failure threshold allows).
 *
 * @param message why it is not ready yet, or why it is unhealthy; empty when ready
 */
public record ProbeVerdict(Kind kind, String message) {

    /** The things a probe can say. */
    public enum Kind {
        READY, PROBING, NOT_READY, UNHEALTHY
    }

    public static final ProbeVerdict READY = new ProbeVerdict(Kind.READY, "");

    public static ProbeVerdict probing(String message) {
        return new ProbeVerdict(Kind.PROBING, message);
    }

    public static ProbeVerdict notReady(String message) {
        return new ProbeVerdict(Kind.NOT_READY, message);
    }

    public static ProbeVerdict unhealthy(String message) {
        return new ProbeVerdict(Kind.UNHEALTHY, message);
    }

    public boolean ready() {
        return kind == Kind.READY;
    }
}
