/**
 * Typed configuration: every {@code ram.*} key with its default, read once through Quarkus config (or
 * {@link io.remoteappmanager.config.StandaloneConfig} without Quarkus), checked once ({@link
 * io.remoteappmanager.config.ConfigCheck}) and documented in docs/configuration.md, which is generated from it.
 */
package io.remoteappmanager.config;
