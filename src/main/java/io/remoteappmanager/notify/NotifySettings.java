package io.remoteappmanager.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where and how notifications go ({@code ram.notify.*}), so that the notifier reads no configuration of its own.
 *
 * @param webhooks       the receivers; none turns notifications off
 * @param pendingTooLong how long an app may be Pending before a {@code PendingTooLong} event
 * @param timeout        how long one delivery may take
 * @param rateLimit      at most this many requests to one webhook per {@code ratePeriod}
 * @param queueSize      events waiting for one webhook before the oldest is dropped
 * @param maxAttempts    tries of one event before it is dropped
 */
public record NotifySettings(List<Webhook> webhooks, Duration pendingTooLong, Duration timeout, int rateLimit,
        Duration ratePeriod, int queueSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * One receiver ({@code ram.notify.webhooks[N].*}).
     *
     * @param url    http or https URL, never shown beyond its scheme, host and port
     * @param secret signs each request when present
     * @param phases only app events into or out of these phases, when present
     * @param name   the name in metrics and logs; {@code webhook-N} when absent
     */
    public record Webhook(String url, Optional<String> secret, Optional<List<String>> phases, Optional<String> name) {}
}
