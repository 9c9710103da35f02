package io.remoteappmanager.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.queue.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The workers that take keys from the queue, and the one switch over what each attempt came to
 * ({@link KeyResult}): the key's history and back-off, its requeue, its metrics, and news for status, which the pass
 * asked for next publishes. A slow or stuck attempt holds only its own key.
 */
final class KeyWorkers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeyWorkers.class);
    /** How long closing waits for actions under way. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final Function<AppKey, KeyResult> reconciler;
    private final KeyHistories histories;
    private final Consumer<String> forgetProbe;
    private final LastActions lastActions;
    private final Consumer<String> trigger;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final int parallelism;
    private final WorkQueue<AppKey, KeyResult> queue = new WorkQueue<>("work");
    private final ExecutorService workers;

    /**
     * @param reconciler  one attempt at a key ({@link KeyReconciler#reconcile})
     * @param forgetProbe forgets the readiness verdict on a container (one restarted in place must answer anew)
     * @param trigger     asks for a pass, which puts what an attempt did into status
     */
    KeyWorkers(Function<AppKey, KeyResult> reconciler, KeyHistories histories, Consumer<String> forgetProbe,
            LastActions lastActions, Consumer<String> trigger, int parallelism, MeterRegistry metrics, Clock clock) {
        this.reconciler = reconciler;
        this.histories = histories;
        this.forgetProbe = forgetProbe;
        this.lastActions = lastActions;
        this.trigger = trigger;
        this.metrics = metrics;
        this.clock = clock;
        this.parallelism = parallelism;
        this.workers = Threads.pool("worker", parallelism);
    }

    void start() {
        for (int i = 0; i < parallelism; i++) {
            workers.execute(this::work);
        }
    }

    /** Queues an attempt at {@code key}; completes with what the attempt that serves this request came to. */
    CompletableFuture<KeyResult> submit(AppKey key) {
        return queue.add(key);
    }

    /** Keys waiting for a worker or held by one. */
    int backlog() {
        return queue.depth() + queue.inFlight();
    }

    /**
     * Stops taking keys; an action under way is let finish (each of its engine calls ends by its deadline), so no
     * half-done change is left behind.
     */
    @Override
    public void close() {
        queue.close();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("actions still under way after %s; abandoning them", CLOSE_GRACE);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        try {
            for (Optional<AppKey> next = queue.take(); next.isPresent(); next = queue.take()) {
                AppKey key = next.get();
                KeyResult result = attempt(key);
                settle(result);
                queue.done(key, result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KeyResult attempt(AppKey key) {
        try {
            return reconciler.apply(key);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: reconcile failed unexpectedly; it backs off like a failed action", key);
            return KeyResult.crashed(key, "reconcile failed unexpectedly: " + e);
        }
    }

    /** The one place where an attempt's result becomes history, back-off, requeue, metrics and news for status. */
    private void settle(KeyResult result) {
        AppKey key = result.key();
        Instant now = clock.instant();
        for (ActionOutcome outcome : result.outcomes()) {
            metrics.counter("ram.actions", "kind", outcome.action().verb(),
                    "outcome", outcome.result().name().toLowerCase(Locale.ROOT)).increment();
        }
        switch (result.kind()) {
            case NOTHING_TO_DO, ENGINE_UNTRUSTED, WAITING_FOR_BUDGET -> { }
            case FAILED -> {
                Instant retryAt = histories.failed(key, result.version(), result.error().orElseThrow(), now);
                queue.addAfter(key, Duration.between(now, retryAt));
            }
            case ACTED -> recordSuccess(result, now);
        }
        if (!result.outcomes().isEmpty()) {
            lastActions.record(key, result.outcomes());
        }
        if (result.newsForStatus()) {
            trigger.accept("finished " + key);
        }
    }

    /** A repair (a crash restart, a recreate for liveness) counts towards the back-off; anything else clears it. */
    private void recordSuccess(KeyResult result, Instant now) {
        Optional<ActionOutcome> repair = result.outcomes().stream()
                .filter(o -> o.action().repairs() && o.started().isPresent()).reduce((first, second) -> second);
        if (repair.isPresent()) {
            String started = repair.get().started().orElseThrow();
            forgetProbe.accept(started);
            histories.restarted(result.key(), result.version(), started, now);
        } else {
            histories.succeeded(result.key(), result.version(), result.outcomes().stream().map(ActionOutcome::started)
                    .flatMap(Optional::stream).reduce((first, second) -> second));
        }
    }
}
