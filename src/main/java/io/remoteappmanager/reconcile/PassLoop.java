package io.remoteappmanager.reconcile;

import io.remoteappmanager.lifecycle.Threads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The single thread that runs passes. Triggers (spec changes, engine events, probe verdicts, the periodic resync,
 * an API request) only wake it; triggers that arrive during a pass fold into one next pass, so passes never overlap
 * and a burst of events costs one pass. After each pass the loop rests as long as the pass took (at most
 * {@link #MAX_REST}) before it starts another: under a steady stream of events (a churn of hundreds of apps, each
 * create, start and finished key asking to look now) passes take at most half of one core and leave the rest to the
 * workers and the engine, while a small realm's passes, which take a millisecond, wait a millisecond. A pass may also
 * ask to be woken at a later instant (a back-off ending).
 */
final class PassLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PassLoop.class);
    /** The longest rest after a pass, so that even a realm whose passes take seconds reacts within about that. */
    static final Duration MAX_REST = Duration.ofMillis(500);

    /** What one pass did and when it wants to run again; its result completes once the work it queued is done. */
    record Ran(CompletableFuture<PassResult> result, Optional<Instant> wakeAt) {}

    /** One pass for {@code trigger}; {@code awaited} when someone asked for its result ({@link #requestPass}). */
    interface Pass {
        Ran run(String trigger, boolean awaited);
    }

    private final Pass pass;
    private final Clock clock;
    private final List<CompletableFuture<PassResult>> waiting = new ArrayList<>();
    private final List<CompletableFuture<Void>> publishing = new ArrayList<>();
    private String pendingTrigger;
    private Instant wakeAt;
    private Thread thread;
    private volatile boolean closed;
    private volatile Instant passStartedAt;
    private volatile Instant lastPassEndedAt;
    /** {@link System#nanoTime()} before which no pass starts: the rest after the last one. */
    private long restUntilNanos = System.nanoTime();

    PassLoop(Pass pass, Clock clock) {
        this.pass = pass;
        this.clock = clock;
    }

    /** Starts the thread with a first pass. */
    synchronized void start() {
        if (thread != null) {
            return;
        }
        pendingTrigger = "start-up";
        thread = Threads.start("reconcile", this::run);
    }

    /** Asks for a pass as soon as the current one (if any) ends. */
    synchronized void trigger(String reason) {
        if (pendingTrigger == null) {
            pendingTrigger = reason;
        }
        notifyAll();
    }

    /** Asks for a pass; completes with what it found and how the work it queued ended. */
    synchronized CompletableFuture<PassResult> requestPass(String reason) {
        CompletableFuture<PassResult> result = new CompletableFuture<>();
        waiting.add(result);
        trigger(reason);
        return result;
    }

    /**
     * Asks for a pass; completes once that pass has published what it found (without waiting for the work it
     * queued), so whoever waits sees in status everything that happened before the call.
     */
    synchronized CompletableFuture<Void> nextPass(String reason) {
        CompletableFuture<Void> published = new CompletableFuture<>();
        if (closed) {
            published.cancel(false);
            return published;
        }
        publishing.add(published);
        trigger(reason);
        return published;
    }

    /** How long the current pass has been running, if one is. */
    Optional<Duration> currentPassAge() {
        Instant started = passStartedAt;
        return started == null ? Optional.empty() : Optional.of(Duration.between(started, clock.instant()));
    }

    /** Triggers waiting for the next pass: 0 or 1, since triggers arriving meanwhile fold into one pass. */
    synchronized int pendingTriggers() {
        return pendingTrigger == null ? 0 : 1;
    }

    Optional<Instant> lastPassEndedAt() {
        return Optional.ofNullable(lastPassEndedAt);
    }

    boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive() && !closed;
    }

    /** Stops after the current pass; containers are left exactly as they are. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            notifyAll();
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (true) {
            String trigger;
            List<CompletableFuture<PassResult>> answering;
            List<CompletableFuture<Void>> published;
            synchronized (this) {
                trigger = awaitTrigger();
                if (trigger == null) {
                    waiting.forEach(w -> w.cancel(false));
                    publishing.forEach(p -> p.cancel(false));
                    return;
                }
                answering = new ArrayList<>(waiting);
                waiting.clear();
                published = new ArrayList<>(publishing);
                publishing.clear();
            }
            CompletableFuture<PassResult> result = runPass(trigger, !answering.isEmpty());
            published.forEach(p -> p.complete(null));
            result.whenComplete((done, error) -> answering.forEach(w -> {
                if (error != null) {
                    w.completeExceptionally(error);
                } else {
                    w.complete(done);
                }
            }));
        }
    }

    /**
     * Waits until a trigger arrives or the wake-up time comes, and the rest after the last pass is over; null once
     * the loop is closed.
     */
    private String awaitTrigger() {
        while (!closed) {
            long restMillis = restMillis();
            if (pendingTrigger != null && restMillis == 0) {
                String trigger = pendingTrigger;
                pendingTrigger = null;
                return trigger;
            }
            Instant now = clock.instant();
            if (wakeAt != null && !now.isBefore(wakeAt) && restMillis == 0) {
                wakeAt = null;
                return "back-off ended";
            }
            long waitMillis = pendingTrigger != null || (wakeAt != null && !now.isBefore(wakeAt)) ? restMillis
                    : wakeAt == null ? 0 : Math.max(1, Duration.between(now, wakeAt).toMillis());
            try {
                wait(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The rest after a pass that took {@code pass}: as long again, at most {@link #MAX_REST}. */
    static Duration restAfter(Duration pass) {
        return pass.compareTo(MAX_REST) < 0 ? pass : MAX_REST;
    }

    /** How much longer the rest after the last pass lasts, in whole milliseconds (rounded up), or 0. */
    private long restMillis() {
        long left = restUntilNanos - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
    }

    private CompletableFuture<PassResult> runPass(String trigger, boolean awaited) {
        passStartedAt = clock.instant();
        long started = System.nanoTime();
        try {
            Ran ran = pass.run(trigger, awaited);
            synchronized (this) {
                wakeAt = ran.wakeAt().orElse(null);
            }
            return ran.result();
        } catch (RuntimeException e) {
            LOG.errorf(e, "pass (%s) failed unexpectedly; the next trigger runs a fresh pass", trigger);
            synchronized (this) {
                wakeAt = clock.instant().plusSeconds(5);
            }
            return CompletableFuture.completedFuture(PassResult.engineDown(String.valueOf(e.getMessage())));
        } finally {
            passStartedAt = null;
            lastPassEndedAt = clock.instant();
            long ended = System.nanoTime();
            synchronized (this) {
                restUntilNanos = ended + restAfter(Duration.ofNanos(ended - started)).toNanos();
            }
        }
    }
}
