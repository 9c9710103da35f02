package io.remoteappmanager.api;

import io.remoteappmanager.model.ImageMetadata;
import java.util.List;

/**
 * What an app's image says of it, as the API shows it under {@code app}: absent values as null, {@code icon} a
 * {@code data:image/png;base64,...} URL, {@code settings} the environment variables the app declares it accepts.
 */
public record AppMetadataView(String title, String icon, String description, String kind, List<String> settings) {

    static AppMetadataView of(ImageMetadata m) {
        return new AppMetadataView(m.title().orElse(null), m.icon().orElse(null), m.description().orElse(null),
                m.kind().orElse(null), m.settings());
    }
}
