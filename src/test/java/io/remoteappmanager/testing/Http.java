package io.remoteappmanager.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs for tests, to loopback addresses and the test swarm's nodes only, never a container's bridge address. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            // HTTP/1.1: the JDK's h2c upgrade header makes a reverse proxy (CHP) treat a GET as a websocket upgrade
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {}

    /** The body of {@code url}, or throws when it does not answer 200 (so Awaitility can retry). */
    public static String get(String url) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(url + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
