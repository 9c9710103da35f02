package io.remoteappmanager.runtime.dockerapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Asks the engine which digest an image's tag names in its registry ({@code GET /distribution/<name>/json}, for which
 * docker-java has no command), so the engine talks to the registry with its own settings (insecure registries,
 * mirrors, certificates) and the configured credentials, and nothing is pulled. Run it inside an engine call, which
 * gives it its deadline.
 */
public final class RegistryDigests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineClient engine;
    private final RegistryAuth auth;

    public RegistryDigests(EngineClient engine, RegistryAuth auth) {
        this.engine = engine;
        this.auth = auth;
    }

    /**
     * The digest {@code reference} names in its registry.
     *
     * @throws DockerException with the engine's words when the registry cannot be reached, refuses us or lacks the tag
     */
    public String of(String reference) {
        Map<String, String> headers = new HashMap<>();
        try {
            if (auth.forImage(reference).isPresent()) {
                headers.put("X-Registry-Auth",
                        Base64.getUrlEncoder().encodeToString(JSON.writeValueAsBytes(auth.forImage(reference).get())));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the credentials for " + reference + " make no JSON: " + e.getMessage(), e);
        }
        JsonNode answer = engine.send(DockerHttpClient.Request.Method.GET, "/distribution/" + reference + "/json",
                headers, null);
        String digest = answer == null ? "" : answer.path("Descriptor").path("digest").asText("");
        if (digest.isEmpty()) {
            throw new DockerException("the engine's answer names no digest: " + answer, 200);
        }
        return digest;
    }
}
