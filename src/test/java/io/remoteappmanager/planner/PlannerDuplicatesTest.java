package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.containerOf;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.plan;
import static io.remoteappmanager.planner.PlanFixture.spec;
import static io.remoteappmanager.planner.PlanFixture.specOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several containers for one key keep one (running, matching hash, newest) and lose the rest. */
class PlannerDuplicatesTest {

    private static final AppSpec SPEC = spec(ALICE);
    private static final String GOOD = HASH.apply(SPEC);

    @Test
    void runningContainerIsKeptOverANewerMatchingStoppedOne() {
        ObservedContainer running = containerOf(ALICE).id("aaaaaaaaaaaaaaaa").createdMinutesAgo(90).build();
        ObservedContainer stopped = containerOf(ALICE).id("bbbbbbbbbbbbbbbb").hash(GOOD).state(ContainerState.EXITED)
                .createdMinutesAgo(1).build();

        Decision decision = only(plan(desired(SPEC), stopped, running));

        assertEquals(Optional.of(running), decision.container());
        assertEquals(List.of("remove bbbbbbbbbbbb", "recreate aaaaaaaaaaaa"), summary(decision));
        assertEquals("removed: duplicate of aaaaaaaaaaaa for alice/paraview", decision.actions().get(0).reason());
    }

    @Test
    void matchingHashIsKeptOverANewerDriftedOne() {
        ObservedContainer matching = containerOf(ALICE).id("aaaaaaaaaaaaaaaa").hash(GOOD).createdMinutesAgo(90).build();
        ObservedContainer drifted = containerOf(ALICE).id("bbbbbbbbbbbbbbbb").createdMinutesAgo(1).build();

        Decision decision = only(plan(desired(SPEC), drifted, matching));

        assertEquals(Optional.of(matching), decision.container());
        assertEquals(List.of("remove bbbbbbbbbbbb"), summary(decision));
        assertEquals(Phase.Running, decision.phase());
    }

    @Test
    void newestIsKeptAmongOtherwiseEqualContainers() {
        ObservedContainer older = containerOf(ALICE).id("aaaaaaaaaaaaaaaa").hash(GOOD).createdMinutesAgo(90).build();
        ObservedContainer newer = containerOf(ALICE).id("bbbbbbbbbbbbbbbb").hash(GOOD).createdMinutesAgo(5).build();

        Decision decision = only(plan(desired(SPEC), newer, older));

        assertEquals(Optional.of(newer), decision.container());
        assertEquals(List.of("remove aaaaaaaaaaaa"), summary(decision));
    }

    @Test
    void conflictLeavesEveryContainerAlone() {
        ObservedContainer one = containerOf(ALICE).id("aaaaaaaaaaaaaaaa").build();
        ObservedContainer two = containerOf(ALICE).id("bbbbbbbbbbbbbbbb").build();

        Decision decision = only(plan(desired(SPEC).conflict(ALICE, "alice.yaml", "team.yaml"), one, two));

        assertEquals(Phase.Conflict, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertTrue(decision.message().contains("alice.yaml:1: two documents claim alice/paraview; team.yaml:1:"),
                decision.message());
    }

    @Test
    void suspendedAppIsLeftAsItIsEvenWithDuplicatesOrNoContainer() {
        AppSpec suspended = specOf(ALICE).suspend().build();
        ObservedContainer one = containerOf(ALICE).id("aaaaaaaaaaaaaaaa").state(ContainerState.EXITED).build();
        ObservedContainer two = containerOf(ALICE).id("bbbbbbbbbbbbbbbb").build();

        Decision withDuplicates = only(plan(desired(suspended), one, two));
        Decision withNone = only(plan(desired(suspended)));

        assertEquals(Phase.Suspended, withDuplicates.phase());
        assertEquals(List.of(), withDuplicates.actions());
        assertEquals(Phase.Suspended, withNone.phase());
        assertEquals(List.of(), withNone.actions());
    }

    private static List<String> summary(Decision decision) {
        return decision.actions().stream()
                .map(a -> a.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + a.containerId().orElseThrow()
                        .substring(0, 12))
                .toList();
    }
}
