/**
 * The spec directory as a source: read level-based with a per-file cache, and watched (with its parent, for
 * symlink swaps) so that a change is applied within a debounce.
 */
package io.remoteappmanager.source.directory;
