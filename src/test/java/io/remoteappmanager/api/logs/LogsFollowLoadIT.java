package io.remoteappmanager.api.logs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Following an app that writes 1,000 lines a second for 30 s: the controller's heap (this JVM's, after a collection)
 * grows by less than 20 MiB, and a reconcile pass takes no longer than without the follower (within a margin).
 */
@QuarkusTest
@Isolated // Quarkus sets the profile's ram.* settings as JVM system properties: no other test may run meanwhile
@TestProfile(LogsProfile.class)
class LogsFollowLoadIT {

    private static final long MIB = 1024 * 1024;
    private static final Duration LOAD = Duration.ofSeconds(30);
    /** About 1,000 lines a second: 120 lines (which take busybox about 20 ms), then a tenth of a second's rest. */
    private static final String CHATTY = "command: [/bin/sh, -c, 'trap \"exit 0\" TERM; while true; do i=0; while [ $i -lt"
            + " 120 ]; do echo \"line $i of a chatty app, long enough to look like a log line of a real one\";"
            + " i=$((i+1)); done; sleep 0.1; done']";

    @TestHTTPResource("/")
    URL base;

    @Inject
    RamConfig config;

    @Test
    void aFollowerOfAChattyAppKeepsTheHeapAndThePassesAsTheyWere() throws Exception {
        SpecFiles.write(config.specs().dir(), "chatty.yaml", SpecFiles.app("chatty", "carl", TestEngine.HTTPD, CHATTY));
        await().until(() -> given().header("Authorization", "Bearer " + LogsProfile.TOKEN)
                .get("/api/v1/apps/chatty/logs?tail=1").then().extract().asString().startsWith("line "));
        long passBefore = medianPassMillis();
        long heapBefore = heapAfterGc();

        AtomicLong lines = new AtomicLong();
        HttpRequest follow = HttpRequest.newBuilder(URI.create(base + "api/v1/apps/chatty/logs?follow=true&tail=1"))
                .header("Authorization", "Bearer " + LogsProfile.TOKEN).build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(follow, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(line -> lines.incrementAndGet()));
        long started = System.nanoTime();
        await().atMost(LOAD.plusSeconds(30)).until(() -> System.nanoTime() - started >= LOAD.toNanos() / 2);
        long passDuring = medianPassMillis();
        await().atMost(LOAD.plusSeconds(30)).until(() -> System.nanoTime() - started >= LOAD.toNanos());
        long heapDuring = heapAfterGc();
        long received = lines.get();
        response.thenAccept(r -> r.body().close());

        System.out.printf("logs follow load: %d lines in %d s (%d/s); heap after GC %d MiB before, %d MiB after 30 s"
                + " (growth %+.1f MiB); median reconcile pass %d ms before, %d ms during%n", received,
                LOAD.toSeconds(), received / LOAD.toSeconds(), heapBefore / MIB, heapDuring / MIB,
                (heapDuring - heapBefore) / (double) MIB, passBefore, passDuring);
        assertThat(received).as("lines the follower got").isGreaterThan(LOAD.toSeconds() * 800);
        assertThat(heapDuring - heapBefore).as("heap growth in bytes").isLessThan(20 * MIB);
        assertThat(passDuring).as("median pass (ms) while followed").isLessThanOrEqualTo(2 * passBefore + 50);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The median duration of five passes asked for through the API. */
    private static long medianPassMillis() {
        long[] millis = LongStream.range(0, 5).map(i -> {
            given().header("Authorization", "Bearer " + LogsProfile.TOKEN).post("/api/v1/reconcile").then().statusCode(200);
            return given().get("/api/v1/status").then().extract().jsonPath().getLong("durationMillis");
        }).sorted().toArray();
        return millis[2];
    }
}
