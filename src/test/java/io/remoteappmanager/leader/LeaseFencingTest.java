package io.remoteappmanager.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.status.LeaderState;
import io.remoteappmanager.status.ProxyState;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A leader on a lease with a fence (a swarm's) acts only while its renewals succeed: one that cannot reach the lease
 * stops acting once the fence has passed since its last renewal began, one whose lease another controller took stands
 * by at once, and either acts again only after a claim of its own succeeds. Claims and time are driven by hand.
 */
class LeaseFencingTest {

    static final Duration FENCE = Duration.ofSeconds(8);

    final MutableClock clock = new MutableClock(Instant.EPOCH);
    final ScriptedLease lease = new ScriptedLease();
    final ManualJobs jobs = new ManualJobs();
    final StatusBoard status = new StatusBoard(StatusSnapshot.initial(EngineState.starting(Instant.EPOCH),
            SourceStatus.directory("specs"), ProxyState.initial(Optional.empty()), LeaderState.initial(true, "me")));
    final Leadership leadership = new Leadership(new Leadership.Settings(true, "me"), () -> lease, status,
            new SimpleMeterRegistry(), clock, () -> { });

    @AfterEach
    void close() {
        leadership.close();
    }

    @Test
    void aLeaderThatCannotRenewStopsActingWhenItsFencePassesAndActsAgainOnceItRenews() {
        lease.next(new Lease.Claim(true, Optional.empty()));
        leadership.start(jobs);
        assertThat(leadership.leads()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        lease.failNext();
        jobs.run("leader-election");
        clock.advance(FENCE.minusSeconds(1).minusMillis(1));
        assertThat(leadership.leads()).as("within the fence of its last renewal").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(leadership.leads()).as("the fence has passed since its last renewal began").isFalse();

        lease.next(new Lease.Claim(true, Optional.of("me")));
        jobs.run("leader-election");
        assertThat(leadership.leads()).as("renewed").isTrue();
    }

    @Test
    void aLeaderWhoseLeaseWasTakenStandsByAtOnceAndSaysWhoLeads() {
        lease.next(new Lease.Claim(true, Optional.empty()));
        leadership.start(jobs);

        lease.next(new Lease.Claim(false, Optional.of("other")));
        jobs.run("leader-election");

        assertThat(leadership.leads()).isFalse();
        assertThat(status.current().leader().leads()).isFalse();
        assertThat(status.current().leader().leader()).contains("other");
        assertThat(status.current().leader().previous()).contains("me");
    }

    /** A lease whose claims answer as the test says. */
    static final class ScriptedLease implements Lease {
        private final Deque<Optional<Claim>> answers = new ArrayDeque<>();

        void next(Claim claim) {
            answers.add(Optional.of(claim));
        }

        void failNext() {
            answers.add(Optional.empty());
        }

        @Override
        public Claim claim() throws IOException {
            return answers.remove().orElseThrow(() -> new IOException("the lease's store does not answer"));
        }

        @Override
        public Duration period() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Optional<Duration> fence() {
            return Optional.of(FENCE);
        }

        @Override
        public String where() {
            return "scripted";
        }

        @Override
        public void close() {}
    }
}
