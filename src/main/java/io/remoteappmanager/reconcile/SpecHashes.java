package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code spec_hash} of each desired spec, computed once per distinct spec rather than once per pass: hashing
 * a canonical JSON form of a thousand specs would otherwise be most of a no-op pass.
 */
final class SpecHashes implements Function<AppSpec, String> {

    private final Function<AppSpec, String> hash;
    private volatile Map<AppSpec, String> known = Map.of();

    SpecHashes(Function<AppSpec, String> hash) {
        this.hash = hash;
    }

    /** Keeps the hashes of {@code desired}'s specs (computing new ones) and forgets the rest. */
    synchronized void retain(DesiredState desired) {
        Map<AppSpec, String> previous = known;
        Map<AppSpec, String> current = new HashMap<>(desired.apps().size() * 2);
        for (AppSpec spec : desired.apps().values()) {
            String value = previous.get(spec);
            current.put(spec, value != null ? value : hash.apply(spec));
        }
        known = current;
    }

    @Override
    public String apply(AppSpec spec) {
        String value = known.get(spec);
        return value != null ? value : hash.apply(spec);
    }
}
