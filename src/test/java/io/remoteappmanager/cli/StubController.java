package io.remoteappmanager.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a running controller's REST API on a loopback port: each {@code METHOD /path} answers what the test
 * set, anything else the API's 404, and every request is kept so a test can check what the command line sent.
 */
final class StubController implements AutoCloseable {

    /** One request as it arrived. */
    record Request(String method, String path, String query, String accept, String authorization) {}

    /** Writes a whole answer, for answers that stream. */
    interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    StubController() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with {@code status} and a JSON body. */
    StubController json(String method, String path, int status, String body) {
        return answer(method, path, exchange -> send(exchange, status, "application/json", body));
    }

    StubController answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Accept"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        if (answer == null) {
            send(exchange, 404, "application/json", "{\"error\": \"no such API resource\"}");
            return;
        }
        answer.write(exchange);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
