package io.remoteappmanager.queue;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands keys to workers one at a time per key, so a slow or stuck key holds only itself while every other key
 * keeps moving. A key added while queued is queued once; a key added while a worker holds it is queued again
 * when that worker is {@link #done}, so the latest request is never lost and never run concurrently.
 *
 * @param <K> the key type (an app key)
 */
public final class WorkQueue<K> implements AutoCloseable {

    private final Set<K> queued = new LinkedHashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final Set<K> dirty = new HashSet<>();
    private final ScheduledExecutorService delays;
    private boolean closed;

    /** @param name names the queue's delay thread */
    public WorkQueue(String name) {
        this.delays = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-delays");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code key} unless it is queued already; a key being processed is queued again when it is done. */
    public synchronized void add(K key) {
        if (closed) {
            return;
        }
        if (processing.contains(key)) {
            dirty.add(key);
        } else if (queued.add(key)) {
            notifyAll();
        }
    }

    /** Queues {@code key} once {@code delay} has passed (a retry after a back-off). */
    public void addAfter(K key, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            add(key);
            return;
        }
        try {
            delays.schedule(() -> add(key), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the queue is closed: nothing is handed out any more
        }
    }

    /** The next key, marked as processing until {@link #done}; empty once the queue is closed. */
    public synchronized Optional<K> take() throws InterruptedException {
        while (queued.isEmpty() && !closed) {
            wait();
        }
        if (closed) {
            return Optional.empty();
        }
        Iterator<K> first = queued.iterator();
        K key = first.next();
        first.remove();
        processing.add(key);
        return Optional.of(key);
    }

    /** The worker is done with {@code key}; a request that arrived meanwhile queues it again. */
    public synchronized void done(K key) {
        processing.remove(key);
        if (dirty.remove(key) && !closed && queued.add(key)) {
            notifyAll();
        }
    }

    /** Keys waiting for a worker. */
    public synchronized int depth() {
        return queued.size();
    }

    /** Keys a worker holds now. */
    public synchronized int inFlight() {
        return processing.size();
    }

    /** Stops handing out keys; workers blocked in {@link #take} get empty. */
    @Override
    public synchronized void close() {
        closed = true;
        delays.shutdownNow();
        notifyAll();
    }
}
