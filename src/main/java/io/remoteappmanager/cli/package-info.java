/**
 * The command line of the same artifact: {@code validate DIR} and {@code plan DIR} run without starting
 * Quarkus (for CI pipelines and dry runs); {@code run}, the default, starts the controller.
 */
package io.remoteappmanager.cli;
