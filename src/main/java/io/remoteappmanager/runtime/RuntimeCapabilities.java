package io.remoteappmanager.runtime;

/**
 * What a runtime can do, so that the template and the wiring ask this and never which runtime stands behind
 * {@link ContainerRuntime}.
 *
 * @param canStopAndKeep whether {@link ContainerRuntime#stop} keeps an app to be started again: without it no app is
 *                       ever culled, so no stop is ever planned
 * @param placesOnNodes  whether the runtime places each app on one of several nodes, under constraints and spreads,
 *                       as a service it runs itself
 */
public record RuntimeCapabilities(boolean canStopAndKeep, boolean placesOnNodes) {

    /**
     * Whether an app's restart policy and placement enter its spec hash: a runtime that places apps on nodes runs
     * each as a service that carries both, so they are part of what runs; a single engine runs neither.
     */
    public boolean hashesRestartPolicyAndPlacement() {
        return placesOnNodes;
    }
}
