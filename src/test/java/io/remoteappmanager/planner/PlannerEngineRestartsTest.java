package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.containerOf;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.plan;
import static io.remoteappmanager.planner.PlanFixture.spec;
import static io.remoteappmanager.planner.PlanFixture.specOf;
import static io.remoteappmanager.planner.PlanFixture.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An engine that starts and restarts containers itself (a swarm's scheduler and restart policy): the controller waits
 * and says what the engine says; a container the engine keeps restarting is a crash loop, as on one engine.
 */
class PlannerEngineRestartsTest {

    private static final Planner PLANNER = new Planner(false, false, HASH);
    private static final String NO_NODE = "no suitable node (insufficient resources on 3 nodes)";

    @Test
    void aTaskTheEngineCannotPlaceYetIsPendingWithTheEnginesReason() {
        AppSpec spec = spec(ALICE);

        Decision decision = only(plan(desired(spec), containerOf(ALICE).hash(HASH.apply(spec))
                .state(ContainerState.RESTARTING).detail("pending: " + NO_NODE).build()));

        assertEquals(Phase.Pending, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertTrue(decision.message().endsWith(NO_NODE), decision.message());
    }

    @Test
    void aContainerTheEngineRestartsOnceIsRestartingAndLeftToTheEngine() {
        AppSpec spec = spec(ALICE);

        Decision decision = only(plan(desired(spec), containerOf(ALICE).hash(HASH.apply(spec)).state(ContainerState.RESTARTING).restarts(1).exitCode(1)
                        .detail("ready: restart delay").build()));

        assertEquals(Phase.Restarting, decision.phase());
        assertEquals(List.of(), decision.actions(), "the engine restarts it: a RESTART from here would be a second start");
        assertTrue(decision.message().contains("exit code 1"), decision.message());
    }

    @Test
    void aContainerTheEngineKeepsRestartingIsACrashLoopEvenWithoutBackOffHistoryHere() {
        AppSpec spec = spec(ALICE);

        Decision decision = only(plan(PLANNER, desired(spec), Map.of(ALICE, waiting(0, 0, null)),
                containerOf(ALICE).hash(HASH.apply(spec)).state(ContainerState.RESTARTING)
                        .restarts(KeyRules.CRASH_LOOP_RESTARTS).exitCode(1).build()));

        assertEquals(Phase.CrashLoopBackOff, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertTrue(decision.message().contains(KeyRules.CRASH_LOOP_RESTARTS + " times lately, last with exit code 1"),
                decision.message());
    }

    @Test
    void anEditStillRollsAContainerTheEngineIsRestarting() {
        AppSpec edited = specOf(ALICE).image("ram-test/httpd:2").build();

        Decision decision = only(plan(desired(edited), containerOf(ALICE).hash(HASH.apply(spec(ALICE)))
                .state(ContainerState.RESTARTING).restarts(5).build()));

        assertEquals(Phase.Recreating, decision.phase());
        assertEquals(Action.Kind.RECREATE, decision.actions().get(0).kind());
    }
}
