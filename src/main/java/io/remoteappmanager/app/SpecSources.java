package io.remoteappmanager.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.directory.DirectorySource;
import io.remoteappmanager.source.directory.SpecDirectory;
import io.remoteappmanager.source.git.GitSource;
import java.nio.file.Path;
import java.time.Duration;

/** Builds the spec source the configuration names (a directory or a git repository), always under the configured policy. */
public final class SpecSources {

    private SpecSources() {}

    /**
     * The controller's source: the git repository of {@code ram.git.*} when {@code ram.source=git}, else the directory
     * {@code ram.specs.dir}, acting on a file once it settled for the debounce.
     */
    public static SpecSource fromConfig(RamConfig config, MeterRegistry metrics) {
        if (config.source() == RamConfig.SourceKind.GIT) {
            return new GitSource(FromConfig.git(config), FromConfig.policy(config), metrics);
        }
        Duration debounce = config.specs().debounce();
        return new DirectorySource(new SpecDirectory(config.specs().dir(), FromConfig.policy(config), debounce),
                debounce);
    }

    /** A directory read once, as {@code validate} and {@code plan} read it: every file as it is now. */
    public static SpecSource oneOff(Path directory, RamConfig config) {
        return new DirectorySource(new SpecDirectory(directory, FromConfig.policy(config), Duration.ZERO),
                Duration.ZERO);
    }
}
