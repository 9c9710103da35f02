/** Gauges over the controller's state for /q/metrics: apps by phase, spec problems, queue depth, engine reachability. */
package io.remoteappmanager.metrics;
