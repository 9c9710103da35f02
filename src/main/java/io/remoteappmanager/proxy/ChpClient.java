package io.remoteappmanager.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.config.RamConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * configurable-http-proxy's REST API ({@code GET/POST/DELETE /api/routes}) on the JDK's HTTP client, with
 * the {@code Authorization: token <token>} header CHP expects. Routes we post carry {@link #MARKER}.
 */
public final class ChpClient {

    /** The extra JSON field CHP keeps with a route we own; its value is our realm. */
    public static final String MARKER = "remoteappmanager_realm";

    /** The environment variable CHP itself reads its token from. */
    static final String TOKEN_ENV = "CONFIGPROXY_AUTH_TOKEN";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    public ChpClient(String apiUrl, String token, Duration timeout) {
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The client {@code ram.proxy.*} describes: empty when {@code ram.proxy.api-url} is not set (proxy sync off). */
    public static Optional<ChpClient> fromConfig(RamConfig.Proxy proxy) {
        return proxy.apiUrl().map(url -> new ChpClient(url,
                proxy.apiToken().or(() -> Optional.ofNullable(System.getenv(TOKEN_ENV))).orElseThrow(() ->
                        new IllegalStateException("ram.proxy.api-url is set but neither ram.proxy.api-token nor "
                                + TOKEN_ENV + " gives CHP's API token")),
                proxy.requestTimeout()));
    }

    public String apiUrl() {
        return apiUrl;
    }

    /** The whole routing table. */
    public List<ProxyRoute> routes() {
        String body = send("GET", "", HttpRequest.BodyPublishers.noBody());
        List<ProxyRoute> routes = new ArrayList<>();
        try {
            Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(body).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> route = fields.next();
                JsonNode marker = route.getValue().path(MARKER);
                routes.add(new ProxyRoute(route.getKey(), route.getValue().path("target").asText(""),
                        marker.isTextual() ? Optional.of(marker.asText()) : Optional.empty()));
            }
        } catch (JsonProcessingException e) {
            throw new ProxyException("CHP at " + apiUrl + ": GET /api/routes answered no JSON table: " + e.getOriginalMessage(), e);
        }
        return routes;
    }

    /** Adds the route, or replaces the one at {@code path}, marked as {@code realm}'s. */
    public void put(String path, String target, String realm) {
        Map<String, String> route = new LinkedHashMap<>();
        route.put("target", target);
        route.put(MARKER, realm);
        try {
            send("POST", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(route)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write route " + path, e);
        }
    }

    public void delete(String path) {
        send("DELETE", path, HttpRequest.BodyPublishers.noBody());
    }

    private String send(String method, String path, HttpRequest.BodyPublisher body) {
        String call = method + " /api/routes" + path;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/routes" + path))
                    .timeout(timeout)
                    .header("Authorization", "token " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ProxyException("CHP at " + apiUrl + ": " + call + ": not a valid URL: " + e.getMessage(), e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new ProxyException("CHP at " + apiUrl + ": " + call + " answered HTTP " + response.statusCode()
                        + (response.statusCode() == 403 ? " (wrong API token?)" : ""));
            }
            return response.body();
        } catch (IOException e) {
            throw new ProxyException("CHP at " + apiUrl + " unreachable: " + call + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxyException("interrupted during " + call + " on CHP at " + apiUrl, e);
        }
    }
}
