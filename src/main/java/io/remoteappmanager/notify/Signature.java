package io.remoteappmanager.notify;

import io.remoteappmanager.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What lets a receiver check that a notification comes from a controller that knows the webhook's secret and is
 * not a replay: {@code X-Remoteappmanager-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} next to
 * {@code X-Remoteappmanager-Timestamp: <unix seconds>}. The timestamp is signed with the body, so it cannot be
 * changed; a receiver refuses a stale one.
 */
final class Signature {

    static final String SIGNATURE_HEADER = "X-Remoteappmanager-Signature";
    static final String TIMESTAMP_HEADER = "X-Remoteappmanager-Timestamp";

    private Signature() {}

    /** {@code sha256=<hex>} of {@code body} sent at {@code timestamp} (unix seconds), under {@code secret}. */
    static String of(byte[] secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "sha256=" + HexFormat.of().formatHex(HmacSha256.of(secret, signed));
    }
}
