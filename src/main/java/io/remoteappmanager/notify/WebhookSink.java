package io.remoteappmanager.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.time.Backoff;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One webhook: its own queue and thread, so a receiver that is dead, slow or hanging delays nothing but its own
 * deliveries. Each event is POSTed as JSON (signed when the webhook has a secret) within a deadline, at most
 * {@code ram.notify.rate-limit} requests per {@code ram.notify.rate-period}; a failure or an answer outside 2xx is
 * tried again after the back-off, up to {@code ram.notify.max-attempts} tries. Events go out one at a time, in order.
 * A failing receiver is logged once when it starts failing and once when it takes events again.
 */
final class WebhookSink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookSink.class);

    /** How every webhook delivers. */
    record Settings(Duration timeout, int rateLimit, Duration ratePeriod, int queueSize, int maxAttempts,
            Backoff backoff) {}

    /** Where one webhook is and what it wants. */
    record Target(String name, URI url, Optional<byte[]> secret, Optional<Set<String>> phases) {

        /** The URL as logs may show it: a webhook URL's path often is its password. */
        String shown() {
            return name + " (" + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + ")";
        }
    }

    private final Target target;
    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private final EventQueue queue;
    private final RateLimit rate;
    private final Counter delivered;
    private final Counter failed;
    private final Counter queueFull;
    private final Counter gaveUp;
    private final Thread thread;
    private int failuresInARow;
    private long droppedBefore;

    WebhookSink(Target target, Settings settings, HttpClient http, MeterRegistry metrics, Clock clock) {
        this.target = target;
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.queue = new EventQueue(settings.queueSize());
        this.rate = new RateLimit(settings.rateLimit(), settings.ratePeriod());
        this.delivered = counter(metrics, "ram.notify.delivered", "events a webhook took (answered 2xx)");
        this.failed = counter(metrics, "ram.notify.failed", "tries that failed: no answer in time, an error, not 2xx");
        this.queueFull = dropped(metrics, "queue-full");
        this.gaveUp = dropped(metrics, "gave-up");
        Gauge.builder("ram.notify.queue", queue, EventQueue::size).tag("sink", target.name())
                .description("events waiting for a webhook").register(metrics);
        this.thread = Threads.named("notify-" + target.name()).newThread(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues {@code event} if this webhook wants it; a full queue drops its oldest event. Never blocks. */
    void offer(Notification event) {
        if (target.phases().map(event::passes).orElse(true) && queue.add(event)) {
            queueFull.increment();
        }
    }

    /** Stops at once; events still waiting are not sent. */
    @Override
    public void close() {
        int left = queue.close();
        thread.interrupt();
        if (left > 0) {
            LOG.infof("notifications to %s: %d event(s) not sent at stop", target.shown(), left);
        }
    }

    private void run() {
        try {
            for (Optional<Notification> next = queue.take(); next.isPresent(); next = queue.take()) {
                deliver(next.get());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Notification event) throws InterruptedException {
        byte[] body = NotificationJson.encode(event);
        for (int attempt = 1; ; attempt++) {
            if (!queue.pause(rate.waitAt(clock.instant()))) {
                return;
            }
            rate.sent(clock.instant());
            Optional<String> failure = post(event, body);
            if (failure.isEmpty()) {
                delivered.increment();
                recovered();
                return;
            }
            failed.increment();
            failing(failure.get());
            if (attempt >= settings.maxAttempts()) {
                gaveUp.increment();
                return;
            }
            if (!queue.pause(settings.backoff().delay(attempt))) {
                return;
            }
        }
    }

    /** Why the try failed, or empty when the receiver took the event. */
    private Optional<String> post(Notification event, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "remoteappmanager")
                .header("X-Remoteappmanager-Event", event.type().wire())
                .header("X-Remoteappmanager-Delivery", event.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        target.secret().ifPresent(secret -> {
            long timestamp = Clock.systemUTC().instant().getEpochSecond();
            request.header(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(Signature.SIGNATURE_HEADER, Signature.of(secret, timestamp, body));
        });
        try {
            int code = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return code / 100 == 2 ? Optional.empty() : Optional.of("answered HTTP " + code);
        } catch (HttpTimeoutException e) {
            return Optional.of("no answer within " + settings.timeout().toMillis() + " ms (ram.notify.timeout)");
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void failing(String why) {
        if (failuresInARow++ == 0) {
            droppedBefore = lost();
            LOG.warnf("notifications to %s failing: %s; retrying with back-off (logged again when it takes events)",
                    target.shown(), why);
        }
    }

    private void recovered() {
        if (failuresInARow > 0) {
            LOG.infof("notifications to %s delivered again after %d failed tries; %d event(s) dropped meanwhile",
                    target.shown(), failuresInARow, lost() - droppedBefore);
            failuresInARow = 0;
        }
    }

    private long lost() {
        return (long) (queueFull.count() + gaveUp.count());
    }

    private Counter counter(MeterRegistry metrics, String name, String description) {
        return Counter.builder(name).tag("sink", target.name()).description(description).register(metrics);
    }

    private Counter dropped(MeterRegistry metrics, String reason) {
        return Counter.builder("ram.notify.dropped").tag("sink", target.name()).tag("reason", reason)
                .description("events never delivered: pushed out of a full queue, or out of tries").register(metrics);
    }
}
