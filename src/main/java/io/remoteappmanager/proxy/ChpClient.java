package io.remoteappmanager.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * the {@code Authorization: token <token>} header CHP expects. Routes we post carry {@link #MARKER} and
 * {@link #APP_MARKER}. CHP keys its table by percent-decoded path (it decodes both the API's path and every
 * proxied request's), so this client speaks decoded paths and encodes them for the request line itself.
 */
public final class ChpClient {

    /** The extra JSON field CHP keeps with a route we own; its value is our realm. */
    public static final String MARKER = "remoteappmanager_realm";

    /** The extra JSON field that names the app ({@code user/mappingId}) a route of ours was made for. */
    public static final String APP_MARKER = "remoteappmanager_app";

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

    /**
     * Where CHP's API is and how to call it ({@code ram.proxy.*}).
     *
     * @param apiUrl         CHP's REST API; empty: no route is ever touched
     * @param apiToken       CHP's API token; empty: the environment variable CONFIGPROXY_AUTH_TOKEN, as CHP reads
     * @param requestTimeout how long one call may take before it counts as an error
     */
    public record Settings(Optional<String> apiUrl, Optional<String> apiToken, Duration requestTimeout) {}

    /** The client {@code proxy} describes: empty when it has no API URL (proxy sync off). */
    public static Optional<ChpClient> fromConfig(Settings proxy) {
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
        String query = "?inactive_since=" + since.truncatedTo(ChronoUnit.MILLIS);
        List<QuietRoute> quiet = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : table(query)) {
            String lastActivity = entry.getValue().path("last_activity").asText("");
            try {
                quiet.add(new QuietRoute(route(entry), Instant.parse(lastActivity)));
            } catch (DateTimeParseException e) {
                throw new ProxyException("CHP at " + apiUrl + ": GET /api/routes" + query + ": route " + entry.getKey()
                        + " has no last_activity time but '" + lastActivity + "'", e);
            }
        }
        return quiet;
    }

    /** A route CHP listed as quiet, and when it last carried a request. */
    public record QuietRoute(ProxyRoute route, Instant lastActivity) {}

    /** Adds the route, or replaces the one at {@code route.path()}, with its markers. */
    public void put(ProxyRoute route) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("target", route.target());
        route.realm().ifPresent(realm -> body.put(MARKER, realm));
        route.app().ifPresent(app -> body.put(APP_MARKER, app));
        try {
            send("POST", route.path(), "", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write route " + route.path(), e);
        }
    }

    public void delete(String path) {
        send("DELETE", path, "", HttpRequest.BodyPublishers.noBody());
    }

    /** The routing table CHP answers to {@code GET /api/routes<query>}, as path → route object. */
    private List<Map.Entry<String, JsonNode>> table(String query) {
        String body = send("GET", "", query, HttpRequest.BodyPublishers.noBody());
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
        return new ProxyRoute(entry.getKey(), entry.getValue().path("target").asText(""),
                text(entry.getValue().path(MARKER)), text(entry.getValue().path(APP_MARKER)));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /**
     * {@code path} is a route key (decoded); it is percent-encoded here, {@code %} included, as CHP decodes it.
     * {@code query} ({@code ?...}, or empty) follows it as given.
     */
    private String send(String method, String path, String query, HttpRequest.BodyPublisher body) {
        String call = method + " /api/routes" + path + query;
        HttpRequest request;
        try {
            String encoded = path.isEmpty() ? "" : new URI(null, null, path, null).toASCIIString();
            request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/routes" + encoded + query))
                    .timeout(timeout)
                    .header("Authorization", "token " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body)
                    .build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RouteRefusedException("CHP at " + apiUrl + ": " + call + ": not a valid URL: " + e.getMessage(), e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status < 300 || method.equals("DELETE") && status == 404) {
                return response.body();
            }
            String failure = "CHP at " + apiUrl + ": " + call + " answered HTTP " + status;
            if (status >= 400 && status < 500 && status != 403 && !path.isEmpty()) {
                throw new RouteRefusedException(failure, null);
            }
            throw new ProxyException(failure + (status == 403 ? " (wrong API token?)" : ""));
        } catch (IOException e) {
            throw new ProxyException("CHP at " + apiUrl + " unreachable: " + call + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxyException("interrupted during " + call + " on CHP at " + apiUrl, e);
        }
    }
}
