package io.remoteappmanager.model;

import java.util.List;
import java.util.Optional;

/**
 * What an image says of the app it holds, read from its labels: so the API, the dashboard and the CLI can show a
 * person the app's name, icon and description instead of an image reference, as the seed's {@code Image} did.
 *
 * @param title       the app's name for people ({@code ui_name})
 * @param icon        its icon as a {@code data:image/png;base64,...} URL ({@code icon_128}), checked to be a PNG
 * @param description what it is ({@code description})
 * @param kind        how it is used ({@code type}: {@code webapp} or {@code vncapp})
 * @param settings    the environment variables it declares it accepts ({@code env.<name>}), upper-cased, with
 *                    {@code -} as {@code _}, sorted
 */
public record ImageMetadata(Optional<String> title, Optional<String> icon, Optional<String> description,
        Optional<String> kind, List<String> settings) {

    /** An image that says nothing of its app. */
    public static final ImageMetadata NONE = new ImageMetadata(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of());

    public ImageMetadata {
        settings = List.copyOf(settings);
    }
}
