/**
 * The REST API under {@code /api/v1}: app status, the seed's container lookups, the plan preview and an
 * explicit reconcile, with an optional bearer token and JSON errors; and the git push webhook, which proves
 * itself by its signature instead of the token.
 */
package io.remoteappmanager.api;
