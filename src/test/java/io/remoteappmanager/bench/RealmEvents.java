package io.remoteappmanager.bench;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.testing.TestEngine;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own container events for a realm, with the time each arrived: scenarios take "running"
 * from the start event and "converged" from the last start or destroy, instead of polling the engine they
 * measure (polling would load the engine during the controller's run and not during its anchors').
 */
final class RealmEvents implements AutoCloseable {

    private static final Set<String> CHANGES = Set.of("start", "destroy");

    private record Started(AppKey key, long nanos) {}

    private final BlockingQueue<Started> started = new LinkedBlockingQueue<>();
    private final Closeable subscription;
    private volatile long lastChangeNanos;

    RealmEvents(TestEngine observer) {
        subscription = observer.runtime.watch(observer.labels.realmFilter(), new RuntimeWatcher() {
            @Override
            public void started() {
                // the benchmark subscribes before it changes anything
            }

            @Override
            public void event(RuntimeEvent event) {
                long now = System.nanoTime();
                if (CHANGES.contains(event.action())) {
                    lastChangeNanos = now;
                }
                if (event.action().equals("start")) {
                    observer.labels.appKey(event.labels()).ifPresent(key -> started.add(new Started(key, now)));
                }
            }

            @Override
            public void broken(Throwable cause) {
                System.err.println("realm event stream broke: " + cause);
            }
        });
    }

    /** Forgets the starts seen so far. */
    void clear() {
        started.clear();
    }

    /** When the last container of the realm started or was removed (System.nanoTime). */
    long lastChangeNanos() {
        return lastChangeNanos;
    }

    /** Waits for the next start of {@code key} and returns when it arrived (System.nanoTime). */
    long awaitStart(AppKey key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Started next = started.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new IllegalStateException("no start of " + key + " within " + timeout);
                }
                if (next.key().equals(key)) {
                    return next.nanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the start of " + key, e);
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (IOException e) {
            System.err.println("cannot close the event stream: " + e.getMessage());
        }
    }
}
