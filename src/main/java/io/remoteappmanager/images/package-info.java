/**
 * Image updates: which digest the tag of each image that apps pull Always names in its registry, checked
 * periodically. The answers are inputs to the planner, like readiness verdicts: it recreates the containers that run
 * other content, within the disruption budget, and {@code plan} shows it.
 */
package io.remoteappmanager.images;
