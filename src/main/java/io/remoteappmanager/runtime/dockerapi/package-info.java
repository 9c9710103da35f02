/**
 * What both Docker runtimes (one engine, and a swarm's manager) share: building docker-java clients from
 * {@code ram.docker.*}, a deadline on every call, the translation of docker-java's failures into ours, registry
 * credentials and event subscriptions. With {@code runtime.docker} and {@code runtime.swarm}, the only packages that
 * import docker-java.
 */
package io.remoteappmanager.runtime.dockerapi;
