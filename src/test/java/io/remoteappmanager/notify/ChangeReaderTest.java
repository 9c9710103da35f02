package io.remoteappmanager.notify;

import static io.remoteappmanager.notify.StatusHistory.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.LeaderState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the changes the projection decides tell, read snapshot by snapshot: changes only, one event per change of
 * condition, nothing at a restart.
 */
class ChangeReaderTest {

    static final AppKey ALICE = new AppKey("alice", "paraview");
    static final AppKey BOB = new AppKey("bob", "web");

    final ChangeReader reader = new ChangeReader("realm1", Duration.ofMinutes(5));
    final StatusHistory history = new StatusHistory();

    @Test
    void whatTheFirstSnapshotShowsIsTakenAsKnownAndARepeatTellsNothing() {
        history.problems("bob.yaml:3: bad").move(ALICE, Phase.CrashLoopBackOff, t(0)).move(BOB, Phase.Running, t(0));

        assertThat(history.read(reader, t(1), t(1))).as("a restarted controller repeats nothing").isEmpty();
        assertThat(history.read(reader, t(2), t(2))).as("the same state again").isEmpty();

        history.move(ALICE, Phase.Restarting, t(3)).move(ALICE, Phase.Running, t(4));
        assertThat(lines(history.read(reader, t(5), t(5))))
                .as("trouble known from the start still ends with an event")
                .containsExactly("app resolved alice/paraview CrashLoopBackOff->Running at " + t(4));
    }

    @Test
    void aCrashLoopIsOneEpisodeHoweverOftenItRestarts() {
        aliceRunsAndIsKnown();

        history.move(ALICE, Phase.Restarting, t(10)).move(ALICE, Phase.CrashLoopBackOff, t(11));
        List<Notification> began = history.read(reader, t(12), t(12));
        history.move(ALICE, Phase.Restarting, t(21)).move(ALICE, Phase.CrashLoopBackOff, t(22))
                .move(ALICE, Phase.Restarting, t(42)).move(ALICE, Phase.CrashLoopBackOff, t(43));
        List<Notification> looping = history.read(reader, t(44), t(44));
        history.move(ALICE, Phase.Restarting, t(83)).move(ALICE, Phase.Starting, t(84)).move(ALICE, Phase.Running, t(85));
        List<Notification> ended = history.read(reader, t(85), t(85));

        assertThat(lines(began)).containsExactly("app firing alice/paraview Restarting->CrashLoopBackOff at " + t(11));
        assertThat(looping).as("restarts within the loop").isEmpty();
        assertThat(lines(ended)).containsExactly("app resolved alice/paraview CrashLoopBackOff->Running at " + t(85));
        assertThat(began.get(0).reason()).isEqualTo("reason 2");
        assertThat(began.get(0).app().orElseThrow().name()).contains("paraview");
    }

    @Test
    void everyChangeBetweenTwoSnapshotsIsTold() {
        aliceRunsAndIsKnown();

        history.move(ALICE, Phase.Restarting, t(1)).move(ALICE, Phase.CrashLoopBackOff, t(2))
                .move(ALICE, Phase.Failed, t(3)).move(ALICE, Phase.Pending, t(4)).move(ALICE, Phase.Running, t(5));

        assertThat(lines(history.read(reader, t(6), t(6)))).containsExactly(
                "app firing alice/paraview Restarting->CrashLoopBackOff at " + t(2),
                "app firing alice/paraview CrashLoopBackOff->Failed at " + t(3),
                "app resolved alice/paraview Failed->Running at " + t(5));
    }

    @Test
    void pendingTooLongIsToldOncePerStayInPending() {
        aliceRunsAndIsKnown();
        history.move(BOB, Phase.Pending, t(100));

        assertThat(history.read(reader, t(101), t(101))).isEmpty();
        assertThat(reader.wakeAt()).as("the notifier's alarm").contains(t(400));
        assertThat(history.read(reader, t(101), t(399))).isEmpty();
        List<Notification> due = history.read(reader, t(101), t(400));
        assertThat(history.read(reader, t(101), t(1000))).as("once per stay").isEmpty();
        assertThat(reader.wakeAt()).isEmpty();
        history.move(BOB, Phase.Starting, t(1001)).move(BOB, Phase.Running, t(1002));
        List<Notification> over = history.read(reader, t(1003), t(1003));

        assertThat(lines(due)).containsExactly("app firing bob/web Pending->PendingTooLong at " + t(400));
        assertThat(due.get(0).reason()).startsWith("Pending for more than 5m: ");
        assertThat(lines(over)).containsExactly("app resolved bob/web PendingTooLong->Running at " + t(1002));
    }

    @Test
    void aLateReadTellsNothingATimelyOneWouldNot() {
        aliceRunsAndIsKnown();
        history.move(BOB, Phase.Pending, t(100)).move(BOB, Phase.Starting, t(350)).move(BOB, Phase.Running, t(360));

        assertThat(history.read(reader, t(1000), t(1000))).as("Pending for 250 s of the 300 s allowed").isEmpty();
    }

    @Test
    void whileTheEngineIsUnreachableAppsAreNotFollowedNorWaitedFor() {
        aliceRunsAndIsKnown();
        history.move(BOB, Phase.Pending, t(100));
        history.read(reader, t(101), t(101));
        history.engine(new EngineState(false, false, Optional.of("connection refused"), t(200)));

        assertThat(lines(history.read(reader, t(500), t(500)))).containsExactly("engine firing at " + t(200));
        assertThat(reader.wakeAt()).as("no alarm for an app whose state is unknown").isEmpty();
        history.engine(new EngineState(true, true, Optional.empty(), t(600)));
        assertThat(lines(history.read(reader, t(601), t(601)))).containsExactly("engine resolved at " + t(600),
                "app firing bob/web Pending->PendingTooLong at " + t(400));
    }

    @Test
    void appsThatComeInTroubleOrGoInTroubleAreToldAndAHealthyAppGoesSilently() {
        aliceRunsAndIsKnown();

        history.move(BOB, Phase.Conflict, t(5));
        List<Notification> came = history.read(reader, t(6), t(6));
        history.remove(BOB, t(7)).remove(ALICE, t(7));
        List<Notification> went = history.read(reader, t(7), t(7));

        assertThat(lines(came)).containsExactly("app firing bob/web null->Conflict at " + t(5));
        assertThat(lines(went)).as("only the app that was in trouble")
                .containsExactly("app resolved bob/web Conflict->null at " + t(7));
        assertThat(went.get(0).reason()).isEqualTo("the app is gone: no spec names it and its container is removed");
    }

    @Test
    void theEngineIsToldWhenItGoesAndComesBackAndNotWhileNotYetTried() {
        history.engine(EngineState.starting(t(0)));
        assertThat(history.read(reader, t(0), t(0))).as("not listed yet").isEmpty();

        history.engine(new EngineState(false, false, Optional.of("connection refused"), t(1)));
        List<Notification> down = history.read(reader, t(2), t(2));
        assertThat(history.read(reader, t(3), t(3))).as("still down").isEmpty();
        history.engine(new EngineState(true, true, Optional.empty(), t(4)));
        List<Notification> back = history.read(reader, t(5), t(5));

        assertThat(lines(down)).containsExactly("engine firing at " + t(1));
        assertThat(down.get(0).engine().orElseThrow().error()).contains("connection refused");
        assertThat(down.get(0).reason()).isEqualTo("the engine is unreachable: connection refused");
        assertThat(lines(back)).containsExactly("engine resolved at " + t(4));
        assertThat(back.get(0).engine().orElseThrow().reachable()).isTrue();
    }

    @Test
    void specProblemsAreToldAsTheyAppearAndClear() {
        history.problems("a.yaml:1: one");
        history.read(reader, t(0), t(0));

        history.problems("a.yaml:1: one", "b.yaml:2: two");
        List<Notification> appeared = history.read(reader, t(1), t(1));
        history.problems("b.yaml:2: two");
        List<Notification> cleared = history.read(reader, t(2), t(2));

        assertThat(lines(appeared)).containsExactly("spec-problem firing b.yaml:2: two at " + t(1));
        assertThat(lines(cleared)).containsExactly("spec-problem resolved a.yaml:1: one at " + t(2));
    }

    @Test
    void aPhaseFilterTakesAppEventsFromOrToItsPhasesAndEveryOtherEvent() {
        aliceRunsAndIsKnown();
        history.move(ALICE, Phase.Restarting, t(1)).move(ALICE, Phase.CrashLoopBackOff, t(2))
                .move(ALICE, Phase.Failed, t(3)).problems("a.yaml:1: one");
        List<Notification> events = history.read(reader, t(4), t(4));

        assertThat(lines(events.stream().filter(e -> e.passes(Set.of("Failed"))).toList())).as("in the order they happened")
                .containsExactly("app firing alice/paraview CrashLoopBackOff->Failed at " + t(3),
                        "spec-problem firing a.yaml:1: one at " + t(4));
    }

    /** The quiet start most cases begin from: Alice runs, and the reader has seen it. */
    private void aliceRunsAndIsKnown() {
        history.move(ALICE, Phase.Running, t(0));
        history.read(reader, t(0), t(0));
    }

    @Test
    void theControllerThatTakesTheLeadFromAnotherTellsItOnceAndAFirstLeaderTellsNothing() {
        aliceRunsAndIsKnown();
        LeaderState standby = new LeaderState(true, "h:2", false, Optional.of("h:1"), Optional.empty(),
                Optional.of(t(0)), 0);
        history.leader(LeaderState.initial(true, "h:2"), t(0)).leader(standby, t(1));
        assertThat(history.read(reader, t(2), t(2))).as("standing by, or a first leader, is no news").isEmpty();

        LeaderState leads = new LeaderState(true, "h:2", true, Optional.of("h:2"), Optional.of("h:1"),
                Optional.of(t(5)), 1);
        history.leader(leads, t(5));
        assertThat(lines(history.read(reader, t(6), t(6)))).containsExactly("leader resolved h:1->h:2 at " + t(5));
        assertThat(history.read(reader, t(7), t(7))).as("told once").isEmpty();
    }

    /** Each event in a line: type, state, what, when. */
    private static List<String> lines(List<Notification> events) {
        return events.stream().map(ChangeReaderTest::line).toList();
    }

    private static String line(Notification e) {
        String what = switch (e.type()) {
            case APP -> e.app().orElseThrow().key() + " " + e.from().orElse(null) + "->" + e.to().orElse(null);
            case ENGINE -> "";
            case SPEC_PROBLEM -> e.problem().orElseThrow();
            case LEADER -> e.from().orElseThrow() + "->" + e.to().orElseThrow();
        };
        return e.type().wire() + " " + (e.firing() ? "firing" : "resolved") + (what.isEmpty() ? "" : " " + what)
                + " at " + e.time();
    }
}
