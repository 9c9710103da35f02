package io.remoteappmanager.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.secrets.SecretsDirectory;
import io.remoteappmanager.secrets.SecretsSource;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.git.GitSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration as the command-line tools ({@code validate}, {@code plan}) use it, read without Quarkus from the
 * same sources, so that they build what the controller builds and never read {@link RamConfig} themselves.
 */
public final class ToolConfig {

    private final RamConfig config;

    private ToolConfig(RamConfig config) {
        this.config = config;
    }

    /** System properties, environment and application.properties, under {@code overrides} (command-line options). */
    public static ToolConfig load(Map<String, String> overrides) {
        return new ToolConfig(StandaloneConfig.load(Map.of(), overrides));
    }

    public String realm() {
        return config.realm();
    }

    public SpecPolicy policy() {
        return FromConfig.policy(config);
    }

    /**
     * {@code source} with each app's secrets checked in {@code ram.secrets.dir} when it is set (each named file must be
     * there and readable; only a digest of its content is kept), else {@code source} as it is.
     */
    public SpecSource checkingSecrets(SpecSource source) {
        Optional<SecretsDirectory> secrets = FromConfig.secrets(config);
        return secrets.isEmpty() ? source : new SecretsSource(source, secrets);
    }

    /** A directory read once: every file as it is now. */
    public SpecSource directory(Path directory) {
        return SpecSources.oneOff(directory, config);
    }

    /**
     * The repository {@code url} at {@code ref} and {@code path} (each, when empty, {@code ram.git.*}'s), fetched into
     * {@code dir} with the credentials of {@code ram.git.*}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public GitSettings git(String url, Optional<String> ref, Optional<String> path, Path dir) {
        RamConfig.Git git = config.git();
        return new GitSettings(url, ref.orElse(git.ref()), path.orElse(git.path().orElse("")), git.interval(), dir,
                git.timeout(), git.username(), git.password(), git.sshKey(), git.knownHosts());
    }

    /** The runtime {@code ram.runtime} names; connects lazily. */
    public ContainerRuntime connect(MeterRegistry metrics) {
        return Runtimes.connect(config, metrics);
    }

    /** Where the runtime points, as error messages name it. */
    public String runtimeAddress() {
        return Runtimes.address(config);
    }

    /** The whole controller on {@code runtime}, reading {@code source}, as the application builds it. */
    public RemoteAppManager assemble(ContainerRuntime runtime, SpecSource source, MeterRegistry metrics, Jobs jobs) {
        return RemoteAppManager.assemble(config, runtime, source, metrics, jobs);
    }
}
