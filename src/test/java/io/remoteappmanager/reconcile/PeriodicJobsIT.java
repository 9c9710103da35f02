package io.remoteappmanager.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's periodic work runs as jobs at the configured intervals, and a stopped controller runs none. */
class PeriodicJobsIT {

    @TempDir
    Path specs;

    @Test
    void theResyncFollowsTheConfiguredIntervalAndAStoppedControllerRunsNoJob() {
        ManualJobs jobs = new ManualJobs();
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("jobs"),
                "ram.specs.dir", specs.toString(), "ram.reconcile.interval", "42s",
                "ram.reconcile.relist-interval", "7m", "ram.images.check-interval", "3m"))) {
            RemoteAppManager controller = RemoteAppManager.assemble(engine.config, engine.runtime,
                    new SimpleMeterRegistry(), jobs).start();

            assertThat(jobs.interval("resync")).contains(Duration.ofSeconds(42));
            assertThat(jobs.interval("relist")).contains(Duration.ofMinutes(7));
            assertThat(jobs.interval("image-check")).contains(Duration.ofMinutes(3));
            assertThat(jobs.active()).contains("engine-heartbeat");
            await().until(() -> controller.controller().lastPassEndedAt().isPresent());

            await().until(() -> { // a trigger that was pending already would fold the resync's into its pass
                jobs.run("resync");
                return controller.status().current().lastPass().trigger();
            }, "periodic resync"::equals);

            controller.close();
            assertThat(jobs.active()).as("jobs left after the stop").isEmpty();
        }
    }
}
