package io.remoteappmanager.leader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.status.LeaderState;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusProjection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The one gate between deciding and acting when several controllers run for one realm: only the holder of the realm's
 * lease (an exclusive lock on {@code ram.leader-election.lock-file}) leads. The controller plans on every pass either
 * way but queues work only while this says it leads; route sync, the idle and image checks and notifications go
 * through it too ({@link #leads()}, {@link #gate(Jobs)}, {@link #whileLeading(Consumer)}). A standby tries again
 * every {@link Settings#retry()}, and reads who leads from the lease file meanwhile. The kernel releases the lock only
 * when the process ends or this closes, so a leader cannot lose it while it lives and needs no fencing of its own: it
 * closes after everything that acts (it starts first).
 */
public final class Leadership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Leadership.class);

    /**
     * @param enabled  {@code ram.leader-election.enabled}; off, this controller leads from the start, unasked
     * @param lockFile {@code ram.leader-election.lock-file}
     * @param identity how this controller is named to the others ({@link ControllerIdentity})
     * @param retry    how often a standby tries to take the lease
     */
    public record Settings(boolean enabled, Path lockFile, String identity, Duration retry) {

        /** How often a standby tries the lease: a leader's death is noticed within this. */
        public static final Duration RETRY = Duration.ofSeconds(1);
    }

    private final Settings settings;
    private final StatusBoard status;
    private final Clock clock;
    private final Runnable onLead;
    private final Counter changes;
    private LockFiles.Shared lease;
    private Jobs.Job retry;
    private LeaderState state;
    private volatile boolean leads;
    private boolean closed;

    /**
     * @param status the board whose first snapshot holds this controller's {@link LeaderState} before the election
     * @param onLead run once this controller has become leader: asks for a pass, which now acts
     */
    public Leadership(Settings settings, StatusBoard status, MeterRegistry metrics, Clock clock, Runnable onLead) {
        this.settings = settings;
        this.status = status;
        this.clock = clock;
        this.onLead = onLead;
        this.leads = !settings.enabled();
        this.state = status.current().leader();
        this.changes = Counter.builder("ram.leader.changes").description("how often this controller took the lead")
                .register(metrics);
        Gauge.builder("ram.leader", this, l -> l.leads() ? 1 : 0)
                .description("1 while this controller leads its realm (acts), 0 while it stands by")
                .register(metrics);
    }

    /** Opens the lease, tries it at once (a lone controller leads before its first pass) and then every period. */
    public void start(Jobs jobs) {
        if (!settings.enabled()) {
            return;
        }
        synchronized (this) {
            lease = LockFiles.join(settings.lockFile(), this);
        }
        tryLead();
        retry = jobs.every("leader-election", settings.retry(), this::tryLead);
    }

    /** Whether this controller acts now. */
    public boolean leads() {
        return leads;
    }

    /** {@code jobs} whose runs are skipped while this controller stands by: the idle and image checks. */
    public Jobs gate(Jobs jobs) {
        return (name, interval, task) -> jobs.every(name, interval, () -> {
            if (leads) {
                task.run();
            }
        });
    }

    /** {@code listener}, told of each snapshot published while this controller leads: route sync. */
    public <T> Consumer<T> whileLeading(Consumer<T> listener) {
        return value -> {
            if (leads) {
                listener.accept(value);
            }
        };
    }

    /** Releases the lease (a standby takes it within its retry period), once everything that acts has closed. */
    @Override
    public void close() {
        if (retry != null) {
            retry.close();
        }
        synchronized (this) {
            closed = true;
            if (lease != null) {
                leads = false;
                LockFiles.leave(lease, this);
                lease = null;
            }
        }
    }

    /** One try: take the lease if it is free, else note who holds it. */
    private void tryLead() {
        boolean tookIt;
        synchronized (this) {
            if (closed || leads) {
                return;
            }
            try {
                Optional<String> written = named(lease.read());
                tookIt = lease.tryHold(this);
                if (tookIt) {
                    lease.write(this, settings.identity());
                    leads = true;
                    changes.increment();
                    LOG.infof("leading realm: took the lease %s from %s", lease.path(), written.orElse("nobody"));
                    publish(new LeaderState(true, settings.identity(), true, Optional.of(settings.identity()),
                            written.or(state::leader), Optional.of(clock.instant()), state.changes() + 1));
                } else if (written.isPresent() && !written.equals(state.leader())) {
                    LOG.infof("standing by: %s leads (lease %s)", written.get(), lease.path());
                    publish(new LeaderState(true, settings.identity(), false, written, state.leader(),
                            Optional.of(clock.instant()), state.changes()));
                }
            } catch (IOException e) {
                LOG.warnf("standing by: cannot use the lease %s: %s", lease.path(), e.getMessage());
                return;
            }
        }
        if (tookIt) {
            onLead.run();
        }
    }

    private void publish(LeaderState next) {
        state = next;
        status.publish(s -> StatusProjection.withLeader(s, next));
    }

    private static Optional<String> named(String content) {
        return Optional.of(content).filter(s -> !s.isEmpty());
    }
}
