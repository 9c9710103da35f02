/** Liveness and readiness checks for /q/health: is the loop alive, and has it seen the engine and the specs. */
package io.remoteappmanager.health;
