package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.NOW;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.plan;
import static io.remoteappmanager.planner.PlanFixture.runningFor;
import static io.remoteappmanager.planner.PlanFixture.specOf;
import static io.remoteappmanager.planner.PlanFixture.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Health after start: a ready app that fails its liveness checks is Unhealthy and recreated, with back-off. */
class PlannerLivenessTest {

    private static final Planner PLANNER = new Planner(false, false, HASH);
    private static final Planner LIVENESS_BY_DEFAULT = new Planner(false, true, HASH);
    private static final AppSpec CHECKED = specOf(ALICE).liveness().build();
    private static final AppSpec UNCHECKED = specOf(ALICE).build();

    @Test
    void anUnhealthyVerdictRecreatesTheContainerUnderItsUrlId() {
        ObservedContainer kept = runningFor(CHECKED);

        Decision decision = only(plan(PLANNER, desired(CHECKED), Map.of(),
                Map.of(kept.id(), ProbeVerdict.unhealthy("liveness: http://x/ failed 3 check(s) in a row")), kept));

        assertEquals(Phase.Unhealthy, decision.phase());
        Action recreate = decision.actions().get(0);
        assertEquals(Action.Kind.RECREATE, recreate.kind());
        assertTrue(recreate.repairs(), "counted as an attempt, held by back-off");
        assertEquals(Optional.of(kept.urlId()), recreate.urlId());
        assertEquals("unhealthy: recreating container " + kept.id().substring(0, 12)
                + ", liveness: http://x/ failed 3 check(s) in a row", decision.message());
    }

    @Test
    void anUnhealthyHealthcheckCountsWhenTheSpecChecksLiveness() {
        ObservedContainer kept = unhealthyHealthcheck(CHECKED);

        Decision decision = only(plan(PLANNER, desired(CHECKED), Map.of(), kept));

        assertEquals(Phase.Unhealthy, decision.phase());
        assertEquals(Action.Kind.RECREATE, decision.actions().get(0).kind());
        assertTrue(decision.message().contains("its image's HEALTHCHECK reports it unhealthy"), decision.message());
    }

    @Test
    void anUnhealthyHealthcheckCountsForEveryAppWhenLivenessIsOnByDefault() {
        Decision decision = only(plan(LIVENESS_BY_DEFAULT, desired(UNCHECKED), Map.of(), unhealthyHealthcheck(UNCHECKED)));

        assertEquals(Phase.Unhealthy, decision.phase());
    }

    @Test
    void withoutLivenessSettingsAnUnhealthyHealthcheckChangesNothing() {
        Decision decision = only(plan(PLANNER, desired(UNCHECKED), Map.of(), unhealthyHealthcheck(UNCHECKED)));

        assertEquals(Phase.Running, decision.phase());
        assertEquals(List.of(), decision.actions());
    }

    @Test
    void anAppThatKeepsFailingWaitsForItsBackOffWithoutItsRoute() {
        ObservedContainer kept = unhealthyHealthcheck(CHECKED);

        Plan plan = plan(PLANNER, desired(CHECKED), Map.of(ALICE, waiting(2, 30, null)), kept);

        Decision decision = only(plan);
        assertEquals(Phase.Unhealthy, decision.phase());
        assertEquals(List.of(), decision.actions());
        assertTrue(decision.message().startsWith("back-off: container " + kept.id().substring(0, 12)
                + " keeps failing its liveness checks (2 recreates); next recreate at 2030-01-01T12:00:30Z"),
                decision.message());
        assertEquals(Optional.of(NOW.plusSeconds(30)), plan.requeueAt());
    }

    @Test
    void aSpecChangeIsNotARepair() {
        ObservedContainer kept = runningFor(CHECKED);

        Decision decision = only(plan(PLANNER, desired(specOf(ALICE).liveness().image("simphony/paraview:5.5").build()),
                Map.of(), kept));

        assertEquals(Phase.Recreating, decision.phase());
        assertFalse(decision.actions().get(0).repairs());
    }

    private static ObservedContainer unhealthyHealthcheck(AppSpec spec) {
        return PlanFixture.containerOf(spec.key()).hash(HASH.apply(spec)).source(spec.origin().file())
                .health(HealthStatus.UNHEALTHY).build();
    }
}
