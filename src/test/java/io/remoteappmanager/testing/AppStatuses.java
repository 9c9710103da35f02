package io.remoteappmanager.testing;

import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import java.time.Duration;
import java.time.Instant;

/** Waits on a controller's status for tests of failures. */
public final class AppStatuses {

    private AppStatuses() {}

    /** Waits for a failed action on {@code key}, then for a later attempt that failed too: the failure is retried. */
    public static AppStatus awaitRetriedFailure(TestController controller, AppKey key) {
        AppStatus first = await().atMost(Duration.ofSeconds(60)).until(() -> controller.app(key).orElse(null),
                s -> s != null && s.phase() == Phase.Failed && s.lastError().isPresent());
        Instant at = first.lastActionAt().orElseThrow();
        return await().until(() -> controller.app(key).orElseThrow(),
                s -> s.phase() == Phase.Failed && s.lastActionAt().orElseThrow().isAfter(at));
    }
}
