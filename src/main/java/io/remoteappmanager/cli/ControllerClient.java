package io.remoteappmanager.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The REST API of a running controller as the command line uses it (JDK HTTP client, Jackson), with every way a call
 * can fail turned into one {@link ControllerError} that says what to do: start the controller or fix {@code --server},
 * pass the token, or look up the app's name.
 */
final class ControllerClient {

    /** Reads the API's JSON into its own view records, ignoring fields a newer controller may add. */
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);
    /** Longer than the controller's own limit on a requested pass ({@code ram.health.max-pass-duration}, 5 min). */
    private static final Duration PASS_TIMEOUT = Duration.ofMinutes(10);
    private static final int ERROR_BODY_LIMIT = 4096;

    private final URI server;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ControllerClient(URI server, Optional<String> token) {
        this.server = server;
        this.token = token;
    }

    URI server() {
        return server;
    }

    /** GETs {@code path} as JSON; {@code subject} (such as "app 'x'") names what a 404 did not find. */
    JsonNode get(String path, String subject) {
        return json(request(path, "application/json").GET().timeout(READ_TIMEOUT).build(), subject);
    }

    /** {@code name} as one path segment, escaped where it needs to be. */
    static String segment(String name) {
        try {
            return new URI(null, null, name, null).getRawPath().replace("/", "%2F");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot escape '" + name + "' for a URL path", e);
        }
    }

    /** One of the API's documents as its view record; a shape the record cannot take means a mismatched controller. */
    static <T> T as(JsonNode document, Class<T> type) {
        try {
            return JSON.treeToValue(document, type);
        } catch (IOException e) {
            throw new ControllerError("the controller's answer does not have the shape of " + type.getSimpleName()
                    + " (is it another version?): " + e.getMessage(), e);
        }
    }

    /** POSTs to {@code path} and returns the JSON answer. */
    JsonNode post(String path) {
        return json(request(path, "application/json").POST(HttpRequest.BodyPublishers.noBody())
                .timeout(PASS_TIMEOUT).build(), "resource " + path);
    }

    /**
     * GETs {@code path} as text and copies the body to {@code out} as it arrives, flushing after each chunk, until the
     * controller ends it or {@code out} fails (its reader went away, as {@code logs -f | head} does).
     */
    void stream(String path, String subject, PrintWriter out) {
        HttpResponse<InputStream> response = send(request(path, "text/plain").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw failure(response.statusCode(), new String(body.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8),
                        subject);
            }
            Reader text = new InputStreamReader(body, StandardCharsets.UTF_8);
            char[] chunk = new char[8192];
            for (int n = text.read(chunk); n >= 0 && !out.checkError(); n = text.read(chunk)) {
                out.write(chunk, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            throw new ControllerError("the controller at " + server + " broke off the stream: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path)).header("Accept", accept);
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private JsonNode json(HttpRequest request, String subject) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body(), subject);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ControllerError("the controller at " + server + " answered something that is not JSON: "
                    + e.getMessage(), e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ControllerError("cannot reach the controller at " + server + " (" + describe(e)
                    + "): is it running? Give its address with --server or " + ServerOptions.SERVER_VARIABLE, e);
        } catch (IOException e) {
            throw new ControllerError("the controller at " + server + " did not answer: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControllerError("interrupted while waiting for the controller at " + server, e);
        }
    }

    private ControllerError failure(int status, String body, String subject) {
        String reason = reason(body);
        return switch (status) {
            case 401 -> new ControllerError(status, "the controller at " + server + " wants the API token: " + reason
                    + "; pass --token or set " + ServerOptions.TOKEN_VARIABLE);
            case 404 -> new ControllerError(status, subject + " not found on " + server + ": " + reason);
            default -> new ControllerError(status, "the controller at " + server + " answered HTTP " + status + ": "
                    + reason);
        };
    }

    /** The API's {@code {"error": "..."}} message, or the start of whatever else the body holds. */
    private static String reason(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isTextual()) {
                return error.asText();
            }
        } catch (IOException e) {
            // not the API's error shape: show the text itself
        }
        String text = body.strip();
        return text.isEmpty() ? "(no message)" : text.substring(0, Math.min(text.length(), 300));
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage()
                : e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }
}
