package io.remoteappmanager.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.directory.DirectorySource;
import io.remoteappmanager.source.git.GitSettings;
import io.remoteappmanager.source.git.GitSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the spec source that {@code ram.source} names: the spec directory of {@code ram.specs.*}, or the git
 * repository of {@code ram.git.*}; either read under the policy of {@code ram.policy.*}.
 */
@ApplicationScoped
public class SpecBeans {

    @Produces
    @Singleton
    SpecSource specSource(RamConfig config, MeterRegistry metrics) {
        if (config.source() == RamConfig.SourceKind.GIT) {
            return new GitSource(GitSettings.from(config.git()), SpecPolicy.from(config.policy()), metrics);
        }
        return new DirectorySource(SpecPolicy.directory(config.specs().dir(), config, config.specs().debounce()),
                config.specs().debounce());
    }
}
