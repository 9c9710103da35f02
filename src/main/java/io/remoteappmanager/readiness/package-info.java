/**
 * Readiness probes: after a container starts (or is adopted), its web server is asked until it answers below 500
 * or its timeout passes. The verdicts are inputs to the planner, like back-off history: a container this
 * controller started that never becomes ready is removed by a planned action, so {@code plan} shows it.
 */
package io.remoteappmanager.readiness;
