package io.remoteappmanager.model;

/**
 * What the readiness probe of one container has found so far, as the planner and the status read it: ready (its
 * web server answers below 500), still probing, or not ready within its timeout.
 *
 * @param message why it is not ready yet; empty when ready
 */
public record ProbeVerdict(Kind kind, String message) {

    /** The three things a probe can say. */
    public enum Kind {
        READY, PROBING, NOT_READY
    }

    public static final ProbeVerdict READY = new ProbeVerdict(Kind.READY, "");

    public static ProbeVerdict probing(String message) {
        return new ProbeVerdict(Kind.PROBING, message);
    }

    public static ProbeVerdict notReady(String message) {
        return new ProbeVerdict(Kind.NOT_READY, message);
    }

    public boolean ready() {
        return kind == Kind.READY;
    }
}
