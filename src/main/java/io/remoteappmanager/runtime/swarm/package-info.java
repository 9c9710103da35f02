/**
 * A Docker Swarm behind {@link io.remoteappmanager.runtime.ContainerRuntime}: each app is a replicated service with
 * one replica, created, rolled (service update) and removed through the manager, and observed as its service joined
 * with its current task and that task's node. Swarm places, restarts and reschedules; this package declares and
 * observes. Task state changes emit no events, so the watch polls the task list as well.
 */
package io.remoteappmanager.runtime.swarm;
