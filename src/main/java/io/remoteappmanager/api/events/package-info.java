/**
 * The live stream {@code GET /api/v1/events}: the changes each status snapshot carries, turned into Server-Sent
 * Events, and the hub that sends them to every connected client.
 */
package io.remoteappmanager.api.events;
