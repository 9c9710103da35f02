package io.remoteappmanager.status;

import java.time.Instant;
import java.util.Optional;

/**
 * Who leads the realm as this controller knows it, part of the status so that the API, the dashboard, the metrics and
 * the notifications read it from the one snapshot. Only leader election writes it, through the {@link StatusBoard}.
 *
 * @param enabled  whether {@code ram.leader-election.enabled} is on; off, this controller always leads
 * @param self     this controller's identity (host name and process id)
 * @param leads    whether this controller acts now
 * @param leader   the identity of the leader, when known (a standby reads it from the lease)
 * @param previous the leader before {@code leader}, when this controller saw or read one
 * @param since    when {@code leader} last changed, as this controller saw it
 * @param changes  how often this controller took the lead
 */
public record LeaderState(boolean enabled, String self, boolean leads, Optional<String> leader,
        Optional<String> previous, Optional<Instant> since, long changes) {

    /** Before the election's first try: nobody known to lead, this controller not acting. */
    public static LeaderState initial(boolean enabled, String self) {
        return new LeaderState(enabled, self, false, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** A controller outside leader election: it always leads. */
    public static LeaderState alone(String self) {
        return new LeaderState(false, self, true, Optional.of(self), Optional.empty(), Optional.empty(), 0);
    }

    /** Whether the lead passed from one known controller to another: what a notification tells. */
    public boolean handedOver() {
        return leader.isPresent() && previous.isPresent() && !previous.equals(leader);
    }
}
