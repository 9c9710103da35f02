package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.NOW;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.specOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Image updates: an app that pulls Always is recreated when its tag names other content than it runs. */
class PlannerImageUpdateTest {

    private static final String OLD = "sha256:" + "a".repeat(64);
    private static final String NEW = "sha256:" + "b".repeat(64);
    private static final AppSpec ALWAYS = specOf(ALICE).pull(PullPolicy.Always).build();

    @Test
    void aTagNamingNewContentRecreatesTheApp() {
        ObservedContainer kept = running(ALWAYS, OLD);

        Decision decision = decide(ALWAYS, kept, Map.of(ALWAYS.image(), NEW));

        assertEquals(Phase.Recreating, decision.phase());
        Action recreate = decision.actions().get(0);
        assertEquals(Action.Kind.RECREATE, recreate.kind());
        assertEquals(Optional.of(kept.urlId()), recreate.urlId());
        assertFalse(recreate.repairs(), "an update is no repair: back-off does not hold it");
        assertEquals("recreated: simphony/paraview:5.4 names sha256:bbbbbbbbbbbb in its registry, container runs "
                + "sha256:aaaaaaaaaaaa", decision.message());
    }

    @Test
    void nothingChangesWhenTheDigestsAgreeOrOneIsUnknown() {
        assertRunning(decide(ALWAYS, running(ALWAYS, NEW), Map.of(ALWAYS.image(), NEW)));
        assertRunning(decide(ALWAYS, running(ALWAYS, OLD), Map.of()));
        ObservedContainer unknownDigest = PlanFixture.runningFor(ALWAYS);
        assertRunning(decide(ALWAYS, unknownDigest, Map.of(ALWAYS.image(), NEW)));
    }

    @Test
    void onlyAppsThatPullAlwaysAreUpdated() {
        AppSpec ifNotPresent = specOf(ALICE).build();

        assertRunning(decide(ifNotPresent, running(ifNotPresent, OLD), Map.of(ifNotPresent.image(), NEW)));
    }

    private static Decision decide(AppSpec spec, ObservedContainer kept, Map<String, String> registry) {
        return only(new Planner(false, false, HASH).plan(new PlanInputs(desired(spec).build(), List.of(kept),
                key -> null, id -> ProbeVerdict.READY, Idling.OFF, reference -> Optional.ofNullable(registry.get(reference))), NOW));
    }

    private static ObservedContainer running(AppSpec spec, String digest) {
        return PlanFixture.containerOf(spec.key()).hash(HASH.apply(spec)).source(spec.origin().file())
                .imageDigest(digest).build();
    }

    private static void assertRunning(Decision decision) {
        assertEquals(Phase.Running, decision.phase());
        assertEquals(List.of(), decision.actions());
    }
}
