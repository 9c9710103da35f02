/**
 * The spec source: reads the spec directory's RemoteApp YAML files into a {@link io.remoteappmanager.spec.DesiredState},
 * keeps the last good content of files that break, and watches the directory for changes.
 */
package io.remoteappmanager.spec;
