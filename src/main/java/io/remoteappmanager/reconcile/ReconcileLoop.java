package io.remoteappmanager.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The single thread that runs passes. Triggers (file events, engine events, the periodic resync, an API
 * request) only wake it; triggers that arrive during a pass are folded into one next pass, so passes
 * never overlap and a burst of events costs one pass. It also wakes itself when a back-off ends.
 */
@ApplicationScoped
public class ReconcileLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReconcileLoop.class);

    private final Reconciler reconciler;
    private final Clock clock = Clock.systemUTC();
    private final List<CompletableFuture<PassResult>> waiting = new ArrayList<>();
    private String pendingTrigger;
    private Instant wakeAt;
    private Thread thread;
    private volatile boolean closed;
    private volatile Instant passStartedAt;
    private volatile Instant lastPassEndedAt;

    public ReconcileLoop(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    /** Starts the loop thread with a first pass. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        pendingTrigger = "start-up";
        thread = new Thread(this::run, "ram-reconcile");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a pass as soon as the current one (if any) ends. */
    public synchronized void trigger(String reason) {
        if (pendingTrigger == null) {
            pendingTrigger = reason;
        }
        notifyAll();
    }

    /** Asks for a pass and completes with its result (a pass that starts after this call). */
    public synchronized CompletableFuture<PassResult> requestPass(String reason) {
        CompletableFuture<PassResult> result = new CompletableFuture<>();
        waiting.add(result);
        trigger(reason);
        return result;
    }

    /** How long the current pass has been running, if one is; the liveness check reads it. */
    public Optional<Duration> currentPassAge() {
        Instant started = passStartedAt;
        return started == null ? Optional.empty() : Optional.of(Duration.between(started, clock.instant()));
    }

    /** Triggers waiting for the next pass: 0 or 1, since triggers arriving meanwhile fold into one pass. */
    public synchronized int pendingTriggers() {
        return pendingTrigger == null ? 0 : 1;
    }

    public Optional<Instant> lastPassEndedAt() {
        return Optional.ofNullable(lastPassEndedAt);
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive() && !closed;
    }

    /** Stops the loop after the current pass; containers are left exactly as they are. */
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
            synchronized (this) {
                trigger = awaitTrigger();
                if (trigger == null) {
                    waiting.forEach(w -> w.cancel(false));
                    return;
                }
                answering = new ArrayList<>(waiting);
                waiting.clear();
            }
            PassResult result = runPass(trigger);
            answering.forEach(w -> w.complete(result));
        }
    }

    /** Waits until a trigger arrives or a back-off ends; null once the loop is closed. */
    private String awaitTrigger() {
        while (!closed) {
            if (pendingTrigger != null) {
                String trigger = pendingTrigger;
                pendingTrigger = null;
                return trigger;
            }
            Instant now = clock.instant();
            if (wakeAt != null && !now.isBefore(wakeAt)) {
                wakeAt = null;
                return "back-off ended";
            }
            long waitMillis = wakeAt == null ? 0 : Math.max(1, Duration.between(now, wakeAt).toMillis());
            try {
                wait(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private PassResult runPass(String trigger) {
        passStartedAt = clock.instant();
        try {
            PassResult result = reconciler.reconcile(trigger);
            synchronized (this) {
                wakeAt = result.requeueAt().orElse(null);
                if (result.relist() && pendingTrigger == null) {
                    pendingTrigger = "re-list after another controller's change";
                }
            }
            return result;
        } catch (RuntimeException e) {
            LOG.errorf(e, "pass (%s) failed unexpectedly; the next trigger runs a fresh pass", trigger);
            synchronized (this) {
                wakeAt = clock.instant().plusSeconds(5);
            }
            return PassResult.engineDown(String.valueOf(e.getMessage()), wakeAt);
        } finally {
            passStartedAt = null;
            lastPassEndedAt = clock.instant();
        }
    }
}
