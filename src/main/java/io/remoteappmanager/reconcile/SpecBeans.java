package io.remoteappmanager.reconcile;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.directory.DirectorySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the spec source from {@code ram.specs.*}: the spec directory read under the policy of {@code ram.policy.*}. */
@ApplicationScoped
public class SpecBeans {

    @Produces
    @Singleton
    SpecSource specSource(RamConfig config) {
        return new DirectorySource(SpecPolicy.directory(config.specs().dir(), config, config.specs().debounce()),
                config.specs().debounce());
    }
}
