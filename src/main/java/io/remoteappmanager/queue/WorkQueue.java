package io.remoteappmanager.queue;

import io.remoteappmanager.lifecycle.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands keys to workers one at a time per key, so a slow or stuck key holds only itself while every other key
 * keeps moving. A key added while queued is queued once; a key added while a worker holds it is queued again
 * when that worker is {@link #done}, so the latest request is never lost and never run concurrently.
 *
 * <p>Each {@link #add} is answered by the attempt that serves it: the first attempt to start after the request.
 * Requests folded into one attempt share its answer, so whoever asked (a pass that queued its keys) hears how
 * that attempt ended without keeping books of its own.
 *
 * @param <K> the key type (an app key)
 * @param <R> what an attempt at a key ends with
 */
public final class WorkQueue<K, R> implements AutoCloseable {

    /** Keys waiting for a worker, in order of arrival, each with the answer its attempt will give. */
    private final Map<K, CompletableFuture<R>> queued = new LinkedHashMap<>();
    /** Keys a worker holds, with the answer of the attempt under way. */
    private final Map<K, CompletableFuture<R>> processing = new HashMap<>();
    /** Keys asked for again while a worker held them, with the answer of the attempt after this one. */
    private final Map<K, CompletableFuture<R>> dirty = new HashMap<>();
    private final ScheduledExecutorService delays;
    private boolean closed;

    /** @param name names the queue's delay thread */
    public WorkQueue(String name) {
        this.delays = Threads.serial(name + "-delays");
    }

    /**
     * Queues {@code key} unless it is queued already; a key being processed is queued again when it is done.
     * Returns how the attempt that serves this request ends; cancelled if the queue closes first.
     */
    public synchronized CompletableFuture<R> add(K key) {
        if (closed) {
            return CompletableFuture.failedFuture(new CancellationException("the work queue is closed"));
        }
        if (processing.containsKey(key)) {
            return dirty.computeIfAbsent(key, k -> new CompletableFuture<>());
        }
        CompletableFuture<R> answer = queued.get(key);
        if (answer == null) {
            answer = new CompletableFuture<>();
            queued.put(key, answer);
            notifyAll();
        }
        return answer;
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
        Iterator<Map.Entry<K, CompletableFuture<R>>> first = queued.entrySet().iterator();
        Map.Entry<K, CompletableFuture<R>> next = first.next();
        first.remove();
        processing.put(next.getKey(), next.getValue());
        return Optional.of(next.getKey());
    }

    /**
     * The worker is done with {@code key}, and its attempt ended with {@code result}, which answers every request
     * the attempt served; a request that arrived meanwhile queues the key again.
     */
    public void done(K key, R result) {
        CompletableFuture<R> answer;
        synchronized (this) {
            answer = processing.remove(key);
            CompletableFuture<R> again = dirty.remove(key);
            if (again != null) {
                if (closed) {
                    again.cancel(false);
                } else {
                    queued.put(key, again);
                    notifyAll();
                }
            }
        }
        if (answer != null) {
            answer.complete(result); // outside the lock: whoever waits may add work of its own
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

    /**
     * Stops handing out keys; workers blocked in {@link #take} get empty, and requests no attempt will serve any more
     * are cancelled. Attempts under way still answer theirs when their worker is {@link #done}.
     */
    @Override
    public void close() {
        List<CompletableFuture<R>> unserved = new ArrayList<>();
        synchronized (this) {
            closed = true;
            delays.shutdownNow();
            unserved.addAll(queued.values());
            unserved.addAll(dirty.values());
            queued.clear();
            dirty.clear();
            notifyAll();
        }
        unserved.forEach(answer -> answer.cancel(false));
    }
}
