package io.remoteappmanager.testing;

import io.remoteappmanager.source.git.GitSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Git source settings for tests: ref main at the root, polled every 300 ms, with one thing changed at a time. */
public final class GitSettingsBuilder {

    private final String url;
    private final Path dir;
    private String ref = "main";
    private Duration interval = Duration.ofMillis(300);
    private Duration timeout = Duration.ofSeconds(10);
    private Optional<String> user = Optional.empty();
    private Optional<String> password = Optional.empty();
    private Optional<Path> key = Optional.empty();
    private Optional<Path> knownHosts = Optional.empty();

    /** @param dir the local repository folder ({@code ram.git.dir}), one per source */
    public GitSettingsBuilder(String url, Path dir) {
        this.url = url;
        this.dir = dir;
    }

    public GitSettingsBuilder ref(String value) {
        ref = value;
        return this;
    }

    public GitSettingsBuilder interval(Duration value) {
        interval = value;
        return this;
    }

    public GitSettingsBuilder timeout(Duration value) {
        timeout = value;
        return this;
    }

    public GitSettingsBuilder user(String name, String secret) {
        user = Optional.of(name);
        password = Optional.of(secret);
        return this;
    }

    public GitSettingsBuilder ssh(Path privateKey, Path hosts) {
        key = Optional.of(privateKey);
        knownHosts = Optional.of(hosts);
        return this;
    }

    public GitSettings build() {
        return new GitSettings(url, ref, "", interval, dir, timeout, user, password, key, knownHosts);
    }
}
