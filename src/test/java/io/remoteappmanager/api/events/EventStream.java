package io.remoteappmanager.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A plain HTTP client on {@code GET /api/v1/events}, as {@code curl -N} would read it: every event it received, in order. */
final class EventStream implements AutoCloseable {

    /** One event: its {@code event:} name and its {@code data:} parsed as JSON. */
    record Event(String type, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;

    private EventStream(Stream<String> lines) {
        this.lines = lines;
        Thread reader = new Thread(this::read, "events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(URI events) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(events)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(events + " answered " + response.statusCode());
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                throw new IllegalStateException(events + " is not an event stream: " + response.headers());
            }
            return new EventStream(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Event> received() {
        return List.copyOf(received);
    }

    List<Event> of(String type) {
        return received.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The data of the last event of {@code type}. */
    JsonNode last(String type) {
        List<Event> all = of(type);
        return all.get(all.size() - 1).data();
    }

    boolean has(String type, Predicate<JsonNode> data) {
        return received.stream().anyMatch(e -> e.type().equals(type) && data.test(e.data()));
    }

    @Override
    public void close() {
        lines.close();
    }

    private void read() {
        String type = "message";
        List<String> data = new ArrayList<>();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        received.add(new Event(type, JSON.readTree(String.join("\n", data))));
                    }
                    type = "message";
                    data.clear();
                } else if (line.startsWith("event:")) {
                    type = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring("data:".length()));
                }
            }
        } catch (IOException | UncheckedIOException closed) {
            // the stream was closed by the test or the server
        }
    }
}
