package io.remoteappmanager.cli;

import static io.remoteappmanager.testing.SpecFiles.app;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@code validate --git} and {@code plan --git} against real servers, as CI checks a branch before merging it. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ) // the command line reads system properties
class GitCliIT {

    static final GitServers SERVERS = GitServers.shared();

    @TempDir
    Path dir;
    final GitRepo repo = SERVERS.newRepo("cli");

    @Test
    void validateGitReadsOneRefAndPathAndNamesTheCommit() {
        String commit = repo.commit("apps", Map.of("apps/alice.yaml", app("alice-web", "alice", HTTPD), "README.md", "x"));

        CliRun run = CliRun.of("validate", "--git", repo.daemonUrl(), "--ref", "main", "--path", "apps");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 app(s), valid").contains(commit).contains("path apps");
    }

    @Test
    void validateGitPrintsFileLineAndCommitOfABrokenBranchWithoutTheCredentials() {
        String broken = repo.commit("broken", Map.of("alice.yaml", app("alice-web", "alice", HTTPD, "restartPolicy: Sometimes")));
        String url = repo.httpUrl().replace("http://", "http://" + SERVERS.httpUser + ":" + SERVERS.httpPassword + "@");

        CliRun run = CliRun.of("validate", "--git", url);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^alice\\.yaml:8: .*restartPolicy.*\\(commit " + broken.substring(0, 12) + "\\)$");
        assertThat(run.out() + run.err()).contains(repo.httpUrl()).doesNotContain(SERVERS.httpPassword);
    }

    @Test
    void anUnreachableRepositoryIsAFindingAndAWrongCommandLineAUsageError() {
        CliRun unreachable = CliRun.of("validate", "--git", repo.fileUrl(), "--ref", "no-such-branch");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot read the git repository").contains("no-such-branch");

        CliRun both = CliRun.of("validate", dir.toString(), "--git", repo.fileUrl());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void planGitShowsWhatAPassWouldDo() {
        repo.commit("one app", Map.of("alice.yaml", app("alice-web", "alice", HTTPD)));
        try (TestEngine engine = TestEngine.withFreshRealm("gitplan")) {
            CliRun run = CliRun.of("plan", "--realm", engine.config.realm(), "--git", repo.fileUrl());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("specs: git " + repo.fileUrl()).contains("would create alice/alice-web");
        }
    }
}
