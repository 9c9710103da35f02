package io.remoteappmanager.testing.fake;

import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeWatcher;
import java.io.Closeable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fake engine's event streams: each event is stamped and handed to the subscriptions whose label filter it
 * matches at the moment it happens, and every subscription hears its start, its events and its end on one thread
 * of their own, in the order they happened and after the call that caused them, as the real engine's stream does.
 */
final class FakeEvents implements AutoCloseable {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Threads.serial("fake-engine-events");
    private long lastNanos;

    /** A watcher and its label filter, until it is closed or the stream breaks. */
    private final class Subscription implements Closeable {
        final Map<String, String> filter;
        final RuntimeWatcher watcher;
        final AtomicBoolean over = new AtomicBoolean();

        Subscription(Map<String, String> filter, RuntimeWatcher watcher) {
            this.filter = Map.copyOf(filter);
            this.watcher = watcher;
        }

        @Override
        public void close() {
            over.set(true);
            subscriptions.remove(this);
        }

        void end(Throwable cause) {
            if (over.compareAndSet(false, true)) {
                subscriptions.remove(this);
                deliver(() -> watcher.broken(cause));
            }
        }
    }

    /** Subscribes {@code watcher}: it hears {@code started} before any event that happens from now on. */
    Closeable subscribe(Map<String, String> filter, RuntimeWatcher watcher) {
        Subscription subscription = new Subscription(filter, watcher);
        subscriptions.add(subscription);
        deliver(() -> {
            if (!subscription.over.get()) {
                watcher.started();
            }
        });
        return subscription;
    }

    /** A subscription the engine refused: its watcher hears {@code broken} once, and nothing else. */
    Closeable refuse(RuntimeWatcher watcher, Throwable cause) {
        Subscription subscription = new Subscription(Map.of(), watcher);
        subscription.end(cause);
        return subscription;
    }

    /**
     * Emits {@code action} about {@code container}, with the attributes the engine adds to its labels (name, image,
     * and {@code extra}: a die's exitCode, a kill's signal). Called under the daemon's lock, so events keep the order
     * of the changes.
     */
    void emit(FakeContainer container, String action, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(container.labels);
        attributes.put("name", container.name);
        attributes.put("image", container.image.reference());
        attributes.putAll(extra);
        RuntimeEvent event = new RuntimeEvent(action, container.id, attributes, stamp());
        for (Subscription subscription : subscriptions) {
            if (container.carries(subscription.filter)) {
                deliver(() -> {
                    if (!subscription.over.get()) {
                        subscription.watcher.event(event);
                    }
                });
            }
        }
    }

    /** Breaks every stream open now: each watcher hears {@code broken} once. */
    void breakAll(Throwable cause) {
        subscriptions.forEach(s -> s.end(cause));
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        delivery.shutdownNow();
    }

    /** The engine's clock for an event: the wall clock, never backwards and never the same twice. */
    private long stamp() {
        Instant now = Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        lastNanos = Math.max(nanos, lastNanos + 1);
        return lastNanos;
    }

    private void deliver(Runnable task) {
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException closed) {
            // the engine is closed: nobody listens any more
        }
    }
}
