package io.remoteappmanager.images;

import io.remoteappmanager.model.ImageMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads what an image says of its app from its labels under one prefix ({@code ram.images.label-prefix}), as the
 * seed's {@code Image} did: {@code ui_name}, {@code icon_128}, {@code description}, {@code type} and
 * {@code env.<name>}. A value that cannot be shown as it is (an icon that is not a PNG, is over
 * {@value #MAX_ICON_BYTES} bytes or is not base64, a kind other than webapp or vncapp, a setting name with other
 * characters than letters, digits, {@code -} and {@code _}) is dropped with a warning naming the image; the rest
 * stays.
 */
public final class ImageLabels {

    /** The largest icon kept, decoded: 256 KiB. */
    public static final int MAX_ICON_BYTES = 256 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final List<String> KINDS = List.of("webapp", "vncapp");
    private static final Pattern SETTING = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * What was read, and one warning per value dropped.
     *
     * @param warnings each names the image and the label, and says why its value was dropped
     */
    public record Read(ImageMetadata metadata, List<String> warnings) {}

    private final String prefix;

    /** @param prefix the label prefix, such as {@code eu.simphony-project.docker.} */
    public ImageLabels(String prefix) {
        this.prefix = prefix;
    }

    /** The metadata in {@code labels} of the image called {@code image} (its reference or id, for warnings). */
    public Read read(String image, Map<String, String> labels) {
        List<String> warnings = new ArrayList<>();
        Optional<String> icon = valid(image, labels, "icon_128", ImageLabels::iconProblem, warnings)
                .map(base64 -> "data:image/png;base64," + base64);
        Optional<String> kind = valid(image, labels, "type", type -> Optional.of(type).filter(t -> !KINDS.contains(t))
                .map(t -> "'" + t + "' is neither webapp nor vncapp"), warnings);
        TreeSet<String> settings = new TreeSet<>();
        String env = prefix + "env.";
        labels.keySet().stream().filter(key -> key.startsWith(env)).map(key -> key.substring(env.length()))
                .forEach(name -> {
                    if (SETTING.matcher(name).matches()) {
                        settings.add(name.toUpperCase(Locale.ROOT).replace('-', '_'));
                    } else {
                        warnings.add(dropped(image, "env." + name,
                                "a setting's name takes letters, digits, '-' and '_' only"));
                    }
                });
        ImageMetadata metadata = new ImageMetadata(value(labels, "ui_name"), icon, value(labels, "description"),
                kind, List.copyOf(settings));
        return new Read(metadata, List.copyOf(warnings));
    }

    private Optional<String> value(Map<String, String> labels, String name) {
        return Optional.ofNullable(labels.get(prefix + name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The label's value, unless {@code problem} finds one in it: then a warning says so. */
    private Optional<String> valid(String image, Map<String, String> labels, String name,
            Function<String, Optional<String>> problem, List<String> warnings) {
        return value(labels, name).filter(v -> {
            Optional<String> found = problem.apply(v);
            found.ifPresent(why -> warnings.add(dropped(image, name, why)));
            return found.isEmpty();
        });
    }

    private String dropped(String image, String label, String why) {
        return "image " + image + ": label " + prefix + label + " dropped: " + why;
    }

    /** Why a base64 icon cannot be shown, or empty when it is a PNG of at most {@link #MAX_ICON_BYTES}. */
    static Optional<String> iconProblem(String text) {
        String oversize = "the icon is over " + MAX_ICON_BYTES / 1024 + " KiB";
        if (text.length() > (MAX_ICON_BYTES + 2) / 3 * 4) {
            return Optional.of(oversize); // not worth decoding
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.of("the icon is not base64 (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_ICON_BYTES) {
            return Optional.of(oversize);
        }
        if (bytes.length < PNG_SIGNATURE.length
                || !Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return Optional.of("the icon is not a PNG image");
        }
        return Optional.empty();
    }
}
