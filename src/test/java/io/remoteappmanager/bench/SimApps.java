package io.remoteappmanager.bench;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.Readiness;
import io.remoteappmanager.model.AppSpec.Resources;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.testing.TestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Numbered apps built in memory as the spec reader would give them (app {@code i}: user {@code u00042}, name
 * {@code app-00042}, the keys {@link BenchSpecs} writes files for), and the same apps edited so that each one's
 * container must be recreated.
 */
final class SimApps {

    private SimApps() {}

    /** App {@code i} as first written. */
    static AppSpec spec(int i) {
        return spec(i, Map.of("THEME", "dark"));
    }

    /** App {@code i} with one more environment variable: a different {@code spec_hash}, so a recreate. */
    static AppSpec edited(int i) {
        return spec(i, Map.of("THEME", "dark", "EDITED", "1"));
    }

    /** Apps {@code 0..n-1}, the first {@code edited} of them edited. */
    static Map<AppKey, AppSpec> apps(int n, int edited) {
        Map<AppKey, AppSpec> apps = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            AppSpec spec = i < edited ? edited(i) : spec(i);
            apps.put(spec.key(), spec);
        }
        return apps;
    }

    private static AppSpec spec(int i, Map<String, String> environment) {
        String name = String.format("app-%05d", i);
        return new AppSpec(name, String.format("u%05d", i), TestEngine.HTTPD, name, "/user/u" + i, Optional.empty(),
                OptionalInt.empty(), Map.of(), environment, List.of(),
                new Resources(Optional.of(256L << 20), Optional.of(0.5), Optional.empty()), RestartPolicy.Always,
                PullPolicy.IfNotPresent, false, new SpecOrigin(name + ".yaml", name, 1), Readiness.DEFAULTS,
                Optional.empty(), AppSpec.Placement.DEFAULTS, Optional.empty(), Map.of());
    }
}
