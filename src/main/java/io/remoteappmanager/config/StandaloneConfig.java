package io.remoteappmanager.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Reads {@link RamConfig} without starting Quarkus (for the command-line tools, an embedding program and plain
 * tests), from the same sources in the same order: system properties, environment, application.properties.
 */
public final class StandaloneConfig {

    private StandaloneConfig() {}

    /** The configuration, with {@code defaults} under every real source. */
    public static RamConfig load(Map<String, String> defaults) {
        return load(defaults, Map.of());
    }

    /** As {@link #load(Map)}, with {@code overrides} (such as command-line options) over every real source. */
    public static RamConfig load(Map<String, String> defaults, Map<String, String> overrides) {
        return build(new SmallRyeConfigBuilder().addDefaultSources(), defaults, overrides);
    }

    /**
     * For a controller embedded in a program that configures it: {@code settings} over the environment and
     * {@code defaults}, never the JVM's system properties, which belong to the program (a Quarkus test, for one, sets
     * its profile's settings there for its own application).
     */
    public static RamConfig embedded(Map<String, String> defaults, Map<String, String> settings) {
        return build(new SmallRyeConfigBuilder().withSources(new EnvConfigSource(System.getenv(), EnvConfigSource.ORDINAL)), defaults, settings);
    }

    private static RamConfig build(SmallRyeConfigBuilder sources, Map<String, String> defaults,
            Map<String, String> overrides) {
        return sources
                .withSources(new PropertiesConfigSource(overrides, "command line", 1000))
                .addDiscoveredConverters()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RamConfig.class)
                .withDefaultValues(defaults)
                .build()
                .getConfigMapping(RamConfig.class);
    }
}
