package io.remoteappmanager.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.ProxyState;
import io.remoteappmanager.status.StatusProjection;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The events stream's events, from the changes the status projection decided: each kind of change gives its event,
 * and nothing else does.
 */
class LiveEventsTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final SourceStatus DIRECTORY = SourceStatus.directory("/specs");
    private static final EngineState TRUSTED = new EngineState(true, true, Optional.empty(), T0);
    private static final AppKey ALICE = new AppKey("alice", "web");
    private static final AppKey BOB = new AppKey("bob", "web");
    private static final AppKey CAROL = new AppKey("carol", "web");

    private final StatusSnapshot start = pass(StatusSnapshot.initial(TRUSTED, DIRECTORY,
            ProxyState.initial(Optional.of("http://127.0.0.1:8001"))), T0, List.of(),
            decision(ALICE, Phase.Running), decision(BOB, Phase.Running));

    @Test
    void snapshotCarriesEverything() {
        LiveEvent snapshot = LiveEvents.snapshot(start);

        assertThat(snapshot.type()).isEqualTo("snapshot");
        assertThat(snapshot.data()).isEqualTo(new LiveEvent.Snapshot(start.all().stream().map(AppView::of).toList(),
                StatusView.of(start), DIRECTORY));
    }

    @Test
    void noChangeGivesNoEvents() {
        StatusSnapshot same = StatusProjection.withProxy(start, start.proxy());

        assertThat(same).as("the board publishes nothing for the same snapshot").isSameAs(start);
    }

    @Test
    void anAppOnlyRenewedByAPassGivesOnlyThePass() {
        StatusSnapshot renewed = pass(start, T0.plusSeconds(30), List.of(), decision(ALICE, Phase.Running),
                decision(BOB, Phase.Running));

        assertThat(renewed.app(ALICE).orElseThrow().updated()).isEqualTo(T0.plusSeconds(30));
        assertThat(events(renewed)).containsExactly(new LiveEvent("pass", StatusView.of(renewed)));
    }

    @Test
    void newChangedAndRemovedAppsEachGetTheirEvent() {
        StatusSnapshot next = pass(start, T0.plusSeconds(1), List.of(), decision(ALICE, Phase.Restarting),
                decision(CAROL, Phase.Pending));

        assertThat(events(next)).containsExactly(
                new LiveEvent("app", AppView.of(next.app(ALICE).orElseThrow())),
                new LiveEvent("app", AppView.of(next.app(CAROL).orElseThrow())),
                new LiveEvent("app-removed", new LiveEvent.Removed("bob/web")),
                new LiveEvent("pass", StatusView.of(next)));
    }

    @Test
    void aNewPassGivesPassAndItsProxySyncGivesProxy() {
        StatusSnapshot next = pass(start, T0.plusSeconds(1), List.of(), decision(ALICE, Phase.Running),
                decision(BOB, Phase.Running));
        StatusSnapshot synced = StatusProjection.withProxy(next, next.proxy().synced(2, 1, Map.of(), T0.plusSeconds(1)));

        assertThat(events(next)).containsExactly(new LiveEvent("pass", StatusView.of(next)));
        assertThat(events(synced)).containsExactly(new LiveEvent("proxy", StatusView.of(synced).proxy()));
        assertThat(synced.sequence()).isEqualTo(next.sequence() + 1);
    }

    @Test
    void aProxySyncAloneGivesOnlyProxy() {
        StatusSnapshot failed = StatusProjection.withProxy(start,
                start.proxy().failed("connection refused", T0.plusSeconds(2)));

        assertThat(events(failed)).containsExactly(new LiveEvent("proxy", StatusView.of(failed).proxy()));
        assertThat(StatusView.of(failed).proxy().lastError()).isEqualTo("connection refused");
    }

    @Test
    void problemsAppearingAndClearingGiveProblems() {
        List<String> broken = List.of("alice.yaml:7: spec.image: required");
        StatusSnapshot withProblem = pass(start, T0.plusSeconds(1), broken, decision(ALICE, Phase.Running),
                decision(BOB, Phase.Running));
        StatusSnapshot cleared = pass(withProblem, T0.plusSeconds(2), List.of(), decision(ALICE, Phase.Running),
                decision(BOB, Phase.Running));

        assertThat(events(withProblem)).first().isEqualTo(new LiveEvent("problems", new LiveEvent.Problems(broken)));
        assertThat(events(cleared)).first().isEqualTo(new LiveEvent("problems", new LiveEvent.Problems(List.of())));
    }

    @Test
    void engineLostAndBackGiveEngine() {
        EngineState lost = new EngineState(false, false, Optional.of("connection refused"), T0.plusSeconds(5));
        StatusSnapshot down = StatusProjection.passWithoutEngine(start, summary(T0.plusSeconds(5), List.of()), lost,
                DIRECTORY);
        StatusSnapshot back = StatusProjection.passWithoutEngine(down, summary(T0.plusSeconds(6), List.of()),
                new EngineState(true, true, Optional.empty(), T0.plusSeconds(6)), DIRECTORY);

        assertThat(events(down)).first().isEqualTo(new LiveEvent("engine",
                new LiveEvent.Engine(false, "connection refused")));
        assertThat(events(back)).first().isEqualTo(new LiveEvent("engine", new LiveEvent.Engine(true, null)));
    }

    @Test
    void aNewSourceRevisionGivesSource() {
        SourceStatus revision = new SourceStatus("git", "http://127.0.0.1:9418/specs.git", Optional.of("main"),
                Optional.of("0123abcd"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T0),
                Optional.empty());
        StatusSnapshot next = StatusProjection.passWithoutEngine(start, start.lastPass(), TRUSTED, revision);

        assertThat(events(next)).containsExactly(new LiveEvent("source", revision),
                new LiveEvent("pass", StatusView.of(next)));
    }

    private static List<LiveEvent> events(StatusSnapshot snapshot) {
        return LiveEvents.of(snapshot.changes(), StatusView.of(snapshot));
    }

    private static StatusSnapshot pass(StatusSnapshot previous, Instant at, List<String> problems,
            Decision... decisions) {
        return StatusProjection.afterPass(previous, new Plan(Arrays.asList(decisions), List.of(), Optional.empty()),
                DesiredState.NONE, c -> ProbeVerdict.READY, key -> List.of(), id -> Optional.empty(),
                summary(at, problems), TRUSTED, DIRECTORY, at);
    }

    private static PassSummary summary(Instant at, List<String> problems) {
        return new PassSummary(Optional.of(at), Duration.ofMillis(12), "files", 0, 0, Optional.empty(), problems,
                List.of());
    }

    private static Decision decision(AppKey key, Phase phase) {
        return new Decision(key, phase, List.of(), Optional.empty(), phase + " since " + T0, Optional.empty());
    }
}
