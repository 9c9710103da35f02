package io.remoteappmanager.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.status.StatusChanges;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.time.Backoff;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Tells webhooks what changed, as a listener of the status board: {@link #offer} only keeps the changes each
 * snapshot carries, and a thread of its own reads them in order ({@link ChangeReader}) and hands each event to every
 * webhook's queue ({@link WebhookSink}), so no pass ever waits for a notification and no change is missed. It also
 * wakes by itself when an app is due to have been Pending too long. A standby reads every change too, so it knows
 * each app's condition when it takes over, but tells only those of snapshots published while it leads.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final ChangeReader reader;
    private final List<WebhookSink> sinks;
    private final Clock clock;
    private final BooleanSupplier telling;
    private final Thread thread;
    /** The changes offered and not yet read, oldest first. */
    private List<Offered> unread = new ArrayList<>();
    private Optional<Instant> wakeAt = Optional.empty();
    private boolean closed;

    private Notifier(ChangeReader reader, List<WebhookSink> sinks, Clock clock, BooleanSupplier telling) {
        this.reader = reader;
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.telling = telling;
        this.thread = Threads.named("notify").newThread(this::run);
    }

    /**
     * The notifier {@code ram.notify.*} describes, or empty when it names no webhook.
     *
     * @param telling whether this controller tells now: it leads its realm
     */
    public static Optional<Notifier> fromConfig(NotifySettings config, String realm, MeterRegistry metrics,
            Clock clock, BooleanSupplier telling) {
        if (config.webhooks().isEmpty()) {
            return Optional.empty();
        }
        WebhookSink.Settings settings = new WebhookSink.Settings(config.timeout(), config.rateLimit(),
                config.ratePeriod(), config.queueSize(), config.maxAttempts(),
                new Backoff(config.initialBackoff(), config.maxBackoff()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<WebhookSink> sinks = Webhooks.targets(config.webhooks()).stream()
                .map(target -> new WebhookSink(target, settings, http, metrics, clock)).toList();
        return Optional.of(new Notifier(new ChangeReader(realm, config.pendingTooLong()), sinks, clock, telling));
    }

    public void start() {
        sinks.forEach(WebhookSink::start);
        thread.start();
    }

    /** Takes a new snapshot (the status board calls this on the publishing thread, for each): keeps its changes. */
    public synchronized void offer(StatusSnapshot snapshot) {
        if (closed) {
            return;
        }
        unread.add(new Offered(snapshot.changes(), snapshot.firstPassDone() && snapshot.engine().trusted(),
                clock.instant(), telling.getAsBoolean()));
        notifyAll();
    }

    /** Stops looking and delivering; events not yet delivered are not sent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        sinks.forEach(WebhookSink::close);
    }

    private void run() {
        try {
            for (List<Offered> next = await(); next != null; next = await()) {
                for (Notification event : next.stream().flatMap(o -> reader.read(o.changes(), o.following(), o.at())
                        .stream().filter(event -> o.told())).toList()) {
                    LOG.debugf("notify: %s", event);
                    sinks.forEach(sink -> sink.offer(event));
                }
                synchronized (this) {
                    wakeAt = reader.wakeAt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The changes to read once new ones came or an app's Pending time is up (maybe none); null once closed. */
    private synchronized List<Offered> await() throws InterruptedException {
        while (!closed && unread.isEmpty()) {
            Optional<Duration> due = wakeAt.map(at -> Duration.between(clock.instant(), at));
            if (due.isPresent() && due.get().toMillis() <= 0) {
                break;
            }
            wait(due.map(d -> Math.max(1, d.toMillis())).orElse(0L));
        }
        List<Offered> taken = unread;
        unread = new ArrayList<>();
        wakeAt = Optional.empty();
        return closed ? null : taken.isEmpty()
                ? List.of(new Offered(StatusChanges.FIRST, true, clock.instant(), telling.getAsBoolean())) : taken;
    }

    /**
     * One snapshot's changes, whether that snapshot follows the apps (first pass done, engine trusted), and when it
     * was published: read as of then, so a late read tells nothing a timely one would not. With no changes, a wake
     * for a Pending time that is up. {@code told}: whether this controller led when it was published.
     */
    private record Offered(StatusChanges changes, boolean following, Instant at, boolean told) {}
}
