package io.remoteappmanager.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.FreePort;
import io.remoteappmanager.testing.LogCapture;
import io.remoteappmanager.testing.SilentServer;
import io.remoteappmanager.testing.WebhookReceiver;
import io.remoteappmanager.time.Backoff;
import io.remoteappmanager.time.MonotonicClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** One webhook's delivery against real receivers on loopback: signed, in order, retried, rate-limited, bounded. */
@Execution(ExecutionMode.CONCURRENT)
class WebhookSinkTest {

    /**
     * Short pauses; a timeout long enough that a loaded machine's slow answer is not taken for a failure (the try
     * would be repeated and the receiver would get the event twice).
     */
    static final WebhookSink.Settings QUICK = new WebhookSink.Settings(Duration.ofSeconds(10), 100,
            Duration.ofSeconds(1), 10, 5, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)));

    final MeterRegistry metrics = new SimpleMeterRegistry();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void signedEventsArriveInOrderAsTheDocumentedJson() {
        WebhookReceiver receiver = open(WebhookReceiver.start());
        WebhookSink sink = sink("signed", receiver.url(), Optional.of("s3cret"), QUICK);

        List<Notification> sent = IntStream.range(0, 3).mapToObj(WebhookSinkTest::event).toList();
        sent.forEach(sink::offer);

        // the receiver records a request before it answers, the sink counts it once answered
        await().until(() -> receiver.accepted().size() == 3 && count("ram.notify.delivered") == 3);
        List<WebhookReceiver.Request> got = receiver.accepted();
        for (int i = 0; i < 3; i++) {
            WebhookReceiver.Request request = got.get(i);
            assertThat(request.signedWith("s3cret", Duration.ofMinutes(5))).as("signature of request %d", i).isTrue();
            assertThat(request.signedWith("other", Duration.ofMinutes(5))).isFalse();
            assertThat(request.headers()).containsEntry("x-remoteappmanager-delivery", sent.get(i).id())
                    .containsEntry("x-remoteappmanager-event", "app").containsEntry("content-type", "application/json");
        }
        JsonNode first = got.get(0).json();
        assertThat(fieldNames(first)).containsExactly("id", "type", "state", "time", "realm", "app", "from", "to",
                "reason");
        assertThat(first.get("state").asText()).isEqualTo("firing");
        assertThat(first.get("time").asText()).isEqualTo("2030-01-01T12:00:00Z");
        assertThat(first.get("app").get("key").asText()).isEqualTo("alice/app0");
        assertThat(first.get("app").get("user").asText()).isEqualTo("alice");
        assertThat(first.get("app").get("mappingId").asText()).isEqualTo("app0");
        assertThat(first.get("from").asText()).isEqualTo("Restarting");
        assertThat(first.get("to").asText()).isEqualTo("CrashLoopBackOff");
        assertThat(got.stream().map(r -> r.json().get("app").get("key").asText()))
                .as("in order").containsExactly("alice/app0", "alice/app1", "alice/app2");
        assertThat(count("ram.notify.delivered")).isEqualTo(3);
    }

    @Test
    void failuresAreRetriedWithGrowingPausesAndLoggedOnce() {
        WebhookReceiver receiver = open(WebhookReceiver.start().answer(500, 502, 503));
        try (LogCapture log = LogCapture.of(WebhookSink.class.getName())) {
            WebhookSink sink = sink("flaky", receiver.url(), Optional.empty(), QUICK);
            sink.offer(event(0));

            // once answered, the sink counts the delivery, then logs the recovery
            await().until(() -> receiver.accepted().size() == 1 && log.lines().stream()
                    .anyMatch(l -> l.startsWith("INFO") && l.contains("flaky (")));
            List<WebhookReceiver.Request> tries = receiver.requests();
            assertThat(tries).extracting(WebhookReceiver.Request::answered).containsExactly(500, 502, 503, 200);
            assertThat(tries).extracting(r -> r.headers().get("x-remoteappmanager-delivery")).as("one event").hasSize(4)
                    .containsOnly(tries.get(0).headers().get("x-remoteappmanager-delivery"));
            for (int i = 1; i < tries.size(); i++) {
                Duration pause = Duration.ofNanos(tries.get(i).receivedNanos() - tries.get(i - 1).receivedNanos());
                assertThat(pause).as("pause before try %d", i + 1).isGreaterThanOrEqualTo(QUICK.backoff().delay(i));
            }
            assertThat(count("ram.notify.failed")).isEqualTo(3);
            assertThat(count("ram.notify.delivered")).isEqualTo(1);
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN") && l.contains("flaky ("))
                    .as("one warning for the episode")
                    .singleElement().asString().contains("flaky (http://127.0.0.1:").contains("answered HTTP 500")
                    .doesNotContain("/hooks/ram");
            assertThat(log.lines()).filteredOn(l -> l.startsWith("INFO") && l.contains("flaky (")).singleElement()
                    .asString()
                    .contains("delivered again after 3 failed tries");
        }
    }

    @Test
    void theRateLimitHoldsAndDelaysWithoutDropping() {
        WebhookReceiver receiver = open(WebhookReceiver.start());
        Duration period = Duration.ofSeconds(3);
        WebhookSink sink = sink("limited", receiver.url(), Optional.empty(),
                new WebhookSink.Settings(QUICK.timeout(), 2, period, 10, 5, QUICK.backoff()));

        IntStream.range(0, 5).mapToObj(WebhookSinkTest::event).forEach(sink::offer);

        await().until(() -> receiver.accepted().size() == 5);
        List<WebhookReceiver.Request> got = receiver.accepted();
        for (int i = 2; i < got.size(); i++) {
            Duration span = Duration.ofNanos(got.get(i).receivedNanos() - got.get(i - 2).receivedNanos());
            // a request is sent a full period after the one two before it; on a loaded machine one may take a
            // while to arrive, so only half a period is sure to lie between their arrivals (without a limit: none)
            assertThat(span).as("3 requests within one period").isGreaterThan(period.dividedBy(2));
        }
        assertThat(count("ram.notify.dropped")).isZero();
    }

    @Test
    void aFullQueueDropsTheOldestEventAndCountsIt() {
        WebhookReceiver receiver = open(WebhookReceiver.start().hold());
        WebhookSink sink = sink("small", receiver.url(), Optional.empty(),
                new WebhookSink.Settings(Duration.ofSeconds(30), 100, Duration.ofSeconds(1), 2, 5, QUICK.backoff()));

        sink.offer(event(0));
        await().until(() -> receiver.arrivals() == 1);
        IntStream.range(1, 5).mapToObj(WebhookSinkTest::event).forEach(sink::offer);
        receiver.release();

        await().until(() -> receiver.accepted().size() == 3);
        assertThat(receiver.accepted()).extracting(r -> r.json().get("app").get("key").asText())
                .containsExactly("alice/app0", "alice/app3", "alice/app4");
        assertThat(metrics.get("ram.notify.dropped").tag("reason", "queue-full").counter().count()).isEqualTo(2);
    }

    @Test
    void aDeadOrHangingReceiverDelaysNoOtherWebhookAndEachFailsWithItsReason() {
        WebhookReceiver good = open(WebhookReceiver.start());
        SilentServer hanging = open(SilentServer.start());
        WebhookSink.Settings failFast = new WebhookSink.Settings(Duration.ofSeconds(1), 100, Duration.ofSeconds(1), 10,
                2, QUICK.backoff());
        // the log category is shared with the other tests of this class running at the same time: match by address
        String deadOrigin = "http://127.0.0.1:" + FreePort.onLoopback();
        try (LogCapture log = LogCapture.of(WebhookSink.class.getName())) {
            List<WebhookSink> sinks = List.of(
                    sink("dead", deadOrigin + "/x", Optional.empty(), failFast),
                    sink("hanging", "http://" + hanging.address() + "/x", Optional.empty(), failFast),
                    sink("good", good.url(), Optional.empty(), QUICK));

            IntStream.range(0, 3).mapToObj(WebhookSinkTest::event).forEach(e -> sinks.forEach(s -> s.offer(e)));

            await().until(() -> good.accepted().size() == 3);
            assertThat(hanging.connections()).as("the hanging receiver holds its first request").isGreaterThan(0);
            await().until(() -> dropped("dead") == 3 && dropped("hanging") == 3);
            assertThat(metrics.get("ram.notify.failed").tag("sink", "dead").counter().count()).isEqualTo(6);
            assertThat(metrics.get("ram.notify.failed").tag("sink", "hanging").counter().count()).isEqualTo(6);
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN") && l.contains("dead (" + deadOrigin + ")")).singleElement()
                    .asString().contains("ConnectException");
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN") && l.contains("hanging (http://" + hanging.address() + ")")).singleElement()
                    .asString().contains("no answer within 1000 ms");
        }
    }

    private WebhookSink sink(String name, String url, Optional<String> secret, WebhookSink.Settings settings) {
        WebhookSink sink = new WebhookSink(new WebhookSink.Target(name, URI.create(url),
                secret.map(s -> s.getBytes(StandardCharsets.UTF_8)), Optional.empty()), settings, http, metrics,
                MonotonicClock.system());
        sink.start();
        return open(sink);
    }

    private double dropped(String sink) {
        return metrics.get("ram.notify.dropped").tag("sink", sink).tag("reason", "gave-up").counter().count();
    }

    private double count(String name) {
        return metrics.get(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    static Notification event(int n) {
        return Notification.app("realm1", new Notification.App(new AppKey("alice", "app" + n), Optional.empty()),
                true, Instant.parse("2030-01-01T12:00:00Z"), Optional.of("Restarting"),
                Optional.of("CrashLoopBackOff"), "exited with code 1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
