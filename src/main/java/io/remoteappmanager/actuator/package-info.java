/**
 * Carries out planned actions on the runtime: builds each container from its spec ({@code ContainerTemplate}, which
 * also gives the {@code spec_hash} the planner compares), checks the volume policy as the host's paths resolve at
 * that moment, and tells the observed-state cache what it changed.
 */
package io.remoteappmanager.actuator;
