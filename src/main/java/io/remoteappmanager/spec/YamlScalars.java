package io.remoteappmanager.spec;

import io.remoteappmanager.spec.YamlNode.Scalar;
import io.remoteappmanager.spec.YamlTreeReader.YamlException;
import java.util.Set;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Which scalars are null and which are booleans, as YAML 1.1 resolves them (the rules the parser applied when
 * Jackson's layer resolved scalars): an empty scalar is an empty string; an untagged plain {@code ~} or {@code null} is null; an untagged
 * plain yes/no/on/off/true/false word is a boolean; the explicit {@code !!null} and {@code !!bool} tags say so
 * themselves, and {@code !!binary} is refused. Set lookups instead of a regex resolver per file.
 */
final class YamlScalars {

    private static final String STANDARD_TAG = "tag:yaml.org,2002:";
    private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL");
    private static final Set<String> BOOLEANS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
            "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> TAGGED_BOOLEANS = Set.of("yes", "no", "on", "off", "true", "false");

    private YamlScalars() {}

    static Scalar scalar(ScalarEvent event, int line, String text) throws YamlException {
        String tag = event.getTag();
        if (text.isEmpty()) {
            return new Scalar(line, text, false, false);
        }
        if (tag == null || tag.equals("!")) {
            boolean plain = event.getImplicit().canOmitTagInPlainScalar();
            return new Scalar(line, text, plain && NULLS.contains(text), plain && BOOLEANS.contains(text));
        }
        return switch (standardName(tag)) {
            case "null" -> new Scalar(line, text, true, false);
            case "bool" -> new Scalar(line, text, false, TAGGED_BOOLEANS.contains(text.toLowerCase(java.util.Locale.ROOT)));
            case "binary" -> throw new YamlException(line, "unsupported YAML value (!!binary)");
            default -> new Scalar(line, text, false, false);
        };
    }

    /** {@code !!bool} (or {@code !!bool,...}) as {@code bool}; any other tag as written. */
    private static String standardName(String tag) {
        if (!tag.startsWith(STANDARD_TAG)) {
            return tag;
        }
        String name = tag.substring(STANDARD_TAG.length());
        int comma = name.indexOf(',');
        return comma < 0 ? name : name.substring(0, comma);
    }
}
