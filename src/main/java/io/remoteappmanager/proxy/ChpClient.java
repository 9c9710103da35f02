package io.remoteappmanager.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.config.RamConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
                routes.add(new ProxyRoute(route.getKey(), route.getValue().path("target").asText(""),
                        text(route.getValue().path(MARKER)), text(route.getValue().path(APP_MARKER))));
            }
        } catch (JsonProcessingException e) {
            throw new ProxyException("CHP at " + apiUrl + ": GET /api/routes answered no JSON table: " + e.getOriginalMessage(), e);
        }
        return routes;
    }

    /** Adds the route, or replaces the one at {@code route.path()}, with its markers. */
    public void put(ProxyRoute route) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("target", route.target());
        route.realm().ifPresent(realm -> body.put(MARKER, realm));
        route.app().ifPresent(app -> body.put(APP_MARKER, app));
        try {
            send("POST", route.path(), HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write route " + route.path(), e);
        }
    }

    public void delete(String path) {
        send("DELETE", path, HttpRequest.BodyPublishers.noBody());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** {@code path} is a route key (decoded); it is percent-encoded here, {@code %} included, as CHP decodes it. */
    private String send(String method, String path, HttpRequest.BodyPublisher body) {
        String call = method + " /api/routes" + path;
        HttpRequest request;
        try {
            String encoded = path.isEmpty() ? "" : new URI(null, null, path, null).toASCIIString();
            request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/routes" + encoded))
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
