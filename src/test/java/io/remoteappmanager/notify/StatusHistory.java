package io.remoteappmanager.notify;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.status.LeaderState;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.ProxyState;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusChanges;
import io.remoteappmanager.status.StatusProjection;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Status as the controller would publish it, through the real projection on a real board: every move of an app
 * and every {@link #read} is a pass (a move a transition), carrying the engine's state and the spec problems as they
 * are then. The
 * changes of every snapshot are kept with the time it was published, as the notifier keeps them, until
 * {@link #read} hands them to a reader.
 */
final class StatusHistory {

    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    private final StatusBoard board = new StatusBoard(StatusSnapshot.initial(EngineState.starting(T0),
            SourceStatus.directory("specs"), ProxyState.initial(Optional.empty())));
    private final Map<AppKey, Decision> decisions = new TreeMap<>();
    private final Map<AppKey, AppSpec> specs = new TreeMap<>();
    private final List<Offered> unread = new ArrayList<>();
    /** When the next snapshot is published. */
    private Instant clock = T0;
    private EngineState engine = new EngineState(true, true, Optional.empty(), T0);
    private List<String> problems = List.of();

    StatusHistory() {
        board.listen(s -> unread.add(new Offered(s.changes(), s.firstPassDone() && s.engine().trusted(), clock)));
    }

    /** {@code key} enters {@code phase} at {@code at} (a new app when unknown), as the pass after its attempt says. */
    StatusHistory move(AppKey key, Phase phase, Instant at) {
        int before = board.current().app(key).map(app -> app.transitions().size()).orElse(0);
        Decision decision = new Decision(key, phase, List.of(), Optional.empty(), "reason " + before, Optional.empty());
        decisions.put(key, decision);
        AppSpec spec = specs.computeIfAbsent(key, StatusHistory::spec);
        clock = at;
        publishPass(at);
        return this;
    }

    /** {@code key} is gone at {@code at}: no spec names it and its container is removed. */
    StatusHistory remove(AppKey key, Instant at) {
        decisions.remove(key);
        specs.remove(key);
        clock = at;
        publishPass(at);
        return this;
    }

    /** Leader election publishes {@code state} at {@code at}. */
    StatusHistory leader(LeaderState state, Instant at) {
        clock = at;
        board.publish(s -> StatusProjection.withLeader(s, state));
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

    /**
     * A pass finishing at {@code at} and published at {@code now}, then what {@code reader} makes of every change
     * since the last read, each read as of its publication.
     */
    List<Notification> read(ChangeReader reader, Instant at, Instant now) {
        clock = now;
        publishPass(at);
        List<Notification> events = new ArrayList<>();
        unread.forEach(o -> events.addAll(reader.read(o.changes(), o.following(), o.at())));
        unread.clear();
        return events;
    }

    /**
     * A pass finishing at {@code at} over every app as it stands, with the engine's state and the spec problems as
     * they are now; with the engine untrusted, a pass that plans nothing.
     */
    private void publishPass(Instant at) {
        PassSummary pass = new PassSummary(Optional.of(at), Duration.ofMillis(3), "test", 0, 0, engine.error(),
                problems, List.of());
        if (engine.trusted()) {
            Plan plan = new Plan(List.copyOf(decisions.values()), List.of(), Optional.empty());
            DesiredState desired = new DesiredState(specs, List.of(), Set.of(), Set.of(), true, Set.of());
            board.publish(s -> StatusProjection.afterPass(s, plan, desired, c -> ProbeVerdict.READY, key -> List.of(),
                    id -> Optional.empty(), pass, engine, s.source(), at));
        } else {
            board.publish(s -> StatusProjection.passWithoutEngine(s, pass, engine, s.source()));
        }
    }

    static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static AppSpec spec(AppKey key) {
        return new AppSpec(key.mappingId(), key.user(), "ram-test/httpd:1", key.mappingId(), "/user/" + key.user(),
                Optional.empty(), OptionalInt.empty(), Map.of(), Map.of(), List.of(), AppSpec.Resources.DEFAULTS,
                AppSpec.RestartPolicy.Always, AppSpec.PullPolicy.IfNotPresent, false,
                new SpecOrigin(key.user() + ".yaml", key.mappingId(), 1), AppSpec.Readiness.DEFAULTS, Optional.empty(),
                AppSpec.Placement.DEFAULTS, Optional.empty(), Map.of());
    }

    /** One snapshot's changes, whether it follows the apps, and when it was published, as the notifier keeps them. */
    private record Offered(StatusChanges changes, boolean following, Instant at) {}
}
