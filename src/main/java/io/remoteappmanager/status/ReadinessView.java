package io.remoteappmanager.status;

import java.util.Optional;

/**
 * Whether a running container's web server answers yet, so status can say Starting instead of Running
 * (and the proxy routes only ready apps); the probing itself lives with the proxy.
 */
public interface ReadinessView {

    /** Every container ready as soon as it runs: readiness probing is off. */
    ReadinessView ALWAYS_READY = new ReadinessView() {
        @Override
        public Optional<String> notReady(String containerId) {
            return Optional.empty();
        }

        @Override
        public boolean undecided(String containerId) {
            return false;
        }

        @Override
        public void restarted(String containerId) {}
    };

    /** Why the container is not ready yet (its probe is pending or failing); empty once it is ready. */
    Optional<String> notReady(String containerId);

    /** Whether the container's probe has not decided yet: neither an answer below 500 nor its timeout. */
    boolean undecided(String containerId);

    /** The container was started again: whatever was known of its readiness no longer holds. */
    void restarted(String containerId);
}
