package io.remoteappmanager.source.git;

import static io.remoteappmanager.testing.SpecFiles.app;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.remoteappmanager.testing.TestEngine.HTTPD_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.GitFixture;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.GitSettingsBuilder;
import io.remoteappmanager.testing.RealmContainers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * GitOps on the real engine through git daemon: an edit recreates only the edited app, a broken commit keeps the app,
 * a rollback applies; each case on a realm and repository of its own, side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class GitOpsEndToEndIT {

    static final AppKey ALICE = new AppKey("alice", "alice-web");
    static final AppKey BOB = new AppKey("bob", "bob-web");

    @TempDir
    Path data;
    final GitRepo repo = GitServers.shared().newRepo("gitops");
    GitFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anEditRecreatesOnlyTheEditedAppWhichShowsTheNewRevision() {
        String first = repo.commit("two apps", Map.of("alice.yaml", app("alice-web", "alice", HTTPD),
                "bob.yaml", app("bob-web", "bob", HTTPD)));
        start();
        fixture.awaitRunningAt(ALICE, first);
        fixture.awaitRunningAt(BOB, first);
        Map<AppKey, String> before = RealmContainers.ids(fixture.engine);

        String edit = repo.commit("alice on httpd:2", Map.of("alice.yaml", app("alice-web", "alice", HTTPD_V2),
                "bob.yaml", app("bob-web", "bob", HTTPD)));

        fixture.awaitRunningAt(ALICE, edit);
        await().until(() -> RealmContainers.converged(fixture.engine, List.of(ALICE, BOB)));
        Map<AppKey, String> after = RealmContainers.ids(fixture.engine);
        assertThat(after.get(ALICE)).as("alice recreated").isNotEqualTo(before.get(ALICE));
        assertThat(fixture.revisionLabel(ALICE)).contains(edit);
        assertThat(after.get(BOB)).as("bob untouched").isEqualTo(before.get(BOB));
        assertThat(fixture.controller.app(BOB).orElseThrow().revision()).contains(first);
        assertThat(fixture.revisionLabel(BOB)).contains(first);
    }

    @Test
    void aBrokenCommitKeepsTheAppAndTheProblemNamesCommitAndLine() {
        String good = repo.commit("good", Map.of("alice.yaml", app("alice-web", "alice", HTTPD)));
        start();
        fixture.awaitRunningAt(ALICE, good);
        String container = RealmContainers.ids(fixture.engine).get(ALICE);

        String broken = repo.commit("broken", Map.of("alice.yaml", app("alice-web", "alice", HTTPD_V2, "restartPolicy: Sometimes")));

        await().until(() -> fixture.controller.lastPass().problems().stream().anyMatch(p ->
                p.startsWith("alice.yaml:8: ") && p.endsWith("(commit " + broken.substring(0, 12) + ")")));
        assertThat(fixture.source.status().revision()).contains(broken);
        assertThat(RealmContainers.converged(fixture.engine, List.of(ALICE))).isTrue();
        assertThat(RealmContainers.ids(fixture.engine).get(ALICE)).isEqualTo(container);
        assertThat(fixture.revisionLabel(ALICE)).contains(good);
    }

    @Test
    void aRollbackByForcePushApplies() {
        String first = repo.commit("v1", Map.of("alice.yaml", app("alice-web", "alice", HTTPD)));
        start();
        fixture.awaitRunningAt(ALICE, first);
        String second = repo.commit("v2", Map.of("alice.yaml", app("alice-web", "alice", HTTPD_V2)));
        fixture.awaitRunningAt(ALICE, second);

        repo.forcePush(first);

        fixture.awaitRunningAt(ALICE, first);
        assertThat(RealmContainers.byKey(fixture.engine).get(ALICE)).singleElement()
                .satisfies(c -> assertThat(c.image()).isEqualTo(HTTPD));
    }

    private void start() {
        fixture = GitFixture.start("ops", new GitSettingsBuilder(repo.daemonUrl(), data).build());
    }
}
