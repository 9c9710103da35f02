/** What the controller knows and tells about each app and about the last pass: read by the API, health and metrics. */
package io.remoteappmanager.status;
