package io.remoteappmanager.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.status.LeaderState;
import io.remoteappmanager.status.ProxyState;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusChanges;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.time.MonotonicClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controllers of one realm in one JVM, each with its own {@link Leadership} on one lock file: the first leads at
 * once, the second stands by knowing who leads, and takes the lead on its next try once the first lets go. Runs of
 * the retry job are driven by hand ({@link ManualJobs}), so nothing here waits.
 */
class LeadershipTest {

    @TempDir
    Path dir;

    final List<Leadership> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /** One controller's part in the election: its leadership, status board, jobs, meters and pass requests. */
    final class Contender {
        final StatusBoard status;
        final ManualJobs jobs = new ManualJobs();
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        final AtomicInteger passesAsked = new AtomicInteger();
        final List<StatusChanges> changes = new ArrayList<>();
        final Leadership leadership;

        Contender(String identity, boolean enabled) {
            status = new StatusBoard(StatusSnapshot.initial(EngineState.starting(Instant.EPOCH),
                    SourceStatus.directory("specs"), ProxyState.initial(Optional.empty()),
                    enabled ? LeaderState.initial(true, identity) : LeaderState.alone(identity)));
            status.listen(snapshot -> changes.add(snapshot.changes()));
            leadership = new Leadership(new Leadership.Settings(enabled, identity),
                    () -> new FileLease(dir.resolve("realm.lock"), identity), status, metrics, MonotonicClock.system(),
                    passesAsked::incrementAndGet);
            opened.add(leadership);
        }

        Contender start() {
            leadership.start(jobs);
            return this;
        }

        void retry() {
            jobs.run("leader-election");
        }

        LeaderState leader() {
            return status.current().leader();
        }

        double gauge() {
            return metrics.get("ram.leader").gauge().value();
        }

        double leaderChanges() {
            return metrics.get("ram.leader.changes").counter().count();
        }
    }

    @Test
    void aLoneControllerLeadsAtOnceAndNamesItselfInTheLease() throws Exception {
        Contender alone = new Contender("host:1", true).start();

        assertThat(alone.leadership.leads()).isTrue();
        assertThat(alone.passesAsked).as("its first acting pass is asked for").hasValue(1);
        assertThat(alone.leader().leader()).contains("host:1");
        assertThat(alone.leader().handedOver()).as("nobody led before: no change of leader to tell").isFalse();
        assertThat(alone.gauge()).isEqualTo(1.0);
        assertThat(alone.leaderChanges()).isEqualTo(1.0);
        assertThat(Files.readString(dir.resolve("realm.lock")).strip()).isEqualTo("host:1");
    }

    @Test
    void theSecondStandsByKnowingWhoLeadsAndTakesOverOnItsNextTryOnceTheFirstLetsGo() {
        Contender first = new Contender("host:1", true).start();
        Contender second = new Contender("host:2", true).start();
        second.retry();

        assertThat(first.leadership.leads()).isTrue();
        assertThat(second.leadership.leads()).isFalse();
        assertThat(second.passesAsked).hasValue(0);
        assertThat(second.gauge()).isEqualTo(0.0);
        assertThat(second.leader().leads()).isFalse();
        assertThat(second.leader().leader()).as("read from the lease").contains("host:1");
        assertThat(second.changes).as("one change: who leads, once").filteredOn(c -> c.leader().isPresent())
                .hasSize(1);

        first.leadership.close();
        assertThat(first.leadership.leads()).isFalse();
        assertThat(first.gauge()).isEqualTo(0.0);
        assertThat(second.leadership.leads()).as("not before its next try").isFalse();
        second.retry();

        assertThat(second.leadership.leads()).isTrue();
        assertThat(second.passesAsked).hasValue(1);
        assertThat(second.gauge()).isEqualTo(1.0);
        assertThat(second.leaderChanges()).isEqualTo(1.0);
        LeaderState now = second.leader();
        assertThat(now.leads()).isTrue();
        assertThat(now.leader()).contains("host:2");
        assertThat(now.previous()).contains("host:1");
        assertThat(now.handedOver()).isTrue();
        second.retry();
        assertThat(second.changes).as("a leader's retries change nothing").filteredOn(c -> c.leader().isPresent())
                .hasSize(2);
    }

    @Test
    void aRestartedControllerTakesTheLeadFromTheOneThatDiedAndSaysSo() {
        new Contender("host:1", true).start().leadership.close();
        Contender restarted = new Contender("host:7", true).start();

        assertThat(restarted.leadership.leads()).isTrue();
        assertThat(restarted.leader().previous()).as("the lease still names the last leader").contains("host:1");
        assertThat(restarted.leader().handedOver()).isTrue();
    }

    @Test
    void aStandbySkipsTheRunsOfItsGatedJobsAndHearsNothingThroughItsGatedListeners() {
        new Contender("host:1", true).start();
        Contender second = new Contender("host:2", true).start();
        ManualJobs jobs = new ManualJobs();
        AtomicInteger runs = new AtomicInteger();
        List<String> heard = new ArrayList<>();
        Jobs gated = second.leadership.gate(jobs);
        gated.every("image-check", Duration.ofMinutes(1), runs::incrementAndGet);

        jobs.run("image-check");
        second.leadership.<String>whileLeading(heard::add).accept("standby");
        assertThat(runs).hasValue(0);
        assertThat(heard).isEmpty();

        opened.get(0).close(); // the first controller stops
        second.retry();
        jobs.run("image-check");
        second.leadership.<String>whileLeading(heard::add).accept("leader");
        assertThat(runs).hasValue(1);
        assertThat(heard).containsExactly("leader");
    }

    @Test
    void withElectionOffAControllerLeadsWithoutALeaseOrAJob() {
        Contender alone = new Contender("host:1", false).start();

        assertThat(alone.leadership.leads()).isTrue();
        assertThat(alone.jobs.active()).isEmpty();
        assertThat(dir.resolve("realm.lock")).doesNotExist();
        assertThat(alone.leader().enabled()).isFalse();
        assertThat(alone.leader().leads()).isTrue();
    }
}
