/**
 * The vocabulary every other package shares: an app's key and spec, the desired state a source reads, the
 * containers observed on the engine and whether that view can be trusted, the phases an app goes through, and the
 * labels and names that tie a container to its app.
 */
package io.remoteappmanager.model;
