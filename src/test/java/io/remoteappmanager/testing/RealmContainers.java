package io.remoteappmanager.testing;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a test engine's realm holds, grouped by app key, for assertions such as "one running container per app". */
public final class RealmContainers {

    private RealmContainers() {}

    /** Every container of the realm, grouped by key (unlabelled ones under no key are ignored). */
    public static Map<AppKey, List<RuntimeContainer>> byKey(TestEngine engine) {
        return engine.runtime.list(engine.labels.realmFilter()).stream()
                .filter(c -> engine.labels.appKey(c.labels()).isPresent())
                .collect(Collectors.groupingBy(c -> engine.labels.appKey(c.labels()).orElseThrow(),
                        () -> new TreeMap<>(java.util.Comparator.comparing(AppKey::toString)), Collectors.toList()));
    }

    /** Whether each of {@code keys} has exactly one container, running, and the realm holds nothing else. */
    public static boolean converged(TestEngine engine, List<AppKey> keys) {
        Map<AppKey, List<RuntimeContainer>> all = byKey(engine);
        return all.size() == keys.size() && keys.stream().allMatch(k -> Optional.ofNullable(all.get(k))
                .filter(cs -> cs.size() == 1 && cs.get(0).state().isUp()).isPresent());
    }

    /** The id of each key's single container. */
    public static Map<AppKey, String> ids(TestEngine engine) {
        return byKey(engine).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().get(0).id()));
    }

    /** {@code count} apps {@code app-N} of user {@code user} on {@code image}, one file each. */
    public static List<AppKey> writeApps(java.nio.file.Path dir, String user, String image, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            SpecFiles.write(dir, "app-" + i + ".yaml", SpecFiles.app("app-" + i, user, image));
            return new AppKey(user, "app-" + i);
        }).toList();
    }
}
