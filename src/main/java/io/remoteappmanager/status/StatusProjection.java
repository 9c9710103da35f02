package io.remoteappmanager.status;

import io.remoteappmanager.actuator.ActionOutcome;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.observe.EngineState;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.source.SourceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Status as a pure function of what the controller decided and did: (a pass's plan, the outcomes of the attempts
 * finished since the pass before, the readiness verdicts, the previous status) → the next immutable snapshot.
 * Nothing else writes status, so what the API shows is always what a pass concluded.
 */
public final class StatusProjection {

    private StatusProjection() {}

    /**
     * After a pass that began at {@code now}: every planned key gets its status, with the outcomes of the attempts
     * finished since the last pass as its last action, and keys the plan no longer has are gone.
     *
     * @param outcomes the outcomes of a key's attempt finished since the last pass; empty when none finished
     */
    public static StatusSnapshot afterPass(StatusSnapshot previous, Plan plan, DesiredState desired,
            Function<ObservedContainer, ProbeVerdict> readiness, Function<AppKey, List<ActionOutcome>> outcomes,
            PassSummary summary, EngineState engine, SourceStatus source, Instant now) {
        Map<AppKey, AppStatus> apps = new LinkedHashMap<>(plan.decisions().size() * 2);
        for (Decision decision : plan.decisions()) {
            apps.put(decision.key(), app(previous.app(decision.key()), decision,
                    Optional.ofNullable(desired.apps().get(decision.key())), readiness, outcomes.apply(decision.key()),
                    now));
        }
        return new StatusSnapshot(apps, summary, engine, source);
    }

    /** A pass that could not trust the observed state: apps stay as they were, the pass and the engine say why. */
    public static StatusSnapshot passWithoutEngine(StatusSnapshot previous, PassSummary summary, EngineState engine,
            SourceStatus source) {
        return new StatusSnapshot(previous.apps(), summary, engine, source);
    }

    /** One app's status from its decision; what was last done to it carries over until something new is done. */
    static AppStatus app(Optional<AppStatus> previous, Decision decision, Optional<AppSpec> spec,
            Function<ObservedContainer, ProbeVerdict> readiness, List<ActionOutcome> outcomes, Instant now) {
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
                container.flatMap(ObservedContainer::imageDigest), container.map(ObservedContainer::urlId), urlpath,
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
