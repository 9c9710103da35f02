package io.remoteappmanager.status;

import io.remoteappmanager.manager.Container;
import io.remoteappmanager.manager.ContainerTemplate;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The in-memory status of every app, rebuilt by each pass from the plan (so a restarted controller
 * knows everything again after its first pass: the state lives in container labels) and updated as
 * actions finish. Readers get immutable snapshots.
 */
@ApplicationScoped
public class StatusStore {

    private final Map<AppKey, AppStatus> apps = new ConcurrentHashMap<>();
    private final ReadinessView readiness;
    private volatile Map<AppKey, AppSpec> specs = Map.of();
    private volatile PassSummary lastPass = PassSummary.NONE;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A store whose running containers are ready as soon as they run. */
    public StatusStore() {
        this(ReadinessView.ALWAYS_READY);
    }

    /** A store that shows a running container as Starting until {@code readiness} says it answers. */
    @Inject
    public StatusStore(ReadinessView readiness) {
        this.readiness = readiness;
    }

    /** Takes in one pass's plan: every planned key gets its phase, keys no longer planned are dropped. */
    public void recordPlan(Plan plan, DesiredState desired, Instant now) {
        apps.keySet().retainAll(plan.decisions().stream().map(Decision::key).collect(Collectors.toSet()));
        specs = desired.apps();
        for (Decision decision : plan.decisions()) {
            Optional<AppSpec> spec = Optional.ofNullable(desired.apps().get(decision.key()));
            AppStatus status = apps.getOrDefault(decision.key(),
                            AppStatus.initial(decision.key(), decision.phase(), decision.message(), now))
                    .withSpec(spec.map(AppSpec::name), spec.map(s -> s.origin().label()))
                    .withPhase(decision.phase(), decision.message(), now);
            if (decision.container().isPresent()) {
                status = withObserved(status, decision.container().get(), spec);
                if (decision.phase() == Phase.Running) {
                    status = runningOrStarting(status, decision.container().get().id(), decision.message(), now);
                }
            }
            apps.put(decision.key(), status);
        }
        changed();
    }

    /** An action finished; {@code container} is what now runs for the key (empty after a removal). */
    public void recordSuccess(Action action, Optional<Container> container, Instant now) {
        if (action.kind() == Action.Kind.REMOVE && container.isEmpty() && phaseOf(action.key()) == Phase.Removing) {
            apps.remove(action.key());
            changed();
            return;
        }
        apps.computeIfPresent(action.key(), (key, status) -> {
            AppStatus updated = status.withAction(verb(action), action.reason(), Optional.empty(), now);
            if (container.isPresent()) {
                Container c = container.get();
                if (action.kind() == Action.Kind.RESTART) {
                    readiness.restarted(c.dockerId());
                }
                updated = runningOrStarting(updated.withContainer(Optional.of(c.dockerId()), Optional.of(c.urlId()),
                        Optional.of(c.urlpath()), Optional.of(c.hostUrl())), c.dockerId(), "running since " + now, now);
            }
            return updated;
        });
        changed();
    }

    /** An action failed; the key is retried at {@code retryAt}. */
    public void recordFailure(Action action, String error, Instant retryAt, Instant now) {
        apps.computeIfPresent(action.key(), (key, status) -> status
                .withAction(verb(action), action.reason(), Optional.of(error), now)
                .withPhase(Phase.Failed, verb(action) + " failed, retrying at " + retryAt + ": " + error, now));
        changed();
    }

    /** The app's container did not become ready in time and was removed; the key is retried at {@code retryAt}. */
    public void recordNotReady(AppKey key, String error, Instant retryAt, Instant now) {
        apps.computeIfPresent(key, (k, status) -> status
                .withAction("remove", "not ready in time", Optional.of(error), now)
                .withPhase(Phase.Failed, error + "; container removed, retrying at " + retryAt, now));
        changed();
    }

    /** The spec the last plan was made from for {@code key}, if it has one. */
    public Optional<AppSpec> spec(AppKey key) {
        return Optional.ofNullable(specs.get(key));
    }

    public void recordPass(PassSummary summary) {
        lastPass = summary;
        changed();
    }

    /** Runs {@code listener} after every change; it runs on the changing thread, so it must only hand work off. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public PassSummary lastPass() {
        return lastPass;
    }

    public Optional<AppStatus> get(AppKey key) {
        return Optional.ofNullable(apps.get(key));
    }

    /** Every app, sorted by key. */
    public List<AppStatus> all() {
        Collection<AppStatus> values = apps.values();
        return values.stream().sorted(Comparator.comparing(AppStatus::key)).toList();
    }

    private Phase phaseOf(AppKey key) {
        AppStatus status = apps.get(key);
        return status == null ? null : status.phase();
    }

    /** Running once the container answers, Starting (with why not yet) before. */
    private AppStatus runningOrStarting(AppStatus status, String containerId, String runningMessage, Instant now) {
        return readiness.notReady(containerId)
                .map(why -> status.withPhase(Phase.Starting, why, now))
                .orElseGet(() -> status.withPhase(Phase.Running, runningMessage, now));
    }

    private static AppStatus withObserved(AppStatus status, ObservedContainer c, Optional<AppSpec> spec) {
        return status.withContainer(Optional.of(c.id()), Optional.of(c.urlId()),
                spec.map(s -> ContainerTemplate.urlpath(s.baseUrlPath(), c.urlId())),
                c.port().map(p -> "http://" + p.hostIp() + ":" + p.hostPort()));
    }

    private static String verb(Action action) {
        return action.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
