/**
 * The seed's ContainerManager and what it shares with the reconciler: labels, deterministic names, the
 * container template and its spec hash. Talks to the engine only through {@code runtime.ContainerRuntime}.
 */
package io.remoteappmanager.manager;
