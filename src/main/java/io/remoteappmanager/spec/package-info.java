/**
 * The RemoteApp file format: one file's bytes into validated {@link io.remoteappmanager.model.AppSpec}s, or into
 * problems located as {@code file:line}, under the input limits (size, aliases, depth). Pure: no file system.
 */
package io.remoteappmanager.spec;
