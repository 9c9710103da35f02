package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.BOB;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.containerOf;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.plan;
import static io.remoteappmanager.planner.PlanFixture.problem;
import static io.remoteappmanager.planner.PlanFixture.runningFor;
import static io.remoteappmanager.planner.PlanFixture.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pruning: remove what no spec wants, but never because input is missing or broken. */
class PlannerSafetyTest {

    @Test
    void containerWithNoSpecIsPruned() {
        Decision decision = only(plan(desired(), containerOf(ALICE).build()));

        assertEquals(Phase.Removing, decision.phase());
        assertEquals(Action.Kind.REMOVE, decision.actions().get(0).kind());
        assertEquals("removed: no spec for alice/paraview (source alice.yaml)", decision.message());
    }

    @Test
    void unusableDirectoryPrunesNothingAndSaysWhy() {
        Plan plan = plan(desired().unusable(), containerOf(ALICE).id("aaaaaaaaaaaaaaaa").build(),
                containerOf(ALICE).id("bbbbbbbbbbbbbbbb").build(), containerOf(BOB).build());

        assertTrue(plan.isNoop());
        assertEquals(List.of(Phase.Invalid, Phase.Invalid), plan.decisions().stream().map(Decision::phase).toList());
        assertEquals(List.of("spec directory is empty or missing; pruning nothing (set ram.prune.allow-empty=true"
                + " to allow)"), plan.warnings());
    }

    @Test
    void unusableDirectoryIsPrunedWhenAllowed() {
        Plan plan = plan(new Planner(true, false, HASH), desired().unusable(), Map.of(), containerOf(ALICE).build());

        assertEquals(Action.Kind.REMOVE, only(plan).actions().get(0).kind());
        assertEquals(List.of(), plan.warnings());
    }

    @Test
    void containerOfANeverParsedFileIsKept() {
        PlanFixture.DesiredBuilder broken = desired().protect("alice.yaml")
                .problem(problem("alice.yaml", "mapping values are not allowed here", null));

        Decision decision = only(plan(broken, containerOf(ALICE).build()));

        assertEquals(Phase.Invalid, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertEquals("kept: its spec file alice.yaml is broken and never parsed: alice.yaml:3: mapping values are not"
                + " allowed here", decision.message());
    }

    @Test
    void containerOfAnotherFileIsKeptWhileSomeFileNeverParsed() {
        PlanFixture.DesiredBuilder broken = desired().protect("team.yaml").protect("zed.yaml")
                .problem(problem("team.yaml", "mapping values are not allowed here", null));

        Decision decision = only(plan(broken, containerOf(ALICE).build()));

        assertEquals(Phase.Invalid, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertEquals("kept: no spec for alice/paraview, but team.yaml, zed.yaml are broken and never parsed, and may hold"
                + " it (a renamed file or a moved document); nothing is pruned until every file parses", decision.message());
    }

    @Test
    void containerWhoseDocumentIsInvalidIsKept() {
        Plan plan = plan(desired().problem(problem("team.yaml", "spec.image: required", ALICE)),
                containerOf(ALICE).build());

        assertEquals(Phase.Invalid, only(plan).phase());
        assertTrue(plan.isNoop());
    }

    @Test
    void invalidDocumentWithoutContainerIsReported() {
        Decision decision = only(plan(desired().problem(problem("bob.yaml", "spec.image: required", BOB))));

        assertEquals(BOB, decision.key());
        assertEquals(Phase.Invalid, decision.phase());
        assertEquals("kept: its spec is invalid: bob.yaml:3: spec.image: required", decision.message());
    }

    @Test
    void appRunningOnLastGoodContentIsShownInvalidButStillReconciled() {
        AppSpec alice = spec(ALICE);
        AppSpec bob = spec(BOB);
        Plan plan = plan(desired(alice, bob).problem(problem("alice.yaml", "bad indentation", null))
                .problem(problem("bob.yaml", "bad indentation", null)), runningFor(alice));

        Decision running = plan.decisions().get(0);
        assertEquals(Phase.Invalid, running.phase());
        assertEquals(List.of(), running.actions());
        assertEquals("running on the last good content of alice.yaml: alice.yaml:3: bad indentation",
                running.message());
        assertEquals(Action.Kind.CREATE, plan.decisions().get(1).actions().get(0).kind());
    }
}
