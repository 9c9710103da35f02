package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.BOB;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.NOW;
import static io.remoteappmanager.planner.PlanFixture.containerOf;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.plan;
import static io.remoteappmanager.planner.PlanFixture.spec;
import static io.remoteappmanager.planner.PlanFixture.specOf;
import static io.remoteappmanager.planner.PlanFixture.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stopped containers start again per restartPolicy, within the executor's back-off. */
class PlannerRestartTest {

    private static final Planner PLANNER = new Planner(false, false, HASH);

    @ParameterizedTest
    @CsvSource({"Always, EXITED", "Always, DEAD", "OnFailure, EXITED", "OnFailure, DEAD"})
    void stoppedContainerRestartsWhenItsPolicyAllows(RestartPolicy policy, ContainerState state) {
        Decision decision = only(plan(PLANNER, desired(specOf(ALICE).restart(policy).build()), Map.of(),
                stopped(specOf(ALICE).restart(policy).build(), state)));

        assertEquals(Phase.Restarting, decision.phase());
        assertEquals(state == ContainerState.DEAD ? Action.Kind.RECREATE : Action.Kind.RESTART, decision.actions().get(0).kind(),
                "a dead container cannot be started, only removed: it is recreated");
        assertTrue(decision.message().contains("restartPolicy " + policy), decision.message());
    }

    @Test
    void exitedContainerWithPolicyNeverIsCompleted() {
        AppSpec spec = specOf(ALICE).restart(RestartPolicy.Never).build();

        Decision decision = only(plan(desired(spec), stopped(spec, ContainerState.EXITED)));

        assertEquals(Phase.Completed, decision.phase());
        assertEquals(List.of(), decision.actions());
    }

    @Test
    void createdButNeverStartedContainerIsStartedEvenWithPolicyNever() {
        AppSpec spec = specOf(ALICE).restart(RestartPolicy.Never).build();

        Decision decision = only(plan(desired(spec), stopped(spec, ContainerState.CREATED)));

        assertEquals(Phase.Pending, decision.phase());
        assertEquals(Action.Kind.RESTART, decision.actions().get(0).kind());
    }

    @Test
    void crashLoopWaitsForTheBackOffAndRequeues() {
        AppSpec spec = spec(ALICE);

        Plan plan = plan(PLANNER, desired(spec), Map.of(ALICE, waiting(3, 40, null)), stopped(spec, ContainerState.EXITED));

        Decision decision = only(plan);
        assertEquals(Phase.CrashLoopBackOff, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertTrue(decision.message().contains("next start at 2030-01-01T12:00:40Z (in 40s)"), decision.message());
        assertEquals(Optional.of(NOW.plusSeconds(40)), plan.requeueAt());
    }

    @Test
    void crashLoopRestartsOnceTheBackOffHasPassed() {
        AppSpec spec = spec(ALICE);

        Plan plan = plan(PLANNER, desired(spec), Map.of(ALICE, waiting(3, 0, null)), stopped(spec, ContainerState.EXITED));

        assertEquals(Action.Kind.RESTART, only(plan).actions().get(0).kind());
        assertEquals(Optional.empty(), plan.requeueAt());
    }

    @Test
    void crashLoopDoesNotHoldASpecChange() {
        ObservedContainer crashing = stopped(spec(ALICE), ContainerState.EXITED);

        Plan plan = plan(PLANNER, desired(spec(ALICE, "simphony/paraview:5.5")), Map.of(ALICE, waiting(3, 40, null)),
                crashing);

        assertEquals(Action.Kind.RECREATE, only(plan).actions().get(0).kind());
        assertEquals(Optional.empty(), plan.requeueAt());
    }

    @Test
    void failedActionHoldsTheKeyUntilItsRetryTime() {
        Plan plan = plan(PLANNER, desired(spec(ALICE)), Map.of(ALICE, waiting(2, 20, "image not found")));

        Decision decision = only(plan);
        assertEquals(Phase.Failed, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertTrue(decision.message().startsWith("failed: image not found; next try at"), decision.message());
        assertTrue(plan.isNoop());
    }

    @Test
    void failedActionIsRetriedOnceTheBackOffHasPassed() {
        Plan plan = plan(PLANNER, desired(spec(ALICE)), Map.of(ALICE, waiting(2, -1, "image not found")));

        assertEquals(Action.Kind.CREATE, only(plan).actions().get(0).kind());
    }

    @Test
    void requeueAtIsTheEarliestWaitAmongHeldKeys() {
        AppKey carol = new AppKey("carol", "octave");
        Map<AppKey, KeyHistory> history = Map.of(
                ALICE, waiting(4, 80, null), BOB, waiting(1, 10, "no space left"), carol, waiting(1, 5, "late"));

        Plan plan = plan(PLANNER, desired(spec(ALICE), spec(BOB), spec(carol)), history,
                stopped(spec(ALICE), ContainerState.DEAD), containerOf(carol).hash(HASH.apply(spec(carol))).build());

        assertEquals(Optional.of(NOW.plusSeconds(10)), plan.requeueAt());
        assertEquals(Phase.Running, plan.decisions().get(2).phase());
    }

    private static ObservedContainer stopped(AppSpec spec, ContainerState state) {
        return containerOf(spec.key()).hash(HASH.apply(spec)).state(state).build();
    }
}
