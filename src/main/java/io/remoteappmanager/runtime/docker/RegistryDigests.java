package io.remoteappmanager.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
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
final class RegistryDigests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;
    private final String apiPath;
    private final RegistryAuth auth;

    /** @param apiPath the API version part of every path ({@code /v1.41}), empty for the engine's own */
    RegistryDigests(DockerHttpClient http, String apiPath, RegistryAuth auth) {
        this.http = http;
        this.apiPath = apiPath;
        this.auth = auth;
    }

    /**
     * The digest {@code reference} names in its registry.
     *
     * @throws DockerException with the engine's words when the registry cannot be reached, refuses us or lacks the tag
     */
    String of(String reference) {
        Map<String, String> headers = new HashMap<>();
        try {
            if (auth.forImage(reference).isPresent()) {
                headers.put("X-Registry-Auth",
                        Base64.getUrlEncoder().encodeToString(JSON.writeValueAsBytes(auth.forImage(reference).get())));
            }
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.GET)
                    .path(apiPath + "/distribution/" + reference + "/json")
                    .putAllHeaders(headers)
                    .build();
            try (DockerHttpClient.Response response = http.execute(request)) {
                JsonNode answer = json(response.getBody().readAllBytes());
                if (response.getStatusCode() >= 400 || answer == null) {
                    throw new DockerException(message(answer, response.getStatusCode()), response.getStatusCode());
                }
                String digest = answer.path("Descriptor").path("digest").asText("");
                if (digest.isEmpty()) {
                    throw new DockerException("the engine's answer names no digest: " + answer, response.getStatusCode());
                }
                return digest;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET /distribution/" + reference + "/json: " + e.getMessage(), e);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The engine's own words: the {@code message} of its JSON error. */
    private static String message(JsonNode answer, int status) {
        return answer != null && answer.hasNonNull("message") ? answer.get("message").asText()
                : "HTTP " + status + " without a message";
    }
}
