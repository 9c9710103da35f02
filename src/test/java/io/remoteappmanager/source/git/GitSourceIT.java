package io.remoteappmanager.source.git;

import static io.remoteappmanager.testing.SpecFiles.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.lifecycle.TimerJobs;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.spec.SpecCheck;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The git source on its own (no engine), against real repositories: exactly one commit's specs, broken files, rollbacks,
 * empty trees and missing folders, hostile files, tags and commit ids as refs.
 */
@Execution(ExecutionMode.CONCURRENT)
class GitSourceIT {

    static final AppKey ALICE = new AppKey("alice", "alice-web");
    static final AppKey BOB = new AppKey("bob", "bob-web");

    @TempDir
    Path data;
    final List<GitSource> sources = new ArrayList<>();
    final AtomicInteger changes = new AtomicInteger();
    final TimerJobs jobs = new TimerJobs();
    final GitRepo repo = GitServers.shared().newRepo("source");

    @AfterEach
    void close() {
        sources.forEach(GitSource::close);
        jobs.close();
    }

    @Test
    void eachCommitIsReadWholeAndOnlyChangedFilesGetTheNewRevision() {
        String first = repo.commit("two apps", Map.of("alice.yaml", app("alice-web", "alice", "img:1"),
                "bob.yaml", app("bob-web", "bob", "img:1"), "README.md", "not a spec", "nested/carol.yaml",
                app("carol-web", "carol", "img:1")));
        GitSource source = start(repo.fileUrl(), "main", "");
        awaitRevision(source, first);

        SourceStatus status = source.status();
        assertThat(status.type()).isEqualTo("git");
        assertThat(status.location()).isEqualTo(repo.fileUrl());
        assertThat(status.ref()).contains("main");
        assertThat(status.author()).contains("Alice Author");
        assertThat(status.message()).contains("two apps");
        assertThat(status.committedAt()).isPresent();
        assertThat(status.fetchedAt()).isPresent();
        assertThat(status.lastError()).isEmpty();
        assertThat(source.read().apps()).containsOnlyKeys(ALICE, BOB);
        assertThat(source.read().apps().get(ALICE).origin().revision()).contains(first);
        await().until(() -> changes.get() >= 1);
        assertThat(changes.get()).as("the source said once that it changed").isEqualTo(1);

        String second = repo.commit("alice on img:2", Map.of("alice.yaml", app("alice-web", "alice", "img:2"),
                "bob.yaml", app("bob-web", "bob", "img:1")));
        awaitRevision(source, second);
        assertThat(source.read().apps().get(ALICE).image()).isEqualTo("img:2");
        assertThat(source.read().apps().get(ALICE).origin().revision()).contains(second);
        assertThat(source.read().apps().get(BOB).origin().revision()).as("bob.yaml did not change").contains(first);
    }

    @Test
    void aBrokenFileKeepsItsLastGoodContentAndTheProblemNamesCommitAndLine() {
        String good = repo.commit("good", Map.of("alice.yaml", app("alice-web", "alice", "img:1")));
        GitSource source = start(repo.fileUrl(), "main", "");
        awaitRevision(source, good);

        String broken = repo.commit("broken", Map.of("alice.yaml", app("alice-web", "alice", "img:2", "restartPolicy: Sometimes")));
        awaitRevision(source, broken);

        DesiredState desired = source.read();
        assertThat(desired.apps().get(ALICE).image()).as("last good content").isEqualTo("img:1");
        assertThat(desired.apps().get(ALICE).origin().revision()).contains(good);
        assertThat(desired.problems()).singleElement().asString()
                .startsWith("alice.yaml:8: ").contains("restartPolicy").endsWith("(commit " + broken.substring(0, 12) + ")");
    }

    @Test
    void aRollbackByForcePushIsFollowed() {
        String first = repo.commit("v1", Map.of("alice.yaml", app("alice-web", "alice", "img:1")));
        GitSource source = start(repo.fileUrl(), "main", "");
        awaitRevision(source, first);
        String second = repo.commit("v2", Map.of("alice.yaml", app("alice-web", "alice", "img:2")));
        awaitRevision(source, second);

        repo.forcePush(first);

        awaitRevision(source, first);
        assertThat(source.read().apps().get(ALICE).image()).isEqualTo("img:1");
    }

    @Test
    void anEmptyTreeOrAMissingFolderIsUnusableSoNothingIsPruned() {
        String withApps = repo.commit("apps", Map.of("apps/alice.yaml", app("alice-web", "alice", "img:1")));
        GitSource source = start(repo.fileUrl(), "main", "apps");
        awaitRevision(source, withApps);
        assertThat(source.read().directoryUsable()).isTrue();

        String moved = repo.commit("moved away", Map.of("elsewhere/alice.yaml", app("alice-web", "alice", "img:1")));
        awaitRevision(source, moved);
        assertThat(source.read().directoryUsable()).isFalse();
        assertThat(source.read().problems()).singleElement().asString()
                .contains("folder 'apps' does not exist at commit " + moved.substring(0, 12));

        GitSource atRoot = start(repo.fileUrl(), "main", "");
        String empty = repo.commit("empty", Map.of());
        awaitRevision(atRoot, empty);
        assertThat(atRoot.read().directoryUsable()).isFalse();
        assertThat(atRoot.read().apps()).isEmpty();
    }

    @Test
    void hostileFilesGetAProblemEachAndHurtNothingElse() {
        String commit = repo.commit("hostile", Map.of("alice.yaml", app("alice-web", "alice", "img:1"),
                "huge.yaml", "# " + "x".repeat(1 << 20), "link.yaml", GitRepo.SYMLINK, "bomb.yaml",
                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"));
        GitSource source = start(repo.fileUrl(), "main", "");
        awaitRevision(source, commit);

        DesiredState desired = source.read();
        assertThat(desired.apps()).containsOnlyKeys(ALICE);
        assertThat(desired.problems()).extracting(p -> p.file() + ": " + p.message()).anySatisfy(p ->
                assertThat(p).startsWith("huge.yaml: ").contains("larger than")).anySatisfy(p ->
                assertThat(p).startsWith("link.yaml: ").contains("symlink")).anySatisfy(p ->
                assertThat(p).startsWith("bomb.yaml: "));
    }

    @Test
    void aTagAndACommitIdAreRefsToo() {
        String first = repo.commit("v1", Map.of("alice.yaml", app("alice-web", "alice", "img:1")));
        repo.tag("v1.0", first);
        repo.commit("v2", Map.of("alice.yaml", app("alice-web", "alice", "img:2")));

        GitSource byTag = start(repo.daemonUrl(), "v1.0", "");
        GitSource byId = start(repo.daemonUrl(), first, "");

        awaitRevision(byTag, first);
        awaitRevision(byId, first);
        assertThat(byId.read().apps().get(ALICE).image()).isEqualTo("img:1");
    }

    @Test
    void anUnknownRefIsAnErrorNamingIt() {
        repo.commit("v1", Map.of("alice.yaml", app("alice-web", "alice", "img:1")));
        GitSource source = start(repo.fileUrl(), "no-such-branch", "");

        await().until(() -> source.status().lastError().isPresent());
        assertThat(source.status().lastError().get()).contains("'no-such-branch' is neither a branch nor a tag");
        assertThat(source.read().directoryUsable()).isFalse();
    }

    private GitSource start(String url, String ref, String path) {
        // A local repository of its own: two controllers must not share one ram.git.dir.
        GitSettings settings = new GitSettings(url, ref, path, Duration.ofMillis(200),
                data.resolve("source-" + sources.size()), Duration.ofSeconds(10),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        GitSource source = new GitSource(settings, SpecCheck.NONE, new SimpleMeterRegistry());
        sources.add(source);
        source.start(changes::incrementAndGet, jobs);
        return source;
    }

    static void awaitRevision(GitSource source, String commit) {
        await().until(() -> source.status().revision(), Optional.of(commit)::equals);
    }
}
