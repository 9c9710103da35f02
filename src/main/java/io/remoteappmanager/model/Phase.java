package io.remoteappmanager.model;

/** Where an app stands, in the words an operator of Kubernetes-style tools expects. */
public enum Phase {
    /** Desired, no container yet: it is being created. */
    Pending,
    /** Its container runs but its web server does not answer yet: no proxy route until it does. */
    Starting,
    /** Its container runs with the desired config. */
    Running,
    /**
     * Its container runs but failed its liveness checks (its probe, or its image's HEALTHCHECK): no proxy route; it
     * is recreated, with a growing back-off when that keeps happening.
     */
    Unhealthy,
    /** Its container is being replaced because the spec, or the image its tag names, changed. */
    Recreating,
    /** Its container exited and is being started again. */
    Restarting,
    /**
     * Nobody used it for its idle timeout: its container is stopped (kept, with its url id and volumes) and its
     * route leads to the controller's wake page, which starts it again on the next request.
     */
    Idle,
    /** Its container keeps exiting; the next start waits for a growing back-off. */
    CrashLoopBackOff,
    /** Its container exited and its restartPolicy says to leave it. */
    Completed,
    /** The last action failed; it is retried after a growing back-off. */
    Failed,
    /** Its spec says suspend: its container is left exactly as it is. */
    Suspended,
    /** Two specs claim its key: its container is left as it is. */
    Conflict,
    /** Its spec file is broken; its container runs on the last good content. */
    Invalid,
    /** It has no spec any more: its container is being removed. */
    Removing
}
