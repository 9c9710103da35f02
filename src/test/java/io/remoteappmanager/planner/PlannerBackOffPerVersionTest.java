package io.remoteappmanager.planner;

import static io.remoteappmanager.planner.PlanFixture.ALICE;
import static io.remoteappmanager.planner.PlanFixture.HASH;
import static io.remoteappmanager.planner.PlanFixture.NOW;
import static io.remoteappmanager.planner.PlanFixture.containerOf;
import static io.remoteappmanager.planner.PlanFixture.desired;
import static io.remoteappmanager.planner.PlanFixture.only;
import static io.remoteappmanager.planner.PlanFixture.plan;
import static io.remoteappmanager.planner.PlanFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Back-off belongs to one version of an app, its spec and image: the version a new spec or an image update brings
 * starts at zero, and never waits out what its predecessor earned.
 */
class PlannerBackOffPerVersionTest {

    private static final Planner PLANNER = new Planner(false, false, HASH);
    private static final String OLD = "sha256:" + "a".repeat(64);
    private static final String NEW = "sha256:" + "b".repeat(64);
    private static final AppSpec BROKEN = spec(ALICE);
    private static final AppSpec FIXED = spec(ALICE, "simphony/paraview:5.5");

    @Test
    void theNewSpecsFirstCrashRestartsAtOnceWhateverTheOldSpecEarned() {
        ObservedContainer crashed = exited(FIXED, OLD);

        Plan plan = plan(PLANNER, desired(FIXED), Map.of(ALICE, earned(BROKEN, OLD, "")), crashed);

        Decision decision = only(plan);
        assertThat(decision.phase()).isEqualTo(Phase.Restarting);
        assertThat(decision.actions()).extracting(Action::kind).containsExactly(Action.Kind.RESTART);
        assertThat(plan.requeueAt()).as("nothing held").isEmpty();
        assertThat(decision.version()).contains(new AppVersion(HASH.apply(FIXED), Optional.of(OLD)));
    }

    @Test
    void theSameVersionsCrashStillWaitsForItsBackOff() {
        Plan plan = plan(PLANNER, desired(FIXED), Map.of(ALICE, earned(FIXED, OLD, "")), exited(FIXED, OLD));

        assertThat(only(plan).phase()).isEqualTo(Phase.CrashLoopBackOff);
        assertThat(only(plan).actions()).isEmpty();
        assertThat(plan.requeueAt()).contains(NOW.plusSeconds(40));
    }

    @Test
    void anImageUpdatesFirstCrashRestartsAtOnce() {
        Plan plan = plan(PLANNER, desired(BROKEN), Map.of(ALICE, earned(BROKEN, OLD, "")), exited(BROKEN, NEW));

        assertThat(only(plan).actions()).extracting(Action::kind).containsExactly(Action.Kind.RESTART);
        assertThat(plan.requeueAt()).isEmpty();
    }

    @Test
    void theOldSpecsFailedCreateDoesNotHoldTheNewSpecsCreate() {
        Plan plan = plan(PLANNER, desired(FIXED), Map.of(ALICE, earned(BROKEN, OLD, "image not found")));

        Decision decision = only(plan);
        assertThat(decision.actions()).extracting(Action::kind).containsExactly(Action.Kind.CREATE);
        assertThat(decision.version()).as("a create's image is not known yet")
                .contains(new AppVersion(HASH.apply(FIXED), Optional.empty()));
    }

    @Test
    void aFailedCreateOfTheSameSpecStillWaits() {
        KeyHistory failedCreates = new KeyHistory(2, Optional.of(NOW.plusSeconds(20)), Optional.of("image not found"),
                Optional.empty(), Optional.of(new AppVersion(HASH.apply(FIXED), Optional.empty())));

        Plan plan = plan(PLANNER, desired(FIXED), Map.of(ALICE, failedCreates));

        assertThat(only(plan).phase()).isEqualTo(Phase.Failed);
        assertThat(only(plan).actions()).isEmpty();
    }

    /** Five crash restarts (or failures, with {@code error}) of {@code spec} running {@code digest}: 40 s to wait. */
    private static KeyHistory earned(AppSpec spec, String digest, String error) {
        return new KeyHistory(5, Optional.of(NOW.plusSeconds(40)), Optional.of(error).filter(e -> !e.isEmpty()),
                Optional.empty(), Optional.of(new AppVersion(HASH.apply(spec), Optional.of(digest))));
    }

    private static ObservedContainer exited(AppSpec spec, String digest) {
        return containerOf(spec.key()).hash(HASH.apply(spec)).state(ContainerState.EXITED).exitCode(1)
                .imageDigest(digest).build();
    }
}
