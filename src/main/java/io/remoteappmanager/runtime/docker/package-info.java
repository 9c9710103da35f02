/**
 * One Docker engine behind {@link io.remoteappmanager.runtime.ContainerRuntime}, through docker-java (with the
 * shared pieces of {@code runtime.dockerapi}); built through {@code DockerRuntimes}.
 */
package io.remoteappmanager.runtime.docker;
