package io.remoteappmanager.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.ProxyView;
import io.remoteappmanager.api.SourceView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.source.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The diff that feeds the events stream: each kind of change gives its event, and nothing else does. */
class EventDiffTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final SourceStatus DIRECTORY = SourceStatus.directory("/specs");
    private static final ProxyView PROXY = new ProxyView(true, "http://127.0.0.1:8001", 1, 0, Map.of(), T0, null, null);
    private static final SourceView SOURCE = SourceView.of(SourceStatus.directory("/srv/specs"));
    private static final StatusView STATUS = new StatusView(T0, 12, "files", 1, 0, true, null, List.of(), List.of(), PROXY, SOURCE);

    @Test
    void snapshotCarriesEverything() {
        LiveState state = new LiveState(List.of(app("alice/web", "Running", T0)), STATUS, DIRECTORY);

        LiveEvent snapshot = EventDiff.snapshot(state);

        assertThat(snapshot.type()).isEqualTo("snapshot");
        assertThat(snapshot.data()).isEqualTo(new LiveEvent.Snapshot(state.apps(), STATUS, DIRECTORY));
    }

    @Test
    void sameStateGivesNoEvents() {
        LiveState state = new LiveState(List.of(app("alice/web", "Running", T0)), STATUS, DIRECTORY);

        assertThat(EventDiff.between(state, state)).isEmpty();
    }

    @Test
    void anAppOnlyRenewedByAPassIsNoChange() {
        LiveState before = new LiveState(List.of(app("alice/web", "Running", T0)), STATUS, DIRECTORY);
        LiveState after = new LiveState(List.of(app("alice/web", "Running", T0.plusSeconds(30))), STATUS, DIRECTORY);

        assertThat(EventDiff.between(before, after)).isEmpty();
    }

    @Test
    void newChangedAndRemovedAppsEachGetTheirEvent() {
        AppView alice = app("alice/web", "Running", T0);
        AppView bob = app("bob/web", "Running", T0);
        AppView aliceRestarting = app("alice/web", "Restarting", T0);
        AppView carol = app("carol/web", "Pending", T0);
        LiveState before = new LiveState(List.of(alice, bob), STATUS, DIRECTORY);
        LiveState after = new LiveState(List.of(aliceRestarting, carol), STATUS, DIRECTORY);

        assertThat(EventDiff.between(before, after)).containsExactly(
                new LiveEvent("app", aliceRestarting),
                new LiveEvent("app", carol),
                new LiveEvent("app-removed", new LiveEvent.Removed("bob/web")));
    }

    @Test
    void aNewPassGivesPassAndItsProxySync() {
        ProxyView synced = new ProxyView(true, "http://127.0.0.1:8001", 2, 1, Map.of(), T0.plusSeconds(1), null, null);
        StatusView next = new StatusView(T0.plusSeconds(1), 8, "api", 1, 0, true, null, List.of(), List.of(), synced, SOURCE);

        assertThat(EventDiff.between(state(STATUS), state(next)))
                .containsExactly(new LiveEvent("pass", next), new LiveEvent("proxy", synced));
    }

    @Test
    void aProxySyncAloneGivesOnlyProxy() {
        ProxyView failed = new ProxyView(true, "http://127.0.0.1:8001", 1, 0, Map.of(), T0, "connection refused", T0.plusSeconds(2));
        StatusView next = new StatusView(T0, 12, "files", 1, 0, true, null, List.of(), List.of(), failed, SOURCE);

        assertThat(EventDiff.between(state(STATUS), state(next))).containsExactly(new LiveEvent("proxy", failed));
    }

    @Test
    void problemsAppearingAndClearingGiveProblems() {
        List<String> broken = List.of("alice.yaml:7: spec.image: required");
        StatusView withProblem = new StatusView(T0, 12, "files", 1, 0, true, null, broken, List.of(), PROXY, SOURCE);

        assertThat(EventDiff.between(state(STATUS), state(withProblem)))
                .containsExactly(new LiveEvent("problems", new LiveEvent.Problems(broken)));
        assertThat(EventDiff.between(state(withProblem), state(STATUS)))
                .containsExactly(new LiveEvent("problems", new LiveEvent.Problems(List.of())));
    }

    @Test
    void engineLostAndBackGiveEngine() {
        StatusView down = new StatusView(T0.plusSeconds(5), 3, "api", 0, 0, false, "connection refused", List.of(),
                List.of(), PROXY, SOURCE);

        assertThat(EventDiff.between(state(STATUS), state(down))).first()
                .isEqualTo(new LiveEvent("engine", new LiveEvent.Engine(false, "connection refused")));
        assertThat(EventDiff.between(state(down), state(STATUS))).first()
                .isEqualTo(new LiveEvent("engine", new LiveEvent.Engine(true, null)));
    }

    @Test
    void aNewSourceRevisionGivesSource() {
        SourceStatus revision = new SourceStatus("git", "http://127.0.0.1:9418/specs.git", Optional.of("main"),
                Optional.of("0123abcd"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T0),
                Optional.empty());

        assertThat(EventDiff.between(state(STATUS), new LiveState(List.of(), STATUS, revision)))
                .containsExactly(new LiveEvent("source", revision));
    }

    private static LiveState state(StatusView status) {
        return new LiveState(List.of(), status, DIRECTORY);
    }

    private static AppView app(String key, String phase, Instant updated) {
        String[] parts = key.split("/");
        return new AppView(key, parts[0], parts[1], parts[0] + "-" + parts[1], parts[0] + ".yaml", phase,
                phase + " since " + T0, "c0ffee", "ram-test/httpd:1", null, "http://127.0.0.1:32768",
                "/user/" + parts[0] + "/containers/ab12cd34", "ab12cd34", true, null, null, null, null, "create", "no container",
                T0, null, T0, updated, List.of());
    }
}
