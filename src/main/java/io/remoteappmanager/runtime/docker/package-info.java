/** The Docker engine behind {@link io.remoteappmanager.runtime.ContainerRuntime}: the only package that imports docker-java. */
package io.remoteappmanager.runtime.docker;
