package io.remoteappmanager.runtime;

/**
 * What a runtime can do, so that the template and the wiring ask this and never which runtime stands behind
 * {@link ContainerRuntime}.
 *
 * @param canStopAndKeep  whether {@link ContainerRuntime#stop} keeps an app to be started again: without it no app is
 *                        ever culled, so no stop is ever planned
 * @param placesOnNodes   whether the runtime places each app on one of several nodes, under constraints and spreads
 * @param runsAppPolicies whether the runtime itself carries out an app's restart policy and placement: then they are
 *                        part of what runs and enter the spec hash (a single engine runs neither, so they do not)
 */
public record RuntimeCapabilities(boolean canStopAndKeep, boolean placesOnNodes, boolean runsAppPolicies) {}
