package io.remoteappmanager.source.git;

import static io.remoteappmanager.testing.SpecFiles.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.lifecycle.TimerJobs;
import io.remoteappmanager.spec.SpecCheck;
import io.remoteappmanager.testing.GitFixture;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.GitSettingsBuilder;
import io.remoteappmanager.testing.LogCapture;
import io.remoteappmanager.testing.QuarkusLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * How the git source reaches servers: a login over smart HTTP and a key over ssh work; a wrong password, an
 * unknown host key and a server that never answers each give a clear error within the timeout; and no credential
 * shows in the status or the log, whatever the failure.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ) // it captures log records
class GitAccessIT {

    static final GitServers SERVERS = GitServers.shared();

    @TempDir
    Path data;
    final List<AutoCloseable> closing = new ArrayList<>();
    final GitRepo repo = SERVERS.newRepo("access");
    final String commit = repo.commit("one app", Map.of("alice.yaml", app("alice-web", "alice", "img:1")));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndNeverShown() {
        String password = "wrong-password-" + System.nanoTime();
        try (LogCapture log = LogCapture.of("io.remoteappmanager.source.git")) {
            GitSource source = start(settings(repo.httpUrl()).user(SERVERS.httpUser, password).build());

            await().until(() -> source.status().lastError().isPresent());
            assertThat(source.status().lastError().get()).containsIgnoringCase("not authorized").doesNotContain(password);
            assertThat(source.status().revision()).isEmpty();
            await().until(() -> log.lines().stream().anyMatch(l -> l.contains("fetch of")));
            assertThat(log.lines()).noneMatch(l -> l.contains(password));
        }
    }

    @Test
    void credentialsInTheUrlWorkAndAreStrippedFromEverythingShown() {
        String url = repo.httpUrl().replace("http://", "http://" + SERVERS.httpUser + ":" + SERVERS.httpPassword + "@");
        try (LogCapture log = LogCapture.of("io.remoteappmanager.source.git")) {
            GitSource source = start(settings(url).build());

            await().until(() -> source.status().revision(), Optional.of(commit)::equals);
            assertThat(source.status().location()).isEqualTo(repo.httpUrl());
            assertThat(log.lines()).isNotEmpty().noneMatch(l -> l.contains(SERVERS.httpPassword));
        }
    }

    @Test
    void anSshHostKeyThatKnownHostsDoesNotHoldIsRefused() throws IOException {
        Path emptyKnownHosts = Files.writeString(data.resolve("known_hosts"), "");
        GitSource source = start(settings(repo.sshUrl()).ssh(SERVERS.sshKey, emptyKnownHosts).build());

        await().atMost(GitFixture.FIRST_SSH).until(() -> source.status().lastError().isPresent());
        assertThat(source.status().lastError().get()).containsIgnoringCase("server key did not validate");
        assertThat(source.status().revision()).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closing.add(silent);
        List<Socket> held = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        GitSource source = start(settings("http://127.0.0.1:" + silent.getLocalPort() + "/hangs.git")
                .timeout(Duration.ofSeconds(1)).build());

        await().atMost(Duration.ofSeconds(15)).until(() -> source.status().lastError().isPresent());
        assertThat(source.status().lastError().get()).containsIgnoringCase("timed out");
    }

    private GitSource start(GitSettings settings) {
        GitSource source = new GitSource(settings, SpecCheck.NONE, new SimpleMeterRegistry());
        TimerJobs jobs = new TimerJobs();
        closing.add(source);
        closing.add(jobs);
        source.start(() -> {}, jobs);
        return source;
    }

    private GitSettingsBuilder settings(String url) {
        return new GitSettingsBuilder(url, data.resolve("local-" + closing.size()));
    }
}
