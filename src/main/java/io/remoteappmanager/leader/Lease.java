package io.remoteappmanager.leader;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A realm's lease as one store keeps it (a lock file on this host, an object in a swarm), reduced to one try at holding
 * it, so that {@link Leadership} decides alike over every store.
 */
public interface Lease extends AutoCloseable {

    /**
     * Takes the lease when it is free or its holder has stopped renewing it, and renews it when this controller holds
     * it. Throws when the store cannot be reached: that says nothing about who holds it.
     */
    Claim claim() throws IOException;

    /** How often a controller claims: a standby notices a free lease within this, a leader renews at this pace. */
    Duration period();

    /**
     * How long a holder may act after the start of its last successful claim; empty when it holds the lease for as
     * long as it lives (a lock the kernel releases only with the process). Shorter than the time a standby waits before
     * it takes a lease whose holder stopped renewing, so a holder that cannot renew stops acting first.
     */
    Optional<Duration> fence();

    /** Where the lease is kept, for the log. */
    String where();

    /** Lets go of the lease if this controller holds it, so that a standby takes it on its next claim. */
    @Override
    void close();

    /**
     * How one claim went.
     *
     * @param held   whether this controller holds the lease now
     * @param holder who held it as this claim found it: the leader for a standby, the one before for a new holder
     */
    record Claim(boolean held, Optional<String> holder) {}
}
