/**
 * {@code GET /api/v1/apps/{name}/logs}: an app's container output as text or Server-Sent Events, read from the engine
 * through the runtime a line at a time, under limits on the tail, the followers and their idle time.
 */
package io.remoteappmanager.api.logs;
