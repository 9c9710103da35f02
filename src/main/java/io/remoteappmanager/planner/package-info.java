/**
 * The pure heart of reconciliation: from desired specs, observed containers and per-key history to a
 * {@link io.remoteappmanager.planner.Plan}. No I/O, no clock of its own, no Docker: unit-tested alone.
 */
package io.remoteappmanager.planner;
