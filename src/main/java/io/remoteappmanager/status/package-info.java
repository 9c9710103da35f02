/**
 * What the controller tells about itself: an immutable {@link io.remoteappmanager.status.StatusSnapshot} projected
 * from each pass and each finished key, published on one board and read by the API, health, metrics, route sync
 * and the dashboard.
 */
package io.remoteappmanager.status;
