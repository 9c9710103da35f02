package io.remoteappmanager.runtime.dockerapi;

import com.github.dockerjava.api.model.AuthConfig;
import java.util.Optional;
import java.util.Set;

/** The configured registry credentials ({@code ram.docker.registry.*}), sent only with pulls from that registry. */
public final class RegistryAuth {

    /** The names Docker Hub goes by in credentials ({@code docker login} writes the last). */
    private static final Set<String> DOCKER_HUB_NAMES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "https://index.docker.io/v1/");

    private final Optional<AuthConfig> auth;
    private final String registry;

    /** Credentials for pulls from one private registry ({@code ram.docker.registry.*}); all empty: none. */
    public record Credentials(Optional<String> server, Optional<String> username, Optional<String> password) {

        public static final Credentials NONE = new Credentials(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RegistryAuth(Credentials config) {
        this.registry = config.server().map(RegistryAuth::host).orElse("");
        this.auth = config.server().flatMap(server -> config.username().map(user -> new AuthConfig()
                .withRegistryAddress(server)
                .withUsername(user)
                .withPassword(config.password().orElse(""))));
    }

    /** The credentials for pulling {@code reference}, or empty when it lives on another registry. */
    public Optional<AuthConfig> forImage(String reference) {
        return auth.filter(a -> ImageReference.parse(reference).registry().equals(registry));
    }

    /** {@code ram.docker.registry.server} as an image reference names it: Docker Hub's aliases and URLs become docker.io. */
    private static String host(String server) {
        if (DOCKER_HUB_NAMES.contains(server)) {
            return ImageReference.DOCKER_HUB;
        }
        return server.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
    }
}
