package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code spec_hash} of each desired spec, computed once per distinct spec rather than once per pass: hashing
 * a canonical JSON form of a thousand specs would otherwise be most of a no-op pass. Kept by key, and checked
 * against the very spec object first: a source hands back the same objects while its files are unchanged, and
 * hashing a whole spec record to look it up cost more than the rest of a planned key.
 */
final class SpecHashes implements Function<AppSpec, String> {

    private record Known(AppSpec spec, String hash) {

        boolean of(AppSpec other) {
            return spec == other || spec.equals(other);
        }
    }

    private final Function<AppSpec, String> hash;
    private volatile Map<AppKey, Known> known = Map.of();

    SpecHashes(Function<AppSpec, String> hash) {
        this.hash = hash;
    }

    /** Keeps the hashes of {@code desired}'s specs (computing new ones) and forgets the rest. */
    synchronized void retain(DesiredState desired) {
        Map<AppKey, Known> previous = known;
        Map<AppKey, Known> current = new HashMap<>(desired.apps().size() * 2);
        desired.apps().forEach((key, spec) -> {
            Known earlier = previous.get(key);
            current.put(key, earlier != null && earlier.of(spec) ? earlier : new Known(spec, hash.apply(spec)));
        });
        known = current;
    }

    @Override
    public String apply(AppSpec spec) {
        Known value = known.get(spec.key());
        return value != null && value.of(spec) ? value.hash() : hash.apply(spec);
    }
}
