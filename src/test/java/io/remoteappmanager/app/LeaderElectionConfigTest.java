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
        var config = StandaloneConfig.load(Map.of(), Map.of("ram.realm", "lab"));

        assertThat(FromConfig.leaderElection(config, "h:1").enabled()).isTrue();
        Path dir = Path.of(Optional.ofNullable(System.getenv("STATE_DIRECTORY"))
                .orElse(System.getProperty("java.io.tmpdir")));
        assertThat(FromConfig.lockFile(config)).isEqualTo(dir.resolve("remoteappmanager-lab.lock"));
    }

    @Test
    void aLockFileSetIsTheOneUsed() {
        var config = StandaloneConfig.load(Map.of(), Map.of(
                "ram.leader-election.lock-file", "/var/lib/ram/lab.lock", "ram.leader-election.enabled", "false"));

        assertThat(FromConfig.lockFile(config)).isEqualTo(Path.of("/var/lib/ram/lab.lock"));
        assertThat(FromConfig.leaderElection(config, "h:1").enabled()).isFalse();
    }
}
