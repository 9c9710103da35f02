package io.remoteappmanager.leader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.status.LeaderState;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusProjection;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one gate between deciding and acting when several controllers run for one realm: only the holder of the realm's
 * {@link Lease} leads. The controller plans on every pass either way but queues work only while this says it leads;
 * route sync, the idle and image checks and notifications go through it too ({@link #leads()}, {@link #gate(Jobs)},
 * {@link #whileLeading(Consumer)}). Every {@link Lease#period()} a standby claims the lease (and learns who leads) and
 * a leader renews it. A leader whose lease has a {@link Lease#fence()} stops acting when it has not renewed within it,
 * before a standby may take the lease over; it acts again only once a claim of its own succeeds.
 */
public final class Leadership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Leadership.class);

    /**
     * @param enabled  {@code ram.leader-election.enabled}; off, this controller leads from the start, unasked
     * @param identity how this controller is named to the others ({@link ControllerIdentity})
     */
    public record Settings(boolean enabled, String identity) {}

    private final Settings settings;
    private final Supplier<Lease> leases;
    private final StatusBoard status;
    private final Clock clock;
    private final Runnable onLead;
    private final Counter changes;
    private Lease lease;
    private Jobs.Job retry;
    private LeaderState state;
    private volatile boolean leads;
    /** Until when this leader may act without another successful claim; null while unfenced. */
    private volatile Instant actsUntil;
    private boolean closed;

    /**
     * @param leases opens the realm's lease, once, when the election starts
     * @param status the board whose first snapshot holds this controller's {@link LeaderState} before the election
     * @param onLead run once this controller has become leader: asks for a pass, which now acts
     */
    public Leadership(Settings settings, Supplier<Lease> leases, StatusBoard status, MeterRegistry metrics, Clock clock,
            Runnable onLead) {
        this.settings = settings;
        this.leases = leases;
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

    /** Opens the lease, claims it at once (a lone controller leads before its first pass) and then every period. */
    public void start(Jobs jobs) {
        if (!settings.enabled()) {
            return;
        }
        synchronized (this) {
            lease = leases.get();
        }
        claim();
        retry = jobs.every("leader-election", lease.period(), this::claim);
    }

    /** Whether this controller acts now: it holds the lease, and renewed it within the lease's fence. */
    public boolean leads() {
        Instant until = actsUntil;
        return leads && (until == null || clock.instant().isBefore(until));
    }

    /** {@code jobs} whose runs are skipped while this controller stands by: the idle and image checks. */
    public Jobs gate(Jobs jobs) {
        return (name, interval, task) -> jobs.every(name, interval, () -> {
            if (leads()) {
                task.run();
            }
        });
    }

    /** {@code listener}, told of each snapshot published while this controller leads: route sync. */
    public <T> Consumer<T> whileLeading(Consumer<T> listener) {
        return value -> {
            if (leads()) {
                listener.accept(value);
            }
        };
    }

    /** Releases the lease (a standby takes it within its period), once everything that acts has closed. */
    @Override
    public void close() {
        if (retry != null) {
            retry.close();
        }
        synchronized (this) {
            closed = true;
            if (lease != null) {
                leads = false;
                lease.close();
                lease = null;
            }
        }
    }

    /** One claim: take or renew the lease, or note who holds it. */
    private void claim() {
        boolean tookIt;
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant started = clock.instant();
            Lease.Claim claim;
            try {
                claim = lease.claim();
            } catch (IOException | RuntimeException e) {
                if (leads) {
                    LOG.warnf("cannot renew the lease %s; acting until %s at most: %s", lease.where(),
                            actsUntil == null ? "it is renewed" : actsUntil, e.getMessage());
                } else {
                    LOG.warnf("standing by: cannot use the lease %s: %s", lease.where(), e.getMessage());
                }
                return;
            }
            actsUntil = lease.fence().map(started::plus).orElse(null);
            tookIt = claim.held() && !leads;
            if (tookIt) {
                leads = true;
                changes.increment();
                LOG.infof("leading realm: took the lease %s from %s", lease.where(), claim.holder().orElse("nobody"));
                publish(new LeaderState(true, settings.identity(), true, Optional.of(settings.identity()),
                        claim.holder().or(state::leader), Optional.of(clock.instant()), state.changes() + 1));
            } else if (!claim.held() && leads) {
                leads = false;
                LOG.warnf("standing by: %s took the lease %s", claim.holder().orElse("another controller"),
                        lease.where());
                publish(new LeaderState(true, settings.identity(), false, claim.holder(),
                        Optional.of(settings.identity()), Optional.of(clock.instant()), state.changes()));
            } else if (!claim.held() && claim.holder().isPresent() && !claim.holder().equals(state.leader())) {
                LOG.infof("standing by: %s leads (lease %s)", claim.holder().get(), lease.where());
                publish(new LeaderState(true, settings.identity(), false, claim.holder(), state.leader(),
                        Optional.of(clock.instant()), state.changes()));
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
}
