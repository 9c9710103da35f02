/** Typed configuration: every {@code ram.*} key with its default, read once through Quarkus config. */
package io.remoteappmanager.config;
