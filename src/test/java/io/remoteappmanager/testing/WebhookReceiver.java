package io.remoteappmanager.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback (the JDK's HTTP server) that records every request it gets, answers the status
 * codes a test asks for (200 otherwise), can hold its answers until released, and checks signatures on its own.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request as it arrived.
     *
     * @param receivedNanos {@link System#nanoTime()} at its arrival
     * @param headers       by lower-case name
     * @param answered      the status code it got
     */
    public record Request(long receivedNanos, Map<String, String> headers, byte[] body, int answered) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Whether it carries {@code X-Remoteappmanager-Signature: sha256=<HMAC-SHA256 of "<timestamp>.<body>">} under
         * {@code secret}, with a timestamp no older than {@code maxAge}, checked in constant time.
         */
        public boolean signedWith(String secret, Duration maxAge) {
            String timestamp = headers.get("x-remoteappmanager-timestamp");
            String signature = headers.get("x-remoteappmanager-signature");
            if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
                return false;
            }
            long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
            byte[] expected = hmac(secret, (timestamp + "." + new String(body, StandardCharsets.UTF_8)));
            return age <= maxAge.toSeconds() && age >= -maxAge.toSeconds()
                    && MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length())));
        }

        private static byte[] hmac(String secret, String message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Integer> answers = new ArrayDeque<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            long at = System.nanoTime();
            arrivals.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            try {
                held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int code = nextAnswer();
            requests.add(new Request(at, headers, body, code));
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to configure, with a path as real webhook URLs have. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/ram";
    }

    /** The next requests get these codes, in order; then 200 again. */
    public synchronized WebhookReceiver answer(int... codes) {
        for (int code : codes) {
            answers.addLast(code);
        }
        return this;
    }

    /** Requests from now on wait for {@link #release()} before they are answered. */
    public WebhookReceiver hold() {
        held = new CountDownLatch(1);
        return this;
    }

    public void release() {
        held.countDown();
    }

    /** Requests that arrived so far, answered or held. */
    public int arrivals() {
        return arrivals.get();
    }

    /** Every request answered so far, in the order of their answers. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests it took (answered 2xx). */
    public List<Request> accepted() {
        return requests.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    private synchronized int nextAnswer() {
        return answers.isEmpty() ? 200 : answers.removeFirst();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
