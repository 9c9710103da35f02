package io.remoteappmanager.model;

import java.nio.charset.StandardCharsets;

/**
 * The deterministic container name {@code <realm>-<user>-<mappingId>}: one key, one name, so the engine
 * itself refuses a duplicate even from a second controller; and two keys, two names.
 *
 * <p>Each part is escaped reversibly: {@code _} becomes {@code __}, any other character outside
 * {@code [a-zA-Z0-9.-]} becomes {@code _} and its UTF-8 bytes in hex. Realm and user escape {@code -} too, so
 * the dashes between the parts are the first two. So {@code a-b/c} and {@code a/b-c}, or {@code alice@x.org}
 * and {@code alice_x.org}, never share a name.
 */
public final class ContainerNames {

    private ContainerNames() {}

    public static String of(String realm, AppKey app) {
        return escape(realm, false) + "-" + escape(app.user(), false) + "-" + escape(app.mappingId(), true);
    }

    /** {@code alice} stays {@code alice}; {@code alice@x.org} becomes {@code alice_40x.org}, {@code jo-ann} {@code jo_2dann}. */
    private static String escape(String part, boolean keepDash) {
        StringBuilder escaped = new StringBuilder(part.length());
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '_') {
                escaped.append("__");
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || (keepDash && c == '-'))) {
                escaped.append(c);
            } else {
                escaped.append('_').append(String.format("%02x", b & 0xff));
            }
        }
        return escaped.toString();
    }
}
