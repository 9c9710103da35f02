/**
 * The live stream {@code GET /api/v1/events}: a pure diff of two states into Server-Sent Events, and the hub that
 * takes a state after every change and sends the diff to every connected client.
 */
package io.remoteappmanager.api.events;
