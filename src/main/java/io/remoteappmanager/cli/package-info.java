/**
 * The command line of the same artifact: {@code validate DIR} and {@code plan DIR} run without starting Quarkus (for
 * CI pipelines and dry runs); {@code get}, {@code describe}, {@code logs}, {@code reconcile} and {@code plan --server}
 * ask a running controller through its REST API ({@code ControllerClient}, the JDK's HTTP client); {@code completion}
 * prints picocli's shell completion script; {@code run}, the default, starts the controller.
 */
package io.remoteappmanager.cli;
