/**
 * The REST API under {@code /api/v1}: app status, the seed's container lookups, the plan preview and an
 * explicit reconcile, with an optional bearer token and JSON errors.
 */
package io.remoteappmanager.api;
