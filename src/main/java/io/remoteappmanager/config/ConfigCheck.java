package io.remoteappmanager.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every range and form rule of {@link RamConfig} that its types do not already enforce, checked once at start-up, so
 * that a wrong value stops the controller with an error naming its key and no component checks keys of its own.
 */
public final class ConfigCheck {

    private static final String SPREAD = "spread=";

    private final List<String> problems = new ArrayList<>();

    private ConfigCheck() {}

    /**
     * @throws IllegalArgumentException listing every wrong value, each as {@code key: must be ..., got value}
     */
    public static RamConfig validate(RamConfig config) {
        ConfigCheck check = new ConfigCheck();
        check.atLeastOne("ram.readiness.max-concurrent", config.readiness().maxConcurrent());
        check.atLeastOne("ram.liveness.failure-threshold", config.liveness().failureThreshold());
        check.atLeastOne("ram.notify.rate-limit", config.notifications().rateLimit());
        check.positive("ram.notify.rate-period", config.notifications().ratePeriod());
        check.atLeastOne("ram.notify.queue-size", config.notifications().queueSize());
        check.positive("ram.git.interval", config.git().interval());
        check.atLeastOne("ram.logs.max-tail", config.logs().maxTail());
        check.atLeastOne("ram.logs.max-followers", config.logs().maxFollowers());
        check.positive("ram.logs.follow-idle-timeout", config.logs().followIdleTimeout());
        config.images().checkInterval().ifPresent(every -> check.positive("ram.images.check-interval", every));
        for (String preference : config.swarm().placement().preferences().orElse(List.of())) {
            check.rule("ram.swarm.placement.preferences",
                    preference.startsWith(SPREAD) && preference.length() > SPREAD.length(),
                    "spread=<node attribute or label>, such as spread=node.labels.zone", "'" + preference + "'");
        }
        if (!check.problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", check.problems));
        }
        return config;
    }

    /** The node attribute or label of a checked {@code ram.swarm.placement.preferences} entry. */
    public static List<String> spreads(Optional<List<String>> preferences) {
        return preferences.orElse(List.of()).stream().map(p -> p.substring(SPREAD.length())).toList();
    }

    private void atLeastOne(String key, long value) {
        rule(key, value >= 1, "at least 1", value);
    }

    private void positive(String key, Duration value) {
        rule(key, !value.isNegative() && !value.isZero(), "positive", value);
    }

    private void rule(String key, boolean holds, String expected, Object got) {
        if (!holds) {
            problems.add(key + ": must be " + expected + ", got " + got);
        }
    }
}
