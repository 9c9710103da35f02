package io.remoteappmanager.source.git;

import static io.remoteappmanager.testing.SpecFiles.app;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.GitFixture;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.GitSettingsBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Commit to running on the real engine through every transport: git daemon, smart HTTP with a login, ssh with a key, file. */
@Execution(ExecutionMode.CONCURRENT)
class GitTransportsIT {

    static final GitServers SERVERS = GitServers.shared();
    static final AppKey ALICE = new AppKey("alice", "alice-web");

    /** One way to reach a repository, with the settings it needs. */
    enum Transport {
        GIT_DAEMON((repo, dir) -> new GitSettingsBuilder(repo.daemonUrl(), dir)),
        HTTP_WITH_LOGIN((repo, dir) -> new GitSettingsBuilder(repo.httpUrl(), dir)
                .user(SERVERS.httpUser, SERVERS.httpPassword)),
        SSH_WITH_KEY((repo, dir) -> new GitSettingsBuilder(repo.sshUrl(), dir).ssh(SERVERS.sshKey, SERVERS.knownHosts)),
        FILE((repo, dir) -> new GitSettingsBuilder(repo.fileUrl(), dir));

        final BiFunction<GitRepo, Path, GitSettingsBuilder> settings;

        Transport(BiFunction<GitRepo, Path, GitSettingsBuilder> settings) {
            this.settings = settings;
        }
    }

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCommitRunsWithItsRevisionShown(Transport transport) {
        GitRepo repo = SERVERS.newRepo("transport");
        String commit = repo.commit("alice's app", Map.of("alice.yaml", app("alice-web", "alice", HTTPD)));

        try (GitFixture fixture = GitFixture.start("tr", transport.settings.apply(repo, data).build())) {
            AppStatus alice = fixture.awaitRunningAt(ALICE, commit, GitFixture.FIRST_SSH);

            assertThat(alice.containerId()).isPresent();
            assertThat(fixture.revisionLabel(ALICE)).contains(commit);
            assertThat(fixture.source.status().revision()).contains(commit);
        }
    }
}
