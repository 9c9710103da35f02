package io.remoteappmanager.notify;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.observe.EngineState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.status.AppRoute;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.status.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Status snapshots as the controller would publish them, made by hand: apps move from phase to phase (each move a
 * transition, as the projection records it), and each snapshot carries the engine's state and the spec problems.
 */
final class StatusHistory {

    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    private final Map<AppKey, AppStatus> apps = new TreeMap<>();
    private EngineState engine = new EngineState(true, true, Optional.empty(), T0);
    private List<String> problems = List.of();

    /** {@code key} enters {@code phase} at {@code at} (a new app when unknown). */
    StatusHistory move(AppKey key, Phase phase, Instant at) {
        Optional<AppStatus> before = Optional.ofNullable(apps.get(key));
        List<Transition> transitions = new ArrayList<>(before.map(AppStatus::transitions).orElse(List.of()));
        transitions.add(new Transition(at, before.map(AppStatus::phase), phase, "reason " + transitions.size()));
        apps.put(key, new AppStatus(key, Optional.of(key.mappingId()), Optional.empty(), phase, "now " + phase,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, AppRoute.NONE, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), AppStatus.LastAction.NONE,
                at, at,
                transitions.subList(Math.max(0, transitions.size() - AppStatus.TRANSITIONS_KEPT), transitions.size())));
        return this;
    }

    StatusHistory remove(AppKey key) {
        apps.remove(key);
        return this;
    }

    StatusHistory engine(EngineState state) {
        engine = state;
        return this;
    }

    StatusHistory problems(String... now) {
        problems = List.of(now);
        return this;
    }

    /** The snapshot after a pass that finished at {@code at}. */
    StatusSnapshot at(Instant at) {
        PassSummary pass = new PassSummary(Optional.of(at), Duration.ofMillis(3), "test", 0, 0,
                engine.error(), problems, List.of());
        return new StatusSnapshot(new TreeMap<>(apps), pass, engine, SourceStatus.directory("specs"));
    }

    static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
