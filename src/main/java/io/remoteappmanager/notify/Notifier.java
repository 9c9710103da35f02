package io.remoteappmanager.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.time.Backoff;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tells webhooks what changed, as a listener of the status board: {@link #offer} only keeps the newest snapshot, and
 * a thread of its own turns snapshots into events ({@link EventDetector}) and hands each to every webhook's queue
 * ({@link WebhookSink}), so no pass ever waits for a notification. It also wakes by itself when an app is due to have
 * been Pending too long. Events come from each app's transitions, so skipping to the newest snapshot loses none.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final EventDetector detector;
    private final List<WebhookSink> sinks;
    private final Clock clock;
    private final Thread thread;
    private StatusSnapshot newest;
    private boolean fresh;
    private Optional<Instant> wakeAt = Optional.empty();
    private boolean closed;

    private Notifier(EventDetector detector, List<WebhookSink> sinks, Clock clock) {
        this.detector = detector;
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.thread = new Thread(this::run, "ram-notify");
        this.thread.setDaemon(true);
    }

    /** The notifier {@code ram.notify.*} describes, or empty when it names no webhook. */
    public static Optional<Notifier> fromConfig(NotifySettings config, String realm, MeterRegistry metrics,
            Clock clock) {
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
        return Optional.of(new Notifier(new EventDetector(realm, config.pendingTooLong()), sinks, clock));
    }

    public void start() {
        sinks.forEach(WebhookSink::start);
        thread.start();
    }

    /** Takes a new snapshot (the status board calls this on the publishing thread): it only keeps the newest. */
    public synchronized void offer(StatusSnapshot snapshot) {
        newest = snapshot;
        fresh = true;
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
            for (StatusSnapshot next = await(); next != null; next = await()) {
                for (Notification event : detector.observe(next, clock.instant())) {
                    LOG.debugf("notify: %s", event);
                    sinks.forEach(sink -> sink.offer(event));
                }
                synchronized (this) {
                    wakeAt = detector.wakeAt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The snapshot to look at once a new one came or an app's Pending time is up; null once closed. */
    private synchronized StatusSnapshot await() throws InterruptedException {
        while (!closed && !fresh) {
            Optional<Duration> due = wakeAt.map(at -> Duration.between(clock.instant(), at));
            if (due.isPresent() && due.get().toMillis() <= 0) {
                break;
            }
            wait(due.map(d -> Math.max(1, d.toMillis())).orElse(0L));
        }
        fresh = false;
        wakeAt = Optional.empty();
        return closed ? null : newest;
    }
}
