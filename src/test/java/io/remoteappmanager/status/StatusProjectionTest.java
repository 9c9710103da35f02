package io.remoteappmanager.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.source.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Status as a pure projection: the phase and its since, the history of phase changes an operator reads, and the
 * one decision of what changed from one snapshot to the next, which every reader reads.
 */
class StatusProjectionTest {

    static final AppKey ALICE = new AppKey("alice", "web");
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final Function<ObservedContainer, ProbeVerdict> READY = c -> ProbeVerdict.READY;
    static final StatusSnapshot INITIAL = StatusSnapshot.initial(EngineState.starting(T0),
            SourceStatus.directory("specs"), ProxyState.initial(Optional.of("http://127.0.0.1:8001")));

    @Test
    void eachPhaseChangeIsATransitionAndTheSameOneAgainIsNot() {
        AppStatus pending = project(Optional.empty(), Phase.Pending, "created: no container", T0);
        AppStatus starting = project(Optional.of(pending), Phase.Starting, "starting: waiting", T0.plusSeconds(1));
        AppStatus stillStarting = project(Optional.of(starting), Phase.Starting, "starting: waiting", T0.plusSeconds(2));

        assertThat(stillStarting.since()).isEqualTo(T0.plusSeconds(1));
        assertThat(stillStarting.transitions()).containsExactly(
                new Transition(T0, Optional.empty(), Phase.Pending, "created: no container"),
                new Transition(T0.plusSeconds(1), Optional.of(Phase.Pending), Phase.Starting, "starting: waiting"));
    }

    @Test
    void onlyTheLastTwentyTransitionsAreKept() {
        AppStatus status = project(Optional.empty(), Phase.Pending, "first", T0);
        for (int i = 1; i <= 30; i++) {
            status = project(Optional.of(status), i % 2 == 0 ? Phase.Running : Phase.Restarting, "change " + i,
                    T0.plusSeconds(i));
        }

        assertThat(status.transitions()).hasSize(AppStatus.TRANSITIONS_KEPT);
        assertThat(status.transitions().get(0).reason()).isEqualTo("change 11");
        assertThat(status.transitions().get(AppStatus.TRANSITIONS_KEPT - 1).reason()).isEqualTo("change 30");
    }

    @Test
    void eachSnapshotCarriesTheChangesThatMadeItUnderTheNextSequenceNumber() {
        StatusSnapshot first = key(INITIAL, Phase.Pending, "created: no container", T0);
        StatusSnapshot second = key(first, Phase.Starting, "starting: waiting", T0.plusSeconds(1));
        StatusSnapshot renewed = key(second, Phase.Starting, "starting: waiting", T0.plusSeconds(2));
        StatusSnapshot gone = passOver(renewed, List.of(), T0.plusSeconds(3));

        assertThat(List.of(first, second, renewed, gone)).extracting(StatusSnapshot::sequence).containsExactly(1L, 2L,
                3L, 4L);
        AppChange started = second.changes().apps().get(0);
        assertThat(started.before()).isEqualTo(first.app(ALICE));
        assertThat(started.now()).isEqualTo(second.app(ALICE));
        assertThat(started.transition()).contains(new Transition(T0.plusSeconds(1), Optional.of(Phase.Pending),
                Phase.Starting, "starting: waiting"));
        assertThat(first.changes().apps().get(0).transition().map(Transition::from)).contains(Optional.empty());
        assertThat(renewed.changes().apps()).as("renewed only: no change").isEmpty();
        assertThat(gone.changes().apps()).singleElement().satisfies(change -> {
            assertThat(change.removed()).isTrue();
            assertThat(change.at()).isEqualTo(T0.plusSeconds(3));
        });
    }

    @Test
    void theEngineChangesWhenItsTrustOrItsErrorDoesAndProblemsSayWhatAppearedAndCleared() {
        EngineState down = new EngineState(false, false, Optional.of("connection refused"), T0);
        StatusSnapshot first = StatusProjection.passWithoutEngine(INITIAL, pass(T0, "a.yaml:1: one"), down,
                INITIAL.source());
        StatusSnapshot again = StatusProjection.passWithoutEngine(first, pass(T0.plusSeconds(1), "a.yaml:1: one",
                "b.yaml:2: two"), new EngineState(false, false, Optional.of("connection refused"), T0.plusSeconds(1)),
                INITIAL.source());
        StatusSnapshot back = StatusProjection.passWithoutEngine(again, pass(T0.plusSeconds(2), "b.yaml:2: two"),
                new EngineState(true, true, Optional.empty(), T0.plusSeconds(2)), INITIAL.source());

        assertThat(first.changes().engine()).contains(down);
        assertThat(again.changes().engine()).as("same trust, same error").isEmpty();
        assertThat(back.changes().engine().map(EngineState::trusted)).contains(true);
        assertThat(again.changes().problems()).hasValueSatisfying(p -> {
            assertThat(p.appeared()).containsExactly("b.yaml:2: two");
            assertThat(p.cleared()).isEmpty();
            assertThat(p.at()).isEqualTo(T0.plusSeconds(1));
        });
        assertThat(back.changes().problems()).hasValueSatisfying(p -> {
            assertThat(p.now()).containsExactly("b.yaml:2: two");
            assertThat(p.cleared()).containsExactly("a.yaml:1: one");
        });
        assertThat(back.changes().pass()).contains(back.lastPass());
    }

    @Test
    void routeSyncsOutcomeIsThePartOfTheStatusItChangesAndTheSameOutcomeIsNoNewSnapshot() {
        StatusSnapshot synced = StatusProjection.withProxy(INITIAL, INITIAL.proxy().synced(3, 1, Map.of(), T0));

        assertThat(synced.proxy().routes()).isEqualTo(3);
        assertThat(synced.changes().proxyOnly()).isTrue();
        assertThat(StatusProjection.withProxy(synced, synced.proxy())).isSameAs(synced);
        assertThat(StatusProjection.withProxy(synced, synced.proxy().failed("refused", T0.plusSeconds(1))).proxy())
                .satisfies(proxy -> {
                    assertThat(proxy.routes()).as("what the last success left stays").isEqualTo(3);
                    assertThat(proxy.lastError()).contains("refused");
                });
    }

    /** A pass at {@code now} that finds ALICE in {@code phase}. */
    private static StatusSnapshot key(StatusSnapshot previous, Phase phase, String message, Instant now) {
        return passOver(previous, List.of(new Decision(ALICE, phase, List.of(), Optional.empty(), message, Optional.empty())), now);
    }

    private static StatusSnapshot passOver(StatusSnapshot previous, List<Decision> decisions, Instant now) {
        return StatusProjection.afterPass(previous, new Plan(decisions, List.of(), Optional.empty()), DesiredState.NONE,
                READY, key -> List.of(), id -> Optional.empty(), pass(now), previous.engine(), previous.source(), now);
    }

    private static PassSummary pass(Instant at, String... problems) {
        return new PassSummary(Optional.of(at), Duration.ZERO, "test", 0, 0, Optional.empty(), List.of(problems),
                List.of());
    }

    private static AppStatus project(Optional<AppStatus> previous, Phase phase, String message, Instant now) {
        return StatusProjection.app(previous, new Decision(ALICE, phase, List.of(), Optional.empty(), message, Optional.empty()),
                Optional.empty(), READY, List.of(), id -> Optional.empty(), now);
    }
}
