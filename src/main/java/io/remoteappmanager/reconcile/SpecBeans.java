package io.remoteappmanager.reconcile;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.spec.SpecDirectory;
import io.remoteappmanager.spec.SpecWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the spec directory reader (with the policy of {@code ram.policy.*}) and its watcher from {@code ram.specs.*}; the watcher wakes the loop. */
@ApplicationScoped
public class SpecBeans {

    @Produces
    @Singleton
    SpecDirectory specDirectory(RamConfig config) {
        return SpecPolicy.directory(config.specs().dir(), config, config.specs().debounce());
    }

    @Produces
    @Singleton
    SpecWatcher specWatcher(RamConfig config, ReconcileLoop loop) {
        return new SpecWatcher(config.specs().dir(), config.specs().debounce(), () -> loop.trigger("spec files changed"));
    }
}
