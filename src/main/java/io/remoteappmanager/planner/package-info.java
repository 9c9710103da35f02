/**
 * The pure heart of reconciliation: from desired specs, observed containers and per-key history to a
 * {@link io.remoteappmanager.planner.Plan} of actions, and the record of how each ended that the actuator hands
 * back. No I/O, no clock of its own, no Docker: unit-tested alone.
 */
package io.remoteappmanager.planner;
