package io.remoteappmanager.api;

import io.remoteappmanager.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Decides whether a git forge's push delivery comes from someone who knows {@code ram.git.webhook-secret}, the way
 * each forge proves it: GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}, Gitea's
 * {@code X-Gitea-Signature: <hex HMAC-SHA256>}, GitLab's {@code X-Gitlab-Token: <the secret itself>} (GitLab does not
 * sign). Every comparison takes constant time; every header present must be right.
 */
final class WebhookSignature {

    /**
     * The headers of one delivery, null when absent.
     *
     * @param github X-Hub-Signature-256 (GitHub, and Gitea too)
     * @param gitea  X-Gitea-Signature
     * @param gitlab X-Gitlab-Token
     */
    record Headers(String github, String gitea, String gitlab) {}

    private WebhookSignature() {}

    /** Why the delivery is refused, or empty when it proves the secret. */
    static Optional<String> refusal(byte[] secret, byte[] body, Headers headers) {
        if (headers.github() == null && headers.gitea() == null && headers.gitlab() == null) {
            return Optional.of("unsigned delivery: expected X-Hub-Signature-256 (GitHub), X-Gitea-Signature (Gitea)"
                    + " or X-Gitlab-Token (GitLab)");
        }
        byte[] expected = HmacSha256.of(secret, body);
        if (headers.github() != null && !(headers.github().startsWith("sha256=")
                && MessageDigest.isEqual(expected, hex(headers.github().substring("sha256=".length()))))) {
            return Optional.of("wrong X-Hub-Signature-256");
        }
        if (headers.gitea() != null && !MessageDigest.isEqual(expected, hex(headers.gitea()))) {
            return Optional.of("wrong X-Gitea-Signature");
        }
        if (headers.gitlab() != null
                && !MessageDigest.isEqual(secret, headers.gitlab().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("wrong X-Gitlab-Token");
        }
        return Optional.empty();
    }

    /** The bytes of a hex string; anything that is not hex gives an empty array, which matches no signature. */
    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
