package io.remoteappmanager.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.planner.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Status as a pure projection: the phase and its since, and the history of phase changes an operator reads. */
class StatusProjectionTest {

    static final AppKey ALICE = new AppKey("alice", "web");
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final Function<ObservedContainer, ProbeVerdict> READY = c -> ProbeVerdict.READY;

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

    private static AppStatus project(Optional<AppStatus> previous, Phase phase, String message, Instant now) {
        return StatusProjection.app(previous, new Decision(ALICE, phase, List.of(), Optional.empty(), message, Optional.empty()),
                Optional.empty(), READY, List.of(), now);
    }
}
