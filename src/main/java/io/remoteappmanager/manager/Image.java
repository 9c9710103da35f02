package io.remoteappmanager.manager;

import io.remoteappmanager.model.ImageMetadata;

/**
 * A local image as the seed's API returns it: its engine id, its name (its first tag, or empty for an untagged one)
 * and what its labels say of the app it holds.
 */
public record Image(String dockerId, String name, ImageMetadata app) {}
