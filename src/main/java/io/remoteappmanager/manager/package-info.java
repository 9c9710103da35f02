/**
 * The seed's ContainerManager API for the REST API and library users: start, stop and look up one realm's app
 * containers by their labels. Its starts go through the actuator, under the same policy as the controller's.
 */
package io.remoteappmanager.manager;
