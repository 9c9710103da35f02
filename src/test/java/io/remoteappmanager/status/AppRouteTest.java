package io.remoteappmanager.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.Phase;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where an app's route leads, from its phase, its readiness and where it led before. */
class AppRouteTest {

    @ParameterizedTest(name = "{0}, ready {1}, before {2} → {3}")
    @CsvSource({
        "Running, true, , APP",
        "Suspended, true, , APP",
        "Running, true, WAKE_PAGE, APP",
        "Removing, true, APP, NONE",
        "Failed, true, APP, NONE",
        "Idle, false, APP, WAKE_PAGE",
        "Idle, false, , WAKE_PAGE",
        "Restarting, false, WAKE_PAGE, WAKE_PAGE",
        "Recreating, false, WAKE_PAGE, WAKE_PAGE",
        "Starting, false, WAKE_PAGE, WAKE_PAGE",
        "Failed, false, WAKE_PAGE, WAKE_PAGE",
        "CrashLoopBackOff, false, WAKE_PAGE, WAKE_PAGE",
        "Restarting, false, APP, NONE",
        "Starting, false, , KEEP",
        "Starting, false, APP, KEEP",
        "Suspended, false, WAKE_PAGE, NONE",
        "Invalid, false, WAKE_PAGE, NONE",
        "Removing, false, WAKE_PAGE, NONE",
        "Pending, false, , NONE",
    })
    void routeFollowsPhaseReadinessAndWhereItLedBefore(Phase phase, boolean ready, AppRoute before, AppRoute expected) {
        assertThat(AppRoute.of(phase, ready, Optional.ofNullable(before))).isEqualTo(expected);
    }
}
