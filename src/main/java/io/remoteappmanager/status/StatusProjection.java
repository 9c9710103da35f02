package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.ImageMetadata;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.source.SourceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Status as a pure function of what the controller decided and did: (a pass's plan, the outcomes of the attempts
 * finished since the pass before, the readiness verdicts, route sync's outcome, the previous status) → the next
 * immutable snapshot. Nothing else writes status, so what the API shows is always what a pass or route sync
 * concluded. It is also the one place that decides what changed: each snapshot carries its {@link StatusChanges},
 * which notifications, the event stream and the URL log read instead of comparing snapshots themselves.
 */
public final class StatusProjection {

    private StatusProjection() {}

    /**
     * After a pass that began at {@code now}: every planned key gets its status, with the outcomes of the attempts
     * finished since the last pass as its last action, and keys the plan no longer has are gone.
     *
     * @param outcomes the outcomes of a key's attempt finished since the last pass; empty when none finished
     * @param metadata what an image (by id) says of its app, where it is known
     */
    public static StatusSnapshot afterPass(StatusSnapshot previous, Plan plan, DesiredState desired,
            Function<ObservedContainer, ProbeVerdict> readiness, Function<AppKey, List<ActionOutcome>> outcomes,
            Function<String, Optional<ImageMetadata>> metadata, PassSummary summary, EngineState engine,
            SourceStatus source, Instant now) {
        Map<AppKey, AppStatus> apps = new LinkedHashMap<>(plan.decisions().size() * 2);
        for (Decision decision : plan.decisions()) {
            apps.put(decision.key(), app(previous.app(decision.key()), decision,
                    Optional.ofNullable(desired.apps().get(decision.key())), readiness, outcomes.apply(decision.key()),
                    metadata, now));
        }
        return next(previous, apps, appChanges(previous.apps(), apps, now), Optional.of(summary), engine, source,
                previous.proxy(), previous.leader());
    }

    /** A pass that could not trust the observed state: apps stay as they were, the pass and the engine say why. */
    public static StatusSnapshot passWithoutEngine(StatusSnapshot previous, PassSummary summary, EngineState engine,
            SourceStatus source) {
        return next(previous, previous.apps(), List.of(), Optional.of(summary), engine, source, previous.proxy(),
                previous.leader());
    }

    /** After route sync: the proxy as it left it. The same state again is no new snapshot (the same one returns). */
    public static StatusSnapshot withProxy(StatusSnapshot previous, ProxyState proxy) {
        return proxy.equals(previous.proxy()) ? previous
                : next(previous, previous.apps(), List.of(), Optional.empty(), previous.engine(), previous.source(),
                        proxy, previous.leader());
    }

    /** After leader election changed who leads. The same state again is no new snapshot (the same one returns). */
    public static StatusSnapshot withLeader(StatusSnapshot previous, LeaderState leader) {
        return leader.equals(previous.leader()) ? previous
                : next(previous, previous.apps(), List.of(), Optional.empty(), previous.engine(), previous.source(),
                        previous.proxy(), leader);
    }

    /** The snapshot after {@code previous} with these parts, carrying what changed under the next sequence number. */
    private static StatusSnapshot next(StatusSnapshot previous, Map<AppKey, AppStatus> apps, List<AppChange> changed,
            Optional<PassSummary> pass, EngineState engine, SourceStatus source, ProxyState proxy, LeaderState leader) {
        PassSummary summary = pass.orElse(previous.lastPass());
        EngineState was = previous.engine();
        StatusChanges changes = new StatusChanges(previous.sequence() + 1, changed,
                Optional.of(engine).filter(e -> e.trusted() != was.trusted() || !e.error().equals(was.error())),
                problems(previous.lastPass(), summary), pass,
                Optional.of(source).filter(s -> !s.equals(previous.source())),
                Optional.of(proxy).filter(p -> !p.equals(previous.proxy())),
                Optional.of(leader).filter(l -> !l.equals(previous.leader())));
        return new StatusSnapshot(apps, summary, engine, source, proxy, leader, changes);
    }

    /** Every app that changed (in key order), then every app gone (in key order). */
    private static List<AppChange> appChanges(Map<AppKey, AppStatus> before, Map<AppKey, AppStatus> after,
            Instant now) {
        List<AppChange> changes = new ArrayList<>();
        after.values().forEach(app -> change(app.key(), Optional.ofNullable(before.get(app.key())), Optional.of(app),
                now).ifPresent(changes::add));
        changes.sort(Comparator.comparing(AppChange::key));
        before.values().stream().filter(app -> !after.containsKey(app.key()))
                .forEach(app -> changes.add(new AppChange(app.key(), Optional.of(app), Optional.empty(),
                        Optional.empty(), now)));
        return changes;
    }

    /** How one app changed, if it did in anything but its renewal time, with the phase change it made. */
    private static Optional<AppChange> change(AppKey key, Optional<AppStatus> before, Optional<AppStatus> after,
            Instant now) {
        boolean same = before.isPresent() ? after.filter(before.get()::sameExceptUpdated).isPresent() : after.isEmpty();
        if (same) {
            return Optional.empty();
        }
        Optional<Transition> transition = after.filter(a -> before.filter(b -> b.phase() == a.phase()).isEmpty())
                .map(a -> a.transitions().get(a.transitions().size() - 1));
        return Optional.of(new AppChange(key, before, after, transition, now));
    }

    /** The spec problems, when they changed: which appeared (in their new order) and which cleared. */
    private static Optional<StatusChanges.Problems> problems(PassSummary before, PassSummary after) {
        if (before.problems().equals(after.problems())) {
            return Optional.empty();
        }
        Set<String> was = new HashSet<>(before.problems());
        Set<String> is = new HashSet<>(after.problems());
        return Optional.of(new StatusChanges.Problems(after.problems(),
                after.problems().stream().filter(p -> !was.contains(p)).distinct().toList(),
                before.problems().stream().filter(p -> !is.contains(p)).distinct().toList(),
                after.finishedAt().orElseThrow()));
    }

    /** One app's status from its decision; what was last done to it carries over until something new is done. */
    static AppStatus app(Optional<AppStatus> previous, Decision decision, Optional<AppSpec> spec,
            Function<ObservedContainer, ProbeVerdict> readiness, List<ActionOutcome> outcomes,
            Function<String, Optional<ImageMetadata>> metadata, Instant now) {
        Optional<ObservedContainer> container = decision.container();
        boolean ready = container.filter(ObservedContainer::isRunning).map(c -> readiness.apply(c).ready())
                .orElse(false);
        Optional<String> urlpath = container.flatMap(c -> spec.map(s -> s.urlpath(c.urlId())).or(c::urlpath));
        boolean samePhase = previous.filter(p -> p.phase() == decision.phase()).isPresent();
        Instant since = samePhase ? previous.get().since() : now;
        List<Transition> transitions = samePhase ? previous.get().transitions()
                : transitions(previous, new Transition(now, previous.map(AppStatus::phase), decision.phase(),
                        decision.message()));
        AppStatus.LastAction last = outcomes.isEmpty()
                ? previous.map(AppStatus::last).orElse(AppStatus.LastAction.NONE)
                : lastAction(outcomes.get(outcomes.size() - 1), now);
        return new AppStatus(decision.key(), spec.map(AppSpec::name), spec.map(s -> s.origin().label()),
                decision.phase(), decision.message(), container.map(ObservedContainer::id),
                container.map(ObservedContainer::image).or(() -> spec.map(AppSpec::image)),
                container.flatMap(ObservedContainer::imageDigest),
                container.map(ObservedContainer::imageId).flatMap(metadata), container.map(ObservedContainer::urlId),
                urlpath,
                container.flatMap(ObservedContainer::endpoint), ready,
                AppRoute.of(decision.phase(), ready, previous.map(AppStatus::route)),
                container.flatMap(ObservedContainer::revision),
                container.map(ObservedContainer::exitCode).orElse(java.util.OptionalInt.empty()),
                container.flatMap(ObservedContainer::node), container.flatMap(ObservedContainer::network), last, since,
                now, transitions);
    }

    /** The app's transitions with {@code next} added, the oldest dropped past {@link AppStatus#TRANSITIONS_KEPT}. */
    private static List<Transition> transitions(Optional<AppStatus> previous, Transition next) {
        List<Transition> all = new ArrayList<>(previous.map(AppStatus::transitions).orElse(List.of()));
        all.add(next);
        return all.size() <= AppStatus.TRANSITIONS_KEPT ? all
                : all.subList(all.size() - AppStatus.TRANSITIONS_KEPT, all.size());
    }

    /** The action and how it went; a removal for not becoming ready counts as the key's failure, with its reason. */
    private static AppStatus.LastAction lastAction(ActionOutcome outcome, Instant now) {
        Optional<String> error = outcome.error()
                .or(() -> Optional.of(outcome.action().reason()).filter(r -> outcome.action().failedStart()));
        return new AppStatus.LastAction(Optional.of(outcome.action().verb()), Optional.of(outcome.action().reason()),
                Optional.of(now), error);
    }
}
