/**
 * The soak ({@code scripts/soak.sh}): two controllers of one realm on the real engine, a git daemon and CHP, under
 * random bounded faults for many minutes, with the invariants checked every second and the processes sampled every
 * minute. Not part of the test command.
 */
package io.remoteappmanager.soak;
