/**
 * The observed state, kept the way controller-runtime's informers keep it: the realm's containers are listed once
 * when the engine's event stream (re)connects and again at a slow resync, and container events keep the cache
 * current in between, so a pass that changes nothing asks the engine nothing. A cache whose stream broke is not
 * trusted until it has been listed again; a heartbeat notices an engine that stops answering.
 */
package io.remoteappmanager.observe;
