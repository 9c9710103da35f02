/**
 * What the controller learns from images. Image updates: which digest the tag of each image that apps pull Always
 * names in its registry, checked periodically; the answers are inputs to the planner, like readiness verdicts: it
 * recreates the containers that run other content, within the disruption budget, and {@code plan} shows it. Image
 * metadata: what an image's labels say of its app (title, icon, description, kind, settings), read once per image id
 * and shown in status.
 */
package io.remoteappmanager.images;
