/**
 * The spec directory as a source: read level-based with a per-file cache, and watched (with its parent, for
 * symlink swaps) so that a change is applied within a debounce; the watcher also records which files changed,
 * so that a pass looks at those only and at every file on any doubt (docs/spec-directory.md).
 */
package io.remoteappmanager.source.directory;
