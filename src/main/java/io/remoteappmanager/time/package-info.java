/**
 * Time the controller can rely on: a clock that never steps when the wall clock does, and the one exponential
 * back-off policy every retry uses (failed actions, crash restarts, the engine's event stream, fetches).
 */
package io.remoteappmanager.time;
