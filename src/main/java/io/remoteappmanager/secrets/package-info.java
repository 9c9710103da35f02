/**
 * Secrets from files: the directory {@code ram.secrets.dir} read under its policy (plain names, nothing outside it),
 * and the step that gives each desired spec the digests of its secrets, or makes it Invalid when one cannot be read.
 * Contents leave this package only towards the actuator, never into a spec, status or log.
 */
package io.remoteappmanager.secrets;
