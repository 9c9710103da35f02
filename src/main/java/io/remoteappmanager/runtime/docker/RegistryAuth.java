package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.model.AuthConfig;
import io.remoteappmanager.config.RamConfig;
import java.util.Optional;

/** The configured registry credentials ({@code ram.docker.registry.*}), sent only with pulls from that registry. */
final class RegistryAuth {

    private final Optional<AuthConfig> auth;
    private final String prefix;

    RegistryAuth(RamConfig.Registry registry) {
        this.prefix = registry.server().map(server -> server + "/").orElse("");
        this.auth = registry.server().flatMap(server -> registry.username().map(user -> new AuthConfig()
                .withRegistryAddress(server)
                .withUsername(user)
                .withPassword(registry.password().orElse(""))));
    }

    /** The credentials for pulling {@code reference}, or empty when it lives on another registry. */
    Optional<AuthConfig> forImage(String reference) {
        return auth.filter(a -> reference.startsWith(prefix));
    }
}
