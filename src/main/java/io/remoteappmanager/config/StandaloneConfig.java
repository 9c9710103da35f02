package io.remoteappmanager.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Reads {@link RamConfig} without starting Quarkus (for the command-line tools and plain tests), from
 * the same sources in the same order: system properties, environment, application.properties.
 */
public final class StandaloneConfig {

    private StandaloneConfig() {}

    /** The configuration, with {@code defaults} under every real source. */
    public static RamConfig load(Map<String, String> defaults) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .addDiscoveredConverters()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RamConfig.class)
                .withDefaultValues(defaults)
                .build()
                .getConfigMapping(RamConfig.class);
    }
}
