package io.remoteappmanager.runtime.dockerapi;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.testing.TestEngine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Registry credentials from config go with pulls from that registry only. */
@Execution(ExecutionMode.CONCURRENT)
class RegistryAuthTest {

    @Test
    void credentialsGoOnlyToTheConfiguredRegistry() {
        RegistryAuth auth = new RegistryAuth(FromConfig.registry(TestEngine.config(Map.of("ram.docker.registry.server", "127.0.0.1:5000",
                "ram.docker.registry.username", "ci", "ram.docker.registry.password", "secret"))));
        assertThat(auth.forImage("127.0.0.1:5000/team/app:1")).hasValueSatisfying(a -> {
            assertThat(a.getUsername()).isEqualTo("ci");
            assertThat(a.getPassword()).isEqualTo("secret");
            assertThat(a.getRegistryAddress()).isEqualTo("127.0.0.1:5000");
        });
        assertThat(auth.forImage("127.0.0.1:50001/team/app:1")).isEmpty();
        assertThat(auth.forImage("team/app:1")).isEmpty();
    }

    @Test
    void dockerHubCredentialsGoWithImagesNamedWithoutARegistry() {
        for (String hub : new String[] {"docker.io", "index.docker.io", "https://index.docker.io/v1/"}) {
            RegistryAuth auth = new RegistryAuth(FromConfig.registry(TestEngine.config(Map.of("ram.docker.registry.server", hub,
                    "ram.docker.registry.username", "ci"))));
            assertThat(auth.forImage("team/app:1")).as(hub).isPresent();
            assertThat(auth.forImage("ubuntu")).as(hub).isPresent();
            assertThat(auth.forImage("docker.io/team/app:1")).as(hub).isPresent();
            assertThat(auth.forImage("127.0.0.1:5000/team/app:1")).as(hub).isEmpty();
            assertThat(auth.forImage("ghcr.io/team/app:1")).as(hub).isEmpty();
        }
    }

    @Test
    void aRegistryGivenAsAUrlMatchesItsHost() {
        RegistryAuth auth = new RegistryAuth(FromConfig.registry(TestEngine.config(Map.of("ram.docker.registry.server", "https://localhost:5000/",
                "ram.docker.registry.username", "ci"))));
        assertThat(auth.forImage("localhost:5000/team/app@sha256:" + "a".repeat(64))).isPresent();
        assertThat(auth.forImage("localhost/team/app:1")).isEmpty();
    }

    @Test
    void noCredentialsByDefault() {
        assertThat(new RegistryAuth(FromConfig.registry(TestEngine.config(Map.of()))).forImage("127.0.0.1:5000/a:1")).isEmpty();
    }
}
