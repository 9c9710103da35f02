package io.remoteappmanager.api;

import io.remoteappmanager.status.LeaderState;
import java.time.Instant;

/** Who leads the realm and whether this controller is the one, so an operator knows which controller acts. */
public record LeaderView(boolean electionEnabled, String self, String role, String leader, String previousLeader,
        Instant since, long changes) {

    static LeaderView of(LeaderState s) {
        return new LeaderView(s.enabled(), s.self(), s.leads() ? "leader" : "standby", s.leader().orElse(null),
                s.previous().orElse(null), s.since().orElse(null), s.changes());
    }
}
