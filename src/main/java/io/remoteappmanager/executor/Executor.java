package io.remoteappmanager.executor;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.manager.Container;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.status.StatusStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Carries out a plan: each key's actions in order on one worker (one operation per key at a time), up
 * to {@code ram.reconcile.parallelism} keys at once. A failure backs its key off and never stops the others.
 */
@ApplicationScoped
public class Executor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Executor.class);

    private final ContainerManager manager;
    private final Backoffs backoffs;
    private final StatusStore status;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ExecutorService workers;
    private final AtomicInteger queued = new AtomicInteger();

    @Inject
    public Executor(ContainerManager manager, Backoffs backoffs, StatusStore status, MeterRegistry metrics,
            RamConfig config) {
        this(manager, backoffs, status, metrics, config, Clock.systemUTC());
    }

    Executor(ContainerManager manager, Backoffs backoffs, StatusStore status, MeterRegistry metrics,
            RamConfig config, Clock clock) {
        this.manager = manager;
        this.backoffs = backoffs;
        this.status = status;
        this.metrics = metrics;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(config.reconcile().parallelism(), r -> {
            Thread t = new Thread(r, "ram-executor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every action of the plan and returns how each ended, once all have. */
    public List<ActionOutcome> execute(Plan plan) {
        queued.addAndGet(plan.actions().size());
        List<CompletableFuture<List<ActionOutcome>>> perKey = plan.decisions().stream()
                .filter(d -> !d.actions().isEmpty())
                .map(d -> CompletableFuture.supplyAsync(() -> runInOrder(d), workers))
                .toList();
        List<ActionOutcome> outcomes = new ArrayList<>();
        perKey.forEach(f -> outcomes.addAll(f.join()));
        return outcomes;
    }

    /** Actions handed to this executor that have not finished yet (queue depth, for metrics). */
    public int actionsInFlight() {
        return queued.get();
    }

    @PreDestroy
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private List<ActionOutcome> runInOrder(Decision decision) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        try {
            for (Action action : decision.actions()) {
                ActionOutcome outcome = run(action);
                outcomes.add(outcome);
                metrics.counter("ram.actions", "kind", verb(action), "outcome", outcome.result().name().toLowerCase(Locale.ROOT))
                        .increment();
                if (outcome.result() == ActionOutcome.Result.FAILED) {
                    break;
                }
            }
        } finally {
            queued.addAndGet(-decision.actions().size());
        }
        return outcomes;
    }

    private ActionOutcome run(Action action) {
        try {
            Optional<Container> result = apply(action);
            Instant now = clock.instant();
            if (action.kind() == Action.Kind.RESTART) {
                backoffs.restarted(action.key(), now);
            } else {
                backoffs.succeeded(action.key());
            }
            status.recordSuccess(action, result, now);
            LOG.infof("%s", action);
            return ActionOutcome.done(action);
        } catch (NameConflictException conflict) {
            Optional<String> foreign = manager.nameConflictCause(action.key());
            if (foreign.isEmpty()) {
                LOG.infof("%s: already created by another controller; re-listing", action);
                return ActionOutcome.doneElsewhere(action);
            }
            return failed(action, foreign.get());
        } catch (RuntimeException e) {
            return failed(action, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Optional<Container> apply(Action action) {
        return switch (action.kind()) {
            case CREATE -> Optional.of(manager.launch(action.spec().orElseThrow(), urlId(action)));
            case RECREATE -> {
                manager.stopAndRemoveContainer(action.containerId().orElseThrow());
                yield Optional.of(manager.launch(action.spec().orElseThrow(), urlId(action)));
            }
            case RESTART -> Optional.of(manager.restart(action.containerId().orElseThrow()));
            case REMOVE -> {
                manager.stopAndRemoveContainer(action.containerId().orElseThrow());
                yield Optional.empty();
            }
        };
    }

    /** The url id the action keeps, or a fresh one when it has none (a new app, or a container that lost its label). */
    private static String urlId(Action action) {
        return action.urlId().filter(id -> !id.isBlank()).orElseGet(ContainerManager::newUrlId);
    }

    private ActionOutcome failed(Action action, String error) {
        Instant now = clock.instant();
        Instant retryAt = backoffs.failed(action.key(), error, now);
        status.recordFailure(action, error, retryAt, now);
        LOG.warnf("%s FAILED (retry at %s): %s", action, retryAt, error);
        return ActionOutcome.failed(action, error);
    }

    private static String verb(Action action) {
        return action.kind().name().toLowerCase(Locale.ROOT);
    }
}
