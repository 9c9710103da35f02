package io.remoteappmanager.policy;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.policy.SpecPolicy.Ceilings;
import io.remoteappmanager.source.directory.SpecDirectory;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** A spec breaking the policy fails its file like an invalid file: the last good content keeps running. */
@Execution(ExecutionMode.CONCURRENT)
class PolicyInSpecDirectoryTest {

    static final AppKey ALICE = new AppKey("alice", "web");

    @TempDir
    Path dir;

    @Test
    void aViolatingEditKeepsTheLastGoodContentAndNamesTheFile() {
        SpecDirectory specs = new SpecDirectory(dir, new SpecPolicy(List.of("ram-test/*"), List.of(),
                new Ceilings(1L << 30, 1, 100)));
        SpecFiles.write(dir, "alice.yaml", SpecFiles.app("web", "alice", "ram-test/httpd:1"));
        assertThat(specs.read().apps().get(ALICE).image()).isEqualTo("ram-test/httpd:1");

        SpecFiles.write(dir, "alice.yaml", SpecFiles.app("web", "alice", "ram-test/httpd:2",
                "resources: {memory: 8g}") + "---\n" + SpecFiles.app("other", "alice", "elsewhere/miner:1"));
        DesiredState state = specs.read();
        assertThat(state.apps().get(ALICE).image()).as("last good content").isEqualTo("ram-test/httpd:1");
        assertThat(state.apps()).hasSize(1);
        assertThat(state.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.POLICY))
                .extracting(Object::toString).containsExactly(
                        "alice.yaml:8: web: resources.memory 8589934592 is above ram.policy.max-memory (1073741824)",
                        "alice.yaml:16: other: image elsewhere/miner:1 is not allowed by ram.policy.allowed-images [ram-test/*]");
    }

    @Test
    void configuredDefaultsAllowAnyImageAndNoHostVolume() {
        SpecPolicy policy = FromConfig.policy(TestEngine.config(Map.of()));
        SpecDirectory specs = new SpecDirectory(dir, policy);
        SpecFiles.write(dir, "a.yaml", SpecFiles.app("web", "alice", "some.registry:5000/deep/path/app:1",
                "resources: {memory: 4g, cpus: 2, pids: 4096}"));
        SpecFiles.write(dir, "b.yaml", SpecFiles.app("vol", "bob", "x:1", "volumes: {/srv/bob: {bind: /data}}"));
        DesiredState state = specs.read();
        assertThat(state.apps()).containsOnlyKeys(ALICE);
        assertThat(state.problems()).singleElement().asString().startsWith("b.yaml:8: vol: volume /srv/bob refused by policy");
    }
}
