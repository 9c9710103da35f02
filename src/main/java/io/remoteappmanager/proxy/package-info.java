/**
 * The reverse proxy side of the controller: readiness probes that hold an app in Starting until its web
 * server answers, and the synchroniser that keeps configurable-http-proxy's routes in step with the apps
 * that run and are ready, through CHP's REST API.
 */
package io.remoteappmanager.proxy;
