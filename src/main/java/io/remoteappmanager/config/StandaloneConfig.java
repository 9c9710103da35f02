package io.remoteappmanager.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
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
        return load(defaults, Map.of());
    }

    /** As {@link #load(Map)}, with {@code overrides} (such as command-line options) over every real source. */
    public static RamConfig load(Map<String, String> defaults, Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(overrides, "command line", 1000))
                .addDiscoveredConverters()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RamConfig.class)
                .withDefaultValues(defaults)
                .build()
                .getConfigMapping(RamConfig.class);
    }
}
