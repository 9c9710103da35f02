package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.BOB;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.containerOf;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.plan;
import static io.remoteappmanager.planner.PlanFixture.runningFor;
import static io.remoteappmanager.planner.PlanFixture.spec;
import static io.remoteappmanager.planner.PlanFixture.specOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Create what is missing, recreate what drifted, leave alone what matches. */
class PlannerDesiredTest {

    @Test
    void missingContainerIsCreatedWithAFreshUrlId() {
        Decision decision = only(plan(desired(spec(ALICE))));

        Action create = decision.actions().get(0);
        assertEquals(Phase.Pending, decision.phase());
        assertEquals(Action.Kind.CREATE, create.kind());
        assertEquals(Optional.empty(), create.urlId());
        assertEquals("created: no container for alice/paraview", create.reason());
        assertEquals(Optional.empty(), decision.container());
    }

    @Test
    void missingContainerWithExplicitUrlIdIsCreatedUnderIt() {
        Decision decision = only(plan(desired(specOf(ALICE).urlId("8f14e45fceea167a").build())));

        assertEquals(Optional.of("8f14e45fceea167a"), decision.actions().get(0).urlId());
    }

    @Test
    void driftedContainerIsRecreatedKeepingItsUrlId() {
        AppSpec spec = spec(ALICE, "simphony/paraview:5.5");
        ObservedContainer old = containerOf(ALICE).hash("1a2b3c4d99999999").urlId("kept-url-id").build();

        Decision decision = only(plan(desired(spec), old));

        Action recreate = decision.actions().get(0);
        assertEquals(Phase.Recreating, decision.phase());
        assertEquals(Action.Kind.RECREATE, recreate.kind());
        assertEquals(Optional.of(old.id()), recreate.containerId());
        assertEquals(Optional.of("kept-url-id"), recreate.urlId());
        assertEquals("recreated: spec_hash 1a2b3c4d→" + HASH.apply(spec).substring(0, 8), recreate.reason());
        assertEquals(Optional.of(old), decision.container());
    }

    @Test
    void explicitUrlIdChangeRecreatesUnderTheNewUrlId() {
        ObservedContainer old = runningFor(specOf(ALICE).urlId("old-url").build());
        AppSpec changed = specOf(ALICE).urlId("new-url").build();

        Action recreate = only(plan(desired(changed), old)).actions().get(0);

        assertEquals(Action.Kind.RECREATE, recreate.kind());
        assertEquals(Optional.of("new-url"), recreate.urlId());
    }

    @Test
    void reformattedFileKeepsTheHashAndChangesNothing() {
        ObservedContainer running = runningFor(specOf(ALICE).line(1).build());
        AppSpec moved = specOf(ALICE).line(40).build();

        Decision decision = only(plan(desired(moved), running));

        assertEquals(Phase.Running, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertEquals(Optional.of(running), decision.container());
    }

    @Test
    void matchingContainersMakeANoopPlanSortedByKey() {
        AppSpec bob = spec(BOB);
        AppSpec alice = spec(ALICE);

        Plan plan = plan(desired(bob, alice), runningFor(bob), runningFor(alice));

        assertTrue(plan.isNoop());
        assertEquals(List.of(ALICE, BOB), plan.decisions().stream().map(Decision::key).toList());
        assertEquals(List.of(), plan.warnings());
        assertEquals(Optional.empty(), plan.requeueAt());
    }
}
