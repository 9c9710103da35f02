package io.remoteappmanager.source.git;

import static io.remoteappmanager.testing.SpecFiles.app;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.remoteappmanager.testing.TestEngine.HTTPD_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.testing.GitFixture;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.GitSettingsBuilder;
import io.remoteappmanager.testing.RealmContainers;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The git server going away changes nothing (the apps keep running, the status says why) and the first fetch after
 * it returns catches up; on a git daemon of the test's own, so the shared servers stay up.
 */
@Execution(ExecutionMode.CONCURRENT)
class GitOutageIT {

    static final AppKey ALICE = new AppKey("alice", "alice-web");

    @TempDir
    Path data;

    @Test
    void whileTheServerIsAwayNothingChangesAndTheNextFetchCatchesUp() throws Exception {
        try (GitServers own = GitServers.own("outage", "daemon")) {
            GitRepo repo = own.newRepo("outage");
            String first = repo.commit("v1", Map.of("alice.yaml", app("alice-web", "alice", HTTPD)));
            try (GitFixture fixture = GitFixture.start("outage", new GitSettingsBuilder(repo.daemonUrl(), data).build())) {
                fixture.awaitRunningAt(ALICE, first);
                Map<AppKey, String> running = RealmContainers.ids(fixture.engine);

                own.stop("daemon");
                String second = repo.commit("v2 while the server is away", Map.of("alice.yaml", app("alice-web", "alice", HTTPD_V2)));

                // a fetch under way as the daemon stops fails mid-transfer ("Short read of block"); the next one is refused
                await().until(() -> fixture.source.status().lastError(),
                        error -> error.filter(message -> message.toLowerCase(Locale.ROOT).contains("connection refused")).isPresent());
                assertThat(fixture.source.status().revision()).contains(first);
                PassResult pass = fixture.controller.loop.requestPass("test: server away").get(30, TimeUnit.SECONDS);
                assertThat(pass.outcomes()).as("actions while the server is away").isEmpty();
                assertThat(RealmContainers.converged(fixture.engine, List.of(ALICE))).isTrue();
                assertThat(RealmContainers.ids(fixture.engine)).isEqualTo(running);

                own.start("daemon");

                fixture.awaitRunningAt(ALICE, second);
                assertThat(fixture.source.status().lastError()).isEmpty();
            }
        }
    }
}
