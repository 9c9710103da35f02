package io.remoteappmanager.runtime;

import io.remoteappmanager.model.AppSpec.SecretDelivery;
import io.remoteappmanager.model.AppSpec.SecretRef;
import java.nio.charset.StandardCharsets;

/**
 * One secret's content on its way to the engine: the only value that carries it, so its {@link #toString} never shows
 * it. As a file it lands at {@code /run/secrets/<file>}; as an environment variable {@code name} holds it.
 *
 * @param digest the SHA-256 of the content, which names a swarm's secret object
 */
public record SecretValue(String name, SecretRef ref, String digest, byte[] content) {

    /** The content as an environment variable's value: UTF-8, without the one line end files usually close with. */
    public String environmentValue() {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    public boolean asFile() {
        return ref.as() == SecretDelivery.file;
    }

    @Override
    public String toString() {
        return "SecretValue[" + name + " from " + ref.file() + " as " + ref.as() + ", sha256 " + digest + "]";
    }
}
