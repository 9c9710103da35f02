package io.remoteappmanager.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.config.StandaloneConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Leader election is on by default, and the lease file's default names the realm: two realms never share a lease. */
class LeaderElectionConfigTest {

    @Test
    void electionIsOnAndTheLockFileIsNamedAfterTheRealm() {
        var settings = FromConfig.leaderElection(StandaloneConfig.load(Map.of(), Map.of("ram.realm", "lab")), "h:1");

        assertThat(settings.enabled()).isTrue();
        Path dir = Path.of(Optional.ofNullable(System.getenv("STATE_DIRECTORY"))
                .orElse(System.getProperty("java.io.tmpdir")));
        assertThat(settings.lockFile()).isEqualTo(dir.resolve("remoteappmanager-lab.lock"));
        assertThat(settings.retry()).hasSeconds(1);
    }

    @Test
    void aLockFileSetIsTheOneUsed() {
        var settings = FromConfig.leaderElection(StandaloneConfig.load(Map.of(), Map.of(
                "ram.leader-election.lock-file", "/var/lib/ram/lab.lock", "ram.leader-election.enabled", "false")), "h:1");

        assertThat(settings.lockFile()).isEqualTo(Path.of("/var/lib/ram/lab.lock"));
        assertThat(settings.enabled()).isFalse();
    }
}
