/**
 * Where desired state comes from: a {@link io.remoteappmanager.source.SpecSource} reads its spec files whole at
 * every pass, keeps each file's last good content, and wakes the controller when something changed.
 * Implementations live in sub-packages, one per kind of source.
 */
package io.remoteappmanager.source;
