/**
 * The engine boundary: {@link io.remoteappmanager.runtime.ContainerRuntime} and the engine-neutral
 * records it speaks. Implementations live in sub-packages; only {@code runtime.docker} imports docker-java.
 */
package io.remoteappmanager.runtime;
