package io.remoteappmanager.runtime.swarm;

/** Where a swarm node publishes its tasks' ports (its {@code Status.Addr}), and its name for status. */
record NodeInfo(String address, String hostname) {}
