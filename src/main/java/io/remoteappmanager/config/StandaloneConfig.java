package io.remoteappmanager.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@link RamConfig} without starting Quarkus (for the command-line tools, an embedding program and plain
 * tests), from the same sources in the same order (system properties, environment, application.properties) and
 * with the same expansion of {@code ${...}} in values.
 */
public final class StandaloneConfig {

    private static final String PREFIX = "ram.";
    /** SmallRye's ordinal for system properties, so these rank where they would. */
    private static final int SYSTEM_PROPERTIES_ORDINAL = 400;

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
     * {@code defaults}, never the controller's settings among the JVM's system properties, which belong to the program
     * (a Quarkus test, for one, sets its profile's settings there for its own application). The JVM's other
     * properties stay, for values to name (the git folder's default names {@code java.io.tmpdir}).
     */
    public static RamConfig embedded(Map<String, String> defaults, Map<String, String> settings) {
        Map<String, String> jvm = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (!key.toString().startsWith(PREFIX)) {
                jvm.put(key.toString(), value.toString());
            }
        });
        return build(new SmallRyeConfigBuilder().withSources(
                new EnvConfigSource(System.getenv(), EnvConfigSource.ORDINAL),
                new PropertiesConfigSource(jvm, "JVM properties other than ram.*", SYSTEM_PROPERTIES_ORDINAL)),
                defaults, settings);
    }

    private static RamConfig build(SmallRyeConfigBuilder sources, Map<String, String> defaults,
            Map<String, String> overrides) {
        return sources
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(overrides, "command line", 1000))
                .addDiscoveredConverters()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RamConfig.class)
                .withDefaultValues(defaults)
                .build()
                .getConfigMapping(RamConfig.class);
    }
}
