package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerNames;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.AppStatuses;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Create failing for reasons outside the controller: a clear status naming the cause, retried with back-off. */
@Execution(ExecutionMode.CONCURRENT)
class CreateFaultsIT {

    static final AppKey ALICE = new AppKey("alice", "web");

    @TempDir
    Path specs;
    TestEngine engine;
    TestController controller;

    @BeforeEach
    void start() {
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("fault"), "ram.specs.dir", specs.toString(),
                "ram.reconcile.initial-backoff", "1s", "ram.reconcile.max-backoff", "2s"));
        controller = new TestController(engine);
    }

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void aNameHeldByAForeignContainerIsAClearRetriedErrorAndTheHolderIsUntouched() {
        String name = ContainerNames.of(engine.labels.realm(), ALICE);
        String foreign = engine.docker.createContainerCmd(HTTPD).withName(name).exec().getId();
        try {
            engine.docker.startContainerCmd(foreign).exec();
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD));
            controller.start();

            AppStatus failed = AppStatuses.awaitRetriedFailure(controller, ALICE);
            assertThat(failed.lastError().orElseThrow()).contains("container name " + name + " is held by container "
                    + foreign.substring(0, 12));
            var holder = engine.docker.inspectContainerCmd(foreign).exec();
            assertThat(holder.getState().getRunning()).as("the foreign container still runs").isTrue();
            assertThat(holder.getConfig().getLabels()).as("and still carries no label of ours").isNullOrEmpty();
            assertThat(RealmContainers.byKey(engine)).isEmpty();

            engine.docker.removeContainerCmd(foreign).withForce(true).exec();
            await().until(() -> RealmContainers.converged(engine, List.of(ALICE)));
        } finally {
            engine.docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(name)).exec().stream()
                    .filter(c -> c.getId().equals(foreign)).forEach(c -> engine.docker.removeContainerCmd(foreign).withForce(true).exec());
        }
    }

    @Test
    void aMissingImageWithPullPolicyNeverIsAClearRetriedError() {
        String image = "ram-test/absent-" + engine.labels.realm().toLowerCase() + ":1";
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", image, "imagePullPolicy: Never"));
        controller.start();

        AppStatus failed = AppStatuses.awaitRetriedFailure(controller, ALICE);
        assertThat(failed.lastError().orElseThrow()).isEqualTo("image " + image + " is not present and imagePullPolicy is Never");
        assertThat(failed.message()).contains("next try at");

        String[] parts = image.split(":");
        engine.docker.tagImageCmd(HTTPD, parts[0], parts[1]).exec();
        try {
            await().until(() -> RealmContainers.converged(engine, List.of(ALICE)));
        } finally {
            engine.removeContainers();
            engine.docker.removeImageCmd(image).exec();
        }
    }
}
