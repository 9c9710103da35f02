/**
 * The RemoteApp file format: one file's bytes into validated {@link io.remoteappmanager.model.AppSpec}s, or into
 * problems located as {@code file:line}, under the input limits (size, aliases, depth, string length, strict UTF-8).
 * Read with Jackson's YAML parser ({@code YamlInput}, {@code YamlCursor}) by rules kept as data
 * ({@code RemoteAppFormat}), from which the editors' JSON Schema is generated. Pure: no file system.
 */
package io.remoteappmanager.spec;
