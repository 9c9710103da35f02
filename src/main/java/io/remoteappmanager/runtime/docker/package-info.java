/**
 * The Docker engine behind {@link io.remoteappmanager.runtime.ContainerRuntime}: the only package that imports
 * docker-java. CDI builds it through the client producer; everything else through {@code DockerRuntimes}.
 */
package io.remoteappmanager.runtime.docker;
