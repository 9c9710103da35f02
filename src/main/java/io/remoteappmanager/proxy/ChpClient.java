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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
        return table("").stream().map(ChpClient::route).toList();
    }

    /**
     * The routes that carried no request since {@code since} ({@code GET /api/routes?inactive_since=}), with when they
     * last did: CHP records that for every proxied request, and when a route is added or replaced.
     */
    public List<QuietRoute> quietSince(Instant since) {
        String call = "?inactive_since=" + since.truncatedTo(ChronoUnit.MILLIS);
        List<QuietRoute> quiet = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : table(call)) {
            String lastActivity = entry.getValue().path("last_activity").asText("");
            try {
                quiet.add(new QuietRoute(route(entry), Instant.parse(lastActivity)));
            } catch (DateTimeParseException e) {
                throw new ProxyException("CHP at " + apiUrl + ": GET /api/routes" + call + ": route " + entry.getKey()
                        + " has no last_activity time but '" + lastActivity + "'", e);
            }
        }
        return quiet;
    }

    /** A route CHP listed as quiet, and when it last carried a request. */
    public record QuietRoute(ProxyRoute route, Instant lastActivity) {}

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

    /** The routing table CHP answers to {@code GET /api/routes<query>}, as path → route object. */
    private List<Map.Entry<String, JsonNode>> table(String query) {
        String body = send("GET", query, HttpRequest.BodyPublishers.noBody());
        List<Map.Entry<String, JsonNode>> table = new ArrayList<>();
        try {
            JSON.readTree(body).fields().forEachRemaining(table::add);
        } catch (JsonProcessingException e) {
            throw new ProxyException("CHP at " + apiUrl + ": GET /api/routes" + query + " answered no JSON table: "
                    + e.getOriginalMessage(), e);
        }
        return table;
    }

    private static ProxyRoute route(Map.Entry<String, JsonNode> entry) {
        JsonNode marker = entry.getValue().path(MARKER);
        return new ProxyRoute(entry.getKey(), entry.getValue().path("target").asText(""),
                marker.isTextual() ? Optional.of(marker.asText()) : Optional.empty());
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
