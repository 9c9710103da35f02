package io.remoteappmanager.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The events waiting for one webhook, bounded: when it is full the oldest waiting event makes room, so a dead
 * receiver costs a fixed amount of memory and the newest news is kept. Its one reader can also pause on it (a
 * back-off, a rate limit) and is woken by {@link #close}.
 */
final class EventQueue {

    private final int capacity;
    private final ArrayDeque<Notification> waiting = new ArrayDeque<>();
    private boolean closed;

    EventQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds {@code event}; returns whether the oldest event had to be dropped for it. */
    synchronized boolean add(Notification event) {
        boolean full = waiting.size() >= capacity;
        if (full) {
            waiting.removeFirst();
        }
        waiting.addLast(event);
        notifyAll();
        return full;
    }

    /** The oldest waiting event, waiting for one; empty once closed. */
    synchronized Optional<Notification> take() throws InterruptedException {
        while (waiting.isEmpty() && !closed) {
            wait();
        }
        return closed ? Optional.empty() : Optional.of(waiting.removeFirst());
    }

    /** Waits {@code pause} unless closed first; returns whether it is still open. */
    synchronized boolean pause(Duration pause) throws InterruptedException {
        long end = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); left > 0 && !closed; left = end - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        return !closed;
    }

    synchronized int size() {
        return waiting.size();
    }

    /** Wakes the reader for good; returns how many events were still waiting (they are never sent). */
    synchronized int close() {
        closed = true;
        notifyAll();
        return waiting.size();
    }
}
