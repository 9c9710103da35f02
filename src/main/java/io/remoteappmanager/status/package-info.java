/**
 * What the controller tells about itself: an immutable {@link io.remoteappmanager.status.StatusSnapshot} projected
 * from each pass, each finished key and each route sync, carrying what changed since the one before, published on
 * one board and read by the API, health, metrics, route sync, notifications, the event stream and the dashboard.
 */
package io.remoteappmanager.status;
