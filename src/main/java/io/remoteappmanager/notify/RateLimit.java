package io.remoteappmanager.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code limit} requests to one webhook in any window of {@code period}, kept exactly by remembering the
 * last {@code limit} sends: a burst goes out at once up to the limit, then one request each time the oldest of
 * them leaves the window. Pure: the caller brings the time; one thread uses it.
 */
final class RateLimit {

    private final int limit;
    private final Duration period;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();

    RateLimit(int limit, Duration period) {
        this.limit = limit;
        this.period = period;
    }

    /** How long to wait at {@code now} before the next request may go. */
    Duration waitAt(Instant now) {
        if (sent.size() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, sent.peekFirst().plus(period));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A request went at {@code at}. */
    void sent(Instant at) {
        sent.addLast(at);
        if (sent.size() > limit) {
            sent.removeFirst();
        }
    }
}
