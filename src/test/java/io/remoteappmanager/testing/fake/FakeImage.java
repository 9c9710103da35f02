package io.remoteappmanager.testing.fake;

import io.remoteappmanager.runtime.ImageInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An image a {@link FakeEngine} holds or its registry offers: its id, the registry digest it was pulled by (none for
 * an image only ever built locally), how its process behaves (serving until stopped, or exiting with a code as
 * soon as it starts: a crashing app), and its labels.
 */
public record FakeImage(String reference, String id, Optional<String> digest, OptionalInt exitsAtStart,
        Map<String, String> labels) {

    /** An image that serves until it is stopped, built locally (no registry digest). */
    public static FakeImage serving(String reference) {
        return new FakeImage(reference, "sha256:" + FakeIds.hex64(), Optional.empty(), OptionalInt.empty(), Map.of());
    }

    /** An image whose process exits with {@code code} right after each start. */
    public static FakeImage crashing(String reference, int code) {
        return new FakeImage(reference, "sha256:" + FakeIds.hex64(), Optional.empty(), OptionalInt.of(code), Map.of());
    }

    /** The same image as a registry serves it: with a digest, which a pull keeps. */
    public FakeImage published() {
        return new FakeImage(reference, id, Optional.of("sha256:" + FakeIds.hex64()), exitsAtStart, labels);
    }

    /** The same image with these labels (as a Dockerfile's LABEL gives them). */
    public FakeImage labelled(Map<String, String> labels) {
        return new FakeImage(reference, id, digest, exitsAtStart, Map.copyOf(labels));
    }

    ImageInfo info() {
        String repository = reference.contains(":") ? reference.substring(0, reference.lastIndexOf(':')) : reference;
        return new ImageInfo(id, List.of(reference), labels,
                digest.map(d -> repository + "@" + d).stream().toList());
    }
}
