package io.remoteappmanager.app;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.directory.DirectorySource;
import io.remoteappmanager.source.directory.SpecDirectory;
import java.nio.file.Path;
import java.time.Duration;

/** Builds the spec source the configuration names, always under the configured policy. */
public final class SpecSources {

    private SpecSources() {}

    /** The controller's source: {@code ram.specs.dir}, acting on a file once it settled for the debounce. */
    public static SpecSource fromConfig(RamConfig config) {
        Duration debounce = config.specs().debounce();
        return new DirectorySource(new SpecDirectory(config.specs().dir(), SpecPolicy.from(config.policy()), debounce),
                debounce);
    }

    /** A directory read once, as {@code validate} and {@code plan} read it: every file as it is now. */
    public static SpecSource oneOff(Path directory, RamConfig config) {
        return new DirectorySource(new SpecDirectory(directory, SpecPolicy.from(config.policy()), Duration.ZERO),
                Duration.ZERO);
    }
}
